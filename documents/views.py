"""Browser pages: the documents (request, progress, downloads), the consultation plan and its calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from config.errors import DomainError
from documents import permissions, selectors, services
from documents.calendar import calendar_bytes
from documents.choices import ArchiveFormat, DocumentState
from documents.filtersets import DocumentFilterSet
from documents.forms import DocumentRequestForm
from documents.models import Document

CONTENT_TYPES = {
    ArchiveFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ArchiveFormat.ZIP: "application/zip",
}


def _require_reader(request: HttpRequest) -> None:
    if not permissions.can_see_documents(request.user):
        raise PermissionDenied(_("Documents are for the co-leads, the secretariat and the ExCom."))


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    """The generated documents, filtered; co-leads and the secretariat request a new one here."""
    _require_reader(request)
    form = DocumentRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.request_document(by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The document is being generated."))
            return redirect("documents:detail", pk=document.pk)
    filterset = DocumentFilterSet(request.GET or None, queryset=selectors.documents_visible_to(request.user))
    return render(
        request,
        "documents/document_list.html",
        {
            "filter": filterset,
            "documents": filterset.qs[:200],
            "form": form,
            "can_request": permissions.can_request_documents(request.user),
        },
    )


def _visible_document(request: HttpRequest, pk: int) -> Document:
    _require_reader(request)
    return get_object_or_404(selectors.documents_visible_to(request.user), pk=pk)


@login_required
@require_GET
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _visible_document(request, pk)
    return render(request, "documents/document_detail.html", {"document": document})


@login_required
@require_GET
def document_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar alone, polled by htmx until the document is finished."""
    document = _visible_document(request, pk)
    return render(request, "documents/_progress.html", {"document": document})


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    """The PDF, or the DOCX / ZIP, as an attachment; immutable once generated."""
    _visible_document(request, pk)
    document = get_object_or_404(Document.objects.filter(state=DocumentState.DONE), pk=pk)
    if part == "pdf":
        content, content_type, extension = document.pdf, "application/pdf", "pdf"
    elif part == "file":
        fmt = document.archive_format
        content, content_type, extension = document.archive, CONTENT_TYPES[fmt], fmt
    else:
        raise Http404
    response = HttpResponse(bytes(content), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename(extension)}"'
    response["Cache-Control"] = "private, max-age=31536000, immutable"
    return response


# --- The consultation plan -----------------------------------------------------------------------------------


@login_required
def plan(request: HttpRequest) -> HttpResponse:
    """Calendar of rounds and ExCom procedures, with the user's private iCalendar address (POST renews it)."""
    if not permissions.can_see_plan(request.user):
        raise PermissionDenied
    if request.method == "POST":
        services.issue_calendar_token(user=request.user)
        messages.success(request, _("Your calendar has a new address; the old one no longer works."))
        return redirect("documents:plan")
    token = services.calendar_token_of(user=request.user)
    feed_url = request.build_absolute_uri(reverse("documents:calendar", kwargs={"token": token.token}))
    return render(
        request, "documents/plan.html", {"events": selectors.plan_events(request.user), "feed_url": feed_url}
    )


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The user's iCalendar feed; the token in the address is the only credential calendar programs send."""
    user = selectors.user_for_calendar_token(token)
    if user is None:
        raise Http404
    content = calendar_bytes(selectors.plan_events(user), name=_("GCM indicators: consultation plan"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="gcm-consultation-plan.ics"'
    response["Cache-Control"] = "private, no-cache"
    return response
