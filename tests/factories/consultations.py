"""Factories for consultations tests: a small set version with indicators, rounds in each state, comments."""

from datetime import timedelta

import factory
from django.utils import timezone

from consultations.choices import CommentKind, RoundState, Stance, SubmissionState
from consultations.models import Comment, Round, Submission
from indicators.models import Indicator, IndicatorRevision, LimitedSet, SetVersion, SetVersionItem


def make_set_version(codes: tuple[str, ...] = ("GCM-01-1", "GCM-07-2"), frozen: bool = False) -> SetVersion:
    """A set version listing one revision of each indicator code (created directly, for speed)."""
    limited_set, _ = LimitedSet.objects.get_or_create(name=f"Test set {LimitedSet.objects.count() + 1}")
    version = SetVersion.objects.create(limited_set=limited_set, number=limited_set.versions.count() + 1)
    for position, code in enumerate(codes, start=1):
        indicator, _ = Indicator.objects.get_or_create(code=code)
        revision = indicator.revisions.order_by("-number").first() or IndicatorRevision.objects.create(
            indicator=indicator,
            number=1,
            title=f"Title of {code}",
            definition=f"Definition of {code}",
            rationale="Because it matters.",
        )
        SetVersionItem.objects.create(version=version, revision=revision, indicator=indicator, position=position)
    if frozen:
        SetVersion.objects.filter(pk=version.pk).update(frozen_at=timezone.now())
        version.refresh_from_db()
    return version


class RoundFactory(factory.django.DjangoModelFactory):
    """A round open now (frozen version, opened an hour ago, closing in a week) unless told otherwise."""

    class Meta:
        model = Round
        skip_postgeneration_save = True

    set_version = factory.LazyFunction(lambda: make_set_version(frozen=True))
    title = factory.Sequence(lambda n: f"Consultation round {n}")
    instructions = "Comment on each candidate."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    state = RoundState.OPEN

    @classmethod
    def _create(cls, model_class: type[Round], *args: object, **kwargs: object) -> Round:
        state = kwargs.pop("state")
        round_ = model_class(*args, **kwargs)
        round_.save()
        # The state field is protected against assignment; tests put rounds in a state directly.
        Round.objects.filter(pk=round_.pk).update(state=state)
        round_.refresh_from_db()
        return round_


def revisions_of(round_: Round) -> list[IndicatorRevision]:
    return list(
        IndicatorRevision.objects.filter(set_items__version=round_.set_version).order_by("set_items__position")
    )


def make_submission(
    round_: Round,
    organisation: object,
    *,
    by: object,
    comments: int = 1,
    stance: str = Stance.SUPPORT,
    submitted: bool = True,
    revision: IndicatorRevision | None = None,
) -> Submission:
    """A submission with comments written directly (no deadline checks), submitted by `by` if asked."""
    submission = Submission.objects.create(round=round_, organisation=organisation)
    target = revision or revisions_of(round_)[0]
    for n in range(comments):
        Comment.objects.create(
            submission=submission,
            revision=target,
            kind=CommentKind.TECHNICAL,
            stance=stance,
            text=f"Comment {n} from {organisation}",
            ratings={"relevance": 4, "soundness": 3},
            author=by,
        )
    if submitted:
        Submission.objects.filter(pk=submission.pk).update(
            state=SubmissionState.SUBMITTED, submitted_by=by, submitted_at=timezone.now()
        )
        submission.refresh_from_db()
    return submission
