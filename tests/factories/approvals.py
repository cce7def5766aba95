"""Factories for approvals: the nine ExCom members, a frozen set version ready for review, requests."""

from datetime import timedelta

from django.utils import timezone

from accounts.choices import Role
from accounts.models import User
from approvals.choices import MajorityRule, RequestState, ReviewMode
from approvals.models import ApprovalRequest
from indicators import services as indicator_services
from indicators.choices import Requirement, SdgRelation, Tier
from indicators.models import SetVersion
from indicators.services import PlanLine
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.indicators import make_indicator, make_set

# The Network's Executive Committee.
EXCOM_ENTITIES = ["ILO", "IOM", "OHCHR", "UNICEF", "UN DESA", "UNODC", "UNHCR", "UNDP", "WHO"]


def excom_member(acronym: str) -> User:
    """The ExCom member of one entity (created once)."""
    slug = acronym.lower().replace(" ", "-")
    existing = User.objects.filter(email=f"excom-{slug}@example.org").first()
    if existing:
        return existing
    organisation = OrganisationFactory(name=f"{acronym} (ExCom)", acronym=acronym)
    return UserFactory(
        email=f"excom-{slug}@example.org", first_name=acronym, organisation=organisation, roles=[Role.EXCOM_MEMBER]
    )


def excom(count: int = 9) -> list[User]:
    return [excom_member(acronym) for acronym in EXCOM_ENTITIES[:count]]


def frozen_set_version(name: str = "Limited set", size: int = 3) -> SetVersion:
    """A frozen version of a new set with `size` indicators linked to objectives, SDG codes and dimensions."""
    indicators = [
        make_indicator(
            title=f"Indicator {n} of {name}",
            primary_objective=(n % 23) + 1,
            other_objectives=[((n + 5) % 23) + 1],
            tier=[Tier.TIER_1, Tier.TIER_2, Tier.TIER_3][n % 3],
            sdg_links=[(f"10.7.{(n % 4) + 1}", SdgRelation.IDENTICAL)],
            plan=[
                PlanLine("sex", Requirement.REQUIRED, "Census"),
                PlanLine("migratory_status", Requirement.RECOMMENDED),
            ],
            custodians="IOM, UN DESA",
        )
        for n in range(size)
    ]
    _set, version = make_set(name, indicators)
    return indicator_services.freeze_set_version(version=version, by=None)


def make_request(
    *,
    by: User,
    state: str = RequestState.DRAFT,
    review_mode: str = ReviewMode.SILENCE,
    set_version: SetVersion | None = None,
    quorum: int = 2,
    majority: str = MajorityRule.NO_OBJECTION,
    deadline_in: timedelta = timedelta(hours=72),
) -> ApprovalRequest:
    """A request put directly in a state (for tables of who may do what), bypassing the services."""
    in_review = state == RequestState.IN_REVIEW
    return ApprovalRequest.objects.create(
        set_version=set_version or frozen_set_version(name=f"Set for {state} {review_mode} {timezone.now():%f}"),
        state=state,
        review_mode=review_mode,
        quorum=quorum,
        majority=majority,
        created_by=by,
        silence_deadline=timezone.now() + deadline_in if review_mode == ReviewMode.SILENCE and in_review else None,
    )
