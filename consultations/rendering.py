"""Comment text as HTML: a safe Markdown subset, rendered by Markdown and then cleaned by nh3.

Whatever a person types (raw HTML, scripts, event attributes, javascript: links) comes out inert.
"""

import markdown
import nh3

ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """The text as sanitised HTML (paragraphs, emphasis, lists, quotes, code and plain links only)."""
    html = markdown.markdown(text or "", extensions=[], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
