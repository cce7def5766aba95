"""Browser pages of consultations: rounds, drafting and submitting, the resolution matrix, the report, jobs.

Views hold no rules: they call services and selectors and show a domain error's message to the person.
"""

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.errors import DomainError
from config.exports import table_response
from consultations import exports, permissions, selectors, services
from consultations.charts import candidate_charts
from consultations.choices import JobKind, JobState, Outcome, SubmissionState
from consultations.filtersets import CommentFilterSet, RoundFilterSet
from consultations.forms import CommentForm, DispositionForm, RoundForm, ThresholdsForm
from consultations.models import Comment, Round, RoundJob, Submission
from indicators.models import IndicatorRevision


def _round(pk: int, user: Any) -> Round:
    round_ = get_object_or_404(selectors.rounds_visible_to(user), pk=pk)
    return round_


def _co_lead_only(request: HttpRequest) -> None:
    if not permissions.can_answer_comments(request.user):
        raise PermissionDenied


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    filterset = RoundFilterSet(request.GET, queryset=selectors.rounds_visible_to(request.user))
    now = timezone.now()
    rounds = [(r, r.state_at(now)) for r in filterset.qs]
    return render(request, "consultations/round_list.html", {"filterset": filterset, "rounds": rounds})


@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_rounds_for(request.user):
        raise PermissionDenied
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.create_round(by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The round is planned. Open it when the set version is ready."))
            return redirect("consultations:round_detail", pk=round_.pk)
    return render(request, "consultations/round_form.html", {"form": form})


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(pk, request.user)
    user = request.user
    now = timezone.now()
    organisation = getattr(user, "organisation", None)
    submissions = list(selectors.submissions_of(round_, organisation)) if organisation else []
    draft = next((s for s in submissions if s.state == SubmissionState.DRAFT), None)
    context = {
        "round": round_,
        "state": round_.state_at(now),
        "is_open": round_.is_open_at(now),
        "revisions": services.version_revisions(round_.set_version),
        "submissions": submissions,
        "draft": draft,
        "may_take_part": permissions.can_take_part(user, round_),
        "may_submit": draft is not None and permissions.can_submit_for(user, draft.organisation),
        "may_manage": permissions.can_manage_rounds_for(user),
        "comment_form": CommentForm(round=round_),
        "thresholds_form": ThresholdsForm(
            initial={"green_max_oppose": round_.green_max_oppose, "grey_min_oppose": round_.grey_min_oppose}
        ),
        "charts": candidate_charts(round_.synthesis),
        "progress": selectors.matrix_progress(round_) if permissions.can_answer_comments(user) else None,
        "jobs": round_.jobs.filter(requested_by=user)[:5] if permissions.can_answer_comments(user) else [],
        "may_read_all": permissions.can_see_all_comments(user, round_),
    }
    return render(request, "consultations/round_detail.html", context)


@login_required
@require_POST
def round_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Open, close, or change the thresholds of a round (co-leads)."""
    round_ = _round(pk, request.user)
    try:
        if action == "open":
            services.open_round(round=round_, by=request.user)
            messages.success(request, _("The round is open; invitations are on their way."))
        elif action == "close":
            services.close_round(round=round_, by=request.user)
            messages.success(request, _("The round is closed."))
        elif action == "thresholds":
            form = ThresholdsForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Thresholds are shares between 0 and 1, such as 0.25."))
            else:
                services.set_round_thresholds(round=round_, by=request.user, **form.cleaned_data)
                messages.success(request, _("Thresholds saved; run the synthesis again to apply them."))
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("consultations:round_detail", pk=round_.pk)


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(pk, request.user)
    form = CommentForm(request.POST, round=round_)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("consultations:round_detail", pk=round_.pk)
    try:
        services.add_comment(round=round_, by=request.user, **form.service_fields())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Comment saved in your organisation's draft."))
    return redirect(f"{round_.get_absolute_url()}#draft")


@login_required
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("submission__round", "revision"), pk=pk)
    round_ = comment.submission.round
    if not permissions.can_draft_in(request.user, comment.submission):
        raise Http404
    initial = {
        "revision": comment.revision,
        "kind": comment.kind,
        "stance": comment.stance,
        "text": comment.text,
        "proposed_change": comment.proposed_change,
        **{f"rating_{key}": str(value) for key, value in (comment.ratings or {}).items()},
    }
    form = CommentForm(request.POST or None, round=round_, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_comment(comment=comment, by=request.user, **form.service_fields())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Comment updated."))
            return redirect(f"{round_.get_absolute_url()}#draft")
    return render(request, "consultations/comment_form.html", {"form": form, "comment": comment, "round": round_})


@login_required
@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("submission__round"), pk=pk)
    try:
        services.delete_comment(comment=comment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Comment removed from the draft."))
    return redirect(f"{comment.submission.round.get_absolute_url()}#draft")


@login_required
@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_object_or_404(Submission.objects.select_related("round"), pk=pk)
    if not permissions.can_draft_in(request.user, submission):
        raise Http404
    try:
        services.submit_submission(submission=submission, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your organisation's position is submitted. A receipt is on its way."))
    return redirect(submission.round.get_absolute_url())


@login_required
@require_POST
def submission_correct(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(pk, request.user)
    try:
        services.start_correction(round=round_, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("A correction is started with your submitted comments; submit it to replace them.")
        )
    return redirect(f"{round_.get_absolute_url()}#draft")


# --- Co-leads: the resolution matrix ------------------------------------------------------------------------


def _revisions_by_indicator(round_: Round) -> dict[int, list[IndicatorRevision]]:
    indicator_ids = IndicatorRevision.objects.filter(set_items__version=round_.set_version).values("indicator_id")
    grouped: dict[int, list[IndicatorRevision]] = defaultdict(list)
    for revision in IndicatorRevision.objects.filter(indicator_id__in=indicator_ids).select_related("indicator"):
        grouped[revision.indicator_id].append(revision)
    return grouped


@login_required
def matrix(request: HttpRequest, pk: int) -> HttpResponse:
    _co_lead_only(request)
    round_ = _round(pk, request.user)
    filterset = CommentFilterSet(request.GET, queryset=selectors.round_comments(round_))
    comments = list(filterset.qs)
    revisions = _revisions_by_indicator(round_)
    rows = [(c, revisions.get(c.revision.indicator_id, []) if c.revision else []) for c in comments]
    context = {
        "round": round_,
        "filterset": filterset,
        "rows": rows,
        "outcomes": Outcome.choices,
        "progress": selectors.matrix_progress(round_),
        "query": request.GET.urlencode(),
    }
    return render(request, "consultations/matrix.html", context)


@login_required
@require_POST
def disposition_save(request: HttpRequest, pk: int) -> HttpResponse:
    _co_lead_only(request)
    comment = get_object_or_404(selectors.answerable_comments().select_related("submission"), pk=pk)
    form = DispositionForm(request.POST)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
    else:
        try:
            services.record_disposition(comment=comment, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Answer to comment %(n)d saved.") % {"n": comment.pk})
    round_pk = comment.submission.round_id
    query = request.POST.get("next_query", "")
    url = reverse("consultations:matrix", kwargs={"pk": round_pk})
    return redirect(f"{url}{'?' + query if query else ''}#comment-{comment.pk}")


@login_required
def matrix_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    _co_lead_only(request)
    round_ = _round(pk, request.user)
    if fmt not in ("csv", "xlsx", "json"):
        raise Http404
    comments = list(CommentFilterSet(request.GET, queryset=selectors.round_comments(round_)).qs)
    return table_response(
        fmt,
        filename=exports.matrix_filename(round_),
        headers=exports.matrix_headers(round_),
        rows=exports.matrix_rows(round_, comments),
        title=_("Resolution matrix"),
    )


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """What you said, what we did: each comment with its disposition and the change it led to."""
    round_ = _round(pk, request.user)
    if not permissions.can_see_all_comments(request.user, round_):
        raise PermissionDenied
    grouped: dict[str, list[Comment]] = defaultdict(list)
    for comment in selectors.round_comments(round_):
        grouped[comment.revision.indicator.code if comment.revision else _("The set as a whole")].append(comment)
    context = {
        "round": round_,
        "groups": sorted(grouped.items()),
        "show_names": permissions.can_see_organisation_names(request.user, round_),
    }
    return render(request, "consultations/report.html", context)


# --- Jobs with a progress bar --------------------------------------------------------------------------------


@login_required
@require_POST
def job_start(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(pk, request.user)
    kind = request.POST.get("kind", "")
    try:
        job = services.request_job(round=round_, kind=kind, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(round_.get_absolute_url())
    return redirect("consultations:job_detail", pk=job.pk)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(RoundJob.objects.select_related("round"), pk=pk, requested_by=request.user)
    template = "consultations/_job.html" if request.htmx else "consultations/job_detail.html"
    return render(
        request,
        template,
        {
            "job": job,
            "finished": job.state in (JobState.DONE, JobState.FAILED),
            "is_synthesis": job.kind == JobKind.SYNTHESIS,
        },
    )


@login_required
def job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(RoundJob, pk=pk, requested_by=request.user, state=JobState.DONE)
    if not job.result:
        raise Http404
    content_type = (
        "text/csv; charset=utf-8"
        if job.filename.endswith(".csv")
        else ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    )
    response = HttpResponse(bytes(job.result), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response
