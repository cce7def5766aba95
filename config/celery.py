"""The Celery application: configured from Django settings (keys prefixed CELERY_), tasks found in each app."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("workbench")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="config.ping")
def ping(value: str = "pong") -> str:
    """Answer with the value sent: used by the health check tests to prove a worker is consuming."""
    return value
