import io

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from accounts import permissions
from accounts.choices import OrganisationKind, Role
from accounts.demo import ACCOUNTS, DEMO_PASSWORD
from accounts.demo import load as load_demo_accounts
from accounts.models import Organisation, User
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_the_four_role_groups_exist_from_the_migrations() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


def test_no_account_is_created_by_migrations() -> None:
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("persona", "lead", "secr", "stake", "excom"),
    [
        ("co_lead", True, False, False, False),
        ("secretariat", False, True, False, False),
        ("stakeholder", False, False, True, False),
        ("excom_member", False, False, False, True),
    ],
)
def test_each_persona_has_exactly_its_role(request, persona, lead, secr, stake, excom) -> None:
    user = request.getfixturevalue(persona)

    assert permissions.is_co_lead(user) is lead
    assert permissions.is_secretariat(user) is secr
    assert permissions.is_stakeholder(user) is stake
    assert permissions.is_excom_member(user) is excom


def test_focal_point_predicates_follow_the_organisation(focal_point: User, stakeholder: User, outsider) -> None:
    assert permissions.is_focal_point_of(focal_point, focal_point.organisation)
    assert not permissions.is_focal_point_of(stakeholder, stakeholder.organisation)
    assert not permissions.is_focal_point_of(focal_point, outsider.organisation)
    assert permissions.belongs_to(stakeholder, focal_point.organisation)


def test_an_inactive_user_has_no_role() -> None:
    user = UserFactory(roles=[Role.CO_LEAD], is_active=False)

    assert not permissions.is_co_lead(user)


def test_a_member_state_needs_an_alpha3_country() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="Nowhere", kind=OrganisationKind.MEMBER_STATE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="Lowercase", kind=OrganisationKind.MEMBER_STATE, country="mex")


def test_only_member_states_can_be_champion_countries() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="An NGO", kind=OrganisationKind.CIVIL_SOCIETY, is_champion_country=True)


def test_a_focal_point_must_belong_to_an_organisation() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("lonely@example.org", "pw", is_focal_point=True)


def test_email_addresses_are_unique_whatever_their_case(co_lead: User) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("Alice@Example.org", "pw")


def test_demo_accounts_load_idempotently_one_per_role() -> None:
    out = io.StringIO()
    load_demo_accounts(out)
    load_demo_accounts(out)

    assert User.objects.count() == len(ACCOUNTS)
    for email, *_rest, role, _focal in ACCOUNTS:
        user = User.objects.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
        assert user.has_role(role)
    assert "0 created" in out.getvalue().splitlines()[-1]
