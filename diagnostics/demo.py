"""Demo diagnostics: individual results for a few demo members (``load_demo_diagnostics``).

Answers are generated from a fixed seed, so every run gives the same figures, and each member's
repeated scorecards improve a little over time, which makes the comparison worth looking at.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from community.demo_data import MEMBERS

from .importing import load_shipped_instruments
from .models import Instrument, Response

# The first three demo members (community's demo data) have results to look at.
DEMO_USERNAMES = [member[0] for member in MEMBERS[:3]]

# (instrument slug, days ago for each result): the scorecard is meant to be repeated.
PLAN = [
    ("network-health-scorecard", [180, 90, 7]),
    ("network-health-check", [30]),
]


def demo_answers(data, seed, lift):
    """Answers centred a little below "Agree", raised by ``lift`` points, with some NA."""
    rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not security
    scale = data.scale
    answers = {}
    for item in data.items:
        if scale.allow_na and rng.random() < 0.05:
            answers[item.key] = "NA"
            continue
        score = max(scale.min, min(scale.max, round(rng.gauss(3.1 + lift, 0.9))))
        # Store the answer that gives this item score.
        answers[item.key] = scale.min + scale.max - score if item.reverse else score
    return answers


def demo_users():
    from source4networks.factories import UserFactory

    # Looked up by username: the demo members made by load_demo_members when they exist.
    return [UserFactory(username=username, email=f"{username}@example.org") for username in DEMO_USERNAMES]


@transaction.atomic
def load_demo_diagnostics(now=None):
    """Create the demo results that are missing; return how many were created."""
    now = now or timezone.now()
    load_shipped_instruments()
    created = 0
    users = demo_users()
    for slug, days_ago in PLAN:
        instrument = Instrument.objects.select_related("current_version").filter(slug=slug).first()
        if instrument is None or instrument.current_version is None:
            continue
        data = instrument.current_version.data
        for user in users:
            if Response.objects.filter(user=user, version__instrument=instrument).exists():
                continue  # idempotent: this member already has demo results for it
            for attempt, days in enumerate(days_ago):
                when = now - timedelta(days=days)
                Response.objects.create(
                    user=user,
                    version=instrument.current_version,
                    answers=demo_answers(data, f"{user.username}/{slug}/{attempt}", lift=0.35 * attempt),
                    status=Response.Status.SUBMITTED,
                    started_at=when - timedelta(minutes=10),
                    submitted_at=when,
                )
                created += 1
    return created
