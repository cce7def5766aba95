"""The demonstration set through a silence procedure to its first publication, for `make run`.

The consultations demo has closed its round on the demo set version and answered every comment. Here the
co-lead submits that version, the secretariat starts a 72-hour silence procedure that began four days ago
(rows written directly with their past timestamps, as the consultations demo does for its round), nobody
objects, and time approves it: `settle_request` records the approval and publishes `YYYY.1`.

Idempotent: a second run finds the request (or the publication) and changes nothing.
"""

from datetime import timedelta
from typing import TextIO

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.choices import OrganisationKind, Region, Role
from accounts.models import Organisation, User
from approvals import services
from approvals.choices import Action, RequestState, ReviewMode
from approvals.models import ApprovalEvent, ApprovalRequest
from approvals.selectors import submission_blockers
from indicators.models import LimitedSet, SetVersion

DEMO_PASSWORD = "workbench-demo"

# The Executive Committee of the UN Network on Migration: entity name, acronym, e-mail of its demo member.
EXCOM = [
    ("International Labour Organization", "ILO", "excom@example.org"),
    ("International Organization for Migration", "IOM", "excom.iom@example.org"),
    ("Office of the United Nations High Commissioner for Human Rights", "OHCHR", "excom.ohchr@example.org"),
    ("United Nations Children's Fund", "UNICEF", "excom.unicef@example.org"),
    ("United Nations Department of Economic and Social Affairs", "UN DESA", "excom.undesa@example.org"),
    ("United Nations Office on Drugs and Crime", "UNODC", "excom.unodc@example.org"),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR", "excom.unhcr@example.org"),
    ("United Nations Development Programme", "UNDP", "excom.undp@example.org"),
    ("World Health Organization", "WHO", "excom.who@example.org"),
]


def excom_members() -> list[User]:
    """The nine demo ExCom members, one per entity (created when missing)."""
    group = Group.objects.get(name=Role.EXCOM_MEMBER)
    members = []
    for name, acronym, email in EXCOM:
        organisation, _ = Organisation.objects.get_or_create(
            name=name, defaults={"acronym": acronym, "kind": OrganisationKind.UN_ENTITY, "region": Region.GLOBAL}
        )
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(
                email, DEMO_PASSWORD, first_name="ExCom", last_name=acronym, organisation=organisation
            )
        user.groups.add(group)
        members.append(user)
    return members


def _demo_version() -> SetVersion | None:
    from consultations.models import Round
    from indicators.demo import DEMO_SET_NAME

    limited_set = LimitedSet.objects.filter(name=DEMO_SET_NAME).first()
    if limited_set is None:
        return None
    consulted = Round.objects.filter(set_version__limited_set=limited_set).order_by("-closes_at").first()
    return consulted.set_version if consulted else None


def _circulate_in_the_past(version: SetVersion, co_lead: User, secretariat: User | None) -> ApprovalRequest:
    """A request submitted four days ago whose 72-hour silence procedure has just run out."""
    now = timezone.now()
    created, opened = now - timedelta(days=4, hours=2), now - timedelta(days=4)
    approval = ApprovalRequest.objects.create(
        set_version=version,
        state=RequestState.IN_REVIEW,
        review_mode=ReviewMode.SILENCE,
        silence_hours=72,
        note="Demonstration: the draft limited set after its first consultation round.",
        created_by=co_lead,
        submitted_at=created,
        review_opened_at=opened,
        silence_deadline=opened + timedelta(hours=72),
    )
    steps = [
        (Action.CREATE, co_lead, "", RequestState.DRAFT, created),
        (Action.SUBMIT, co_lead, RequestState.DRAFT, RequestState.SUBMITTED, created),
        (Action.OPEN_REVIEW, secretariat or co_lead, RequestState.SUBMITTED, RequestState.IN_REVIEW, opened),
    ]
    for action, actor, from_state, to_state, at in steps:
        ApprovalEvent.objects.create(
            request=approval, action=action, actor=actor, from_state=from_state, to_state=to_state, at=at
        )
    return approval


@transaction.atomic
def load(stdout: TextIO) -> None:
    """Create the ExCom members and take the demo set version to its first publication, once."""
    excom_members()
    version = _demo_version()
    co_lead = User.objects.filter(email__iexact="co-lead@example.org").first()
    if version is None or co_lead is None:
        stdout.write("approvals: no consulted demo set version; nothing to approve.\n")
        return
    approval = ApprovalRequest.objects.filter(set_version=version).order_by("-created_at").first()
    if approval is None:
        blockers = submission_blockers(version)
        if blockers:
            stdout.write("approvals: the demo set cannot be submitted yet: " + " ".join(blockers) + "\n")
            return
        secretariat = User.objects.filter(email__iexact="secretariat@example.org").first()
        approval = _circulate_in_the_past(version, co_lead, secretariat)
    services.settle_request(request=approval)
    approval.refresh_from_db()
    publication = getattr(approval, "publication", None)
    if publication is None:
        stdout.write(f"approvals: demo request is {approval.state}.\n")
        return
    services.build_publication_files(publication=publication)
    stdout.write(f"approvals: demo set approved by silence procedure and published as {publication.version}.\n")
