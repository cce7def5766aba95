"""Writes of the indicators app. Views, the API, admin actions and other apps call these, nothing else."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchVector
from django.db import IntegrityError, transaction
from django.db.models import Max, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed, can_proceed, has_transition_perm

from accounts.models import User
from config.errors import Immutable, InvalidInput, NotAllowed, WorkflowError
from indicators import permissions
from indicators.choices import IndicatorState, Periodicity, Requirement, SdgRelation, Tier
from indicators.models import (
    TRANSLATION_LANGUAGES,
    DisaggregationDimension,
    DisaggregationPlanEntry,
    Indicator,
    IndicatorEvent,
    IndicatorRevision,
    LimitedSet,
    RevisionObjectiveLink,
    RevisionPrinciple,
    RevisionProvenance,
    RevisionSdgLink,
    SetVersion,
    SetVersionItem,
)
from mapping.models import FrameworkElement, GcmObjective, GuidingPrinciple, SdgIndicator

# Characters XML 1.0 forbids (all C0 controls but tab, newline, carriage return): titles travel in SDMX-ML.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class PlanLine:
    dimension: str  # DisaggregationDimension.code
    requirement: str = Requirement.REQUIRED
    data_sources: str = ""


@dataclass
class RevisionData:
    """Everything one revision says. `sdg_links` are (code, relation); objectives are GCM numbers."""

    title: str
    definition: str
    rationale: str
    primary_objective: int
    # Titles in fr, es, ar, zh, ru. None: a new revision keeps the previous revision's translations.
    title_translations: dict[str, str] | None = None
    other_objectives: Sequence[int] = ()
    unit: str = ""
    computation_method: str = ""
    data_sources: str = ""
    custodians: str = ""
    periodicity: str = Periodicity.ANNUAL
    tier: str = Tier.NOT_ASSESSED
    is_proxy: bool = False
    limitations: str = ""
    change_summary: str = ""
    sdg_links: Sequence[tuple[str, str]] = ()
    principles: Sequence[int] = ()
    provenance: Sequence[int] = ()  # FrameworkElement ids
    plan: Sequence[PlanLine] = field(default_factory=list)

    @classmethod
    def from_revision(cls, revision: IndicatorRevision, **changes: object) -> "RevisionData":
        """The data of an existing revision, with some fields changed: the start of an edit."""
        objective_links = list(revision.objective_links.select_related("objective"))
        data = cls(
            title=revision.title,
            title_translations=dict(revision.title_translations or {}),
            definition=revision.definition,
            rationale=revision.rationale,
            primary_objective=next(link.objective.number for link in objective_links if link.is_primary),
            other_objectives=[link.objective.number for link in objective_links if not link.is_primary],
            unit=revision.unit,
            computation_method=revision.computation_method,
            data_sources=revision.data_sources,
            custodians=revision.custodians,
            periodicity=revision.periodicity,
            tier=revision.tier,
            is_proxy=revision.is_proxy,
            limitations=revision.limitations,
            sdg_links=[(link.sdg_indicator.code, link.relation) for link in revision.sdg_links.all()],
            principles=[link.principle.number for link in revision.principle_links.select_related("principle")],
            provenance=list(revision.provenance.values_list("element_id", flat=True)),
            plan=[
                PlanLine(entry.dimension.code, entry.requirement, entry.data_sources)
                for entry in revision.disaggregation_plan.select_related("dimension")
            ],
        )
        for name, value in changes.items():
            setattr(data, name, value)
        return data


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise NotAllowed(message)


def clean_title_translations(translations: dict[str, object]) -> dict[str, str]:
    """Known language keys only, values trimmed, blanks dropped, XML-unsafe control characters removed."""
    unknown = sorted(set(translations) - set(TRANSLATION_LANGUAGES))
    if unknown:
        raise InvalidInput(
            _("Unknown title language(s): %(keys)s. Use %(known)s.")
            % {"keys": ", ".join(unknown), "known": ", ".join(TRANSLATION_LANGUAGES)},
            errors={"title_translations": [_("Unknown language: %(key)s") % {"key": key} for key in unknown]},
        )
    cleaned = {}
    for key in TRANSLATION_LANGUAGES:
        value = translations.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InvalidInput(
                _("Each title translation must be text."), errors={"title_translations": [_("Not text.")]}
            )
        value = CONTROL_CHARACTERS.sub("", value).strip()
        if len(value) > 400:
            raise InvalidInput(
                _("A title translation has at most 400 characters."),
                errors={"title_translations": [_("Too long: %(key)s") % {"key": key}]},
            )
        if value:
            cleaned[key] = value
    return cleaned


def _write_revision(
    *,
    indicator: Indicator,
    data: RevisionData,
    by: User | None,
    previous: IndicatorRevision | None = None,
) -> IndicatorRevision:
    """Create revision n+1 of the indicator with its links and plan; point the indicator and drafts at it.

    Title translations not given (None) are copied from `previous`, the revision being replaced.
    """
    if not data.title.strip():
        raise InvalidInput(_("A revision needs a title."), errors={"title": [_("This field is required.")]})
    if data.title_translations is None:
        translations = dict(previous.title_translations or {}) if previous is not None else {}
    else:
        translations = clean_title_translations(data.title_translations)
    objective_numbers = [
        data.primary_objective,
        *[n for n in data.other_objectives if n != data.primary_objective],
    ]
    objectives = {obj.number: obj for obj in GcmObjective.objects.filter(number__in=objective_numbers)}
    if data.primary_objective not in objectives:
        raise InvalidInput(
            _("Choose the primary GCM objective (1 to 23)."),
            errors={"primary_objective": [_("Unknown GCM objective.")]},
        )
    sdg_codes = [code for code, _relation in data.sdg_links]
    sdgs = {sdg.code: sdg for sdg in SdgIndicator.objects.filter(code__in=sdg_codes)}
    unknown = sorted(set(sdg_codes) - set(sdgs))
    if unknown:
        raise InvalidInput(
            _("Unknown SDG indicator code(s): %(codes)s.") % {"codes": ", ".join(unknown)},
            errors={"sdg_links": [_("Unknown code: %(code)s") % {"code": code} for code in unknown]},
        )
    for _code, relation in data.sdg_links:
        if relation not in SdgRelation.values:
            raise InvalidInput(_("Unknown SDG relation %(relation)s.") % {"relation": relation})
    dimensions = {
        dim.code: dim for dim in DisaggregationDimension.objects.filter(code__in=[p.dimension for p in data.plan])
    }
    missing = sorted({p.dimension for p in data.plan} - set(dimensions))
    if missing:
        raise InvalidInput(_("Unknown disaggregation dimension(s): %(codes)s.") % {"codes": ", ".join(missing)})

    number = (indicator.revisions.aggregate(top=Max("number"))["top"] or 0) + 1
    revision = IndicatorRevision.objects.create(
        indicator=indicator,
        number=number,
        title=data.title.strip(),
        title_translations=translations,
        definition=data.definition,
        rationale=data.rationale,
        unit=data.unit,
        computation_method=data.computation_method,
        data_sources=data.data_sources,
        custodians=data.custodians,
        periodicity=data.periodicity,
        tier=data.tier,
        is_proxy=data.is_proxy,
        limitations=data.limitations,
        change_summary=data.change_summary or (_("First version") if number == 1 else ""),
        created_by=by,
    )
    RevisionObjectiveLink.objects.bulk_create(
        RevisionObjectiveLink(revision=revision, objective=objectives[n], is_primary=n == data.primary_objective)
        for n in dict.fromkeys(objective_numbers)
        if n in objectives
    )
    RevisionSdgLink.objects.bulk_create(
        RevisionSdgLink(revision=revision, sdg_indicator=sdgs[code], relation=relation)
        for code, relation in dict(data.sdg_links).items()
    )
    RevisionPrinciple.objects.bulk_create(
        RevisionPrinciple(revision=revision, principle=principle)
        for principle in GuidingPrinciple.objects.filter(number__in=data.principles)
    )
    RevisionProvenance.objects.bulk_create(
        RevisionProvenance(revision=revision, element=element)
        for element in FrameworkElement.objects.filter(pk__in=data.provenance)
    )
    DisaggregationPlanEntry.objects.bulk_create(
        DisaggregationPlanEntry(
            revision=revision,
            dimension=dimensions[line.dimension],
            requirement=line.requirement,
            data_sources=line.data_sources,
        )
        for line in {line.dimension: line for line in data.plan}.values()
    )
    Indicator.objects.filter(pk=indicator.pk).update(
        current_revision=revision,
        search_vector=SearchVector(Value(revision.title), weight="A", config="english")
        + SearchVector(Value(indicator.code), weight="A", config="simple")
        + SearchVector(Value(revision.definition), weight="B", config="english")
        + SearchVector(Value(revision.rationale), weight="C", config="english"),
    )
    indicator.current_revision = revision
    # Draft versions follow the latest revision; frozen versions keep the one they listed.
    SetVersionItem.objects.filter(indicator=indicator, version__frozen_at__isnull=True).update(revision=revision)
    return revision


@transaction.atomic
def create_indicator(*, code: str, data: RevisionData, by: User | None) -> Indicator:
    """Create a draft indicator with its first revision.

    Steps: check the co-lead role; refuse a code already taken; create the indicator in `draft`; write
    revision 1 with its links and plan; record the event.
    """
    _require(by is None or permissions.can_curate(by), _("Only co-leads can add candidate indicators."))
    code = code.strip().upper()
    if not code:
        raise InvalidInput(_("An indicator needs a code such as GCM-07-2."), errors={"code": [_("Required.")]})
    if Indicator.objects.filter(code=code).exists():
        raise InvalidInput(
            _("The code %(code)s is already taken.") % {"code": code}, errors={"code": [_("Already taken.")]}
        )
    indicator = Indicator.objects.create(code=code)
    _write_revision(indicator=indicator, data=data, by=by)
    IndicatorEvent.objects.create(indicator=indicator, action="created", by=by)
    return indicator


@transaction.atomic
def revise_indicator(*, indicator: Indicator, data: RevisionData, by: User | None) -> IndicatorRevision:
    """Record an edit as a new revision; earlier revisions never change.

    Steps: check the co-lead role; lock the indicator; refuse withdrawn or merged indicators; write revision
    n+1 (draft set versions move to it, frozen ones keep theirs); record the event.
    """
    _require(by is None or permissions.can_curate(by), _("Only co-leads can edit candidate indicators."))
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if not indicator.is_active:
        raise WorkflowError(
            _("%(code)s is %(state)s; reinstate it before editing.")
            % {"code": indicator.code, "state": indicator.get_state_display()}
        )
    previous = IndicatorRevision.objects.filter(pk=indicator.current_revision_id).first()
    revision = _write_revision(indicator=indicator, data=data, by=by, previous=previous)
    IndicatorEvent.objects.create(
        indicator=indicator, action="revised", note=f"r{revision.number}: {data.change_summary}"[:400], by=by
    )
    return revision


TRANSITIONS = ("propose", "shortlist", "unshortlist", "withdraw", "reinstate", "merge")


@transaction.atomic
def change_indicator_state(
    *, indicator: Indicator, action: str, by: User, merged_into: Indicator | None = None, note: str = ""
) -> Indicator:
    """Move an indicator along its lifecycle (see docs/indicators.md).

    Steps: lock the row; check the action exists, the user may take it and its conditions hold; for a merge,
    set the target first; run the transition; save; record the event.
    """
    if action not in TRANSITIONS:
        raise InvalidInput(_("Unknown action %(action)s.") % {"action": action})
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    method = getattr(indicator, action)
    if action == "merge":
        if merged_into is None or merged_into.pk == indicator.pk:
            raise InvalidInput(_("Choose another indicator to merge into."))
        indicator.merged_into = merged_into
    if not permissions.can_curate(by):
        raise NotAllowed(_("Only co-leads can change the state of an indicator."))
    if not can_proceed(method) or not has_transition_perm(method, by):
        raise WorkflowError(
            _("%(code)s is %(state)s: it cannot %(action)s now.")
            % {"code": indicator.code, "state": indicator.get_state_display(), "action": action}
        )
    try:
        method()
    except TransitionNotAllowed as error:  # pragma: no cover - guarded by can_proceed above
        raise WorkflowError(str(error)) from error
    indicator.save()
    IndicatorEvent.objects.create(indicator=indicator, action=action, note=note[:400], by=by)
    return indicator


# --- The limited set ----------------------------------------------------------------------------------------


@transaction.atomic
def create_limited_set(*, name: str, description: str = "", by: User | None) -> LimitedSet:
    """Create a limited set with an empty draft version 1."""
    _require(by is None or permissions.can_curate(by), _("Only co-leads can create a limited set."))
    if LimitedSet.objects.filter(name=name).exists():
        raise InvalidInput(_("A set named %(name)s already exists.") % {"name": name})
    limited_set = LimitedSet.objects.create(name=name, description=description)
    SetVersion.objects.create(limited_set=limited_set, number=1)
    return limited_set


def _draft_version(version: SetVersion) -> SetVersion:
    version = SetVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_frozen:
        raise Immutable(
            _("Version %(number)s of %(set)s is frozen. Start a new version to change the list.")
            % {"number": version.number, "set": version.limited_set.name}
        )
    return version


@transaction.atomic
def add_to_set_version(*, version: SetVersion, indicator: Indicator, by: User | None) -> SetVersionItem:
    """Add an indicator's current revision to a draft version (no-op if it is already there)."""
    _require(by is None or permissions.can_curate(by), _("Only co-leads can change the limited set."))
    version = _draft_version(version)
    indicator = Indicator.objects.select_related("current_revision").get(pk=indicator.pk)
    if not indicator.is_active or indicator.current_revision is None:
        raise WorkflowError(_("%(code)s is not a live candidate.") % {"code": indicator.code})
    existing = version.items.filter(indicator=indicator).first()
    if existing is not None:
        return existing
    position = (version.items.aggregate(top=Max("position"))["top"] or 0) + 1
    return SetVersionItem.objects.create(
        version=version, indicator=indicator, revision=indicator.current_revision, position=position
    )


@transaction.atomic
def remove_from_set_version(*, version: SetVersion, indicator: Indicator, by: User | None) -> None:
    """Remove an indicator from a draft version (no-op if it is not there)."""
    _require(by is None or permissions.can_curate(by), _("Only co-leads can change the limited set."))
    version = _draft_version(version)
    version.items.filter(indicator=indicator).delete()


@transaction.atomic
def replace_set_version_items(*, version: SetVersion, indicators: Sequence[Indicator], by: User | None) -> None:
    """Make a draft version list exactly these indicators (their current revisions), in this order."""
    _require(by is None or permissions.can_curate(by), _("Only co-leads can change the limited set."))
    version = _draft_version(version)
    version.items.all().delete()
    SetVersionItem.objects.bulk_create(
        SetVersionItem(version=version, indicator=ind, revision_id=ind.current_revision_id, position=pos)
        for pos, ind in enumerate(indicators, start=1)
        if ind.current_revision_id
    )


@transaction.atomic
def start_new_version(*, limited_set: LimitedSet, by: User | None, note: str = "") -> SetVersion:
    """Start version n+1 of a set as a draft copy of the latest version, each indicator at its latest revision.

    Returns the existing draft when the latest version is not frozen yet (one draft at a time).
    """
    _require(by is None or permissions.can_curate(by), _("Only co-leads can change the limited set."))
    LimitedSet.objects.select_for_update().get(pk=limited_set.pk)
    latest = limited_set.versions.order_by("-number").first()
    if latest is not None and not latest.is_frozen:
        return latest
    version = SetVersion.objects.create(
        limited_set=limited_set, number=(latest.number + 1) if latest else 1, note=note
    )
    if latest is not None:
        items = latest.items.select_related("indicator").order_by("position", "id")
        SetVersionItem.objects.bulk_create(
            SetVersionItem(
                version=version,
                indicator=item.indicator,
                revision_id=item.indicator.current_revision_id or item.revision_id,
                position=item.position,
            )
            for item in items
            if item.indicator.is_active
        )
    return version


@transaction.atomic
def freeze_set_version(*, version: SetVersion, by: User | None) -> SetVersion:
    """Freeze a set version: from now on it and every revision it lists can never change.

    Called when a consultation round opens on the version and when it is submitted to the ExCom.
    Idempotent: a version already frozen is returned unchanged. Steps: lock the row; return it if frozen;
    refuse an empty version; stamp `frozen_at`/`frozen_by` (the database triggers take over from here).
    """
    version = SetVersion.objects.select_for_update().select_related("limited_set").get(pk=version.pk)
    if version.is_frozen:
        return version
    if by is not None and not permissions.can_freeze(by):
        raise NotAllowed(_("Only co-leads can freeze a set version."))
    if not version.items.exists():
        raise WorkflowError(_("An empty set version cannot be frozen; add indicators first."))
    version.frozen_at = timezone.now()
    version.frozen_by = by
    try:
        version.save(update_fields=["frozen_at", "frozen_by"])
    except IntegrityError as error:  # pragma: no cover - the trigger only fires on a race
        raise Immutable(str(error)) from error
    return version


def active_states() -> list[str]:
    return [IndicatorState.DRAFT, IndicatorState.CANDIDATE, IndicatorState.SHORTLISTED]
