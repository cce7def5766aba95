"""Import the SDG global indicator framework from the UNSD SDG API answer or the reference CSV layout."""

from pathlib import Path
from typing import Any

import httpx
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from config.errors import DomainError
from mapping import importers, services

UNSD_URL = "https://unstats.un.org/sdgapi/v1/sdg/Indicator/List"


class Command(BaseCommand):
    help = (
        "Upsert SDG goals, targets and indicators by code from a UNSD API JSON file (or --url), or from a folder "
        "with sdg_goals.csv, sdg_targets.csv and sdg_indicators.csv. Codes that disappeared become inactive."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="A .json file (UNSD API answer) or a folder of CSV files.")
        parser.add_argument(
            "--url", nargs="?", const=UNSD_URL, help=f"Fetch the UNSD API answer (default {UNSD_URL})."
        )
        parser.add_argument("--timeout", type=float, default=30.0, help="Seconds to wait for --url.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        data = self._read(options)
        try:
            report = services.apply_sdg_framework(data=data, dry_run=options["dry_run"])
        except DomainError as error:
            raise CommandError(error.message) from None
        prefix = "Dry run, nothing written: would have " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{data.source}: {report.summary()}")

    def _read(self, options: dict[str, Any]) -> importers.SdgFrameworkFile:
        try:
            if options["url"]:
                return self._fetch(options["url"], options["timeout"])
            if not options["path"]:
                raise CommandError("Give a path to a .json file or a CSV folder, or --url.")
            path = Path(options["path"])
            if not path.is_absolute() and not path.exists():
                path = Path(settings.REFERENCE_DATA_DIR) / path
            if path.is_dir():
                return importers.read_sdg_csv_folder(path)
            if path.is_file():
                return importers.read_unsd_file(path)
            raise CommandError(f"{path} is neither a file nor a folder.")
        except DomainError as error:
            raise CommandError(error.message) from None

    def _fetch(self, url: str, timeout: float) -> importers.SdgFrameworkFile:
        try:
            response = httpx.get(url, timeout=timeout, follow_redirects=True)
            response.raise_for_status()
            data = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise CommandError(f"Could not fetch {url}: {error}") from None
        return importers.read_unsd_indicator_list(data, source=url)
