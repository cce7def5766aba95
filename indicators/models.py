"""Candidate indicators, their immutable revisions, disaggregation plans and the limited set.

An `Indicator` is a stable identity (`GCM-07-2`); what it says lives in numbered `IndicatorRevision`s. Editing
makes a new revision. A revision that a frozen `SetVersion` lists can never change: a PostgreSQL trigger
(migration 0002) refuses the UPDATE or DELETE, whatever code path sends it.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from accounts import permissions as account_permissions
from config.errors import Immutable
from indicators.choices import IndicatorState, Periodicity, Requirement, SdgRelation, Tier
from mapping.models import language_key

FROZEN_REVISION_MESSAGE = _(
    "Revision {number} of {code} is listed in a frozen set version and can never change. "
    "Edit the indicator to create a new revision instead."
)

# The other five UN languages, keyed as `mapping.models.language_key` keys them (English is `title` itself).
TRANSLATION_LANGUAGES = ("fr", "es", "ar", "zh", "ru")
# BCP 47 tags of those keys, for lang / xml:lang attributes.
LANGUAGE_TAGS = {"en": "en", "fr": "fr", "es": "es", "ar": "ar", "zh": "zh-Hans", "ru": "ru"}


def _may_curate(instance: "Indicator", user: object) -> bool:
    return account_permissions.is_co_lead(user)  # type: ignore[arg-type]


class Indicator(models.Model):
    """A candidate indicator for the limited set: a stable code and a lifecycle; its content is in revisions."""

    code = models.CharField(_("code"), max_length=30, unique=True, help_text=_("For example GCM-07-2."))
    state = FSMField(
        _("state"), max_length=20, choices=IndicatorState.choices, default=IndicatorState.DRAFT, protected=True
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )
    current_revision = models.ForeignKey(
        "IndicatorRevision",
        verbose_name=_("current revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The latest revision; kept here so that a list reads it without a subquery."),
    )
    # Weighted title (A) > definition (B) > rationale (C) of the current revision; written by the services.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        indexes = [GinIndex(fields=["search_vector"], name="indicator_search_gin")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=IndicatorState.MERGED) | models.Q(merged_into__isnull=False),
                name="merged_indicator_names_target",
                violation_error_message=_("A merged indicator must name the indicator it was merged into."),
            ),
        ]

    def __str__(self) -> str:
        if self.current_revision_id and "current_revision" in self._state.fields_cache:
            return f"{self.code} · {self.current_revision.title}"
        return self.code

    @property
    def is_active(self) -> bool:
        return self.state not in {IndicatorState.WITHDRAWN, IndicatorState.MERGED}

    def has_revision(self) -> bool:
        return self.current_revision_id is not None

    # --- Lifecycle: pure transitions; the services in indicators.services call them and do the rest. ---

    @transition(
        field=state,
        source=IndicatorState.DRAFT,
        target=IndicatorState.CANDIDATE,
        conditions=[has_revision],
        permission=_may_curate,
    )
    def propose(self) -> None:
        """A draft becomes a candidate for the limited set."""

    @transition(
        field=state,
        source=IndicatorState.CANDIDATE,
        target=IndicatorState.SHORTLISTED,
        permission=_may_curate,
    )
    def shortlist(self) -> None:
        """The co-leads shortlist a candidate."""

    @transition(
        field=state,
        source=IndicatorState.SHORTLISTED,
        target=IndicatorState.CANDIDATE,
        permission=_may_curate,
    )
    def unshortlist(self) -> None:
        """A shortlisted indicator goes back to the candidates."""

    @transition(
        field=state,
        source=[IndicatorState.DRAFT, IndicatorState.CANDIDATE, IndicatorState.SHORTLISTED],
        target=IndicatorState.WITHDRAWN,
        permission=_may_curate,
    )
    def withdraw(self) -> None:
        """The indicator leaves the catalogue of live candidates (kept, never deleted)."""

    @transition(
        field=state,
        source=IndicatorState.WITHDRAWN,
        target=IndicatorState.CANDIDATE,
        permission=_may_curate,
    )
    def reinstate(self) -> None:
        """A withdrawn indicator becomes a candidate again."""

    def _merge_target_set(self) -> bool:
        return self.merged_into_id is not None and self.merged_into_id != self.pk

    @transition(
        field=state,
        source=[IndicatorState.DRAFT, IndicatorState.CANDIDATE, IndicatorState.SHORTLISTED],
        target=IndicatorState.MERGED,
        conditions=[_merge_target_set],
        permission=_may_curate,
    )
    def merge(self) -> None:
        """The indicator is folded into `merged_into`."""


class RevisionQuerySet(models.QuerySet["IndicatorRevision"]):
    def frozen(self) -> "RevisionQuerySet":
        """Revisions listed in at least one frozen set version."""
        return self.filter(set_items__version__frozen_at__isnull=False).distinct()

    def update(self, **kwargs: object) -> int:
        # Refuse early with the domain error; the database trigger stays the last word.
        frozen = self.frozen().select_related("indicator").first()
        if frozen is not None:
            raise Immutable(str(FROZEN_REVISION_MESSAGE).format(number=frozen.number, code=frozen.indicator.code))
        return super().update(**kwargs)


class IndicatorRevision(models.Model):
    """One immutable statement of an indicator's metadata (in the spirit of the SDG metadata template).

    A new edit creates revision n+1; a revision listed in a frozen set version never changes.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("title"), max_length=400)
    title_translations = models.JSONField(
        _("title translations"),
        default=dict,
        blank=True,
        help_text=_("The title in the other UN languages, keyed fr, es, ar, zh, ru; English is the title itself."),
    )
    definition = models.TextField(_("definition"))
    rationale = models.TextField(_("rationale"), help_text=_("Why it measures progress on the objective."))
    unit = models.CharField(_("unit of measure"), max_length=200, blank=True)
    computation_method = models.TextField(_("computation method"), blank=True)
    data_sources = models.TextField(_("data sources"), blank=True)
    custodians = models.CharField(
        _("custodian organisations"), max_length=400, blank=True, help_text=_("Separate several with commas.")
    )
    periodicity = models.CharField(
        _("periodicity"), max_length=20, choices=Periodicity.choices, default=Periodicity.ANNUAL
    )
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices, default=Tier.NOT_ASSESSED)
    is_proxy = models.BooleanField(_("proxy indicator"), default=False)
    limitations = models.TextField(_("comments and limitations"), blank=True)
    change_summary = models.CharField(_("change summary"), max_length=400, blank=True)
    principles = models.ManyToManyField(
        "mapping.GuidingPrinciple",
        verbose_name=_("guiding principles"),
        through="RevisionPrinciple",
        related_name="indicator_revisions",
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="indicator_revisions",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["indicator__code", "number"]
        verbose_name = _("indicator revision")
        verbose_name_plural = _("indicator revisions")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "number"], name="revision_number_unique_per_indicator"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="revision_number_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} r{self.number}: {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.is_frozen:
            raise Immutable(str(FROZEN_REVISION_MESSAGE).format(number=self.number, code=self.indicator.code))
        super().save(*args, **kwargs)

    def title_in(self, language_code: str | None) -> str:
        """The title in the given language ("fr", "zh-hans", ...), falling back to English."""
        key = language_key(language_code)
        if key == "en":
            return self.title
        return (self.title_translations or {}).get(key) or self.title

    @property
    def titles(self) -> dict[str, str]:
        """English and every translation present, keyed by language ("en", "fr", ...)."""
        extra = {key: value for key, value in (self.title_translations or {}).items() if value}
        return {"en": self.title, **extra}

    @property
    def translated_titles(self) -> list[tuple[str, str]]:
        """(BCP 47 tag, title) for each translation present, in a fixed order: for pages that show them."""
        translations = self.title_translations or {}
        return [(LANGUAGE_TAGS[key], translations[key]) for key in TRANSLATION_LANGUAGES if translations.get(key)]

    @property
    def is_frozen(self) -> bool:
        return self.pk is not None and self.set_items.filter(version__frozen_at__isnull=False).exists()

    @property
    def custodian_list(self) -> list[str]:
        return [name.strip() for name in self.custodians.split(",") if name.strip()]


class RevisionSdgLink(models.Model):
    """A revision's link to an SDG indicator (A/RES/71/313), typed by how closely it follows it."""

    revision = models.ForeignKey(IndicatorRevision, on_delete=models.CASCADE, related_name="sdg_links")
    sdg_indicator = models.ForeignKey(
        "mapping.SdgIndicator", verbose_name=_("SDG indicator"), on_delete=models.PROTECT, related_name="+"
    )
    relation = models.CharField(_("relation"), max_length=20, choices=SdgRelation.choices)

    class Meta:
        ordering = ["revision", "sdg_indicator__code"]
        verbose_name = _("SDG link")
        verbose_name_plural = _("SDG links")
        constraints = [
            models.UniqueConstraint(fields=["revision", "sdg_indicator"], name="sdg_link_once_per_revision")
        ]

    def __str__(self) -> str:
        return f"{self.sdg_indicator.code} ({self.get_relation_display()})"


class RevisionObjectiveLink(models.Model):
    """A revision's link to a GCM objective; exactly one link per revision is the primary objective."""

    revision = models.ForeignKey(IndicatorRevision, on_delete=models.CASCADE, related_name="objective_links")
    objective = models.ForeignKey(
        "mapping.GcmObjective", verbose_name=_("GCM objective"), on_delete=models.PROTECT, related_name="+"
    )
    is_primary = models.BooleanField(_("primary objective"), default=False)

    class Meta:
        ordering = ["revision", "-is_primary", "objective__number"]
        verbose_name = _("objective link")
        verbose_name_plural = _("objective links")
        constraints = [
            models.UniqueConstraint(fields=["revision", "objective"], name="objective_link_once_per_revision"),
            models.UniqueConstraint(
                fields=["revision"],
                condition=models.Q(is_primary=True),
                name="one_primary_objective_per_revision",
                violation_error_message=_("A revision has exactly one primary objective."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.objective}{' (primary)' if self.is_primary else ''}"


class RevisionPrinciple(models.Model):
    """A GCM guiding principle (A/RES/73/195 para 15) that a revision touches."""

    revision = models.ForeignKey(IndicatorRevision, on_delete=models.CASCADE, related_name="principle_links")
    principle = models.ForeignKey("mapping.GuidingPrinciple", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("guiding principle link")
        verbose_name_plural = _("guiding principle links")
        constraints = [
            models.UniqueConstraint(fields=["revision", "principle"], name="principle_once_per_revision")
        ]

    def __str__(self) -> str:
        return str(self.principle)


class RevisionProvenance(models.Model):
    """Where a revision comes from: an element of a mapped framework (e.g. an MGI measure)."""

    revision = models.ForeignKey(IndicatorRevision, on_delete=models.CASCADE, related_name="provenance")
    element = models.ForeignKey(
        "mapping.FrameworkElement", verbose_name=_("framework element"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("provenance")
        verbose_name_plural = _("provenance")
        constraints = [
            models.UniqueConstraint(fields=["revision", "element"], name="provenance_once_per_revision")
        ]

    def __str__(self) -> str:
        return str(self.element)


class DisaggregationDimension(models.Model):
    """A characteristic data can be broken down by (sex, age, migratory status, ...), with its SDMX codes."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveIntegerField(_("order"), default=100)
    sdmx_dimension = models.CharField(_("SDMX dimension"), max_length=60, blank=True)
    sdmx_codelist = models.CharField(_("SDMX code list"), max_length=60, blank=True)
    sdmx_codes = models.JSONField(_("SDMX codes"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("disaggregation dimension")
        verbose_name_plural = _("disaggregation dimensions")

    def __str__(self) -> str:
        return self.name


class DisaggregationPlanEntry(models.Model):
    """One line of a revision's disaggregation plan: a dimension, required or recommended, and who delivers it."""

    revision = models.ForeignKey(IndicatorRevision, on_delete=models.CASCADE, related_name="disaggregation_plan")
    dimension = models.ForeignKey(
        DisaggregationDimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="plan_entries"
    )
    requirement = models.CharField(_("requirement"), max_length=20, choices=Requirement.choices)
    data_sources = models.CharField(_("data sources that can deliver it"), max_length=400, blank=True)

    class Meta:
        ordering = ["revision", "dimension__order"]
        verbose_name = _("disaggregation plan entry")
        verbose_name_plural = _("disaggregation plan entries")
        constraints = [models.UniqueConstraint(fields=["revision", "dimension"], name="dimension_once_per_plan")]

    def __str__(self) -> str:
        return f"{self.dimension} ({self.get_requirement_display()})"


class LimitedSet(models.Model):
    """The proposal: a limited set of indicators, built in numbered versions."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("limited set")
        verbose_name_plural = _("limited sets")

    def __str__(self) -> str:
        return self.name


class SetVersion(models.Model):
    """A numbered version of a limited set, listing indicator revisions; frozen once consulted or submitted."""

    limited_set = models.ForeignKey(
        LimitedSet, verbose_name=_("limited set"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    note = models.CharField(_("note"), max_length=400, blank=True)
    revisions = models.ManyToManyField(
        IndicatorRevision, through="SetVersionItem", related_name="set_versions", blank=True
    )
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["limited_set", "-number"]
        verbose_name = _("set version")
        verbose_name_plural = _("set versions")
        constraints = [
            models.UniqueConstraint(fields=["limited_set", "number"], name="set_version_number_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="set_version_number_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.limited_set} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class SetVersionItem(models.Model):
    """One indicator revision listed in a set version, in the order shown."""

    version = models.ForeignKey(SetVersion, on_delete=models.CASCADE, related_name="items")
    revision = models.ForeignKey(IndicatorRevision, on_delete=models.PROTECT, related_name="set_items")
    # Denormalised so that the database can refuse two revisions of one indicator in one version.
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="set_items")
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["version", "position", "id"]
        verbose_name = _("set version item")
        verbose_name_plural = _("set version items")
        constraints = [
            models.UniqueConstraint(fields=["version", "indicator"], name="indicator_once_per_set_version"),
        ]

    def __str__(self) -> str:
        return f"{self.version}: {self.revision}"


class IndicatorEvent(models.Model):
    """An append-only record of what happened to an indicator: created, revised, a state change, a merge."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=40)
    note = models.CharField(_("note"), max_length=400, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.PROTECT
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("indicator event")
        verbose_name_plural = _("indicator events")

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.action}"
