"""The instruments the project ships (PRODUCT.md section 6.5) have the shape the spec asks for."""

import pytest

from diagnostics.instrument_format import SHIPPED_DIR, load_instrument_file

TOPICS = {
    "network leadership",
    "member engagement",
    "evaluation and impact",
    "governance",
    "funding and sustainability",
    "system working",
    "facilitation",
    "health inequalities",
    "improvement methods",
    "digital collaboration",
}


def load(slug):
    return load_instrument_file(SHIPPED_DIR / f"{slug}.json")


def test_network_health_check():
    instrument = load("network-health-check")
    assert instrument.kind == "survey"
    assert (instrument.scale.min, instrument.scale.max, instrument.scale.allow_na) == (1, 5, True)
    assert instrument.scale.labels == {
        "1": "Strongly disagree",
        "2": "Disagree",
        "3": "Neither agree nor disagree",
        "4": "Agree",
        "5": "Strongly agree",
    }
    assert [(band.key, band.min) for band in instrument.bands] == [
        ("strength", 4),
        ("developing", 3),
        ("priority", None),
    ]
    assert instrument.min_responses == 3
    assert len(instrument.dimensions) == 7
    for dimension in instrument.dimensions:
        assert 4 <= len(dimension.items) <= 5, dimension.key
        assert any(item.reverse for item in dimension.items), dimension.key
        assert not all(item.reverse for item in dimension.items), dimension.key
        assert dimension.description
        assert dimension.topics and set(dimension.topics) <= TOPICS
        assert set(dimension.guidance) == {"developing", "priority"}
        for text in dimension.guidance.values():
            assert 2 <= text.count(". ") + 1 <= 3, text  # two or three sentences


def test_network_health_scorecard_is_short():
    instrument = load("network-health-scorecard")
    assert instrument.kind == "survey"
    assert [dimension.key for dimension in instrument.dimensions] == [
        "purpose",
        "performance",
        "operations",
        "capacity",
    ]
    assert 10 <= len(instrument.items) <= 14
    assert "5 minutes" in instrument.description
    for dimension in instrument.dimensions:
        assert set(dimension.topics) <= TOPICS
        assert set(dimension.guidance) == {"developing", "priority"}


def test_network_maturity_matrix():
    instrument = load("network-maturity-matrix")
    assert instrument.kind == "matrix"
    assert 6 <= len(instrument.dimensions) <= 8
    for dimension in instrument.dimensions:
        assert 4 <= len(dimension.levels) <= 5
        assert all(level.descriptor for level in dimension.levels)
        assert set(dimension.topics) <= TOPICS


@pytest.mark.parametrize("slug", ["network-health-check", "network-health-scorecard", "network-maturity-matrix"])
def test_statements_are_unique_and_plain(slug):
    instrument = load(slug)
    texts = [item.text for item in instrument.items] + [
        level.descriptor for dimension in instrument.dimensions for level in dimension.levels
    ]
    assert len(texts) == len(set(texts))
    for text in texts:
        assert text.endswith("."), text
        assert len(text.split()) <= 30, text
