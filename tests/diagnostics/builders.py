"""Small builders for instruments in tests, so each test states only what it is about."""

from decimal import Decimal

from diagnostics.scoring import (
    DEFAULT_BANDS,
    Band,
    Dimension,
    Instrument,
    Item,
    Level,
    Scale,
)

SCALE_1_5 = Scale(min=1, max=5, allow_na=True)
SCALE_1_5_NO_NA = Scale(min=1, max=5, allow_na=False)
SCALE_0_10 = Scale(min=0, max=10, allow_na=True)
SCALE_1_7 = Scale(min=1, max=7, allow_na=False)


def items(prefix: str, count: int, reverse: tuple[int, ...] = ()) -> tuple[Item, ...]:
    """Items ``<prefix>1..<prefix>count``; the 1-based positions in ``reverse`` are reverse-scored."""
    return tuple(Item(f"{prefix}{n}", f"Statement {prefix}{n}", n in reverse) for n in range(1, count + 1))


def dimension(key: str, count: int, reverse: tuple[int, ...] = ()) -> Dimension:
    return Dimension(key=key, title=key.title(), items=items(key, count, reverse))


def survey(*dimensions: Dimension, scale: Scale = SCALE_1_5, bands=DEFAULT_BANDS, min_responses: int = 3):
    return Instrument(
        slug="test-survey",
        title="Test survey",
        kind="survey",
        dimensions=dimensions,
        scale=scale,
        bands=bands,
        min_responses=min_responses,
    )


def matrix_dimension(key: str, levels: int = 5) -> Dimension:
    return Dimension(
        key=key, title=key.title(), levels=tuple(Level(n, f"Level {n} of {key}") for n in range(1, levels + 1))
    )


def bands(*thresholds: tuple[str, str | None]) -> tuple[Band, ...]:
    """``bands(("high", "4.5"), ("low", None))``."""
    return tuple(Band(key, key.title(), None if minimum is None else Decimal(minimum)) for key, minimum in thresholds)


def valid_survey_json() -> dict:
    """A complete, valid survey in the Instrument JSON of section 6.4 (three dimensions)."""
    return {
        "slug": "test-survey",
        "title": "Test survey",
        "kind": "survey",
        "description": "A survey for tests.",
        "scale": {
            "min": 1,
            "max": 5,
            "labels": {"1": "Strongly disagree", "5": "Strongly agree"},
            "allow_na": True,
        },
        "bands": [
            {"key": "strength", "label": "Strength", "min": Decimal("4.0")},
            {"key": "developing", "label": "Developing", "min": Decimal("3.0")},
            {"key": "priority", "label": "Priority", "min": None},
        ],
        "min_responses": 3,
        "dimensions": [
            {
                "key": dim,
                "title": f"Dimension {dim}",
                "description": f"About {dim}.",
                "topics": ["network leadership"],
                "guidance": {"developing": "Try this.", "priority": "Start here."},
                "items": [
                    {"key": f"{dim}1", "text": f"First statement of {dim}.", "reverse": False},
                    {"key": f"{dim}2", "text": f"Second statement of {dim}.", "reverse": True},
                ],
            }
            for dim in ("a", "b", "c")
        ],
    }


def valid_matrix_json() -> dict:
    """A complete, valid maturity matrix (two dimensions of four levels, no scale)."""
    return {
        "slug": "test-matrix",
        "title": "Test matrix",
        "kind": "matrix",
        "description": "A matrix for tests.",
        "bands": [
            {"key": "strength", "label": "Strength", "min": Decimal("4.0")},
            {"key": "developing", "label": "Developing", "min": Decimal("3.0")},
            {"key": "priority", "label": "Priority", "min": None},
        ],
        "min_responses": 3,
        "dimensions": [
            {
                "key": dim,
                "title": f"Dimension {dim}",
                "description": "",
                "topics": [],
                "guidance": {},
                "levels": [{"level": n, "descriptor": f"Level {n}"} for n in range(1, 5)],
            }
            for dim in ("m", "n")
        ],
    }
