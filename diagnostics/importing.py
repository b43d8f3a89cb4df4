"""Saving Instrument JSON into the database, as a new instrument or a new version of one.

Used by ``import_instrument``, ``load_instruments``, the data migration that loads the shipped
instruments, and the admin's edit form, so every route follows the same versioning rule:

- a slug not seen before creates the instrument with version 1;
- a definition different from the current version's becomes a new version (the old one stays,
  with every response that answered it); an identical one changes nothing;
- an instrument's kind never changes (a survey's results could not be read as a matrix's).

The functions take the model classes as arguments so the data migration can pass its
historical models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import scoring
from .instrument_format import (
    InstrumentError,
    describe_changes,
    dumps_instrument,
    load_instrument_file,
    loads_instrument,
    parse_instrument,
    shipped_instrument_paths,
)
from .models import Instrument, InstrumentVersion


@dataclass
class SaveResult:
    instrument: object
    version: object | None  # the new version, or None when nothing changed
    created: bool  # a new instrument
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.version is not None

    def report(self) -> str:
        """What happened, in plain English, one line per change."""
        slug = self.instrument.slug
        if self.created:
            return f"Created {slug} (version {self.version.number})."
        if not self.changed:
            return f"No changes: {slug} is already as in the file (version {self.instrument.current_version.number})."
        lines = [f"Updated {slug}: version {self.version.number} created."]
        lines += [f"- {line}" for line in self.changes]
        return "\n".join(lines)


def _models():
    # Migrations pass their historical models instead (`models=`); the app's own are the default.
    return Instrument, InstrumentVersion


def save_instrument(
    data: scoring.Instrument, *, publish: bool | None = None, user=None, models=None, now=None
) -> SaveResult:
    """Save ``data`` as a new instrument or a new version of the one with its slug.

    ``publish`` True publishes the instrument, False withdraws it, None leaves it as it was (a new
    instrument starts unpublished). Runs in one transaction: on any error nothing is saved.
    """
    Instrument, InstrumentVersion = models or _models()
    now = now or timezone.now()
    definition = dumps_instrument(data)
    with transaction.atomic():
        instrument = Instrument.objects.select_for_update().filter(slug=data.slug).first()
        created = instrument is None
        changes: list[str] = []
        if created:
            instrument = Instrument(slug=data.slug, created_at=now)
            number = 1
        else:
            current = InstrumentVersion.objects.filter(instrument=instrument).order_by("-number").first()
            if current is not None:
                if current.definition == definition:
                    if publish is not None and publish != instrument.is_published:
                        _set_published(instrument, current, publish, now)
                    return SaveResult(instrument=instrument, version=None, created=False)
                old = loads_instrument(current.definition)
                if old.kind != data.kind:
                    raise InstrumentError(
                        "kind",
                        f"{data.slug} is a {old.kind}; an instrument cannot change kind (import it under a new slug)",
                    )
                changes = describe_changes(old, data) or ["formatting changed"]
            number = (current.number + 1) if current else 1
        instrument.title = data.title
        instrument.kind = data.kind
        instrument.description = data.description
        instrument.save()
        version = InstrumentVersion.objects.create(
            instrument=instrument,
            number=number,
            definition=definition,
            changes="\n".join(changes),
            created_at=now,
            created_by=user,
        )
        instrument.current_version = version
        _set_published(instrument, version, instrument.is_published if publish is None else publish, now)
    return SaveResult(instrument=instrument, version=version, created=created, changes=changes)


def _set_published(instrument, version, publish: bool, now) -> None:
    instrument.is_published = publish
    instrument.save()
    if publish and version.published_at is None:
        version.published_at = now
        version.save(update_fields=["published_at"])


def import_instrument_text(text: str | bytes, **kwargs) -> SaveResult:
    """Parse and validate Instrument JSON, then save it (see :func:`save_instrument`)."""
    return save_instrument(loads_instrument(text), **kwargs)


def export_instrument_text(instrument) -> str:
    """The current version's Instrument JSON, exactly as stored."""
    if instrument.current_version is None:
        raise InstrumentError("", f"{instrument.slug} has no versions")
    return instrument.current_version.definition


def load_shipped_instruments(*, models=None) -> list[SaveResult]:
    """Load the instruments the project ships (section 6.5), published, if they are missing.

    Idempotent: an instrument that already exists is left alone, so edits made in the admin
    are never overwritten by the files.
    """
    Instrument, _ = models or _models()
    results = []
    for path in shipped_instrument_paths():
        data = load_instrument_file(path)
        if Instrument.objects.filter(slug=data.slug).exists():
            continue
        results.append(save_instrument(data, publish=True, models=models))
    return results


__all__ = [
    "InstrumentError",
    "SaveResult",
    "export_instrument_text",
    "import_instrument_text",
    "load_shipped_instruments",
    "parse_instrument",
    "save_instrument",
]
