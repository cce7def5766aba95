"""The Celery application: configured from Django settings (keys prefixed CELERY_), tasks found in each app.

Periodic jobs are declared by each app in `<app>/schedule.py` as `SCHEDULE` (a beat_schedule dict) and
merged here. They only tidy up: deadlines are decided by time in every request.
"""

import os
from importlib import import_module
from importlib.util import find_spec

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

APPS = ["accounts", "mapping", "indicators", "consultations", "approvals", "documents"]

app = Celery("workbench")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

for _name in APPS:
    if find_spec(f"{_name}.schedule") is not None:
        app.conf.beat_schedule.update(import_module(f"{_name}.schedule").SCHEDULE)


@app.task(name="config.ping")
def ping(value: str = "pong") -> str:
    """Answer with the value sent: proves that a worker is consuming (health tests)."""
    return value
