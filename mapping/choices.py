from django.db import models
from django.utils.translation import gettext_lazy as _


class FrameworkKind(models.TextChoices):
    """What sort of approach to measuring migration governance a framework is."""

    INDICATOR_FRAMEWORK = "indicator_framework", _("Indicator framework")
    POLICY_INDICATOR = "policy_indicator", _("Policy indicator")
    GOVERNANCE_ASSESSMENT = "governance_assessment", _("Governance assessment")
    POLICY_INDEX = "policy_index", _("Policy index")
    STATISTICAL_GUIDANCE = "statistical_guidance", _("Statistical guidance")
    OTHER = "other", _("Other")


class ElementLevel(models.TextChoices):
    """The level of an element in a framework's tree: domain -> sub-domain -> measure."""

    DOMAIN = "domain", _("Domain")
    SUB_DOMAIN = "sub_domain", _("Sub-domain")
    MEASURE = "measure", _("Measure")


class Relation(models.TextChoices):
    """How closely a framework element measures a GCM objective or an SDG indicator."""

    EXACT = "exact", _("Exact")
    PROXY = "proxy", _("Proxy")
    PARTIAL = "partial", _("Partial")
    CONTRIBUTES_TO = "contributes_to", _("Contributes to")


# Link strength used to shade the coverage heat map: the strongest link in a cell decides its shade.
RELATION_STRENGTH: dict[str, int] = {
    Relation.EXACT: 4,
    Relation.PROXY: 3,
    Relation.PARTIAL: 2,
    Relation.CONTRIBUTES_TO: 1,
}


class TargetType(models.TextChoices):
    OUTCOME = "outcome", _("Outcome target")
    MEANS_OF_IMPLEMENTATION = "means_of_implementation", _("Means of implementation")


class Tier(models.TextChoices):
    """Tier classification of an SDG indicator by the IAEG-SDGs."""

    TIER_I = "I", _("Tier I")
    TIER_II = "II", _("Tier II")
    TIER_III = "III", _("Tier III")
    MULTIPLE = "multiple", _("Several tiers (depends on component)")
    UNKNOWN = "", _("Not classified")
