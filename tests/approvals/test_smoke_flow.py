from approvals import services
from approvals.choices import RequestState, ReviewMode, VoteChoice


def test_a_vote_by_every_member_without_objection_publishes(co_lead, secretariat, members, ready_version):
    request = services.create_request(set_version=ready_version, by=co_lead, review_mode=ReviewMode.VOTE)
    services.submit_request(request=request, by=co_lead)
    services.open_review(request=request, by=secretariat)
    for member in members:
        services.cast_vote(request=request, by=member, choice=VoteChoice.APPROVE)
    request.refresh_from_db()
    assert request.state == RequestState.PUBLISHED
    assert request.publication.version.endswith(".1")
    assert [e.action for e in request.events.all()][-3:] == ["vote", "approve", "publish"]
