"""A closed demonstration round on the demo set version, with submissions, dispositions and a synthesis.

Idempotent: a second run finds the round and changes nothing. Rows are written directly (the round lies in
the past) and no e-mail is queued; the rules that matter (frozen version, focal points submitting, one
disposition per comment) hold as they would through the pages.
"""

from datetime import timedelta
from typing import TextIO

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.choices import Role
from accounts.models import Organisation, User
from consultations import services
from consultations.choices import CommentKind, Outcome, Stance
from consultations.models import Comment, Round, Submission
from indicators.models import LimitedSet
from indicators.services import freeze_set_version

DEMO_ROUND_TITLE = "First consultation on the draft limited set (demonstration)"
DEMO_PASSWORD = "workbench-demo"

# Organisation name, focal point e-mail (created when missing), stance pattern over the candidates.
RESPONDENTS = [
    ("Mexico", "focal-point@example.org", [Stance.SUPPORT, Stance.SUPPORT_WITH_CHANGES, Stance.OPPOSE]),
    ("Morocco", "focal-point.morocco@example.org", [Stance.SUPPORT, Stance.OPPOSE, Stance.SUPPORT]),
    ("Migrant Forum in Asia", "focal-point.mfa@example.org", [Stance.SUPPORT_WITH_CHANGES, Stance.OPPOSE]),
    ("International Labour Organization", "focal-point.ilo@example.org", [Stance.SUPPORT, Stance.NO_OPINION]),
]
OUTCOMES = [
    Outcome.ACCEPTED,
    Outcome.PARTIALLY_ACCEPTED,
    Outcome.NOTED,
    Outcome.NOT_ACCEPTED,
    Outcome.OUT_OF_SCOPE,
]


def _focal_point(organisation: Organisation, email: str) -> User:
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email,
            DEMO_PASSWORD,
            first_name="Focal",
            last_name=f"point of {organisation.name}"[:150],
            organisation=organisation,
            is_focal_point=True,
        )
        user.groups.add(Group.objects.get(name=Role.STAKEHOLDER))
    return user


@transaction.atomic
def load(stdout: TextIO) -> None:
    """Create the demonstration round once."""
    from indicators.demo import DEMO_SET_NAME

    if Round.objects.filter(title=DEMO_ROUND_TITLE).exists():
        stdout.write("consultations: demonstration round already present.\n")
        return
    limited_set = LimitedSet.objects.filter(name=DEMO_SET_NAME).first()
    co_lead = User.objects.filter(email="co-lead@example.org").first()
    version = limited_set.versions.order_by("number").first() if limited_set else None
    if version is None or co_lead is None or not version.items.exists():
        stdout.write("consultations: the demo set version or the demo co-lead is missing; no round created.\n")
        return
    freeze_set_version(version=version, by=co_lead)
    now = timezone.now()
    round_ = Round.objects.create(
        set_version=version,
        title=DEMO_ROUND_TITLE,
        opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(days=1),
        created_by=co_lead,
        instructions="Comment on each candidate and on the set as a whole. **Demonstration data.**",
    )
    round_.open()
    round_.save()
    revisions = services.version_revisions(version)
    comments = _submissions(round_, revisions, now)
    Round.objects.filter(pk=round_.pk).update(closes_at=now - timedelta(days=2))
    round_.refresh_from_db()
    round_.close()
    round_.save()
    for index, comment in enumerate(comments):
        outcome = OUTCOMES[index % len(OUTCOMES)]
        implemented = comment.revision if outcome in (Outcome.ACCEPTED, Outcome.PARTIALLY_ACCEPTED) else None
        services.record_disposition(
            comment=comment,
            outcome=outcome,
            by=co_lead,
            implemented_by=implemented,
            reason="Demonstration answer: considered by the co-leads.",
        )
    services.synthesise_round(round=round_, by=co_lead)
    stdout.write(f"consultations: demonstration round with {len(comments)} answered comments created.\n")


def _submissions(round_: Round, revisions: list, now: object) -> list[Comment]:
    comments: list[Comment] = []
    for name, email, stances in RESPONDENTS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            continue
        person = _focal_point(organisation, email)
        submission = Submission.objects.create(round=round_, organisation=organisation)
        for index, revision in enumerate(revisions):
            stance = stances[index % len(stances)]
            comments.append(
                Comment.objects.create(
                    submission=submission,
                    revision=revision,
                    author=person,
                    stance=stance,
                    kind=[CommentKind.TECHNICAL, CommentKind.GENERAL, CommentKind.EDITORIAL][index % 3],
                    text=f"{organisation.name} on {revision.indicator.code}: demonstration comment ({stance}).",
                    proposed_change="Clarify the data sources." if stance == Stance.SUPPORT_WITH_CHANGES else "",
                    ratings={
                        "relevance": 3 + index % 3,
                        "soundness": 2 + index % 4,
                        "availability": 1 + index % 5,
                    },
                )
            )
        comments.append(
            Comment.objects.create(
                submission=submission,
                author=person,
                stance=Stance.SUPPORT,
                kind=CommentKind.GENERAL,
                text=f"{organisation.name}: the set as a whole is a good start (demonstration).",
            )
        )
        submission.submit()
        submission.submitted_by = person
        submission.submitted_at = now
        submission.save()
    return comments
