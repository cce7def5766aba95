"""The demonstration data take the demo set through a silence procedure to a first publication, once."""

import io

import pytest
from django.core.management import call_command

from approvals.choices import Action, FileFormat, RequestState
from approvals.models import ApprovalRequest, Publication


@pytest.mark.django_db
def test_load_demo_publishes_once(client_for) -> None:
    out = io.StringIO()
    call_command("load_reference", "--builtin-only", stdout=out)
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=out)
    assert Publication.objects.count() == 1, out.getvalue()
    approval = ApprovalRequest.objects.get()
    assert approval.state == RequestState.PUBLISHED
    assert list(approval.events.values_list("action", flat=True)) == [
        Action.CREATE, Action.SUBMIT, Action.OPEN_REVIEW, Action.APPROVE, Action.PUBLISH
    ]  # fmt: skip
    publication = Publication.objects.get()
    assert publication.files.count() == len(FileFormat.values)
    assert client_for(None).get("/publications/latest/", follow=True).status_code == 200
    assert "published as" in out.getvalue()
