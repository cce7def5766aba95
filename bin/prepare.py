"""Bring the database up to date for `make run`, in one process: migrate, static files, reference and demo data.

One Python process instead of four saves the start-up of Django each step would pay again.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

call_command("migrate", interactive=False, verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
call_command("load_reference")
call_command("load_demo")
