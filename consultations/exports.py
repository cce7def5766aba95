"""The comment-resolution matrix as a table: one row per comment of the round's official submissions."""

from collections.abc import Callable, Iterator, Sequence

from django.utils.text import slugify
from django.utils.translation import gettext as _

from config.exports import Cell, xlsx_bytes
from consultations import selectors
from consultations.models import Comment, Round


def matrix_headers(round_: Round) -> list[str]:
    return [
        _("Comment"),
        _("Indicator"),
        _("Revision"),
        _("Organisation"),
        _("Organisation kind"),
        _("Region"),
        _("Type"),
        _("Stance"),
        _("Comment text"),
        _("Proposed change"),
        *[label for _key, label in round_.criteria_with_labels()],
        _("Outcome"),
        _("Reason"),
        _("Implemented by"),
    ]


def matrix_row(round_: Round, comment: Comment) -> list[Cell]:
    organisation = comment.submission.organisation
    disposition = getattr(comment, "disposition", None)
    implemented = disposition.implemented_by if disposition else None
    return [
        comment.pk,
        comment.revision.indicator.code if comment.revision else _("The set as a whole"),
        comment.revision.number if comment.revision else None,
        organisation.name,  # the matrix is for co-leads, who see names even when the round hides them
        organisation.get_kind_display(),
        organisation.get_region_display(),
        comment.get_kind_display(),
        comment.get_stance_display(),
        comment.text,
        comment.proposed_change,
        *[(comment.ratings or {}).get(key) for key, _label in round_.criteria_with_labels()],
        disposition.get_outcome_display() if disposition else "",
        disposition.reason if disposition else "",
        f"{implemented.indicator.code} r{implemented.number}" if implemented else "",
    ]


def matrix_rows(
    round_: Round, comments: Sequence[Comment] | None = None, progress: Callable[[int, int], None] | None = None
) -> Iterator[list[Cell]]:
    items = list(comments if comments is not None else selectors.round_comments(round_))
    for index, comment in enumerate(items, start=1):
        yield matrix_row(round_, comment)
        if progress and (index % 50 == 0 or index == len(items)):
            progress(index, len(items))


def matrix_filename(round_: Round) -> str:
    return f"resolution-matrix-{slugify(round_.title)[:60] or round_.pk}"


def matrix_bytes(round_: Round, fmt: str, progress: Callable[[int, int], None] | None = None) -> bytes:
    """The matrix as an XLSX or CSV file (CSV with a byte-order mark and formula cells neutralised)."""
    import csv
    import io

    from config.exports import neutralise

    headers = matrix_headers(round_)
    rows = matrix_rows(round_, progress=progress)
    if fmt == "xlsx":
        return xlsx_bytes(headers=headers, rows=rows, title=_("Resolution matrix"))
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")
