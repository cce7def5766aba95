"""`manage.py approvals_diagram`: write the state diagram of approval requests into docs/ and the admin."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from approvals.diagram import dot_source, svg_source


class Command(BaseCommand):
    help = "Write docs/approvals-states.dot and .svg, and the copy the admin shows (static/approvals/)."

    def handle(self, *args: object, **options: object) -> None:
        base = Path(settings.BASE_DIR)
        svg = svg_source()
        targets = {
            base / "docs" / "approvals-states.dot": dot_source(),
            base / "docs" / "approvals-states.svg": svg,
            base / "static" / "approvals" / "approvals-states.svg": svg,
        }
        for path, content in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            self.stdout.write(f"Wrote {path.relative_to(base)}")
