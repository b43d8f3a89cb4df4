"""The survey's pages, one per dimension and a check page, shared by the personal survey
(views.section, views.check) and a network round (round_answer_views): both keep their answers
in a state object (survey.MemberState, survey.VisitorState, round_answers.RoundState) with
``data``, ``answers``, ``save(answers)`` and ``submit()``; only the addresses and the templates
differ."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from . import survey


@dataclass
class SurveyAddresses:
    """Where a survey's pages are: a section's (by number), the check page, where "Save and
    come back later" and the first section's back link go."""

    section: Callable[[int], str]
    check: str
    later: str
    start: str


def error_description(data) -> str:
    return "Answer every statement before you submit." + (
        ' Choose "Don\'t know / not applicable" if you cannot say.' if data.scale.allow_na else ""
    )


def section_page(request, state, number, addresses: SurveyAddresses, template, context):
    """One dimension's statements: GET shows them with the answers given so far; POST saves
    them and moves on (or back to the check page, or to `later`)."""
    data = state.data
    total = survey.section_count(data)
    if not 1 <= number <= total:
        raise Http404("No such section.")
    dimension = data.dimensions[number - 1]
    returning = request.GET.get("return") == "check" or request.POST.get("return") == "check"
    if request.method == "POST":
        state.save(survey.read_answers(request.POST, dimension.items, data.scale))
        if request.POST.get("action") == "later":
            messages.info(request, "Your answers have been saved. You can continue at any time.")
            return redirect(addresses.later)
        if returning or number == total:
            return redirect(addresses.check)
        return redirect(addresses.section(number + 1))
    back = addresses.check if returning else addresses.section(number - 1) if number > 1 else addresses.start
    return render(
        request,
        template,
        {
            **context,
            "data": data,
            "dimension": dimension,
            "number": number,
            "total": total,
            "questions": survey.questions(data, dimension.items, state.answers),
            "back_url": back,
            "form_action": addresses.section(number),
            "returning": returning,
        },
    )


def check_page(request, state, addresses: SurveyAddresses, template, context):
    """Every answer with a link to change it; POST submits once every statement is answered,
    otherwise asks the unanswered ones again here with an error summary."""
    data = state.data
    errors, summary = {}, {}
    if request.method == "POST":
        # Unanswered statements are shown on this page after a failed submit; keep what was chosen.
        posted = survey.read_answers(request.POST, data.items, data.scale)
        if posted:
            state.save(posted)
        missing = survey.missing_items(data, state.answers)
        if not missing:
            return redirect(state.submit())
        errors = {item.key: "Select an answer" for _, _, item in missing}
        summary = {item.key: f"Select an answer for: {item.text}" for _, _, item in missing}
    missing_keys = {item.key for _, _, item in survey.missing_items(data, state.answers)}
    ids = survey.item_ids(data)
    sections = []
    for number, dimension in enumerate(data.dimensions, start=1):
        sections.append(
            {
                "number": number,
                "dimension": dimension,
                "change_url": f"{addresses.section(number)}?return=check",
                "rows": [
                    {
                        "item": item,
                        "answer": survey.scale_label(data.scale, state.answers.get(item.key)),
                        "id": ids[item.key],
                    }
                    for item in dimension.items
                    if not (errors and item.key in missing_keys)
                ],
                # After a failed submit the unanswered statements are asked here again.
                "questions": survey.questions(
                    data, [item for item in dimension.items if item.key in missing_keys], state.answers, errors
                )
                if errors
                else [],
            }
        )
    total = survey.section_count(data)
    return render(
        request,
        template,
        {
            **context,
            "data": data,
            "sections": sections,
            "errors": [{"id": ids[key], "message": text} for key, text in summary.items()],
            "error_description": error_description(data),
            "missing_count": len(missing_keys),
            "total": total,
            "form_action": addresses.check,
            "back_url": addresses.section(total),
        },
    )
