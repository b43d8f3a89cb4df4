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
from .contributions import open_rounds
from .models import Instrument, Response
from .results import add_history, add_suggestions, build_results, results_csv
from .survey_pages import SurveyAddresses, check_page, section_page


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
    # A signed-in member also sees their networks' open rounds (the page cache stores only
    # what a visitor sees, so this never reaches anyone else).
    network_rounds = list(open_rounds(request.user)) if request.user.is_authenticated else []
    return render(request, "diagnostics/index.html", {"entries": entries, "open_rounds": network_rounds})


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


def _addresses(instrument) -> SurveyAddresses:
    slug = instrument.slug
    return SurveyAddresses(
        section=lambda number: survey_url("section", slug, number),
        check=survey_url("check", slug),
        later=instrument.get_absolute_url(),
        start=instrument.get_absolute_url(),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def section(request, slug, number):
    instrument = _instrument(slug, survey_only=True)
    state = survey.survey_state(request, instrument)
    return section_page(
        request, state, number, _addresses(instrument), "diagnostics/section.html", {"instrument": instrument}
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
    return check_page(request, state, _addresses(instrument), "diagnostics/check.html", {"instrument": instrument})


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
