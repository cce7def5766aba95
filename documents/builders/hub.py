"""The Migration Network Hub package of a publication: a ZIP with the annex (PDF and DOCX), one short page per
GCM objective (its indicators, in Markdown and HTML) and a manifest listing every file with its SHA-256."""

import hashlib
import io
import json
import zipfile
from typing import Any

from django.template.loader import render_to_string

from documents.builders.annex import ObjectiveSection


def objective_markdown(section: ObjectiveSection, ctx: dict[str, Any]) -> str:
    t, publication = ctx["t"], ctx["publication"]
    lines = [f"# {t['objective']} {section.number}. {section.title}", ""]
    lines.append(f"{t['version']}: {publication.version} · SHA-256: `{publication.sha256}`")
    lines.append("")
    if section.rows:
        lines.append(f"| {t['code']} | {t['indicator']} | {t['sdg']} | {t['tier']} |")
        lines.append("|---|---|---|---|")
        for row in section.rows:
            cells = [row.code, row.title, row.sdg, row.tier]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    else:
        lines.append(f"_{t['none']}_")
    if section.also:
        lines += ["", f"{t['also']}: {', '.join(section.also)}"]
    return "\n".join(lines) + "\n"


def objective_html(section: ObjectiveSection, ctx: dict[str, Any]) -> str:
    return render_to_string("documents/pdf/hub_objective.html", {**ctx, "section": section})


def package(ctx: dict[str, Any], *, annex_pdf: bytes, annex_docx: bytes) -> bytes:
    """The ZIP bytes; entries in a fixed order, the manifest last."""
    lang = ctx["lang_key"]
    files: list[tuple[str, bytes, int | None]] = [
        (f"annex-{lang}.pdf", annex_pdf, None),
        (f"annex-{lang}.docx", annex_docx, None),
    ]
    for section in ctx["sections"]:
        stem = f"objectives/objective-{section.number:02d}"
        files.append((f"{stem}.md", objective_markdown(section, ctx).encode("utf-8"), section.number))
        files.append((f"{stem}.html", objective_html(section, ctx).encode("utf-8"), section.number))
    publication = ctx["publication"]
    manifest = {
        "publication": publication.version,
        "publication_sha256": publication.sha256,
        "published_at": publication.published_at.isoformat(),
        "document_date": ctx["document_date"].isoformat(),
        "language": ctx["language"],
        "files": [
            {
                "path": path,
                "sha256": hashlib.sha256(content).hexdigest(),
                "size": len(content),
                "objective": number,
            }
            for path, content, number in files
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, content, _number in files:
            archive.writestr(path, content)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))
    return buffer.getvalue()
