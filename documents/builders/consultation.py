"""The report of a consultation round: participation, the green / yellow / grey classification with the
criteria scores, the disposition statistics, and the "what you said, what we did" annex."""

from collections import Counter
from typing import Any

from django.utils.translation import gettext as _

from accounts.choices import Region
from approvals.models import Publication
from consultations.choices import Classification, Constituency, Outcome, Stance
from consultations.models import Round
from consultations.selectors import official_submissions, round_comments, synthesis_for_round
from consultations.synthesis import constituency_of
from documents.builders import render


def _participation(round_: Round) -> dict[str, list[tuple[str, int]]]:
    organisations = [s.organisation for s in official_submissions(round_).select_related("organisation")]
    by_constituency = Counter(constituency_of(o.kind) for o in organisations)
    by_region = Counter(o.region for o in organisations)
    return {
        "constituency": [(str(label), by_constituency[value]) for value, label in Constituency.choices],
        "region": [
            (str(Region(code).label) if code else _("Not stated"), n) for code, n in sorted(by_region.items())
        ],
        "total": [(_("Organisations"), len(organisations))],
    }


def _said_and_did(round_: Round, comments: list[Any]) -> list[dict[str, str]]:
    rows = []
    for comment in comments:
        organisation = comment.submission.organisation
        disposition = getattr(comment, "disposition", None)
        rows.append(
            {
                "subject": comment.revision.indicator.code if comment.revision_id else _("Whole set"),
                "who": str(Constituency(constituency_of(organisation.kind)).label)
                if round_.hide_organisation_names
                else str(organisation),
                "stance": str(Stance(comment.stance).label),
                "said": comment.text
                + (f"\n{_('Proposed change')}: {comment.proposed_change}" if comment.proposed_change else ""),
                "outcome": str(Outcome(disposition.outcome).label) if disposition else _("Not yet answered"),
                "did": disposition.reason if disposition else "",
            }
        )
    return rows


def _candidates(synthesis: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not synthesis:
        return []
    keys = [c["key"] for c in synthesis.get("criteria", [])]
    return [
        {
            "code": c["code"],
            "title": c["title"],
            "classification": c["classification"],
            "classification_label": str(Classification(c["classification"]).label),
            "responding": c["responding"],
            "opposing": c["opposing"],
            "scores": [(c["criteria"].get(key) or {}).get("mean") for key in keys],
        }
        for c in synthesis.get("candidates", [])
    ]


def context(round_: Round, language: str, document_date: Any) -> dict[str, Any]:
    comments = list(round_comments(round_))
    synthesis = synthesis_for_round(round_)
    outcomes = Counter(c.disposition.outcome for c in comments if getattr(c, "disposition", None))
    candidates = _candidates(synthesis)
    return {
        "round": round_,
        "language": language,
        "document_date": document_date,
        "publication": Publication.objects.filter(set_version_id=round_.set_version_id).first(),
        "participation": _participation(round_),
        "synthesis": synthesis,
        "criteria": [c["label"] for c in (synthesis or {}).get("criteria", [])],
        "candidates": candidates,
        "classes": Counter(c["classification"] for c in candidates),
        "dispositions": [(str(label), outcomes[value]) for value, label in Outcome.choices]
        + [(_("Not yet answered"), sum(1 for c in comments if not getattr(c, "disposition", None)))],
        "said_and_did": _said_and_did(round_, comments),
    }


def size(ctx: dict[str, Any]) -> int:
    """The rows of the Word file, the unit of progress."""
    return len(ctx["said_and_did"])


def pdf(ctx: dict[str, Any]) -> bytes:
    return render.pdf_bytes("documents/pdf/consultation_report.html", ctx)


def docx(ctx: dict[str, Any], progress: render.Progress | None = None) -> bytes:
    round_, publication = ctx["round"], ctx["publication"]
    document = render.new_docx()
    title = _("Consultation report: {title}").format(title=round_.title)
    render.describe(
        document,
        title=title,
        version=publication.version if publication else "",
        sha256=publication.sha256 if publication else "",
    )
    render.heading(document, title, level=0)
    render.paragraph(
        document,
        _("Round open from {opens} to {closes} UTC.").format(
            opens=f"{round_.opens_at:%Y-%m-%d %H:%M}", closes=f"{round_.closes_at:%Y-%m-%d %H:%M}"
        ),
    )
    render.paragraph(document, f"{_('Document date')}: {ctx['document_date']:%Y-%m-%d}")
    if publication:
        render.paragraph(document, f"{_('Version')}: {publication.version}")
        render.paragraph(document, f"{_('SHA-256 of the publication')}: {publication.sha256}")
    else:
        render.paragraph(document, _("The set version consulted has not been published yet."))
    render.heading(document, _("Participation"), level=1)
    render.table(document, [_("Constituency"), _("Organisations")], ctx["participation"]["constituency"])
    render.table(document, [_("Region"), _("Organisations")], ctx["participation"]["region"])
    render.heading(document, _("Classification of the candidates"), level=1)
    if ctx["candidates"]:
        render.table(
            document,
            [_("Code"), _("Classification"), _("Responding"), _("Opposing"), *ctx["criteria"]],
            [
                [
                    c["code"],
                    c["classification_label"],
                    c["responding"],
                    c["opposing"],
                    *[s if s is not None else "—" for s in c["scores"]],
                ]
                for c in ctx["candidates"]
            ],
        )
    else:
        render.paragraph(document, _("The synthesis of this round has not been computed yet."))
    render.heading(document, _("Dispositions"), level=1)
    render.table(document, [_("Outcome"), _("Comments")], ctx["dispositions"])
    render.heading(document, _("What you said, what we did"), level=1)
    rows = ctx["said_and_did"]
    render.table(
        document,
        [_("On"), _("From"), _("Stance"), _("What you said"), _("Outcome"), _("What we did")],
        [[r["subject"], r["who"], r["stance"], r["said"], r["outcome"], r["did"]] for r in rows],
    )
    if progress:
        progress(len(rows), max(len(rows), 1))
    return render.docx_bytes(document)
