"""Word-level differences between two revisions, rendered as escaped HTML with <ins> and <del>."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from indicators.models import IndicatorRevision

TOKENS = re.compile(r"\s+|[^\s]+")

FIELDS = (
    ("title", _("Title")),
    ("title_translations", _("Title in other languages")),
    ("definition", _("Definition")),
    ("rationale", _("Rationale")),
    ("unit", _("Unit of measure")),
    ("computation_method", _("Computation method")),
    ("data_sources", _("Data sources")),
    ("custodians", _("Custodian organisations")),
    ("periodicity", _("Periodicity")),
    ("tier", _("Tier")),
    ("is_proxy", _("Proxy indicator")),
    ("limitations", _("Comments and limitations")),
    ("objectives", _("GCM objectives")),
    ("sdg_links", _("SDG indicators")),
    ("principles", _("Guiding principles")),
    ("plan", _("Disaggregation plan")),
)


def word_diff(old: str, new: str) -> SafeString:
    """`new` with removed words in <del> and added words in <ins>; everything else escaped."""
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))


def _text(revision: IndicatorRevision, name: str) -> str:
    if name == "objectives":
        return "; ".join(
            f"{link.objective.number}{' (primary)' if link.is_primary else ''}"
            for link in revision.objective_links.all()
        )
    if name == "sdg_links":
        return "; ".join(f"{link.sdg_indicator.code} {link.relation}" for link in revision.sdg_links.all())
    if name == "principles":
        return "; ".join(str(link.principle.number) for link in revision.principle_links.all())
    if name == "title_translations":
        return "; ".join(f"{tag}: {title}" for tag, title in revision.translated_titles)
    if name == "plan":
        return "; ".join(
            f"{entry.dimension.code} {entry.requirement}" for entry in revision.disaggregation_plan.all()
        )
    if name in ("periodicity", "tier"):
        return str(getattr(revision, f"get_{name}_display")())
    value = getattr(revision, name)
    return str(_("yes") if value is True else _("no") if value is False else value)


@dataclass
class FieldDiff:
    label: str
    changed: bool
    html: SafeString


def revision_diff(old: IndicatorRevision, new: IndicatorRevision) -> list[FieldDiff]:
    """One entry per field, with the word-level diff; revisions should come with their links prefetched."""
    result = []
    for name, label in FIELDS:
        before, after = _text(old, name), _text(new, name)
        result.append(FieldDiff(str(label), before != after, word_diff(before, after)))
    return result
