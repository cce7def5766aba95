"""Template tags of documents: the dashboard panel."""

from typing import Any

from django import template
from django.utils import timezone

from documents import permissions, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def documents_panel(context: template.Context) -> dict[str, Any]:
    """The next dates of the consultation plan for everyone signed in; the latest documents for those who read
    them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    panel: dict[str, Any] = {"upcoming": [], "documents": None}
    if user is None or not permissions.can_see_plan(user):
        return panel
    now = timezone.now()
    panel["upcoming"] = [event for event in selectors.plan_events(user) if event.ends_at >= now][:3]
    if permissions.can_see_documents(user):
        panel["documents"] = list(selectors.documents_visible_to(user)[:3])
    return panel
