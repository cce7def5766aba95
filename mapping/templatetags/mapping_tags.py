from django import template

register = template.Library()


@register.filter
def title_in(obj: object, language_code: str) -> str:
    """`{{ objective|title_in:LANGUAGE_CODE }}`: the title in the page's language, falling back to English."""
    return obj.title_in(language_code)  # type: ignore[attr-defined]


@register.filter
def short_title_in(obj: object, language_code: str) -> str:
    return obj.short_title_in(language_code)  # type: ignore[attr-defined]


@register.filter
def lookup(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None
