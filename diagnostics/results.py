"""A person's results (section 6.3), built from the scoring rules in :mod:`diagnostics.scoring`.

Nothing here computes a score itself: :func:`scoring.score_respondent` does, and this module
arranges what it returns for the results page, the radar chart, the CSV download and the
comparison with earlier results.

Guidance and suggested reading
------------------------------
Every dimension whose band is not the instrument's top band (with the default bands:
``developing`` and ``priority``) shows the dimension's guidance text for that band and up to 3
resources and 2 case studies whose topic tags match one of the dimension's topics (ignoring
case). Only live, public pages are suggested. The same page is never suggested under two
dimensions of one results page: each page goes to the dimension it matches best (the most of
its topics), and each dimension takes its best matches first, then the newest; where a page
matches two dimensions equally, the first dimension in the instrument takes it. Network rounds'
results use the same rules (:func:`suggest`). The pages are found with a fixed number of queries
however many dimensions there are (two per page type).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Count, F, Max, Value
from django.db.models.functions import Lower

from casestudies.models import CaseStudyPage, CaseStudyPageTopic
from resources.models import ResourcePage, ResourcePageTopic
from source4networks.listing import rows_of_limited_selects
from source4networks.page_cache import cached_until_purge

from . import scoring
from .radar import RadarChart, radar_chart
from .responses_csv import scores_csv

RESOURCES_PER_DIMENSION = 3
CASE_STUDIES_PER_DIMENSION = 2


@dataclass
class DimensionLine:
    key: str
    title: str
    description: str
    score: Fraction | None
    shown: str  # 1 decimal place, or "" when there were not enough answers
    band: scoring.Band | None
    answered: int
    items: int
    needs_attention: bool = False
    guidance: str = ""
    resources: list = field(default_factory=list)
    case_studies: list = field(default_factory=list)
    change: str = ""  # since the previous result, e.g. "+0.5"
    tag: str = ""  # the NHS tag colour class of the band


@dataclass
class EarlierResult:
    submitted_at: object
    url: str
    overall_shown: str
    overall_band: scoring.Band | None
    change: str  # the overall change since then
    tag: str = ""


@dataclass
class Results:
    data: scoring.Instrument
    result: scoring.RespondentResult
    lines: list[DimensionLine]
    overall: DimensionLine
    radar: RadarChart
    earlier: list[EarlierResult] = field(default_factory=list)
    previous_date: object = None  # the date the "change" column compares with

    @property
    def attention(self) -> list[DimensionLine]:
        return [line for line in self.lines if line.needs_attention]


def format_change(change: Fraction | None) -> str:
    """A change in score for display: "+0.5", "-0.3" or "No change" (rounded half-up to 1 place)."""
    if change is None:
        return ""
    shown = scoring.to_decimal(change, scoring.DISPLAY_PLACES)
    if not shown:
        return "No change"
    return f"+{shown:.1f}" if shown > 0 else f"{shown:.1f}"


def tag_class(bands, band) -> str:
    """Green for the top band, red for the bottom one, yellow between."""
    if band is None:
        return ""
    position = [candidate.key for candidate in bands].index(band.key)
    if position == 0:
        return "nhsuk-tag--green"
    return "nhsuk-tag--red" if position == len(bands) - 1 else "nhsuk-tag--yellow"


def build_results(data: scoring.Instrument, answers) -> Results:
    """Score ``answers`` and arrange the results; guidance pages and history are added later."""
    result = scoring.score_respondent(data, answers)
    top_band = data.bands[0].key
    lines = []
    for dimension, scored in zip(data.dimensions, result.dimensions, strict=True):
        band = scored.band
        needs_attention = band is not None and band.key != top_band
        lines.append(
            DimensionLine(
                key=dimension.key,
                title=dimension.title,
                description=dimension.description,
                score=scored.score,
                shown=scoring.format_display(scored.score),
                band=band,
                answered=scored.answered,
                items=scored.items,
                needs_attention=needs_attention,
                guidance=dimension.guidance.get(band.key, "") if needs_attention else "",
                tag=tag_class(data.bands, band),
            )
        )
    overall = DimensionLine(
        key=scoring.OVERALL,
        title="Overall",
        description="",
        score=result.overall_score,
        shown=scoring.format_display(result.overall_score),
        band=result.overall_band,
        answered=result.overall.answered,
        items=result.overall.items,
        tag=tag_class(data.bands, result.overall_band),
    )
    radar = radar_chart([(line.title, line.score, line.shown) for line in lines], data.scale.min, data.scale.max)
    return Results(data=data, result=result, lines=lines, overall=overall, radar=radar)


def add_suggestions(results: Results) -> None:
    """Attach resources and case studies to each dimension that needs attention."""
    suggest(results.data, results.lines)


def suggest(data: scoring.Instrument, lines) -> None:
    """Set ``resources`` and ``case_studies`` on each of ``lines`` (one per dimension of ``data``,
    in order, each with ``key`` and ``needs_attention``) that needs attention."""
    topics = {
        line.key: [topic.lower() for topic in dimension.topics]
        for line, dimension in zip(lines, data.dimensions, strict=True)
        if line.needs_attention and dimension.topics
    }
    if not topics:
        return
    resources = related_pages(ResourcePage, ResourcePageTopic, topics, RESOURCES_PER_DIMENSION)
    case_studies = related_pages(CaseStudyPage, CaseStudyPageTopic, topics, CASE_STUDIES_PER_DIMENSION)
    for line in lines:
        line.resources = resources.get(line.key, [])
        line.case_studies = case_studies.get(line.key, [])


def related_pages(page_model, through_model, topics_by_key: dict[str, list[str]], limit: int) -> dict[str, list]:
    """Up to ``limit`` live, public pages for each key, tagged with any of its topics; a page
    appears under one key at most.

    Each page goes to the key whose topics it matches most; each key takes its best matches
    first, then the newest; a tie between two keys goes to the one listed first. Choosing looks
    at every page tagged with the topics (most of a large library), so the choice is kept until
    the next publish (`cached_until_purge`); the pages are then one query."""
    name = f"related-pages:{page_model._meta.label_lower}:{limit}:{json.dumps(list(topics_by_key.items()))}"
    made = {}

    def choose():
        made.update(choose_related_pages(page_model, through_model, topics_by_key, limit))
        return {key: [page.pk for page in pages] for key, pages in made.items()}

    chosen = cached_until_purge(name, choose)
    if made:  # chosen just now: the pages are at hand
        return made
    pages = page_model.objects.live().public().in_bulk([page_id for ids in chosen.values() for page_id in ids])
    return {key: [pages[page_id] for page_id in ids if page_id in pages] for key, ids in chosen.items()}


def choose_related_pages(page_model, through_model, topics_by_key: dict[str, list[str]], limit: int):
    """`related_pages`' choice, worked out. Two queries: each key's best candidates (enough of
    them that every key still fills its ``limit`` after the others have taken theirs), one
    select per key joined in one UNION, then the pages."""
    depth = limit * len(topics_by_key)
    selects = [
        through_model.objects.annotate(topic=Lower("tag__name"))
        .filter(topic__in=topics, content_object__live=True)
        .values("content_object_id")
        .annotate(
            position=Value(position),
            matches=Count("topic", distinct=True),
            published=Max("content_object__first_published_at"),
        )
        .order_by("-matches", F("published").desc(nulls_last=True), "-content_object_id")
        .values_list("position", "content_object_id", "matches")[:depth]
        for position, topics in enumerate(topics_by_key.values())
    ]
    candidates = rows_of_limited_selects(selects)
    pages = page_model.objects.live().public().in_bulk({page_id for _, page_id, _ in candidates})

    def best_first(candidate):
        # The most topics matched, then newest (undated pages last), then the key listed first.
        position, page_id, matches = candidate
        published = pages[page_id].first_published_at
        return (-matches, published is None, -published.timestamp() if published else 0, -page_id, position)

    keys = list(topics_by_key)
    result: dict[str, list] = {key: [] for key in keys}
    taken = set()
    for position, page_id, _ in sorted((c for c in candidates if c[1] in pages), key=best_first):
        chosen = result[keys[position]]
        if page_id not in taken and len(chosen) < limit:
            chosen.append(pages[page_id])
            taken.add(page_id)
    return result


def add_history(results: Results, earlier: list[tuple[object, str, scoring.Instrument, dict]]) -> None:
    """Compare with earlier results of the same instrument, newest first.

    ``earlier`` holds (submitted at, url, the version's instrument data, answers). Dimensions are
    matched by key, so a result of an older version compares wherever the dimension still exists.
    """
    entries = []
    for position, (submitted_at, url, data, answers) in enumerate(earlier):
        before = scoring.score_respondent(data, answers)
        overall_change = (
            results.overall.score - before.overall_score
            if results.overall.score is not None and before.overall_score is not None
            else None
        )
        entries.append(
            EarlierResult(
                submitted_at=submitted_at,
                url=url,
                overall_shown=scoring.format_display(before.overall_score),
                overall_band=before.overall_band,
                change=format_change(overall_change),
                tag=tag_class(data.bands, before.overall_band),
            )
        )
        if position == 0:
            results.previous_date = submitted_at
            scores = {line.key: line.score for line in before.dimensions}
            for line in results.lines:
                previous = scores.get(line.key)
                if line.score is not None and previous is not None:
                    line.change = format_change(line.score - previous)
            results.overall.change = format_change(overall_change)
    results.earlier = entries


def results_csv(data: scoring.Instrument, respondent: str, answers) -> str:
    """The download: the respondent output of ``score_responses`` (section 6.4) for one person."""
    return scores_csv(data, [(respondent, scoring.score_respondent(data, answers))])
