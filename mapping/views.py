"""Browser pages of the mapping: frameworks, crosswalk editor, coverage heat map, SDG browser, GCM objectives."""

from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from config.errors import DomainError
from config.exports import table_response
from mapping import importers, selectors, services
from mapping.choices import Relation
from mapping.filtersets import CrosswalkFilterSet, FrameworkFilterSet, SdgIndicatorFilterSet
from mapping.forms import CrosswalkForm, ImportForm
from mapping.importers import ImportFailed
from mapping.models import Crosswalk, Framework, FrameworkElement, GcmObjective, SdgTarget
from mapping.permissions import can_edit_mapping

EXPORT_FORMATS = ("csv", "xlsx")


def editors_only(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_edit_mapping(request.user):
            raise PermissionDenied(_("Only co-leads can change the mapping."))
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _export(request: HttpRequest, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Any:
    fmt = request.GET.get("export")
    if fmt in EXPORT_FORMATS:
        return table_response(fmt, filename=filename, headers=headers, rows=rows)
    return None


# --- frameworks ------------------------------------------------------------------------------------------------


@login_required
def framework_list(request: HttpRequest) -> HttpResponse:
    queryset = selectors.frameworks().annotate(
        element_count=Count("elements", distinct=True),
        objective_count=Count("elements__crosswalks__objective", distinct=True),
    )
    filterset = FrameworkFilterSet(request.GET, queryset=queryset)
    headers = ["slug", "name", "short_name", "owner", "kind", "year", "url", "endorsed_by",
               "endorsed_by_intergovernmental", "priority", "elements", "objectives_linked"]  # fmt: skip
    rows = (
        [
            f.slug,
            f.name,
            f.short_name,
            f.owner,
            f.kind,
            f.year,
            f.url,
            f.endorsed_by,
            f.endorsed_by_intergovernmental,
            f.priority,
            f.element_count,
            f.objective_count,
        ]  # fmt: skip
        for f in filterset.qs
    )
    if response := _export(request, "frameworks", headers, rows):
        return response
    context = {"filter": filterset, "frameworks": filterset.qs, "can_edit": can_edit_mapping(request.user)}
    return render(request, "mapping/framework_list.html", context)


@login_required
def framework_detail(request: HttpRequest, slug: str) -> HttpResponse:
    framework = get_object_or_404(Framework, slug=slug)
    elements = list(selectors.framework_elements(framework))
    if response := _export(
        request, f"{framework.slug}-elements", services.ELEMENT_HEADERS, _element_rows(elements)
    ):
        return response
    context = {
        "framework": framework,
        "tree": _tree(elements),
        "element_count": len(elements),
        "can_edit": can_edit_mapping(request.user),
        "import_form": ImportForm(),
    }
    return render(request, "mapping/framework_detail.html", context)


def _element_rows(elements: list[FrameworkElement]) -> Iterable[list[Any]]:
    for element in elements:
        parent = element.parent.code if element.parent else ""
        yield [element.framework.slug, element.code, parent, element.level, element.name, element.description]


def _tree(elements: list[FrameworkElement]) -> list[tuple[FrameworkElement, int]]:
    """Elements in depth-first order with their depth, for an indented list."""
    children: dict[int | None, list[FrameworkElement]] = {}
    for element in elements:
        children.setdefault(element.parent_id, []).append(element)
    ordered: list[tuple[FrameworkElement, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for element in children.get(parent_id, []):
            ordered.append((element, depth))
            walk(element.pk, depth + 1)

    walk(None, 0)
    return ordered


@editors_only
@require_POST
def framework_import_elements(request: HttpRequest, slug: str) -> HttpResponse:
    framework = get_object_or_404(Framework, slug=slug)
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = importers.read_table(upload.read(), upload.name, required=["code", "name"])
            report = services.import_framework_elements(
                framework=framework, rows=rows, filename=upload.name, by=request.user
            )
        except ImportFailed as error:
            return _import_errors(request, error, back=framework)
        messages.success(request, _("Elements imported: %(summary)s") % {"summary": report.summary()})
    else:
        messages.error(request, _("Choose a CSV or XLSX file to import."))
    return redirect("mapping:framework_detail", slug=framework.slug)


def _import_errors(request: HttpRequest, error: ImportFailed, back: Framework | None = None) -> HttpResponse:
    context = {"errors": error.row_errors, "framework": back}
    return render(request, "mapping/import_errors.html", context, status=400)


# --- crosswalk -------------------------------------------------------------------------------------------------


@login_required
def crosswalk_list(request: HttpRequest) -> HttpResponse:
    filterset = CrosswalkFilterSet(request.GET, queryset=selectors.crosswalks())
    rows = (
        [
            c.element.framework.slug,
            c.element.code,
            c.element.name,
            c.objective.number if c.objective else "",
            c.sdg_indicator.code if c.sdg_indicator else "",
            c.relation,
            c.rationale,
            c.source,
        ]  # fmt: skip
        for c in filterset.qs
    )
    if response := _export(request, "crosswalk", services.CROSSWALK_HEADERS, rows):
        return response
    page = Paginator(filterset.qs, 100).get_page(request.GET.get("page"))
    context = {
        "filter": filterset,
        "page": page,
        "frameworks": selectors.frameworks(),
        "can_edit": can_edit_mapping(request.user),
        "import_form": ImportForm(),
    }
    return render(request, "mapping/crosswalk_list.html", context)


@editors_only
@require_POST
def crosswalk_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or XLSX file to import."))
        return redirect("mapping:crosswalk_list")
    upload = form.cleaned_data["file"]
    required = ["framework", "element_code", "objective", "sdg_indicator", "relation"]
    try:
        rows = importers.read_table(upload.read(), upload.name, required=required)
        report = services.import_crosswalk_rows(rows=rows, filename=upload.name, by=request.user)
    except ImportFailed as error:
        return _import_errors(request, error)
    messages.success(request, _("Crosswalk imported: %(summary)s") % {"summary": report.summary()})
    return redirect("mapping:crosswalk_list")


@editors_only
def crosswalk_editor(request: HttpRequest, slug: str) -> HttpResponse:
    framework = get_object_or_404(Framework, slug=slug)
    elements = framework.elements.annotate(link_count=Count("crosswalks")).order_by("position", "code")
    context = {"framework": framework, "elements": elements}
    return render(request, "mapping/crosswalk_editor.html", context)


@editors_only
@require_http_methods(["GET", "POST"])
def element_links(request: HttpRequest, pk: int) -> HttpResponse:
    """The htmx panel of one element: its links and a form to add one."""
    element = get_object_or_404(FrameworkElement.objects.select_related("framework"), pk=pk)
    form = CrosswalkForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.link_element(element=element, by=request.user, **form.cleaned_data)
                form = CrosswalkForm()
                messages.success(request, _("Link added."))
            except DomainError as error:
                form.add_error(None, error.message)
                status = 400
        else:
            status = 400
    return _element_panel(request, element, form, status)


@editors_only
@require_POST
def crosswalk_update(request: HttpRequest, pk: int) -> HttpResponse:
    crosswalk = get_object_or_404(Crosswalk.objects.select_related("element__framework"), pk=pk)
    status = 200
    try:
        services.update_link(
            crosswalk=crosswalk,
            relation=request.POST.get("relation", ""),
            rationale=request.POST.get("rationale", ""),
            source=request.POST.get("source", crosswalk.source),
            by=request.user,
        )
        messages.success(request, _("Link saved."))
    except DomainError as error:
        messages.error(request, error.message)
        status = 400
    return _element_panel(request, crosswalk.element, CrosswalkForm(), status)


@editors_only
@require_POST
def crosswalk_delete(request: HttpRequest, pk: int) -> HttpResponse:
    crosswalk = get_object_or_404(Crosswalk.objects.select_related("element__framework"), pk=pk)
    element = crosswalk.element
    services.unlink_element(crosswalk=crosswalk, by=request.user)
    messages.success(request, _("Link removed."))
    return _element_panel(request, element, CrosswalkForm(), 200)


def _element_panel(
    request: HttpRequest, element: FrameworkElement, form: CrosswalkForm, status: int
) -> HttpResponse:
    links = element.crosswalks.select_related("objective", "sdg_indicator").order_by("objective__number")
    context = {"element": element, "links": links, "form": form, "relations": Relation.choices}
    template = "mapping/_element_links.html" if request.htmx else "mapping/element_links.html"
    return render(request, template, context, status=status)


# --- coverage heat map ------------------------------------------------------------------------------------------


@login_required
def coverage(request: HttpRequest) -> HttpResponse:
    columns, rows = selectors.coverage_matrix()
    if request.GET.get("export") in EXPORT_FORMATS:
        headers = ["objective", "short_title", *[f.short_name for f in columns]]
        table = ([r.objective.number, r.objective.short_title, *[c.elements for c in r.cells]] for r in rows)
        return _export(request, "coverage", headers, table)
    gaps = [row.objective for row in rows if row.is_gap]
    context = {"columns": columns, "rows": rows, "gaps": gaps}
    return render(request, "mapping/coverage.html", context)


@login_required
def coverage_cell(request: HttpRequest, number: int, slug: str) -> HttpResponse:
    """The links behind one heat-map cell (an htmx fragment, or a page of its own without htmx)."""
    objective = get_object_or_404(GcmObjective, number=number)
    framework = get_object_or_404(Framework, slug=slug)
    links = selectors.crosswalks().filter(objective=objective, element__framework=framework)
    context = {"objective": objective, "framework": framework, "links": links}
    template = "mapping/_coverage_cell.html" if request.htmx else "mapping/coverage_cell.html"
    return render(request, template, context)


# --- SDG browser and GCM objectives ------------------------------------------------------------------------------


@login_required
def sdg_browser(request: HttpRequest) -> HttpResponse:
    filterset = SdgIndicatorFilterSet(request.GET, queryset=selectors.sdg_indicators())
    searching = any(request.GET.get(name) for name in ("q", "goal", "target", "tier", "custodian", "is_active"))
    if request.GET.get("export") in EXPORT_FORMATS:
        headers = ["code", "goal", "target", "targets", "title", "tier", "custodians", "series_codes", "is_active"]
        rows = (
            [
                i.code,
                i.target.goal.number,
                i.target.code,
                ";".join(t.code for t in i.targets.all()),
                i.title,
                i.tier,
                ";".join(i.custodians),
                ";".join(i.series_codes),
                i.is_active,
            ]  # fmt: skip
            for i in filterset.qs
        )
        return _export(request, "sdg-indicators", headers, rows)
    context: dict[str, Any] = {"filter": filterset, "searching": searching}
    if searching:
        context["page"] = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    else:
        targets = SdgTarget.objects.order_by("sort_key").prefetch_related(
            Prefetch("primary_indicators", queryset=selectors.sdg_indicators())
        )
        context["goals"] = selectors.sdg_goals().prefetch_related(Prefetch("targets", queryset=targets))
    return render(request, "mapping/sdg_browser.html", context)


@login_required
def objective_list(request: HttpRequest) -> HttpResponse:
    objectives = selectors.gcm_objectives().annotate(
        link_count=Count("crosswalks"),
        framework_count=Count("crosswalks__element__framework", distinct=True),
    )
    rows = ([o.number, o.short_title, o.title, o.link_count, o.framework_count] for o in objectives)
    if response := _export(
        request, "gcm-objectives", ["number", "short_title", "title", "links", "frameworks"], rows
    ):
        return response
    context = {"objectives": objectives, "principles": selectors.guiding_principles()}
    return render(request, "mapping/objective_list.html", context)


@login_required
def objective_detail(request: HttpRequest, number: int) -> HttpResponse:
    objective = get_object_or_404(GcmObjective, number=number)
    links = selectors.crosswalks().filter(objective=objective)
    if response := _export(request, f"gcm-objective-{number}", services.CROSSWALK_HEADERS, _crosswalk_rows(links)):
        return response
    context = {
        "objective": objective,
        "links": links,
        "previous": GcmObjective.objects.filter(number=number - 1).first(),
        "next": GcmObjective.objects.filter(number=number + 1).first(),
    }
    return render(request, "mapping/objective_detail.html", context)


def _crosswalk_rows(links: Iterable[Crosswalk]) -> Iterable[list[Any]]:
    for c in links:
        yield [c.element.framework.slug, c.element.code, c.element.name, c.objective.number if c.objective else "",
               c.sdg_indicator.code if c.sdg_indicator else "", c.relation, c.rationale, c.source]  # fmt: skip


@login_required
def dashboard_panel(request: HttpRequest) -> HttpResponse:
    gaps = list(selectors.objectives_without_links())
    stats = Crosswalk.objects.aggregate(
        links=Count("id"), objectives=Count("objective", distinct=True, filter=Q(objective__isnull=False))
    )
    context = {"gaps": gaps, "stats": stats, "framework_count": Framework.objects.count()}
    return render(request, "mapping/_dashboard_panel.html", context)
