"""Who may move an indicator along draft -> candidate -> shortlisted, or withdraw / merge it."""

import pytest

from config.errors import InvalidInput, NotAllowed, WorkflowError
from indicators import services
from indicators.models import Indicator
from tests.factories.indicators import make_indicator, revision_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "start", "action", "outcome"),
    [
        ("co_lead", "draft", "propose", "candidate"),
        ("co_lead", "candidate", "shortlist", "shortlisted"),
        ("co_lead", "shortlisted", "unshortlist", "candidate"),
        ("co_lead", "candidate", "withdraw", "withdrawn"),
        ("co_lead", "withdrawn", "reinstate", "candidate"),
        ("co_lead", "draft", "shortlist", WorkflowError),
        ("co_lead", "withdrawn", "shortlist", WorkflowError),
        ("secretariat", "candidate", "shortlist", NotAllowed),
        ("stakeholder", "draft", "propose", NotAllowed),
        ("excom_member", "candidate", "withdraw", NotAllowed),
    ],
)
def test_who_may_take_which_transition(request, persona, start, action, outcome):
    user = request.getfixturevalue(persona)
    indicator = make_indicator()
    Indicator.objects.filter(pk=indicator.pk).update(state=start)
    indicator = Indicator.objects.get(pk=indicator.pk)
    if isinstance(outcome, type):
        with pytest.raises(outcome):
            services.change_indicator_state(indicator=indicator, action=action, by=user)
        assert Indicator.objects.get(pk=indicator.pk).state == start
    else:
        assert services.change_indicator_state(indicator=indicator, action=action, by=user).state == outcome
        assert indicator.events.filter(action=action).exists()


def test_merge_needs_another_indicator(co_lead):
    first, second = make_indicator(), make_indicator()
    with pytest.raises(InvalidInput):
        services.change_indicator_state(indicator=first, action="merge", by=co_lead, merged_into=first)
    merged = services.change_indicator_state(indicator=first, action="merge", by=co_lead, merged_into=second)
    assert merged.state == "merged" and merged.merged_into == second


def test_state_cannot_be_set_directly(db):
    indicator = make_indicator()
    with pytest.raises(AttributeError):
        indicator.state = "shortlisted"


def test_withdrawn_indicators_cannot_be_edited_or_added(co_lead):
    indicator = make_indicator()
    indicator = services.change_indicator_state(indicator=indicator, action="withdraw", by=co_lead)
    with pytest.raises(WorkflowError):
        services.revise_indicator(indicator=indicator, data=revision_data(), by=co_lead)
    from tests.factories.indicators import make_set

    _set, version = make_set()
    with pytest.raises(WorkflowError):
        services.add_to_set_version(version=version, indicator=indicator, by=co_lead)


def test_only_co_leads_create_and_revise(stakeholder, co_lead):
    with pytest.raises(NotAllowed):
        services.create_indicator(code="GCM-X", data=revision_data(), by=stakeholder)
    indicator = services.create_indicator(code="gcm-x", data=revision_data(), by=co_lead)
    assert indicator.code == "GCM-X" and indicator.current_revision.created_by == co_lead
    with pytest.raises(InvalidInput):
        services.create_indicator(code="GCM-X", data=revision_data(), by=co_lead)


def test_one_primary_objective(co_lead):
    indicator = make_indicator(other_objectives=[6, 7])
    links = indicator.current_revision.objective_links.all()
    assert [(link.objective.number, link.is_primary) for link in links] == [(6, True), (7, False)]
    with pytest.raises(InvalidInput):
        services.create_indicator(
            code="GCM-Y",
            data=services.RevisionData(title="T", definition="D", rationale="R", primary_objective=99),
            by=co_lead,
        )
