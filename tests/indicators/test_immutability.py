"""A revision listed in a frozen set version never changes: not through services, the ORM or raw SQL."""

import pytest
from django.db import IntegrityError, connection, transaction

from config.errors import Immutable
from indicators import services
from indicators.models import IndicatorRevision, SetVersionItem
from indicators.services import PlanLine
from tests.factories.indicators import make_indicator, make_set, revision_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(co_lead):
    indicator = make_indicator(
        "GCM-06-1", sdg_links=[("10.7.1", "identical")], plan=[PlanLine("sex")], principles=[1]
    )
    _set, version = make_set(indicators=[indicator])
    version = services.freeze_set_version(version=version, by=co_lead)
    return indicator, version


def test_save_of_a_frozen_revision_is_refused_with_a_clear_error(frozen):
    revision = frozen[0].revisions.get()
    revision.title = "Changed"
    with pytest.raises(Immutable, match="frozen set version"):
        revision.save()


def test_queryset_update_is_refused(frozen):
    with pytest.raises(Immutable, match="Revision 1 of GCM-06-1"):
        IndicatorRevision.objects.filter(indicator=frozen[0]).update(title="Changed")


def test_the_database_refuses_an_update_that_bypasses_the_orm(frozen):
    revision = frozen[0].revisions.get()
    message = "Revision 1 of GCM-06-1 is listed in a frozen set version"
    with pytest.raises(IntegrityError, match=message), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE indicators_indicatorrevision SET title = 'x' WHERE id = %s", [revision.pk])
    revision.refresh_from_db()
    assert revision.title != "x"


def test_links_plan_and_deletion_of_a_frozen_revision_are_refused(frozen):
    revision = frozen[0].revisions.get()
    for queryset in (revision.sdg_links.all(), revision.disaggregation_plan.all(), revision.principle_links.all()):
        with pytest.raises(IntegrityError, match="frozen set version"), transaction.atomic():
            queryset.delete()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM indicators_indicatorrevision WHERE id = %s", [revision.pk])


def test_a_frozen_version_keeps_its_items_and_cannot_be_unfrozen(frozen):
    indicator, version = frozen
    with pytest.raises(IntegrityError, match="frozen"), transaction.atomic():
        SetVersionItem.objects.filter(version=version).delete()
    with pytest.raises(IntegrityError, match="unfrozen"), transaction.atomic():
        type(version).objects.filter(pk=version.pk).update(frozen_at=None)
    with pytest.raises(Immutable):
        services.add_to_set_version(version=version, indicator=make_indicator(), by=None)


def test_editing_a_frozen_indicator_creates_a_new_revision(frozen, co_lead):
    indicator, version = frozen
    data = services.RevisionData.from_revision(indicator.revisions.get(), title="Recruitment costs, revised")
    revision = services.revise_indicator(indicator=indicator, data=data, by=co_lead)
    assert revision.number == 2
    assert indicator.revisions.get(number=1).title == "Recruitment costs borne by migrant workers"
    assert list(version.items.values_list("revision__number", flat=True)) == [1]


def test_draft_revisions_can_still_be_corrected_in_the_admin(db):
    indicator = make_indicator()
    IndicatorRevision.objects.filter(indicator=indicator).update(unit="%")
    assert indicator.revisions.get().unit == "%"


def test_freezing_is_idempotent(frozen, co_lead):
    _indicator, version = frozen
    first = version.frozen_at
    assert services.freeze_set_version(version=version, by=co_lead).frozen_at == first


def test_an_empty_version_cannot_be_frozen(co_lead):
    from config.errors import WorkflowError

    _set, version = make_set()
    with pytest.raises(WorkflowError):
        services.freeze_set_version(version=version, by=co_lead)


def test_revision_data_round_trip(db):
    indicator = make_indicator(sdg_links=[("10.7.1", "identical")], other_objectives=[7])
    data = services.RevisionData.from_revision(indicator.current_revision)
    assert data.sdg_links == [("10.7.1", "identical")]
    assert data.primary_objective == 6 and list(data.other_objectives) == [7]
    assert revision_data().title


def test_the_edit_form_on_a_frozen_revision_makes_a_new_one(frozen, client_for, co_lead):
    from django.urls import reverse

    from indicators.forms import RevisionForm

    indicator, version = frozen
    data = RevisionForm.initial_from(indicator.current_revision)
    data.update(title="Recruitment costs, second wording", principles=["1"])
    response = client_for(co_lead).post(reverse("indicators:edit", args=[indicator.code]), data)
    assert response.status_code == 302
    assert indicator.revisions.get(number=1).title == "Recruitment costs borne by migrant workers"
    assert indicator.revisions.get(number=2).title == "Recruitment costs, second wording"
    assert version.items.get().revision.number == 1


def test_the_admin_shows_a_frozen_revision_read_only(frozen, client_for):
    from django.urls import reverse

    from accounts.models import User

    admin = User.objects.create_superuser("root@example.org", "x")
    revision = frozen[0].revisions.get()
    client = client_for(admin)
    url = reverse("admin:indicators_indicatorrevision_change", args=[revision.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"title": "Changed in admin"})
    revision.refresh_from_db()
    assert revision.title == "Recruitment costs borne by migrant workers"
