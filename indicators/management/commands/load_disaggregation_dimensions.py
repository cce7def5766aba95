from django.core.management.base import BaseCommand

from indicators.reference import load_dimensions


class Command(BaseCommand):
    help = (
        "Create or update the disaggregation dimensions (built-in set plus SDMX codes from the reference files)."
    )

    def handle(self, *args: object, **options: object) -> None:
        count = load_dimensions()
        self.stdout.write(f"{count} disaggregation dimensions.")
