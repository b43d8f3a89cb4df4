"""The diagnostics pages at /diagnostics/. Thin views: the flow lives in survey.py, the
results in results.py, the scoring in scoring.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import survey
from .models import Instrument, Response
from .results import add_history, add_suggestions, build_results, results_csv


def _instrument(slug, survey_only=False):
    instrument = get_object_or_404(
        Instrument.objects.published().select_related("current_version").exclude(current_version=None), slug=slug
    )
    if survey_only and not instrument.is_survey:
        raise Http404("Only surveys are taken online.")
    return instrument


@require_GET
def index(request):
    instruments = Instrument.objects.published().select_related("current_version").exclude(current_version=None)
    entries = [
        {
            "instrument": instrument,
            "data": instrument.current_version.data,
            "minutes": survey.minutes_to_complete(instrument.current_version.data) if instrument.is_survey else None,
        }
        for instrument in instruments
    ]
    return render(request, "diagnostics/index.html", {"entries": entries})


@never_cache
@require_GET
def introduction(request, slug):
    instrument = _instrument(slug)
    data = instrument.current_version.data
    context = {"instrument": instrument, "data": data}
    if instrument.is_survey:
        state = survey.survey_state(request, instrument)
        context.update(
            state=state,
            minutes=survey.minutes_to_complete(state.data),
            resume_section=survey.first_unanswered_section(state.data, state.answers),
            earlier=(
                Response.objects.filter(
                    user=request.user, version__instrument=instrument, status=Response.Status.SUBMITTED
                ).order_by("-submitted_at")[:10]
                if request.user.is_authenticated
                else []
            ),
            unsaved_result=survey.session_result(request.session, instrument),
        )
    return render(request, "diagnostics/introduction.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def section(request, slug, number):
    instrument = _instrument(slug, survey_only=True)
    state = survey.survey_state(request, instrument)
    data = state.data
    total = survey.section_count(data)
    if not 1 <= number <= total:
        raise Http404("No such section.")
    dimension = data.dimensions[number - 1]
    if request.method == "POST":
        state.save(survey.read_answers(request.POST, dimension.items, data.scale))
        if request.POST.get("action") == "later":
            messages.info(request, "Your answers have been saved. You can continue at any time.")
            return redirect("diagnostics:introduction", slug=slug)
        if request.POST.get("return") == "check" or number == total:
            return redirect("diagnostics:check", slug=slug)
        return redirect("diagnostics:section", slug=slug, number=number + 1)
    back = (
        survey_url("check", slug)
        if request.GET.get("return") == "check"
        else survey_url("section", slug, number - 1)
        if number > 1
        else instrument.get_absolute_url()
    )
    return render(
        request,
        "diagnostics/section.html",
        {
            "instrument": instrument,
            "data": data,
            "dimension": dimension,
            "number": number,
            "total": total,
            "questions": survey.questions(data, dimension.items, state.answers),
            "back_url": back,
            "returning": request.GET.get("return") == "check",
        },
    )


def survey_url(name, slug, number=None):
    if number is None:
        return reverse(f"diagnostics:{name}", kwargs={"slug": slug})
    return reverse(f"diagnostics:{name}", kwargs={"slug": slug, "number": number})


@never_cache
@require_http_methods(["GET", "POST"])
def check(request, slug):
    instrument = _instrument(slug, survey_only=True)
    state = survey.survey_state(request, instrument)
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
    error_list = [{"id": ids[key], "message": text} for key, text in summary.items()]
    return render(
        request,
        "diagnostics/check.html",
        {
            "instrument": instrument,
            "data": data,
            "sections": sections,
            "errors": error_list,
            "error_description": "Answer every statement before you submit."
            + (' Choose "Don\'t know / not applicable" if you cannot say.' if data.scale.allow_na else ""),
            "missing_count": len(missing_keys),
            "total": survey.section_count(data),
        },
        status=200,
    )


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


def _member_response(request, pk):
    # Another member's result (or a made-up id) is simply not found.
    return get_object_or_404(
        Response.objects.select_related("version__instrument"),
        pk=pk,
        user=request.user,
        status=Response.Status.SUBMITTED,
    )


@never_cache
@login_required
@require_GET
def result(request, pk):
    response = _member_response(request, pk)
    data = response.version.data
    results = build_results(data, response.answers)
    add_suggestions(results)
    earlier = (
        Response.objects.select_related("version")
        .filter(
            user=request.user,
            version__instrument=response.version.instrument,
            status=Response.Status.SUBMITTED,
            submitted_at__lt=response.submitted_at,
        )
        .order_by("-submitted_at")[:20]
    )
    add_history(
        results,
        [(other.submitted_at, other.get_absolute_url(), other.version.data, other.answers) for other in earlier],
    )
    return render(
        request,
        "diagnostics/results.html",
        {
            "instrument": response.version.instrument,
            "version": response.version,
            "results": results,
            "submitted_at": response.submitted_at,
            "csv_url": f"{response.get_absolute_url()}results.csv",
            "saved": True,
        },
    )


@never_cache
@login_required
@require_GET
def result_csv(request, pk):
    response = _member_response(request, pk)
    return _csv_response(
        results_csv(response.version.data, request.user.get_username(), response.answers),
        f"{response.version.instrument.slug}-{response.submitted_at:%Y-%m-%d}",
    )


def _csv_response(text, name):
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.csv"'
    return response


@never_cache
@require_GET
def session_results(request, slug):
    """A visitor's result, kept in their session until they sign in to save it."""
    instrument = _instrument(slug, survey_only=True)
    stored = survey.session_result(request.session, instrument)
    if stored is None:
        raise Http404("No result to show.")
    results = build_results(stored.version.data, stored.answers)
    add_suggestions(results)
    return render(
        request,
        "diagnostics/results.html",
        {
            "instrument": instrument,
            "version": stored.version,
            "results": results,
            "submitted_at": stored.submitted_at,
            "csv_url": survey_url("session_results_csv", slug),
            "save_url": survey_url("save_result", slug),
            "saved": False,
        },
    )


@never_cache
@require_GET
def session_results_csv(request, slug):
    instrument = _instrument(slug, survey_only=True)
    stored = survey.session_result(request.session, instrument)
    if stored is None:
        raise Http404("No result to download.")
    return _csv_response(
        results_csv(stored.version.data, "you", stored.answers), f"{slug}-{stored.submitted_at:%Y-%m-%d}"
    )


@never_cache
@login_required
@require_GET
def save_result(request, slug):
    """Where sign-in returns a visitor who chose to save their result: attach it to the account."""
    instrument = _instrument(slug, survey_only=True)
    response = survey.attach_session_result(request.session, request.user, instrument)
    if response is None:
        messages.info(request, "There was no unsaved result to save. Your saved results are listed below.")
        return redirect("diagnostics:introduction", slug=slug)
    messages.success(request, "Your result has been saved to your account.")
    return redirect(response.get_absolute_url())
