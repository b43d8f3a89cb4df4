"""Members answering a network round through its invitation link: the round's page, then one
page per dimension and a check page (the personal survey's pages, survey_pages.py). Thin views:
the rules are in rounds.py and round_answers.py."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from community.accounts.access import is_site_team

from . import rounds, survey
from .models import NetworkRound
from .round_answers import RoundState, check_url, clean_comment, section_url
from .survey_pages import SurveyAddresses, check_page, section_page


def _round_for_member(request, token):
    """The round and its context, or the response to give instead: sign in for a visitor;
    the members-only page (403) for anyone else signed in, or 404 for a hidden network's
    round; the paper or closed page when there is nothing to answer."""
    round_ = get_object_or_404(NetworkRound.objects.select_related("network", "version__instrument"), token=token)
    network = round_.network
    if not request.user.is_authenticated:
        return round_, None, redirect_to_login(request.get_full_path())
    if not rounds.is_member(network, request.user):
        if network.hidden and not is_site_team(request.user):
            raise Http404("No such round")
        return round_, None, render(request, "diagnostics/rounds/members_only.html", {"network": network}, status=403)
    context = {
        "round": round_,
        "network": network,
        "instrument": round_.version.instrument,
        "data": round_.version.data,
    }
    if round_.is_paper:
        return round_, context, render(request, "diagnostics/rounds/paper.html", context)
    if not round_.is_open:
        answered = rounds.own_response(round_, request.user)
        return (
            round_,
            context,
            render(
                request,
                "diagnostics/rounds/closed.html",
                {**context, "answered": answered is not None and answered.status == answered.Status.SUBMITTED},
            ),
        )
    return round_, context, None


def _addresses(round_) -> SurveyAddresses:
    return SurveyAddresses(
        section=lambda number: section_url(round_, number),
        check=check_url(round_),
        later=round_.get_absolute_url(),
        start=round_.get_absolute_url(),
    )


@never_cache
@require_GET
def round_answer(request, token):
    """The invitation link: the leaders' message, how answers are kept, and where to start,
    continue or change one's answers."""
    round_, context, refusal = _round_for_member(request, token)
    if refusal:
        return refusal
    state = RoundState(round_, request.user)
    return render(
        request,
        "diagnostics/rounds/answer.html",
        {
            **context,
            "state": state,
            "start_url": section_url(round_, 1),
            "resume_url": section_url(round_, survey.first_unanswered_section(state.data, state.answers)),
            "check_url": check_url(round_),
            "minutes": survey.minutes_to_complete(state.data),
            "sections": survey.section_count(state.data),
        },
    )


def _refused_when_closed(request, round_, error):
    # The round closed while the page was open (or the member left the network meanwhile).
    messages.error(request, str(error))
    return redirect(round_.get_absolute_url())


@never_cache
@require_http_methods(["GET", "POST"])
def round_section(request, token, number):
    round_, context, refusal = _round_for_member(request, token)
    if refusal:
        return refusal
    state = RoundState(round_, request.user)
    try:
        return section_page(
            request, state, number, _addresses(round_), "diagnostics/rounds/section.html", {**context, "state": state}
        )
    except rounds.RoundError as error:
        return _refused_when_closed(request, round_, error)


@never_cache
@require_http_methods(["GET", "POST"])
def round_check(request, token):
    round_, context, refusal = _round_for_member(request, token)
    if refusal:
        return refusal
    state = RoundState(round_, request.user)
    if request.method == "POST":
        state.comment = clean_comment(request.POST.get("comment", ""))
    try:
        response = check_page(
            request, state, _addresses(round_), "diagnostics/rounds/check.html", {**context, "state": state}
        )
    except rounds.RoundError as error:
        return _refused_when_closed(request, round_, error)
    if request.method == "POST" and response.status_code == 302:
        messages.success(request, "Thank you: your answers are submitted. You can change them until the round closes.")
    return response
