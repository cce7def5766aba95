"""`manage.py load_demo`: the demonstration data of every app, in import order, each part idempotent.

It lives in documents, the last app of the import chain, because it is the one app allowed to know all others.
Each app that has demonstration data offers `<app>/demo.py` with `load(stdout)`.
"""

from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand

APPS_IN_ORDER = ["accounts", "mapping", "indicators", "consultations", "approvals", "documents"]


class Command(BaseCommand):
    help = "Load demonstration accounts and data (idempotent: existing data is kept)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write("Loading demonstration data (not official content).")
        for app in APPS_IN_ORDER:
            if find_spec(f"{app}.demo") is not None:
                import_module(f"{app}.demo").load(self.stdout)
