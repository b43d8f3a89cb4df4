"""A person's results (section 6.3), built from the scoring rules in :mod:`diagnostics.scoring`.

Nothing here computes a score itself: :func:`scoring.score_respondent` does, and this module
arranges what it returns for the results page, the radar chart, the CSV download and the
comparison with earlier results.

Guidance and suggested reading
------------------------------
Every dimension whose band is not the instrument's top band (with the default bands:
``developing`` and ``priority``) shows the dimension's guidance text for that band and up to 3
resources and 2 case studies whose topic tags match one of the dimension's topics (ignoring
case), newest first. Only live pages are suggested. The pages are found with a fixed number of
queries however many dimensions there are (two per page type).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import F, Window
from django.db.models.functions import Lower, RowNumber

from casestudies.models import CaseStudyPage, CaseStudyPageTopic
from resources.models import ResourcePage, ResourcePageTopic

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
    """Attach guidance resources and case studies to each dimension that needs attention."""
    topics = {
        line.key: [topic.lower() for topic in dimension.topics]
        for line, dimension in zip(results.lines, results.data.dimensions, strict=True)
        if line.needs_attention and dimension.topics
    }
    if not topics:
        return
    resources = related_pages(ResourcePage, ResourcePageTopic, topics, RESOURCES_PER_DIMENSION)
    case_studies = related_pages(CaseStudyPage, CaseStudyPageTopic, topics, CASE_STUDIES_PER_DIMENSION)
    for line in results.lines:
        line.resources = resources.get(line.key, [])
        line.case_studies = case_studies.get(line.key, [])


def related_pages(page_model, through_model, topics_by_key: dict[str, list[str]], limit: int) -> dict[str, list]:
    """Up to ``limit`` live pages for each key, tagged with any of its topics, newest first.

    Two queries in all: the newest ``limit`` page ids per topic (a window function ranks them,
    so a popular topic never loads thousands of rows), then those pages.
    """
    wanted = sorted({topic for topics in topics_by_key.values() for topic in topics})
    ranked = (
        through_model.objects.annotate(topic=Lower("tag__name"))
        .filter(topic__in=wanted, content_object__live=True)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("tag_id")],
                order_by=[F("content_object__first_published_at").desc(nulls_last=True), F("content_object_id").desc()],
            )
        )
        .filter(rank__lte=limit)
        .values_list("topic", "content_object_id")
    )
    ids_by_topic: dict[str, list[int]] = {}
    for topic, page_id in ranked:
        ids_by_topic.setdefault(topic, []).append(page_id)
    all_ids = {page_id for ids in ids_by_topic.values() for page_id in ids}
    if not all_ids:
        return {}
    pages = {page.pk: page for page in page_model.objects.live().public().filter(pk__in=all_ids)}
    newest_first = sorted(
        pages.values(),
        key=lambda page: (page.first_published_at is not None, page.first_published_at, page.pk),
        reverse=True,
    )
    result = {}
    for key, topics in topics_by_key.items():
        ids = {page_id for topic in topics for page_id in ids_by_topic.get(topic, [])}
        result[key] = [page for page in newest_first if page.pk in ids][:limit]
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
