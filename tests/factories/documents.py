"""Factories for documents tests: publications made through the approvals services, the demonstration
publication, and a closed, synthesised consultation round with answered comments."""

import io
from datetime import timedelta

from django.utils import timezone

from accounts.choices import OrganisationKind, Region, Role
from accounts.models import User
from approvals import services as approval_services
from approvals.choices import ReviewMode, VoteChoice
from approvals.models import Publication
from consultations import services as consultation_services
from consultations.choices import Outcome, RoundState, Stance
from consultations.models import Round
from indicators.models import SetVersion
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.approvals import excom_member, frozen_set_version
from tests.factories.consultations import RoundFactory, make_submission


def a_co_lead() -> User:
    existing = User.objects.filter(email="documents-co-lead@example.org").first()
    return existing or UserFactory(email="documents-co-lead@example.org", roles=[Role.CO_LEAD])


def publish(set_version: SetVersion, *, by: User | None = None) -> Publication:
    """Publish a frozen set version through the approvals services: one ExCom vote with a quorum of one."""
    co_lead = by or a_co_lead()
    request = approval_services.create_request(
        set_version=set_version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=1
    )
    approval_services.submit_request(request=request, by=co_lead)
    approval_services.open_review(request=request, by=co_lead)
    approval_services.cast_vote(request=request, by=excom_member("ILO"), choice=VoteChoice.APPROVE)
    return Publication.objects.get(request=request)


def publication_of_size(size: int, name: str = "Set for documents") -> Publication:
    return publish(frozen_set_version(name=name, size=size))


def demo_publication() -> Publication:
    """The publication of the demonstration data, made as `make run` makes it: the built-in reference data,
    then `manage.py load_demo` (candidates, a consulted set version, its silence procedure and publication)."""
    from django.core.management import call_command

    from mapping.services import load_builtin_reference

    load_builtin_reference()
    call_command("load_demo", stdout=io.StringIO())
    return Publication.objects.latest()


def consulted_round(co_lead: User) -> Round:
    """A closed round on a small frozen set, with positions of two Member States and a UN entity, the
    comments answered and the synthesis computed."""
    version = frozen_set_version(name=f"Consulted set {timezone.now():%f}", size=2)
    round_ = RoundFactory(
        set_version=version,
        title="First consultation on the limited set",
        opens_at=timezone.now() - timedelta(days=10),
        closes_at=timezone.now() - timedelta(days=1),
        state=RoundState.CLOSED,
    )
    for name, kind, region, stance in [
        ("Mexico", OrganisationKind.MEMBER_STATE, Region.AMERICAS, Stance.SUPPORT),
        ("Morocco", OrganisationKind.MEMBER_STATE, Region.AFRICA, Stance.OPPOSE),
        ("UNICEF", OrganisationKind.UN_ENTITY, Region.GLOBAL, Stance.SUPPORT_WITH_CHANGES),
    ]:
        organisation = OrganisationFactory(
            name=f"{name} {timezone.now():%f}",
            kind=kind,
            region=region,
            country="MEX" if kind == OrganisationKind.MEMBER_STATE else "",
        )
        focal = UserFactory(organisation=organisation, is_focal_point=True, roles=[Role.STAKEHOLDER])
        make_submission(round_, organisation, by=focal, stance=stance)
    for comment in round_comments_of(round_):
        consultation_services.record_disposition(
            comment=comment, outcome=Outcome.PARTIALLY_ACCEPTED, by=co_lead, reason="Definition tightened."
        )
    return consultation_services.synthesise_round(round=round_, by=co_lead)


def round_comments_of(round_: Round) -> list:
    from consultations.selectors import round_comments

    return list(round_comments(round_))
