from typing import Any

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from consultations import permissions, selectors
from consultations.rendering import render_markdown

register = template.Library()


@register.filter(name="safe_markdown")
def safe_markdown(text: str) -> SafeString:
    """Comment text as sanitised HTML (see consultations.rendering)."""
    return mark_safe(render_markdown(text))  # nh3 has cleaned it


@register.inclusion_tag("consultations/_panel.html", takes_context=True)
def consultations_panel(context: dict[str, Any]) -> dict[str, Any]:
    """The dashboard panel: open rounds with deadlines; for co-leads, comments awaiting an answer."""
    user = context["request"].user
    return {
        "open_rounds": selectors.open_rounds_for(user),
        "awaiting": selectors.comments_awaiting_answer(user).count()
        if permissions.can_answer_comments(user)
        else None,
        "now": timezone.now(),
        "is_co_lead": permissions.can_answer_comments(user),
    }
