"""Periodic tidy-up of consultation rounds. Deadlines are decided in every request; these only record, notify."""

SCHEDULE = {
    "consultations-close-due-rounds": {"task": "consultations.close_due_rounds", "schedule": 60.0},
    "consultations-remind-due-rounds": {"task": "consultations.remind_due_rounds", "schedule": 3600.0},
}
