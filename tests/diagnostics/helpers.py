"""Helpers for the diagnostics screen tests."""

import re

from diagnostics.factories import MATRIX, SCORECARD
from diagnostics.models import Instrument

__all__ = [
    "HEALTH_CHECK",
    "MATRIX",
    "SCORECARD",
    "answer_sections",
    "block_post_data",
    "ids_in",
    "instrument_data",
    "instrument_form_data",
    "instrument_value",
    "take_survey",
]

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


def block_post_data(block, value, prefix):
    """What Wagtail's block UI posts for ``value`` (a raw block value: dicts, lists, plain values)."""
    from wagtail import blocks

    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(block_post_data(child, (value or {}).get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.ListBlock):
        data = {f"{prefix}-count": str(len(value or []))}
        for index, item in enumerate(value or []):
            data.update({f"{prefix}-{index}-deleted": "", f"{prefix}-{index}-order": str(index)})
            data[f"{prefix}-{index}-id"] = ""
            data.update(block_post_data(block.child_block, item, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    return {prefix: "" if value is None else str(value)}


def instrument_form_data(kind, value, **fields):
    """The admin instrument form's POST data for a raw instrument value (see instrument_blocks)."""
    from diagnostics.instrument_blocks import instrument_block

    return {**block_post_data(instrument_block(kind), value, "definition"), **fields}


def instrument_value(slug):
    """The raw form value of an instrument's current version, to change and post."""
    from diagnostics.instrument_blocks import value_from_instrument

    return value_from_instrument(instrument_data(slug))
