"""UPDATE and DELETE on the audit trail, votes and publications fail in PostgreSQL itself."""

import pytest
from django.db import DatabaseError, connection, transaction

from approvals import services
from approvals.choices import ReviewMode, VoteChoice
from approvals.models import ApprovalEvent, Publication, Vote
from config.errors import Immutable


@pytest.fixture
def published(co_lead, secretariat, members, ready_version, django_capture_on_commit_callbacks):
    approval = services.create_request(
        set_version=ready_version, by=co_lead, review_mode=ReviewMode.VOTE, quorum=2
    )
    services.submit_request(request=approval, by=co_lead)
    services.open_review(request=approval, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.cast_vote(request=approval, by=members[0], choice=VoteChoice.APPROVE)
        services.cast_vote(request=approval, by=members[1], choice=VoteChoice.ABSTAIN)
    approval.refresh_from_db()
    return approval


def run_sql(sql: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE approvals_approvalevent SET reason = 'rewritten'",
        "DELETE FROM approvals_approvalevent",
        "UPDATE approvals_vote SET choice = 'object', reason = 'changed my mind'",
        "DELETE FROM approvals_vote",
        "UPDATE approvals_publication SET snapshot = '{}'",
        "DELETE FROM approvals_publication",
        "UPDATE approvals_publicationfile SET content = ''",
        "DELETE FROM approvals_publicationfile",
    ],
)
def test_postgresql_refuses(published, sql) -> None:
    with pytest.raises(DatabaseError, match="append-only"):
        run_sql(sql)


def test_the_orm_cannot_change_them_either(published) -> None:
    event = ApprovalEvent.objects.filter(request=published).first()
    event.reason = "rewritten"
    with pytest.raises(Immutable):
        event.save()
    with pytest.raises(Immutable):
        event.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Vote.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Publication.objects.update(sha256="0" * 64)
    assert ApprovalEvent.objects.filter(reason="rewritten").count() == 0


def test_inserting_stays_possible(published) -> None:
    before = ApprovalEvent.objects.count()
    ApprovalEvent.objects.create(request=published, action="vote", from_state="in_review", to_state="in_review")
    assert ApprovalEvent.objects.count() == before + 1
