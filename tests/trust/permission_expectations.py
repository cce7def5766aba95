"""What each role SHOULD be able to do on every URL pattern, per the product design (shared DESIGN.md).

`EXPECTATIONS[url name][method]` is the set of roles allowed; every other role must be denied. `KWARGS[url
name]` gives real path parameters from the demo data (`World`). Roles: the public, a stakeholder of another
organisation (Morocco: not invited to the demo round), a stakeholder and the focal point of Mexico, a co-lead,
the secretariat and an ExCom member.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

ROLES = ("anonymous", "outsider", "stakeholder", "focal_point", "co_lead", "secretariat", "excom")

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
NOBODY: frozenset[str] = frozenset()
CO_LEAD = frozenset({"co_lead"})
STAFF = frozenset({"co_lead", "secretariat"})  # the people who run the workstream
FOLLOWERS = STAFF | {"excom"}  # approval requests and documents
SECRETARIAT = frozenset({"secretariat"})
EXCOM = frozenset({"excom"})
MEXICO = frozenset({"stakeholder", "focal_point"})
FOCAL_POINT = frozenset({"focal_point"})

# Not part of the matrix: Django admin (its own staff check, one cell per role in the test), static files,
# language switching, and the public API documentation.
SKIPPED_PREFIXES = ("admin/", "static/", "i18n/", "jsi18n/")
PUBLIC_DOCUMENTATION = {"api:schema", "api:swagger-ui", "api:redoc"}


@dataclass
class World:
    """The demo objects and accounts the matrix requests with."""

    users: dict[str, Any]
    objects: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["objects"][name]
        except KeyError as missing:
            raise AttributeError(name) from missing


def build_world() -> World:
    """Look up (and where the demo has none, create) one object of each kind the URL patterns address."""
    from django.contrib.auth.models import Group
    from django.contrib.auth.tokens import default_token_generator
    from django.utils import timezone
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from accounts.choices import Role
    from accounts.models import Organisation, User
    from approvals.models import ApprovalRequest, Publication
    from consultations.choices import JobKind, JobState
    from consultations.demo import DEMO_ROUND_TITLE
    from consultations.models import Comment, Round, RoundJob, Submission
    from documents.choices import DocumentKind, DocumentState
    from documents.models import CalendarToken, Document
    from indicators.models import Indicator, IndicatorRevision, LimitedSet, SetVersion
    from mapping.models import Crosswalk, Framework, FrameworkElement, GcmObjective, SdgIndicator, SdgTarget
    from tests.factories.consultations import RoundFactory, make_submission

    morocco = Organisation.objects.get(name="Morocco")
    outsider = User.objects.filter(email="outsider-matrix@example.org").first()
    if outsider is None:
        outsider = User.objects.create_user(
            email="outsider-matrix@example.org", password="x-unused-x", first_name="Oscar", organisation=morocco
        )
        outsider.groups.add(Group.objects.get_or_create(name=Role.STAKEHOLDER)[0])
    users = {
        "anonymous": None,
        "outsider": outsider,
        "stakeholder": User.objects.get(email="stakeholder@example.org"),
        "focal_point": User.objects.get(email="focal-point@example.org"),
        "co_lead": User.objects.get(email="co-lead@example.org"),
        "secretariat": User.objects.get(email="secretariat@example.org"),
        "excom": User.objects.get(email="excom@example.org"),
    }
    mexico = users["focal_point"].organisation
    round_ = Round.objects.get(title=DEMO_ROUND_TITLE)  # closed; Mexico and Morocco submitted
    submission = Submission.objects.filter(round=round_, organisation=mexico).order_by("-pk").first()
    comment = Comment.objects.filter(submission=submission).order_by("pk").first()
    framework = Framework.objects.order_by("pk").first()
    limited_set = LimitedSet.objects.order_by("pk").first()
    version = SetVersion.objects.filter(limited_set=limited_set).order_by("-number").first()
    publication = Publication.objects.order_by("-pk").first()
    job = RoundJob.objects.create(
        round=round_,
        kind=JobKind.MATRIX_CSV,
        requested_by=users["co_lead"],
        state=JobState.DONE,
        result=b"a,b\n",
        filename="matrix.csv",
    )
    # An open round to which Mexico and Morocco are invited, with a draft comment of Mexico: the cells that write
    # comments need a round where only the role (not the deadline) decides.
    open_round = RoundFactory(set_version=round_.set_version)
    open_round.invited_organisations.set([mexico, morocco])
    draft = make_submission(open_round, mexico, by=users["stakeholder"], submitted=False)
    make_submission(open_round, morocco, by=outsider, submitted=False)  # so that only the role stops Oscar
    document = Document.objects.order_by("pk").first()
    if document is None:
        document = Document.objects.create(
            kind=DocumentKind.ANNEX, publication=publication, created_by=users["co_lead"]
        )
    Document.objects.filter(pk=document.pk).update(
        state=DocumentState.DONE, pdf=b"%PDF-1.4 matrix", archive=b"PK", finished_at=timezone.now()
    )
    token, _ = CalendarToken.objects.get_or_create(user=users["stakeholder"])
    stakeholder = users["stakeholder"]
    objects = {
        "framework": framework,
        "element": FrameworkElement.objects.filter(framework=framework).order_by("pk").first(),
        "crosswalk": Crosswalk.objects.order_by("pk").first(),
        "objective": GcmObjective.objects.order_by("number").first(),
        "sdg_target": SdgTarget.objects.filter(code="10.7").first(),
        "sdg_indicator": SdgIndicator.objects.filter(code="10.7.2").first(),
        "indicator": Indicator.objects.order_by("pk").first(),
        "revision": IndicatorRevision.objects.order_by("pk").first(),
        "limited_set": limited_set,
        "version": version,
        "round": round_,
        "submission": submission,
        "comment": comment,
        "open_round": open_round,
        "draft_submission": draft,
        "draft_comment": draft.comments.order_by("pk").first(),
        "job": job,
        "approval": ApprovalRequest.objects.order_by("-pk").first(),
        "publication": publication,
        "document": document,
        "calendar_token": token.token,
        "reset_uid": urlsafe_base64_encode(force_bytes(stakeholder.pk)),
        "reset_token": default_token_generator.make_token(stakeholder),
        "stakeholder_user": stakeholder,
    }
    missing = [key for key, value in objects.items() if value is None]
    assert not missing, f"the demo data has no {missing}"
    world = World(users=users, objects=objects)
    return world


def schema_parameters(world: World, path: str) -> dict[str, Any]:
    """Values for the `{name}` placeholders of an OpenAPI path (the same name means different things per path)."""
    code = world.indicator.code
    if "/sdg-indicators/" in path:
        code = world.sdg_indicator.code
    elif "/sdg-targets/" in path:
        code = world.sdg_target.code
    return {
        "number": 10 if "/sdg-goals/" in path else 1,
        "code": code,
        "slug": world.framework.slug,
        "pk": 1,
        "id": 1,
        "round_pk": world.round.pk,
        "version": world.publication.version,
    }


def url_for(name: str, kwargs: dict[str, Any]) -> str:
    return reverse(name, kwargs=kwargs)


Kwargs = Callable[[World], dict[str, Any]]

KWARGS: dict[str, Kwargs] = {
    # accounts
    "accounts:revoke_api_token": lambda w: {"user_id": w.stakeholder_user.pk},
    "accounts:password_reset_confirm": lambda w: {"uidb64": w.reset_uid, "token": w.reset_token},
    # mapping
    "api:mapping:gcm-objective-detail": lambda w: {"number": w.objective.number},
    "api:mapping:guiding-principle-detail": lambda w: {"number": 1},
    "api:mapping:sdg-goal-detail": lambda w: {"number": 10},
    "api:mapping:sdg-target-detail": lambda w: {"code": w.sdg_target.code},
    "api:mapping:sdg-indicator-detail": lambda w: {"code": w.sdg_indicator.code},
    "api:mapping:framework-detail": lambda w: {"slug": w.framework.slug},
    "api:mapping:crosswalk-detail": lambda w: {"pk": w.crosswalk.pk},
    "mapping:framework_detail": lambda w: {"slug": w.framework.slug},
    "mapping:framework_import": lambda w: {"slug": w.framework.slug},
    "mapping:crosswalk_editor": lambda w: {"slug": w.framework.slug},
    "mapping:element_links": lambda w: {"pk": w.element.pk},
    "mapping:crosswalk_update": lambda w: {"pk": w.crosswalk.pk},
    "mapping:crosswalk_delete": lambda w: {"pk": w.crosswalk.pk},
    "mapping:coverage_cell": lambda w: {"number": w.objective.number, "slug": w.framework.slug},
    "mapping:objective_detail": lambda w: {"number": w.objective.number},
    # indicators
    "api:indicators:indicator-detail": lambda w: {"code": w.indicator.code},
    "api:indicators:indicator-transition": lambda w: {"code": w.indicator.code},
    "api:indicators:revision-detail": lambda w: {"pk": w.revision.pk},
    "api:indicators:set-detail": lambda w: {"pk": w.limited_set.pk},
    "api:indicators:set-suggest": lambda w: {"pk": w.limited_set.pk},
    "api:indicators:set-version-detail": lambda w: {"pk": w.version.pk},
    "api:indicators:set-version-add": lambda w: {"pk": w.version.pk},
    "api:indicators:set-version-freeze": lambda w: {"pk": w.version.pk},
    "api:indicators:set-version-remove": lambda w: {"pk": w.version.pk},
    "indicators:builder": lambda w: {"pk": w.limited_set.pk},
    "indicators:suggest": lambda w: {"pk": w.limited_set.pk},
    "indicators:version_diff": lambda w: {"pk": w.limited_set.pk},
    "indicators:version_new": lambda w: {"pk": w.limited_set.pk},
    "indicators:version_freeze": lambda w: {"pk": w.limited_set.pk, "number": w.version.number},
    "indicators:version_export": lambda w: {"pk": w.limited_set.pk, "number": w.version.number},
    "indicators:builder_change": lambda w: {"pk": w.limited_set.pk, "number": w.version.number, "change": "add"},
    "indicators:detail": lambda w: {"code": w.indicator.code},
    "indicators:edit": lambda w: {"code": w.indicator.code},
    "indicators:transition": lambda w: {"code": w.indicator.code},
    # consultations
    "api:consultations:round-detail": lambda w: {"pk": w.round.pk},
    "api:consultations:round-export": lambda w: {"pk": w.round.pk},
    "api:consultations:round-submissions": lambda w: {"pk": w.round.pk},
    "api:consultations:round-submit": lambda w: {"pk": w.open_round.pk},
    "api:consultations:round-synthesis": lambda w: {"pk": w.round.pk},
    "api:consultations:round-comment-list": lambda w: {"round_pk": w.open_round.pk},
    "api:consultations:round-comment-detail": lambda w: {"round_pk": w.open_round.pk, "pk": w.draft_comment.pk},
    "api:consultations:round-comment-disposition": lambda w: {"round_pk": w.round.pk, "pk": w.comment.pk},
    "consultations:round_detail": lambda w: {"pk": w.round.pk},
    "consultations:round_action": lambda w: {"pk": w.round.pk, "action": "thresholds"},
    "consultations:comment_create": lambda w: {"pk": w.open_round.pk},
    "consultations:submission_correct": lambda w: {"pk": w.open_round.pk},
    "consultations:matrix": lambda w: {"pk": w.round.pk},
    "consultations:matrix_export": lambda w: {"pk": w.round.pk, "fmt": "csv"},
    "consultations:report": lambda w: {"pk": w.round.pk},
    "consultations:job_start": lambda w: {"pk": w.round.pk},
    "consultations:comment_edit": lambda w: {"pk": w.draft_comment.pk},
    "consultations:comment_delete": lambda w: {"pk": w.draft_comment.pk},
    "consultations:disposition_save": lambda w: {"pk": w.comment.pk},
    "consultations:submission_submit": lambda w: {"pk": w.draft_submission.pk},
    "consultations:job_detail": lambda w: {"pk": w.job.pk},
    "consultations:job_download": lambda w: {"pk": w.job.pk},
    # approvals
    "api:approvals:approval-detail": lambda w: {"pk": w.approval.pk},
    "api:approvals:approval-object": lambda w: {"pk": w.approval.pk},
    "api:approvals:approval-open-review": lambda w: {"pk": w.approval.pk},
    "api:approvals:approval-reject": lambda w: {"pk": w.approval.pk},
    "api:approvals:approval-return": lambda w: {"pk": w.approval.pk},
    "api:approvals:approval-submit": lambda w: {"pk": w.approval.pk},
    "api:approvals:approval-vote": lambda w: {"pk": w.approval.pk},
    "api:approvals:publication-detail": lambda w: {"version": w.publication.version},
    "api:approvals:publication-indicators": lambda w: {"version": w.publication.version},
    "approvals:detail": lambda w: {"pk": w.approval.pk},
    "approvals:act": lambda w: {"pk": w.approval.pk, "action": "vote"},
    "approvals:publication": lambda w: {"version": w.publication.version},
    "approvals:publication-download": lambda w: {"version": w.publication.version, "fmt": "csv"},
    # documents
    "api:documents:document-detail": lambda w: {"pk": w.document.pk},
    "api:documents:evidence-detail": lambda w: {"version": w.publication.version},
    "documents:detail": lambda w: {"pk": w.document.pk},
    "documents:progress": lambda w: {"pk": w.document.pk},
    "documents:download": lambda w: {"pk": w.document.pk, "part": "pdf"},
    "documents:calendar": lambda w: {"token": w.calendar_token},
}

Body = Callable[[World], dict[str, Any]]

# Bodies that pass validation, so that the role (not a missing field) decides the answer.
BODIES: dict[str, Body] = {
    "accounts:login": lambda w: {"username": "nobody@example.org", "password": "wrong"},
    "accounts:password_reset": lambda w: {"email": "nobody@example.org"},
    "mapping:element_links": lambda w: {},
    "indicators:builder_change": lambda w: {"indicator": w.indicator.pk},
    "indicators:transition": lambda w: {"action": "shortlist"},
    "indicators:suggest": lambda w: {"k": "1"},
    "consultations:round_action": lambda w: {"green_max_oppose": "0.25", "grey_min_oppose": "0.50"},
    "consultations:comment_create": lambda w: _comment_form(w),
    "consultations:comment_edit": lambda w: _comment_form(w),
    "consultations:disposition_save": lambda w: {"outcome": "noted", "reason": "Seen."},
    "consultations:job_start": lambda w: {"kind": "matrix_csv"},
    "documents:list": lambda w: {"kind": "annex", "language": "en", "publication": w.publication.pk},
    "approvals:act": lambda w: {"choice": "approve", "reason": "Fine."},
    "api:approvals:approval-list": lambda w: {"set_version": w.version.pk},
    "api:approvals:approval-vote": lambda w: {"choice": "approve", "reason": "Fine."},
    "api:approvals:approval-object": lambda w: {"reason": "An objection."},
    "api:approvals:approval-reject": lambda w: {"reason": "A rejection."},
    "api:approvals:approval-return": lambda w: {"reason": "Returned."},
    "api:consultations:round-comment-list": lambda w: _comment_api(w),
    "api:consultations:round-comment-detail": lambda w: _comment_api(w),
    "api:consultations:round-comment-disposition": lambda w: {"outcome": "noted", "reason": "Seen."},
    "api:documents:document-list": lambda w: {
        "kind": "annex",
        "language": "en",
        "publication": w.publication.version,
    },
    "api:indicators:indicator-transition": lambda w: {"action": "shortlist"},
}


def _comment_form(w: World) -> dict[str, Any]:
    return {"revision": w.draft_comment.revision_id, "kind": "general", "stance": "support", "text": "A comment."}


def _comment_api(w: World) -> dict[str, Any]:
    return {"revision": w.draft_comment.revision_id, "kind": "general", "stance": "support", "text": "A comment."}


def _read(roles: frozenset[str]) -> dict[str, frozenset[str]]:
    return {"GET": roles}


def _write(roles: frozenset[str]) -> dict[str, frozenset[str]]:
    return {"POST": roles}


EXPECTATIONS: dict[str, dict[str, frozenset[str]]] = {
    # --- accounts: signing in is public; the dashboard and tokens need an account ---------------------------
    "healthz": _read(EVERYONE),
    "accounts:dashboard": _read(SIGNED_IN),
    "accounts:login": {"GET": EVERYONE, "POST": EVERYONE},
    "accounts:logout": _write(EVERYONE),
    "accounts:password_reset": {"GET": EVERYONE, "POST": EVERYONE},
    "accounts:password_reset_done": _read(EVERYONE),
    "accounts:password_reset_confirm": {"GET": EVERYONE, "POST": EVERYONE},  # the token is the credential
    "accounts:password_reset_complete": _read(EVERYONE),
    "accounts:api_tokens": _read(SIGNED_IN),
    "accounts:issue_api_token": _write(SIGNED_IN),  # everyone manages their own token
    "accounts:revoke_api_token": _write(
        frozenset({"stakeholder", "co_lead"})
    ),  # the owner (stakeholder), co-leads
    "api:accounts:me": _read(SIGNED_IN),
    # --- mapping: the API is public reference data; the pages need an account; co-leads edit ------------------
    "api:mapping:gcm-objective-list": _read(EVERYONE),
    "api:mapping:gcm-objective-detail": _read(EVERYONE),
    "api:mapping:guiding-principle-list": _read(EVERYONE),
    "api:mapping:guiding-principle-detail": _read(EVERYONE),
    "api:mapping:sdg-goal-list": _read(EVERYONE),
    "api:mapping:sdg-goal-detail": _read(EVERYONE),
    "api:mapping:sdg-target-list": _read(EVERYONE),
    "api:mapping:sdg-target-detail": _read(EVERYONE),
    "api:mapping:sdg-indicator-list": _read(EVERYONE),
    "api:mapping:sdg-indicator-detail": _read(EVERYONE),
    "api:mapping:framework-list": _read(EVERYONE),
    "api:mapping:framework-detail": _read(EVERYONE),
    "api:mapping:crosswalk-list": _read(EVERYONE),
    "api:mapping:crosswalk-detail": _read(EVERYONE),
    "mapping:framework_list": _read(SIGNED_IN),
    "mapping:framework_detail": _read(SIGNED_IN),
    "mapping:framework_import": _write(CO_LEAD),
    "mapping:crosswalk_editor": _read(CO_LEAD),
    "mapping:element_links": {"GET": CO_LEAD, "POST": CO_LEAD},
    "mapping:crosswalk_list": _read(SIGNED_IN),
    "mapping:crosswalk_import": _write(CO_LEAD),
    "mapping:crosswalk_update": _write(CO_LEAD),
    "mapping:crosswalk_delete": _write(CO_LEAD),
    "mapping:coverage": _read(SIGNED_IN),
    "mapping:coverage_cell": _read(SIGNED_IN),
    "mapping:sdg_browser": _read(SIGNED_IN),
    "mapping:objective_list": _read(SIGNED_IN),
    "mapping:objective_detail": _read(SIGNED_IN),
    "mapping:dashboard_panel": _read(SIGNED_IN),
    # --- indicators: every participant reads the catalogue and the set; co-leads curate; freezing also secretariat
    "api:indicators:indicator-list": {"GET": SIGNED_IN, "POST": CO_LEAD},
    "api:indicators:indicator-detail": {"GET": SIGNED_IN, "PUT": CO_LEAD, "PATCH": CO_LEAD},
    "api:indicators:indicator-transition": _write(CO_LEAD),
    "api:indicators:revision-list": _read(SIGNED_IN),
    "api:indicators:revision-detail": _read(SIGNED_IN),
    "api:indicators:set-list": {"GET": SIGNED_IN, "POST": CO_LEAD},
    "api:indicators:set-detail": _read(SIGNED_IN),
    "api:indicators:set-suggest": _write(CO_LEAD),
    "api:indicators:set-version-list": _read(SIGNED_IN),
    "api:indicators:set-version-detail": _read(SIGNED_IN),
    "api:indicators:set-version-add": _write(CO_LEAD),
    "api:indicators:set-version-remove": _write(CO_LEAD),
    "api:indicators:set-version-freeze": _write(STAFF),
    "indicators:catalogue": _read(SIGNED_IN),
    "indicators:create": {"GET": CO_LEAD, "POST": CO_LEAD},
    "indicators:autocomplete": _read(SIGNED_IN),
    "indicators:matrix": _read(SIGNED_IN),
    "indicators:sets": {"GET": SIGNED_IN, "POST": CO_LEAD},
    "indicators:builder": _read(SIGNED_IN),
    "indicators:suggest": _write(CO_LEAD),
    "indicators:version_diff": _read(SIGNED_IN),
    "indicators:version_new": _write(CO_LEAD),
    "indicators:version_freeze": _write(STAFF),
    "indicators:version_export": _read(SIGNED_IN),
    "indicators:builder_change": _write(CO_LEAD),
    "indicators:detail": _read(SIGNED_IN),
    "indicators:edit": {"GET": CO_LEAD, "POST": CO_LEAD},
    "indicators:transition": _write(CO_LEAD),
    # --- consultations: the demo round is closed (every signed-in user reads what was submitted); the open round
    # invites Mexico and Morocco, and holds a draft of Mexico that only Mexico sees and edits ------------------
    "api:consultations:round-list": _read(SIGNED_IN),
    "api:consultations:round-detail": _read(SIGNED_IN),
    "api:consultations:round-export": _read(CO_LEAD),
    "api:consultations:round-submissions": _read(SIGNED_IN),
    "api:consultations:round-synthesis": _read(SIGNED_IN),
    "api:consultations:round-submit": _write(FOCAL_POINT),
    "api:consultations:round-comment-list": {"GET": SIGNED_IN, "POST": MEXICO | {"outsider"}},
    "api:consultations:round-comment-detail": {"GET": MEXICO, "PUT": MEXICO, "PATCH": MEXICO, "DELETE": MEXICO},
    "api:consultations:round-comment-disposition": {"PUT": CO_LEAD},
    "consultations:round_list": _read(SIGNED_IN),
    "consultations:round_create": {"GET": CO_LEAD, "POST": CO_LEAD},
    "consultations:round_detail": _read(SIGNED_IN),
    "consultations:round_action": _write(CO_LEAD),
    "consultations:comment_create": _write(MEXICO | {"outsider"}),
    "consultations:submission_correct": _write(MEXICO | {"outsider"}),  # members of invited organisations draft
    "consultations:matrix": _read(CO_LEAD),
    "consultations:matrix_export": _read(CO_LEAD),
    "consultations:report": _read(SIGNED_IN),
    "consultations:job_start": _write(CO_LEAD),
    "consultations:comment_edit": {"GET": MEXICO, "POST": MEXICO},
    "consultations:comment_delete": _write(MEXICO),
    "consultations:disposition_save": _write(CO_LEAD),
    "consultations:submission_submit": _write(FOCAL_POINT),
    "consultations:job_detail": _read(CO_LEAD),  # the co-lead who started the job
    "consultations:job_download": _read(CO_LEAD),
    # --- approvals: co-leads, the secretariat and the ExCom follow requests; publications are public -----------
    "api:approvals:approval-list": {"GET": SIGNED_IN, "POST": CO_LEAD},  # others get an empty list
    "api:approvals:approval-detail": _read(FOLLOWERS),
    "api:approvals:approval-submit": _write(CO_LEAD),
    "api:approvals:approval-open-review": _write(STAFF),
    "api:approvals:approval-vote": _write(EXCOM),
    "api:approvals:approval-object": _write(EXCOM),
    "api:approvals:approval-return": _write(SECRETARIAT),
    "api:approvals:approval-reject": _write(SECRETARIAT),
    "api:approvals:publication-list": _read(EVERYONE),
    "api:approvals:publication-latest": _read(EVERYONE),
    "api:approvals:publication-latest-indicators": _read(EVERYONE),
    "api:approvals:publication-detail": _read(EVERYONE),
    "api:approvals:publication-indicators": _read(EVERYONE),
    "approvals:list": _read(FOLLOWERS),
    "approvals:create": {"GET": CO_LEAD, "POST": CO_LEAD},
    "approvals:detail": _read(FOLLOWERS),
    "approvals:act": _write(EXCOM),  # the vote action
    "approvals:publications": _read(EVERYONE),
    "approvals:publication-latest": _read(EVERYONE),
    "approvals:publication": _read(EVERYONE),
    "approvals:publication-download": _read(EVERYONE),
    # --- documents: co-leads and the secretariat generate; they and the ExCom read; everyone follows the plan ----
    "api:documents:document-list": {"GET": SIGNED_IN, "POST": STAFF},  # others get an empty list
    "api:documents:document-detail": _read(FOLLOWERS),
    "api:documents:evidence-detail": _read(EVERYONE),  # evidence of a public publication
    "documents:list": {"GET": FOLLOWERS, "POST": STAFF},
    "documents:detail": _read(FOLLOWERS),
    "documents:progress": _read(FOLLOWERS),
    "documents:download": _read(FOLLOWERS),
    "documents:plan": {"GET": SIGNED_IN, "POST": SIGNED_IN},  # POST renews one's own calendar address
    "documents:calendar": _read(EVERYONE),  # the secret address is the credential calendar programs send
}

# Where a redirect to the sign-in page is the normal success (signing out).
LOGIN_REDIRECT_IS_SUCCESS = {"accounts:logout"}

# Cells where the application allows what the design forbids, each with its bug: the matrix reports them as
# known instead of failing, and a test keeps each one visible until it is fixed. None at present.
KNOWN_BUGS: dict[tuple[str, str, str], str] = {}
