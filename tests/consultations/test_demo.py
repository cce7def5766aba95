import io
from importlib import import_module
from importlib.util import find_spec

import pytest

from consultations import selectors
from consultations.demo import DEMO_ROUND_TITLE
from consultations.models import Comment, Round

pytestmark = pytest.mark.django_db


def test_the_demo_round_is_closed_answered_and_loads_once() -> None:
    out = io.StringIO()
    from mapping.services import load_builtin_reference

    load_builtin_reference()  # the GCM objectives and SDG indicators the demo candidates link to
    for app in ("accounts", "mapping", "indicators", "consultations", "consultations"):
        if find_spec(f"{app}.demo") is not None:
            import_module(f"{app}.demo").load(out)
    if not Round.objects.filter(title=DEMO_ROUND_TITLE).exists():
        pytest.skip(f"the demo set of the indicators app is not available here: {out.getvalue()}")

    round_ = Round.objects.get(title=DEMO_ROUND_TITLE)
    assert round_.set_version.is_frozen
    assert round_.state == "synthesised" and round_.synthesis["candidates"]
    assert selectors.official_submissions(round_).count() >= 3
    assert Comment.objects.filter(submission__round=round_).count() > 0
    assert not selectors.comments_without_disposition(round_.set_version).exists()
    assert Round.objects.filter(title=DEMO_ROUND_TITLE).count() == 1
