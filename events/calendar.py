"""Event times for people: UK time in words on the page, and an iCalendar (.ics) file that
adds the event to a calendar app."""

from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from icalendar import Calendar, Event

# Events happen in the UK: times are shown and exported in UK time whatever the server's
# own time zone, so a 10am event reads 10am in summer and in winter.
UK_TIME = ZoneInfo("Europe/London")


def uk_time(moment: datetime) -> datetime:
    return timezone.localtime(moment, UK_TIME)


def format_time(moment: datetime) -> str:
    """A time of day the NHS way: 9am, 2:30pm, midday, midnight."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    text = date_format(moment, "g:i" if moment.minute else "g")
    return f"{text}{'am' if moment.hour < 12 else 'pm'}"


def format_date(moment: datetime) -> str:
    return date_format(moment, "l j F Y")


def format_date_short(moment: datetime) -> str:
    return date_format(uk_time(moment), "j F Y")


def format_event_when(start: datetime | None, end: datetime | None) -> str:
    """`Tuesday 3 March 2027, 10am to midday`; an event over several days names both days."""
    if start is None:
        return ""
    start = uk_time(start)
    text = f"{format_date(start)}, {format_time(start)}"
    if end is None:
        return text
    end = uk_time(end)
    if end.date() == start.date():
        return f"{text} to {format_time(end)}"
    return f"{text} to {format_date(end)}, {format_time(end)}"


def event_calendar(event, request) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Source4Networks//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    page_url = event.get_full_url(request)
    vevent = Event()
    # The same UID on every download lets a calendar app update the event rather than
    # add a second copy.
    vevent.add("uid", f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname or 'source4networks'}")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", uk_time(event.start))
    vevent.add("dtend", uk_time(event.end))
    vevent.add("summary", event.title)
    description = [event.summary, f"Details: {page_url}"]
    if event.booking_url:
        description.append(f"Booking: {event.booking_url}")
    vevent.add("description", "\n\n".join(description))
    if event.attendance == event.Attendance.ONLINE:
        vevent.add("location", "Online")
    elif event.address.strip():
        vevent.add("location", ", ".join(line.strip() for line in event.address.splitlines() if line.strip()))
    vevent.add("url", page_url)
    calendar.add_component(vevent)
    # A VTIMEZONE for Europe/London, so apps that do not know the zone still get the times right.
    calendar.add_missing_timezones()
    return calendar


def event_ics_response(event, request):
    if event.start is None or event.end is None:
        raise Http404("This event has no time set")
    response = HttpResponse(event_calendar(event, request).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
