"""`manage.py openapi`: drf-spectacular's `spectacular` command writing YAML that YAML 1.2 readers read alike.

Regenerate the committed schema with `.venv/bin/python manage.py openapi --file openapi.yaml --validate`.
"""

from typing import Any

from drf_spectacular.management.commands.spectacular import Command as SpectacularCommand

from config.api import SchemaYamlRenderer


class Command(SpectacularCommand):
    help = "Write the OpenAPI 3 schema of /api/v1/ (YAML with number-like strings quoted)."

    def get_renderer(self, format: str) -> Any:
        return SchemaYamlRenderer() if format == "openapi" else super().get_renderer(format)
