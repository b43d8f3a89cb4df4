"""Helpers for the diagnostics screen tests."""

import re

from diagnostics.factories import MATRIX, SCORECARD
from diagnostics.models import Instrument

__all__ = ["HEALTH_CHECK", "MATRIX", "SCORECARD", "answer_sections", "ids_in", "instrument_data", "take_survey"]

HEALTH_CHECK = "network-health-check"


def instrument_data(slug):
    return Instrument.objects.select_related("current_version").get(slug=slug).current_version.data


def answer_sections(client, slug, answers_for, sections=None):
    """Post each section's page; ``answers_for(item)`` gives the value to post (None: leave it)."""
    data = instrument_data(slug)
    for number, dimension in enumerate(data.dimensions, start=1):
        if sections is not None and number not in sections:
            continue
        payload = {f"answer-{item.key}": answers_for(item) for item in dimension.items if answers_for(item) is not None}
        response = client.post(f"/diagnostics/{slug}/section/{number}/", payload)
        assert response.status_code == 302, response.content[:500]


def take_survey(client, slug, value="4"):
    """Answer every statement with ``value`` and submit; return the result page's address."""
    answer_sections(client, slug, lambda item: value)
    response = client.post(f"/diagnostics/{slug}/check/")
    assert response.status_code == 302, response.content[:2000]
    return response["Location"]


def ids_in(html):
    return re.findall(r'\sid="([^"]+)"', html)
