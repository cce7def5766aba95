"""The consultation plan as an iCalendar feed (RFC 5545), every time in UTC."""

from datetime import UTC, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from documents.selectors import PlanEvent

PRODID = "-//UN Network on Migration//GCM Indicator Workbench//EN"
DOMAIN = "gcm-indicator-workbench"


def calendar_bytes(events: list[PlanEvent], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC)
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@{DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        # A deadline is a moment; calendar programs show a zero-length event badly, so it lasts 15 minutes
        # and ends at the deadline.
        starts_at = item.starts_at if item.ends_at > item.starts_at else item.ends_at - timedelta(minutes=15)
        event.add("dtstart", starts_at.astimezone(UTC))
        event.add("dtend", item.ends_at.astimezone(UTC))
        event.add("categories", [item.kind])
        event.add("status", "CONFIRMED")
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()
