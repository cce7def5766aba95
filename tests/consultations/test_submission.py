"""Only the focal point submits; a submitted position never changes; a correction supersedes it."""

import pytest
from django.db import IntegrityError, transaction
from django_fsm import has_transition_perm

from config.errors import Immutable, InvalidInput, NotAllowed
from consultations import selectors, services
from consultations.choices import Stance, SubmissionState
from consultations.models import Comment, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(open_round, revisions, stakeholder) -> Submission:
    comment = services.add_comment(
        round=open_round, by=stakeholder, revision=revisions[0], text="Good.", stance=Stance.SUPPORT
    )
    return comment.submission


def test_colleagues_draft_into_one_shared_draft(open_round, revisions, stakeholder, focal_point, draft) -> None:
    services.add_comment(round=open_round, by=focal_point, revision=revisions[1], text="Also good.")

    assert Submission.objects.filter(round=open_round).count() == 1
    assert draft.comments.count() == 2


@pytest.mark.parametrize("persona", ["stakeholder", "co_lead", "outsider", "secretariat"])
def test_only_the_focal_point_submits(request, draft, persona) -> None:
    person = request.getfixturevalue(persona)

    with pytest.raises(NotAllowed, match="focal point"):
        services.submit_submission(submission=draft, by=person)

    assert not has_transition_perm(draft.submit, person)
    assert Submission.objects.get(pk=draft.pk).state == SubmissionState.DRAFT


def test_the_focal_point_submits(draft, focal_point, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        submitted = services.submit_submission(submission=draft, by=focal_point)

    assert submitted.state == SubmissionState.SUBMITTED
    assert (submitted.submitted_by, submitted.submitted_at is not None) == (focal_point, True)
    assert len(callbacks) == 1  # the receipt e-mail is enqueued after commit


def test_an_empty_draft_cannot_be_submitted(open_round, focal_point) -> None:
    empty = Submission.objects.create(round=open_round, organisation=focal_point.organisation)

    with pytest.raises(InvalidInput, match="at least one comment"):
        services.submit_submission(submission=empty, by=focal_point)


@pytest.fixture
def submitted(draft, focal_point) -> Submission:
    return services.submit_submission(submission=draft, by=focal_point)


def test_a_submitted_submission_cannot_be_edited_through_the_services(submitted, focal_point, stakeholder) -> None:
    comment = submitted.comments.get()
    with pytest.raises(Immutable):
        services.update_comment(comment=comment, by=focal_point, text="Changed")
    with pytest.raises(Immutable):
        services.delete_comment(comment=comment, by=stakeholder)
    with pytest.raises(Immutable):
        services.submit_submission(submission=submitted, by=focal_point)


def test_postgresql_refuses_to_change_a_submitted_submission_or_its_comments(submitted, stakeholder) -> None:
    comment = submitted.comments.get()
    attempts = [
        lambda: Submission.objects.filter(pk=submitted.pk).update(state=SubmissionState.DRAFT),
        lambda: Submission.objects.filter(pk=submitted.pk).delete(),
        lambda: Comment.objects.filter(pk=comment.pk).update(text="Rewritten"),
        lambda: Comment.objects.filter(pk=comment.pk).delete(),
        lambda: Comment.objects.create(submission=submitted, text="Smuggled in", author=stakeholder),
    ]
    for attempt in attempts:
        with pytest.raises(IntegrityError), transaction.atomic():
            attempt()
    assert Comment.objects.get(pk=comment.pk).text == "Good."


def test_a_correction_is_a_new_submission_that_supersedes_the_old(
    open_round, revisions, submitted, stakeholder, focal_point
) -> None:
    services.add_comment(round=open_round, by=stakeholder, revision=revisions[1], text="One more thing.")
    correction = selectors.draft_of(open_round, focal_point.organisation)

    assert correction.supersedes == submitted
    assert correction.comments.count() == 2  # the submitted comment is copied into the correction
    assert list(selectors.official_submissions(open_round)) == [submitted]  # until the correction is submitted

    services.submit_submission(submission=correction, by=focal_point)

    assert list(selectors.official_submissions(open_round)) == [correction]
    assert Submission.objects.filter(round=open_round).count() == 2  # both kept
    assert Comment.objects.get(submission=submitted).text == "Good."


def test_an_uninvited_organisation_cannot_comment(open_round, outsider, mexico) -> None:
    open_round.invited_organisations.set([mexico])

    with pytest.raises(NotAllowed, match="not invited"):
        services.add_comment(round=open_round, by=outsider, text="Hello")


def test_members_of_another_organisation_cannot_change_a_draft(draft, outsider) -> None:
    with pytest.raises(NotAllowed):
        services.update_comment(comment=draft.comments.get(), by=outsider, text="Vandalised")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": "ok", "proposed_change": "y" * 3001}, "proposed_change"),
        ({"text": "ok", "stance": "maybe"}, "stance"),
        ({"text": "ok", "ratings": {"relevance": 6}}, "ratings"),
        ({"text": "ok", "ratings": {"beauty": 3}}, "ratings"),
    ],
)
def test_comment_limits_are_enforced_with_a_message(open_round, stakeholder, fields, field) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.add_comment(round=open_round, by=stakeholder, **fields)

    assert field in refused.value.errors
    assert refused.value.message


def test_the_length_message_says_how_long_it_may_be(open_round, stakeholder) -> None:
    with pytest.raises(InvalidInput, match="at most 5000 characters; this one has 5001"):
        services.add_comment(round=open_round, by=stakeholder, text="x" * 5001)


def test_a_revision_outside_the_consulted_version_is_refused(open_round, stakeholder) -> None:
    from tests.factories.consultations import make_set_version

    stranger = make_set_version(codes=("GCM-23-9",)).items.get().revision

    with pytest.raises(InvalidInput, match="not in the version"):
        services.add_comment(round=open_round, by=stakeholder, revision=stranger, text="Hm")
