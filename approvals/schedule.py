"""Periodic jobs of approvals (merged into Celery beat by config/celery.py). They only record and notify."""

SCHEDULE = {
    "approvals-settle-due-requests": {
        "task": "approvals.settle_due_requests",
        "schedule": 60.0,
    },
}
