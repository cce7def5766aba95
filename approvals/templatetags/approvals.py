"""Template tags of approvals: the dashboard panel's numbers."""

from typing import Any

from django import template

from approvals import permissions, selectors
from approvals.choices import RequestState

register = template.Library()


@register.simple_tag(takes_context=True)
def approvals_panel(context: template.Context) -> dict[str, Any]:
    """Latest publication for everyone; the live requests for co-leads, the secretariat and ExCom members."""
    request = context.get("request")
    user = getattr(request, "user", None)
    panel: dict[str, Any] = {"latest": selectors.latest_publication(), "requests": None}
    if user is not None and permissions.can_see_requests(user):
        live = list(
            selectors.requests_visible_to(user).filter(
                state__in=[RequestState.DRAFT, RequestState.SUBMITTED, RequestState.IN_REVIEW]
            )[:5]
        )
        panel.update(
            requests=live,
            in_review=sum(item.state == RequestState.IN_REVIEW for item in live),
            waiting=sum(item.state != RequestState.IN_REVIEW for item in live),
        )
    return panel


@register.filter
def tier_label(value: str) -> str:
    """The tier's name in the reader's language (snapshots keep the slug)."""
    from indicators.choices import Tier

    return str(dict(Tier.choices).get(value, value))
