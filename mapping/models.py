"""Reference frameworks (GCM, SDG global indicator framework, other approaches) and the crosswalk between them."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from mapping.choices import ElementLevel, FrameworkKind, Relation, TargetType, Tier

# Translations are stored under these keys; Django's "zh-hans" is stored as "zh".
TRANSLATED_LANGUAGES = ("ar", "zh", "fr", "ru", "es")


def language_key(language_code: str | None) -> str:
    """The storage key of a Django language code: "zh-hans" -> "zh", "fr-ca" -> "fr", None -> "en"."""
    return (language_code or "en").lower().split("-")[0].split("_")[0]


def natural_sort_key(code: str) -> str:
    """A sortable key for SDG codes: "10.7.2" after "9.c.1", "10.a" after "10.7"."""
    parts = []
    for part in code.split("."):
        # Numbers before letters, as the framework lists them (10.7 before 10.a).
        parts.append(f"{int(part):03d}" if part.isdigit() else f"z{part}")
    return ".".join(parts)


class Translated(models.Model):
    """A reference row with an English `title` and its translations in the other UN languages."""

    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Titles in other UN languages, e.g. {"fr": "...", "ar": "..."}.'),
    )

    title_field = "title"

    class Meta:
        abstract = True

    def title_in(self, language_code: str | None) -> str:
        """The title in the given language, falling back to English."""
        english = getattr(self, self.title_field)
        key = language_key(language_code)
        if key == "en":
            return english
        return (self.translations or {}).get(key) or english


class GcmObjective(Translated):
    """One of the 23 objectives of the Global Compact for Migration (A/RES/73/195 para 16)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.TextField(_("title"))
    short_title = models.CharField(_("short title"), max_length=120, blank=True)
    short_title_translations = models.JSONField(_("short title translations"), default=dict, blank=True)
    commitment_paragraph = models.PositiveSmallIntegerField(_("commitments paragraph"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=23),
                name="gcm_objective_number_1_to_23",
                violation_error_message=_("A GCM objective is numbered 1 to 23."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.short_title or self.title}"

    @property
    def code(self) -> str:
        return f"GCM-O{self.number:02d}"

    def short_title_in(self, language_code: str | None) -> str:
        key = language_key(language_code)
        if key == "en":
            return self.short_title or self.title
        return (self.short_title_translations or {}).get(key) or self.short_title or self.title_in(key)


class GuidingPrinciple(Translated):
    """One of the 10 cross-cutting guiding principles of the GCM (A/RES/73/195 para 15 (a)-(j))."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    letter = models.CharField(_("letter"), max_length=1, blank=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=10),
                name="guiding_principle_number_1_to_10",
                violation_error_message=_("A guiding principle is numbered 1 to 10."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class SdgGoal(Translated):
    """One of the 17 Sustainable Development Goals (A/RES/70/1)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.TextField(_("title"))
    short_title = models.CharField(_("short title"), max_length=120, blank=True)
    short_title_translations = models.JSONField(_("short title translations"), default=dict, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self) -> str:
        return f"{_('Goal')} {self.number}: {self.short_title or self.title}"

    def short_title_in(self, language_code: str | None) -> str:
        key = language_key(language_code)
        if key == "en":
            return self.short_title or self.title
        return (self.short_title_translations or {}).get(key) or self.short_title or self.title_in(key)


class SdgTarget(Translated):
    """An SDG target such as 10.7 (169 in all)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    goal = models.ForeignKey(SdgGoal, on_delete=models.PROTECT, related_name="targets", verbose_name=_("goal"))
    title = models.TextField(_("title"))
    target_type = models.CharField(_("type"), max_length=30, choices=TargetType.choices, blank=True)
    sort_key = models.CharField(max_length=30, editable=False, db_index=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"{self.code} {self.title[:80]}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.sort_key = natural_sort_key(self.code)
        super().save(*args, **kwargs)


class SdgIndicator(Translated):
    """An indicator of the SDG global indicator framework (A/RES/71/313 and its refinements), e.g. 10.7.2.

    Retired codes are kept with `is_active=False`, never deleted, because candidate indicators may link to them.
    An indicator that repeats under several targets (1.5.1 = 11.5.1 = 13.1.1) has one row per code; `targets`
    lists every target it appears under and `repeats_as` the other codes.
    """

    code = models.CharField(_("code"), max_length=12, unique=True)
    target = models.ForeignKey(
        SdgTarget, on_delete=models.PROTECT, related_name="primary_indicators", verbose_name=_("target")
    )
    targets = models.ManyToManyField(
        SdgTarget, related_name="indicators", blank=True, verbose_name=_("targets it appears under")
    )
    title = models.TextField(_("title"))
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices, blank=True)
    tier_note = models.CharField(_("tier as published"), max_length=80, blank=True)
    custodians = ArrayField(
        models.CharField(max_length=200), default=list, blank=True, verbose_name=_("custodian agencies")
    )
    series_codes = ArrayField(
        models.CharField(max_length=40), default=list, blank=True, verbose_name=_("UNSD series codes")
    )
    repeats_as = ArrayField(
        models.CharField(max_length=12), default=list, blank=True, verbose_name=_("repeated as")
    )
    uri = models.CharField(_("URI"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    sort_key = models.CharField(max_length=30, editable=False, db_index=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("SDG indicator")
        verbose_name_plural = _("SDG indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[0-9]{1,2}\.[0-9a-z]{1,2}\.[0-9]{1,2}$"),
                name="sdg_indicator_code_format",
                violation_error_message=_("An SDG indicator code looks like 10.7.2."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title[:80]}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.sort_key = natural_sort_key(self.code)
        super().save(*args, **kwargs)

    @property
    def goal_number(self) -> int:
        return int(self.code.split(".")[0])


class Framework(Translated):
    """An approach to measuring migration governance (SDG 10.7.2, IOM's MGI, MIPEX, ...): deliverable 1.

    Approaches endorsed by an intergovernmental UN body come first, as the mandate asks.
    """

    title_field = "name"

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, help_text=_("Used as the heat-map column."))
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=FrameworkKind.choices, default=FrameworkKind.OTHER)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = models.URLField(_("web page"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    endorsed_by = models.CharField(_("endorsed by"), max_length=200, blank=True)
    endorsed_by_intergovernmental = models.BooleanField(_("endorsed by an intergovernmental body"), default=False)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower comes first among frameworks with the same endorsement.")
    )
    is_reference = models.BooleanField(
        _("reference data"), default=False, help_text=_("Loaded from official reference files by load_reference.")
    )
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["-endorsed_by_intergovernmental", "priority", "name"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.name


class FrameworkElement(Translated):
    """A node of a framework's tree: a domain, a sub-domain or a measure, with the framework's own code."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="elements", verbose_name=_("framework")
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    title_field = "name"

    code = models.CharField(_("code"), max_length=40)
    name = models.TextField(_("name"))
    level = models.CharField(_("level"), max_length=20, choices=ElementLevel.choices, default=ElementLevel.DOMAIN)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["framework", "position", "code"]
        verbose_name = _("framework element")
        verbose_name_plural = _("framework elements")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="framework_element_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name[:80]}"


class Crosswalk(models.Model):
    """A typed link from a framework element to a GCM objective and/or an SDG indicator, with its rationale."""

    element = models.ForeignKey(
        FrameworkElement, on_delete=models.CASCADE, related_name="crosswalks", verbose_name=_("element")
    )
    objective = models.ForeignKey(
        GcmObjective,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="crosswalks",
        verbose_name=_("GCM objective"),
    )
    sdg_indicator = models.ForeignKey(
        SdgIndicator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="crosswalks",
        verbose_name=_("SDG indicator"),
    )
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    rationale = models.TextField(_("rationale"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["element__framework", "element__position", "element__code", "objective", "sdg_indicator"]
        verbose_name = _("crosswalk link")
        verbose_name_plural = _("crosswalk links")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(objective__isnull=False) | models.Q(sdg_indicator__isnull=False),
                name="crosswalk_has_a_target",
                violation_error_message=_("Link the element to a GCM objective, an SDG indicator or both."),
            ),
            models.UniqueConstraint(
                fields=["element", "objective", "sdg_indicator"],
                nulls_distinct=False,
                name="crosswalk_link_unique",
                violation_error_message=_("This element already has this link."),
            ),
        ]

    def __str__(self) -> str:
        targets = [str(x) for x in (self.objective, self.sdg_indicator) if x is not None]
        return f"{self.element.code} -> {' + '.join(targets)} ({self.get_relation_display()})"
