from django import template
from django.db.models import Count

from indicators.choices import IndicatorState
from indicators.models import Indicator, SetVersion

register = template.Library()


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key)


@register.simple_tag
def indicators_summary() -> dict[str, object]:
    """Figures for the dashboard panel (three queries)."""
    counts = dict.fromkeys(IndicatorState.values, 0)
    for row in Indicator.objects.values("state").order_by().annotate(n=Count("id")):
        counts[row["state"]] = row["n"]
    version = SetVersion.objects.select_related("limited_set").order_by("-created_at").first()
    return {
        "candidates": counts[IndicatorState.CANDIDATE] + counts[IndicatorState.SHORTLISTED],
        "shortlisted": counts[IndicatorState.SHORTLISTED],
        "version": version,
        "version_size": version.items.count() if version else 0,
    }
