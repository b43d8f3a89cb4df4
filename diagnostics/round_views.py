"""Pages for network rounds and maturity matrix sessions. Thin views: the rules are in
rounds.py and matrix.py, the questions and the required rule in survey.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from community.accounts.access import is_site_team
from community.networks.models import Network
from source4networks.site_address import absolute_url

from . import rounds, survey
from .forms import ImportForm, RoundForm
from .models import NetworkRound
from .responses_csv import ResponsesCSVError
from .views import _csv_response


def _led_network(request, slug):
    """The network, if the signed-in viewer is one of its active leaders; 403 otherwise
    (404 for a hidden network the viewer is not in, as on the network page)."""
    network = get_object_or_404(Network, slug=slug)
    if network.hidden and not (rounds.is_member(network, request.user) or is_site_team(request.user)):
        raise Http404("No such network")
    if not rounds.is_leader(network, request.user):
        raise PermissionDenied("Only the network's leaders can see this.")
    return network


def _led_round(request, slug, pk):
    network = _led_network(request, slug)
    round_ = get_object_or_404(NetworkRound.objects.select_related("version__instrument"), pk=pk, network=network)
    round_.network = network
    return network, round_


# --------------------------------------------------------------------------------------------
# Leaders: rounds
# --------------------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def round_list(request, slug):
    network = _led_network(request, slug)
    network_rounds = list(
        NetworkRound.objects.filter(network=network)
        .select_related("version__instrument")
        .with_counts()
        .order_by("-created_at", "-pk")
    )
    return render(request, "diagnostics/rounds/list.html", {"network": network, "rounds": network_rounds})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def round_new(request, slug):
    network = _led_network(request, slug)
    form = RoundForm(request.POST or None, initial={"instrument": request.GET.get("instrument")})
    if request.method == "POST" and form.is_valid():
        try:
            round_ = rounds.open_round(
                network,
                request.user,
                form.cleaned_data["instrument"],
                form.cleaned_data["message"],
                form.cleaned_data["closes_on"],
                form.cleaned_data["mode"],
            )
        except rounds.RoundError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "The round is open. Import the paper forms as you collect them."
                if round_.is_paper
                else "The round is open. Share the invitation link with your network's members.",
            )
            return redirect(round_.get_results_url())
    return render(
        request,
        "diagnostics/rounds/new.html",
        {"network": network, "form": form, "round_list_url": reverse("diagnostics:round_list", args=[network.slug])},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def round_detail(request, slug, pk):
    network, round_ = _led_round(request, slug, pk)
    if request.method == "POST":
        # Closing has its own confirmation page (round_close); the only action here is the email.
        if request.POST.get("action") == "email":
            try:
                sent = rounds.email_invitation(round_, request.user)
            except rounds.RoundError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    ngettext(
                        "The invitation was emailed to %d member.", "The invitation was emailed to %d members.", sent
                    )
                    % sent,
                )
        return redirect(round_.get_results_url())
    results = rounds.round_results(round_)
    return render(
        request,
        "diagnostics/rounds/detail.html",
        {
            "network": network,
            "round": round_,
            "instrument": round_.version.instrument,
            "results": results,
            "invitation_url": absolute_url(round_.get_absolute_url()),
            "paper_limit": rounds.MAX_PAPER_RESPONSES,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def round_close(request, slug, pk):
    """Close a round early, after a page saying that it cannot be reopened."""
    network, round_ = _led_round(request, slug, pk)
    if not round_.is_open:
        return redirect(round_.get_results_url())
    if request.method == "POST":
        try:
            rounds.close_round(round_, request.user)
        except rounds.RoundError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The round is closed. Nobody can answer or change their answers now.")
        return redirect(round_.get_results_url())
    return render(
        request,
        "diagnostics/rounds/close.html",
        {"network": network, "round": round_, "instrument": round_.version.instrument},
    )


@never_cache
@login_required
@require_GET
def round_csv(request, slug, pk):
    _, round_ = _led_round(request, slug, pk)
    text = rounds.results_csv(round_)
    if text is None:
        raise Http404("No results to download: the round is open, or closed with too few responses.")
    return _csv_response(text, f"{slug}-{round_.version.instrument.slug}-{round_.created_at:%Y-%m-%d}-aggregate")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def round_import(request, slug, pk):
    network, round_ = _led_round(request, slug, pk)
    # An online round never takes imports: its page says so and has no form.
    form = ImportForm(request.POST or None, request.FILES or None) if round_.is_paper else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            count = rounds.import_paper_responses(round_, request.user, form.cleaned_data["file"].read())
        except ResponsesCSVError as error:
            form.add_error("file", f"The file was not imported: {error}. Nothing was added; correct it and try again.")
        except rounds.RoundError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request, ngettext("%d paper response imported.", "%d paper responses imported.", count) % count
            )
            return redirect(round_.get_results_url())
    return render(
        request,
        "diagnostics/rounds/import.html",
        {
            "network": network,
            "round": round_,
            "form": form,
            "keys": [item.key for item in round_.version.data.items],
            "limit": rounds.MAX_PAPER_RESPONSES,
        },
    )


# --------------------------------------------------------------------------------------------
# Members: answering a round through its invitation link
# --------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def round_answer(request, token):
    round_ = get_object_or_404(NetworkRound.objects.select_related("network", "version__instrument"), token=token)
    network = round_.network
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not rounds.is_member(network, request.user):
        if network.hidden and not is_site_team(request.user):
            raise Http404("No such round")
        return render(request, "diagnostics/rounds/members_only.html", {"network": network}, status=403)
    data = round_.version.data
    context = {"round": round_, "network": network, "instrument": round_.version.instrument, "data": data}
    if round_.is_paper:
        return render(request, "diagnostics/rounds/paper.html", context)
    existing = rounds.own_response(round_, request.user)
    if not round_.is_open:
        return render(request, "diagnostics/rounds/closed.html", {**context, "answered": existing is not None})
    answers = survey.clean_stored(existing.answers, data) if existing else {}
    comment = existing.comment if existing else ""
    errors = {}
    if request.method == "POST":
        answers = survey.read_answers(request.POST, data.items, data.scale)
        # NUL cannot be typed, and the database cannot store it.
        comment = request.POST.get("comment", "")[:5000].replace("\x00", "")
        missing = survey.missing_items(data, answers)
        if not missing:
            try:
                rounds.save_answers(round_, request.user, answers, comment)
            except rounds.RoundError as error:  # the round closed while the page was open
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    "Thank you: your answers are saved. You can change them here until the round closes.",
                )
            return redirect(round_.get_absolute_url())
        errors = {item.key: "Select an answer" for _, _, item in missing}
    ids = survey.item_ids(data)
    sections = [
        {"dimension": dimension, "questions": survey.questions(data, dimension.items, answers, errors)}
        for dimension in data.dimensions
    ]
    error_list = [
        {"id": ids[key], "message": f"Select an answer for: {item.text}"}
        for item in data.items
        for key in [item.key]
        if key in errors
    ]
    return render(
        request,
        "diagnostics/rounds/answer.html",
        {
            **context,
            "sections": sections,
            "errors": error_list,
            "error_description": "Answer every statement before you submit."
            + (' Choose "Don\'t know / not applicable" if you cannot say.' if data.scale.allow_na else ""),
            "comment": comment,
            "answered": existing is not None,
        },
    )
