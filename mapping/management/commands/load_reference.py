"""Load the reference frameworks: the built-in set, then the full framework from REFERENCE_DATA_DIR if present."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from config.errors import DomainError
from mapping import importers, services


class Command(BaseCommand):
    help = (
        "Load the built-in reference set (GCM objectives and principles, SDG goals, migration-relevant SDG "
        "targets and indicators, the measurement frameworks), then the full SDG framework from the reference "
        "folder (setting REFERENCE_DATA_DIR) when it exists. Safe to run again: it only writes what changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--folder", help="Reference folder (default: the REFERENCE_DATA_DIR setting).")
        parser.add_argument("--builtin-only", action="store_true", help="Ignore the reference folder.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["folder"] or settings.REFERENCE_DATA_DIR)
        use_folder = not options["builtin_only"] and (folder / "sdg_indicators.csv").exists()
        try:
            with transaction.atomic():
                report = services.load_builtin_reference()
                if use_folder:
                    report.merge(services.load_gcm_reference(folder=folder))
                    report.merge(services.apply_sdg_framework(data=importers.read_sdg_csv_folder(folder)))
                    retired = folder / "sdg_indicators_deprecated_codes.csv"
                    if retired.exists():
                        report.merge(services.import_retired_sdg_codes(path=retired))
                report.merge(services.load_frameworks(folder=folder if use_folder else None))
        except DomainError as error:
            raise CommandError(error.message) from None
        source = f"the built-in set and {folder}" if use_folder else "the built-in set only"
        if not use_folder and not options["builtin_only"]:
            source += f" ({folder} not found)"
        self.stdout.write(f"Reference data loaded from {source}: {report.summary()}")
