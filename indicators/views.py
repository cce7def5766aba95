"""Browser pages: catalogue, indicator page and edit form, disaggregation matrix, limited-set builder."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from config.errors import DomainError
from config.exports import FORMATS
from indicators import exports, permissions, selectors, services
from indicators.diff import revision_diff
from indicators.filtersets import IndicatorFilterSet
from indicators.forms import RevisionForm
from indicators.models import Indicator, LimitedSet, SetVersion
from indicators.suggest import suggest
from mapping.models import GcmObjective, SdgIndicator


def _require_curator(request: HttpRequest) -> None:
    if not permissions.can_curate(request.user):
        raise PermissionDenied(_("Only co-leads can change candidate indicators and the limited set."))


@login_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponseBase:
    """The candidate catalogue: search, filters, pages of 50, and CSV/XLSX/JSON of the filtered list."""
    filterset = IndicatorFilterSet(request.GET, queryset=selectors.catalogue())
    queryset = filterset.qs
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return exports.catalogue_response(fmt, queryset)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "indicators/catalogue.html",
        {
            "filter": filterset,
            "page": page,
            "query": query.urlencode(),
            "can_curate": permissions.can_curate(request.user),
        },
    )


@login_required
def indicator_create(request: HttpRequest) -> HttpResponse:
    _require_curator(request)
    form = RevisionForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.create_indicator(
                code=form.cleaned_data["code"], data=form.to_data(), by=request.user
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(code)s created as a draft.") % {"code": indicator.code})
            return redirect("indicators:detail", code=indicator.code)
    return render(request, "indicators/edit.html", {"form": form, "indicator": None})


@login_required
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The indicator with its current revision, revision history, and a word-level diff of any two revisions."""
    indicator = get_object_or_404(Indicator.objects.select_related("current_revision", "merged_into"), code=code)
    history = list(selectors.revision_history(indicator))
    by_number = {rev.number: rev for rev in history}
    diff, old, new = None, None, None
    if len(history) > 1:
        try:
            new_number = int(request.GET.get("new") or history[0].number)
            old_number = int(request.GET.get("old") or history[1].number)
        except ValueError:
            new_number, old_number = history[0].number, history[1].number
        old, new = by_number.get(old_number), by_number.get(new_number)
        if old and new:
            diff = revision_diff(old, new)
    return render(
        request,
        "indicators/detail.html",
        {
            "indicator": indicator,
            "current": history[0] if history else None,
            "history": history,
            "diff": diff,
            "old": old,
            "new": new,
            "can_curate": permissions.can_curate(request.user),
            "actions": _available_actions(indicator, request),
            "others": Indicator.objects.exclude(pk=indicator.pk).order_by("code").only("code")
            if permissions.can_curate(request.user)
            else [],
        },
    )


ACTION_LABELS = {
    "propose": gettext_lazy("Make it a candidate"),
    "shortlist": gettext_lazy("Shortlist"),
    "unshortlist": gettext_lazy("Back to candidates"),
    "withdraw": gettext_lazy("Withdraw"),
    "reinstate": gettext_lazy("Reinstate"),
}


def _available_actions(indicator: Indicator, request: HttpRequest) -> list[tuple[str, str]]:
    if not permissions.can_curate(request.user):
        return []
    names = {t.name for t in indicator.get_available_state_transitions()}  # type: ignore[attr-defined]
    return [(name, str(label)) for name, label in ACTION_LABELS.items() if name in names]


@login_required
def indicator_edit(request: HttpRequest, code: str) -> HttpResponse:
    """Edit a candidate: the save creates a new revision; earlier ones stay as they were."""
    _require_curator(request)
    indicator = get_object_or_404(Indicator.objects.select_related("current_revision"), code=code)
    if indicator.current_revision is None:
        raise Http404
    initial = RevisionForm.initial_from(indicator.current_revision)
    form = RevisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.revise_indicator(indicator=indicator, data=form.to_data(), by=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Revision %(number)s of %(code)s saved.") % {"number": revision.number, "code": code}
            )
            return redirect("indicators:detail", code=code)
    return render(request, "indicators/edit.html", {"form": form, "indicator": indicator})


@login_required
@require_POST
def indicator_transition(request: HttpRequest, code: str) -> HttpResponse:
    indicator = get_object_or_404(Indicator, code=code)
    merged_into = Indicator.objects.filter(code=request.POST.get("merged_into", "")).first()
    try:
        services.change_indicator_state(
            indicator=indicator, action=request.POST.get("action", ""), by=request.user, merged_into=merged_into
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(code)s updated.") % {"code": code})
    return redirect("indicators:detail", code=code)


@login_required
@require_GET
def autocomplete(request: HttpRequest) -> HttpResponse:
    """htmx suggestions for the edit form: SDG indicator codes or GCM objectives matching `q`."""
    term = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "sdg")
    results: list[tuple[str, str]] = []
    if term:
        if kind == "objective":
            objectives = GcmObjective.objects.order_by("number")
            objectives = (
                objectives.filter(number=int(term)) if term.isdigit() else objectives.filter(title__icontains=term)
            )
            results = [(str(obj.number), obj.title_in(request.LANGUAGE_CODE)) for obj in objectives[:10]]
        else:
            sdgs = SdgIndicator.objects.filter(is_active=True).order_by("sort_key")
            sdgs = sdgs.filter(code__startswith=term) if term[0].isdigit() else sdgs.filter(title__icontains=term)
            results = [(sdg.code, sdg.title_in(request.LANGUAGE_CODE)) for sdg in sdgs[:10]]
    return render(request, "indicators/_autocomplete.html", {"results": results, "kind": kind, "term": term})


@login_required
@require_GET
def disaggregation_matrix(request: HttpRequest) -> HttpResponseBase:
    """Indicators x dimensions with totals per dimension: the evidence base for the disaggregation strategy."""
    version = None
    if request.GET.get("version"):
        version = get_object_or_404(SetVersion.objects.select_related("limited_set"), pk=request.GET["version"])
        revisions = list(selectors.set_version_items(version))
    else:
        revisions = [ind.current_revision for ind in selectors.live_candidates()]
    dims, rows = selectors.disaggregation_matrix(revisions)
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        return exports.matrix_response(fmt, dims, rows)
    return render(
        request,
        "indicators/matrix.html",
        {
            "dimensions": dims,
            "rows": rows,
            "version": version,
            "versions": SetVersion.objects.select_related("limited_set").order_by("limited_set__name", "-number"),
        },
    )


# --- The limited set ----------------------------------------------------------------------------------------


@login_required
def sets(request: HttpRequest) -> HttpResponse:
    """The limited sets; co-leads create one here. With a single set, go straight to its builder."""
    if request.method == "POST":
        _require_curator(request)
        try:
            limited_set = services.create_limited_set(
                name=request.POST.get("name", "").strip() or _("Limited set"),
                description=request.POST.get("description", ""),
                by=request.user,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            return redirect("indicators:builder", pk=limited_set.pk)
    all_sets = list(selectors.limited_sets())
    if len(all_sets) == 1 and request.method == "GET" and "all" not in request.GET:
        return redirect("indicators:builder", pk=all_sets[0].pk)
    return render(
        request, "indicators/sets.html", {"sets": all_sets, "can_curate": permissions.can_curate(request.user)}
    )


def _builder_context(request: HttpRequest, limited_set: LimitedSet, version: SetVersion) -> dict[str, object]:
    revisions = list(selectors.set_version_items(version))
    in_set = {rev.indicator_id for rev in revisions}
    return {
        "limited_set": limited_set,
        "version": version,
        "versions": list(limited_set.versions.order_by("-number")),
        "revisions": revisions,
        "coverage": selectors.coverage(revisions),
        "in_set": in_set,
        "can_curate": permissions.can_curate(request.user),
        "editable": permissions.can_curate(request.user) and not version.is_frozen,
    }


def _version(limited_set: LimitedSet, number: str | int | None) -> SetVersion:
    versions = limited_set.versions.select_related("frozen_by")
    if number:
        return get_object_or_404(versions, number=number)
    version = versions.order_by("-number").first()
    if version is None:
        raise Http404
    return version


@login_required
def builder(request: HttpRequest, pk: int) -> HttpResponse:
    """The set builder: the version's indicators, the live coverage panel, candidates to add, suggestions."""
    limited_set = get_object_or_404(LimitedSet, pk=pk)
    version = _version(limited_set, request.GET.get("version"))
    context = _builder_context(request, limited_set, version)
    filterset = IndicatorFilterSet(request.GET, queryset=selectors.live_candidates())
    context.update(
        {
            "filter": filterset,
            "candidates": filterset.qs[:100],
            "objectives": GcmObjective.objects.order_by("number"),
        }
    )
    return render(request, "indicators/builder.html", context)


@login_required
@require_POST
def builder_change(request: HttpRequest, pk: int, number: int, change: str) -> HttpResponse:
    """Add or remove one indicator; an htmx request gets the updated list and coverage panel back."""
    if change not in ("add", "remove"):
        raise Http404
    limited_set = get_object_or_404(LimitedSet, pk=pk)
    version = _version(limited_set, number)
    indicator = get_object_or_404(Indicator, pk=request.POST.get("indicator") or 0)
    operation = services.add_to_set_version if change == "add" else services.remove_from_set_version
    try:
        operation(version=version, indicator=indicator, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    if request.htmx:  # type: ignore[attr-defined]
        version.refresh_from_db()
        return render(request, "indicators/_builder_panel.html", _builder_context(request, limited_set, version))
    return redirect(reverse("indicators:builder", args=[pk]) + f"?version={version.number}")


@login_required
@require_POST
def version_freeze(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    limited_set = get_object_or_404(LimitedSet, pk=pk)
    version = _version(limited_set, number)
    if not permissions.can_freeze(request.user):
        raise PermissionDenied
    try:
        services.freeze_set_version(version=version, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Version %(number)s is frozen.") % {"number": number})
    return redirect(reverse("indicators:builder", args=[pk]) + f"?version={number}")


@login_required
@require_POST
def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    limited_set = get_object_or_404(LimitedSet, pk=pk)
    try:
        version = services.start_new_version(limited_set=limited_set, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("indicators:builder", pk=pk)
    return redirect(reverse("indicators:builder", args=[pk]) + f"?version={version.number}")


@login_required
@require_GET
def version_export(request: HttpRequest, pk: int, number: int) -> HttpResponseBase:
    limited_set = get_object_or_404(LimitedSet, pk=pk)
    version = _version(limited_set, number)
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        raise Http404
    return exports.version_response(fmt, version)


@login_required
@require_GET
def version_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """Added, removed and revised indicators between two versions, with the revision diff for each."""
    limited_set = get_object_or_404(LimitedSet, pk=pk)
    versions = list(limited_set.versions.order_by("-number"))
    if len(versions) < 2:
        messages.error(request, _("There is only one version: nothing to compare yet."))
        return redirect("indicators:builder", pk=pk)
    new = _version(limited_set, request.GET.get("new") or versions[0].number)
    old = _version(limited_set, request.GET.get("old") or versions[1].number)
    result = selectors.diff_set_versions(old, new)
    revised = [(before, after, revision_diff(before, after)) for before, after in result.revised]
    return render(
        request,
        "indicators/version_diff.html",
        {
            "limited_set": limited_set,
            "versions": versions,
            "old": old,
            "new": new,
            "diff": result,
            "revised": revised,
        },
    )


def _pins(values: list[str]) -> set[int]:
    return {int(value) for value in values if value.isdigit()}


@login_required
@require_POST
def builder_suggest(request: HttpRequest, pk: int) -> HttpResponse:
    """Suggest the smallest set; with `apply`, make the draft version list the suggestion."""
    limited_set = get_object_or_404(LimitedSet, pk=pk)
    _require_curator(request)  # the suggestion is a costly computation: co-leads only, as in the API
    version = _version(limited_set, request.POST.get("version"))
    try:
        k = max(1, min(5, int(request.POST.get("k") or 1)))
    except ValueError:
        k = 1
    pins_in = _pins(request.POST.getlist("pin_in"))
    if request.POST.get("keep_pins"):
        pins_in |= set(version.items.values_list("indicator_id", flat=True))
    result = suggest(
        selectors.suggestion_candidates(),
        objectives=GcmObjective.objects.values_list("number", flat=True),
        k=k,
        pinned_in=pins_in,
        pinned_out=_pins(request.POST.getlist("pin_out")),
    )
    if request.POST.get("apply"):
        chosen = Indicator.objects.filter(pk__in=result.keys).order_by("code")
        try:
            services.replace_set_version_items(version=version, indicators=list(chosen), by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("The draft now lists the %(count)s suggested indicators.") % {"count": result.size}
            )
        return redirect(reverse("indicators:builder", args=[pk]) + f"?version={version.number}")
    context = _builder_context(request, limited_set, version)
    context["suggestion"] = result
    context["pins_in"] = sorted(pins_in)
    context["objective_titles"] = {obj.number: obj for obj in GcmObjective.objects.all()}
    return render(request, "indicators/suggestion.html", context)
