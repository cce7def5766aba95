"""Browser pages of approvals: requests and the ExCom review page (signed in), publications (public)."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from approvals import permissions, selectors, services
from approvals.choices import SDMX_CONTENT_TYPE, FileFormat, RequestState
from approvals.filtersets import ApprovalRequestFilterSet
from approvals.forms import ReasonForm, RequestForm, VoteForm
from approvals.models import ApprovalRequest, Publication, publication_filename
from approvals.snapshot import change_log, set_version_records
from config.errors import DomainError
from config.exports import CONTENT_TYPES


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_see_requests(request.user):
        raise PermissionDenied
    services.settle_due_requests()
    filterset = ApprovalRequestFilterSet(request.GET, queryset=selectors.requests_visible_to(request.user))
    return render(
        request,
        "approvals/request_list.html",
        {
            "filter": filterset,
            "approval_requests": filterset.qs,
            "can_create": permissions.can_create_request(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_request(request.user):
        raise PermissionDenied
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_request(by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Draft request prepared. Check what is missing, then submit it."))
            return redirect("approvals:detail", pk=created.pk)
    return render(request, "approvals/request_form.html", {"form": form})


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The review page: the set version, its diff, the consultation, the timeline and the buttons."""
    if not permissions.can_see_requests(request.user):
        raise PermissionDenied
    approval = get_object_or_404(ApprovalRequest, pk=pk)
    if approval.silence_has_ended():
        services.settle_request(request=approval)
    approval = selectors.request_detail(pk)
    version = approval.set_version
    previous = selectors.previous_set_version(version)
    records = set_version_records(version)
    context = {
        "approval": approval,
        "records": records,
        "previous": previous,
        "diff": change_log(set_version_records(previous), records) if previous else None,
        "synthesis": selectors.consultation_synthesis(version),
        "dispositions": selectors.disposition_counts(version),
        "blockers": selectors.submission_blockers(version) if approval.state == RequestState.DRAFT else [],
        "tally": selectors.vote_tally(approval),
        "actions": permissions.available_actions(request.user, approval),
        "vote_form": VoteForm(),
        "reason_form": ReasonForm(),
    }
    return render(request, "approvals/request_detail.html", context)


ACTIONS: dict[str, Callable[..., object]] = {
    "submit": lambda approval, user, data: services.submit_request(request=approval, by=user),
    "open_review": lambda approval, user, data: services.open_review(request=approval, by=user),
    "vote": lambda approval, user, data: services.cast_vote(
        request=approval, by=user, choice=data.get("choice", ""), reason=data.get("reason", "")
    ),
    "object": lambda approval, user, data: services.object_to_request(
        request=approval, by=user, reason=data.get("reason", "")
    ),
    "return": lambda approval, user, data: services.return_request(
        request=approval, by=user, reason=data.get("reason", "")
    ),
    "reject": lambda approval, user, data: services.reject_request(
        request=approval, by=user, reason=data.get("reason", "")
    ),
}


@login_required
@require_POST
def request_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    approval = get_object_or_404(ApprovalRequest, pk=pk)
    try:
        ACTIONS[action](approval, request.user, request.POST)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: {action}.").format(action=services.ACTION_LABELS[action]))
    return redirect("approvals:detail", pk=pk)


# --- Public pages of publications --------------------------------------------------------------------------


def publication_list(request: HttpRequest) -> HttpResponse:
    services.settle_due_requests()
    return render(request, "approvals/publication_list.html", {"publications": selectors.publications()})


def publication_latest(request: HttpRequest) -> HttpResponse:
    services.settle_due_requests()
    latest = selectors.latest_publication()
    if latest is None:
        return render(request, "approvals/publication_list.html", {"publications": []}, status=404)
    return redirect("approvals:publication", version=latest.version)


def publication_detail(request: HttpRequest, version: str) -> HttpResponse:
    publication = get_object_or_404(Publication.objects.select_related("previous", "set_version"), version=version)
    data = selectors.snapshot_data(publication)
    files = selectors.publication_files(publication)
    downloads = [(fmt, label, files.get(fmt)) for fmt, label in FileFormat.choices]
    latest = selectors.latest_publication()
    return render(
        request,
        "approvals/publication_detail.html",
        {
            "publication": publication,
            "data": data,
            "downloads": downloads,
            "is_latest": latest is not None and latest.pk == publication.pk,
            "latest": latest,
        },
    )


def publication_download(request: HttpRequest, version: str, fmt: str) -> HttpResponse:
    """The stored file; until the task has built it, the same bytes built now from the snapshot."""
    if fmt not in FileFormat.values:
        raise Http404
    publication = get_object_or_404(Publication, version=version)
    stored = publication.files.filter(format=fmt).first()
    content = (
        bytes(stored.content) if stored else services.publication_file_bytes(publication=publication, fmt=fmt)
    )
    content_type = SDMX_CONTENT_TYPE if fmt == FileFormat.SDMX else CONTENT_TYPES[fmt]
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{publication_filename(publication.version, fmt)}"'
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
