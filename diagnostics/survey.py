"""Taking a survey: one page per dimension, answers saved on every page, a check page, submit.

Where answers are kept
----------------------
Signed-in members: in a :class:`~diagnostics.models.Response` row (status "in progress", then
"submitted"), so they can leave and come back on any device. Visitors who are not signed in: in
their session only; a submitted result stays in the session until they sign in and save it to
their account (:func:`attach_session_result`).

A survey in progress keeps answering the version it started with, even if an administrator
publishes a new version meanwhile; the next attempt uses the new one.

The rule for "required"
-----------------------
Every statement needs an answer before the survey can be submitted. "Don't know / not
applicable" counts as an answer (where the instrument allows it), so nobody is forced to guess.
Pages can be left part-answered on the way; the check page lists what is missing, and submitting
with anything missing shows an error summary linking to each unanswered statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import scoring
from .models import Instrument, InstrumentVersion, Response

SESSION_IN_PROGRESS = "diagnostics_in_progress"
SESSION_RESULTS = "diagnostics_results"

#: Roughly how long one statement takes to read and answer, for "about N minutes".
SECONDS_PER_STATEMENT = 27

NA_LABEL = "Don't know / not applicable"


def minutes_to_complete(data: scoring.Instrument) -> int:
    return max(1, round(len(data.items) * SECONDS_PER_STATEMENT / 60))


# --------------------------------------------------------------------------------------------
# Reading answers from a form
# --------------------------------------------------------------------------------------------


def field_name(item: scoring.Item) -> str:
    # Prefixed so an item key can never clash with the form's own fields.
    return f"answer-{item.key}"


def parse_answer(value: str | None, scale: scoring.Scale) -> scoring.Answer:
    """A posted radio value as an answer, or None if it is empty or not on the scale."""
    if value is None:
        return None
    if value == scoring.NA:
        return scoring.NA if scale.allow_na else None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if scale.contains(number) and value == str(number) else None


def read_answers(post, items, scale: scoring.Scale) -> dict[str, scoring.Answer]:
    """The valid answers posted for ``items`` (unanswered or tampered values are left out)."""
    answers = {}
    for item in items:
        answer = parse_answer(post.get(field_name(item)), scale)
        if answer is not None:
            answers[item.key] = answer
    return answers


def clean_stored(answers: dict, data: scoring.Instrument) -> dict[str, scoring.Answer]:
    """Stored answers, keeping only those still valid for the version (defensive: sessions are
    client-held state and JSON may have been edited by hand)."""
    clean = {}
    for item in data.items:
        value = answers.get(item.key)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        answer = parse_answer(value, data.scale) if isinstance(value, str) else None
        if answer is not None:
            clean[item.key] = answer
    return clean


def missing_items(data: scoring.Instrument, answers) -> list[tuple[int, scoring.Dimension, scoring.Item]]:
    """Unanswered statements as (section number, dimension, item), in survey order."""
    return [
        (number, dimension, item)
        for number, dimension in enumerate(data.dimensions, start=1)
        for item in dimension.items
        if answers.get(item.key) is None
    ]


# --------------------------------------------------------------------------------------------
# Questions as the templates show them
# --------------------------------------------------------------------------------------------


@dataclass
class Option:
    id: str
    value: str
    label: str
    checked: bool


@dataclass
class Question:
    item: scoring.Item
    name: str
    id: str  # the fieldset's first radio, which error summary links point at
    options: list[Option]
    na_option: Option | None
    error: str = ""


def item_ids(data: scoring.Instrument) -> dict[str, str]:
    # Ids come from the item's position, not its key: keys may contain hyphens, so
    # "<key>-<value>" could collide between two items.
    return {item.key: f"q{index}" for index, item in enumerate(data.items, start=1)}


def scale_label(scale: scoring.Scale, value: scoring.Answer) -> str:
    if value is None:
        return "Not answered"
    if value == scoring.NA:
        return NA_LABEL
    label = scale.labels.get(str(value))
    return f"{value} – {label}" if label else str(value)


def questions(data: scoring.Instrument, items, answers, errors: dict[str, str] | None = None) -> list[Question]:
    ids = item_ids(data)
    scale = data.scale
    result = []
    for item in items:
        base = ids[item.key]
        given = answers.get(item.key)
        options = []
        for position, value in enumerate(range(scale.min, scale.max + 1)):
            options.append(
                Option(
                    id=base if position == 0 else f"{base}-{position + 1}",
                    value=str(value),
                    label=scale.labels.get(str(value), str(value)),
                    checked=given == value,
                )
            )
        na = None
        if scale.allow_na:
            na = Option(id=f"{base}-na", value=scoring.NA, label=NA_LABEL, checked=given == scoring.NA)
        result.append(
            Question(
                item=item,
                name=field_name(item),
                id=base,
                options=options,
                na_option=na,
                error=(errors or {}).get(item.key, ""),
            )
        )
    return result


# --------------------------------------------------------------------------------------------
# Where answers are kept
# --------------------------------------------------------------------------------------------


class MemberState:
    """A signed-in member's answers, in their in-progress Response for the instrument."""

    def __init__(self, user, instrument: Instrument):
        self.user = user
        self.instrument = instrument
        self.response = (
            Response.objects.select_related("version")
            .filter(user=user, version__instrument=instrument, status=Response.Status.IN_PROGRESS)
            .order_by("-started_at")
            .first()
        )
        self.version = self.response.version if self.response else instrument.current_version
        self.data = self.version.data
        self.answers = clean_stored(self.response.answers, self.data) if self.response else {}

    @property
    def started(self) -> bool:
        return bool(self.answers)

    def save(self, answers: dict) -> None:
        self.answers.update(answers)
        if self.response is None:
            self.response = Response.objects.create(user=self.user, version=self.version, answers=self.answers)
        else:
            self.response.answers = self.answers
            self.response.save(update_fields=["answers", "updated_at"])

    def submit(self) -> str:
        """Mark the answers submitted; return the result's address."""
        if self.response is None:  # every statement answered in one go on the check page
            self.save({})
        self.response.status = Response.Status.SUBMITTED
        self.response.submitted_at = timezone.now()
        self.response.save(update_fields=["status", "submitted_at", "updated_at"])
        return self.response.get_absolute_url()


class VisitorState:
    """A visitor's answers, kept in their session only."""

    def __init__(self, session, instrument: Instrument):
        self.session = session
        self.instrument = instrument
        stored = session.get(SESSION_IN_PROGRESS, {}).get(instrument.slug) or {}
        version = None
        if isinstance(stored.get("version"), int):
            version = InstrumentVersion.objects.filter(pk=stored["version"], instrument=instrument).first()
        self.version = version or instrument.current_version
        self.data = self.version.data
        self.answers = clean_stored(stored.get("answers") or {}, self.data) if version else {}

    @property
    def started(self) -> bool:
        return bool(self.answers)

    def save(self, answers: dict) -> None:
        self.answers.update(answers)
        in_progress = self.session.get(SESSION_IN_PROGRESS, {})
        in_progress[self.instrument.slug] = {"version": self.version.pk, "answers": self.answers}
        self.session[SESSION_IN_PROGRESS] = in_progress

    def submit(self) -> str:
        in_progress = self.session.get(SESSION_IN_PROGRESS, {})
        in_progress.pop(self.instrument.slug, None)
        self.session[SESSION_IN_PROGRESS] = in_progress
        results = self.session.get(SESSION_RESULTS, {})
        # One result per instrument: a new attempt replaces the last one not yet saved.
        results[self.instrument.slug] = {
            "version": self.version.pk,
            "answers": self.answers,
            "submitted_at": timezone.now().isoformat(),
        }
        self.session[SESSION_RESULTS] = results
        return reverse("diagnostics:session_results", args=[self.instrument.slug])


def survey_state(request, instrument: Instrument) -> MemberState | VisitorState:
    if request.user.is_authenticated:
        return MemberState(request.user, instrument)
    return VisitorState(request.session, instrument)


# --------------------------------------------------------------------------------------------
# A visitor's result in the session
# --------------------------------------------------------------------------------------------


@dataclass
class SessionResult:
    version: InstrumentVersion
    answers: dict
    submitted_at: object = None


def session_result(session, instrument: Instrument) -> SessionResult | None:
    stored = session.get(SESSION_RESULTS, {}).get(instrument.slug)
    if not stored or not isinstance(stored.get("version"), int):
        return None
    version = InstrumentVersion.objects.filter(pk=stored["version"], instrument=instrument).first()
    if version is None:
        return None
    submitted = parse_datetime(stored.get("submitted_at") or "") or timezone.now()
    return SessionResult(
        version=version, answers=clean_stored(stored.get("answers") or {}, version.data), submitted_at=submitted
    )


def attach_session_result(session, user, instrument: Instrument) -> Response | None:
    """Save a visitor's result from their session to the account they have just signed in to.

    Called from the view sign-in returns to. The session copy is removed, so refreshing the page
    or going back cannot save it twice.
    """
    result = session_result(session, instrument)
    if result is None:
        return None
    with transaction.atomic():
        response = Response.objects.create(
            user=user,
            version=result.version,
            answers=result.answers,
            status=Response.Status.SUBMITTED,
            started_at=result.submitted_at,
            submitted_at=result.submitted_at,
        )
    results = session.get(SESSION_RESULTS, {})
    results.pop(instrument.slug, None)
    session[SESSION_RESULTS] = results
    return response


def section_count(data: scoring.Instrument) -> int:
    return len(data.dimensions)


def first_unanswered_section(data: scoring.Instrument, answers) -> int:
    missing = missing_items(data, answers)
    return missing[0][0] if missing else section_count(data)
