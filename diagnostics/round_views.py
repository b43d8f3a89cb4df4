"""Leaders' pages for network rounds and maturity matrix sessions, and the results members see
once shared. Thin views: the rules are in rounds.py, round_reminders.py, round_sharing.py and
matrix.py. Members answer a round through round_answer_views.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community.accounts.access import is_site_team
from community.networks.models import Network
from source4networks.site_address import absolute_url

from . import plans, round_reminders, round_sharing, rounds
from .forms import ImportForm, RoundForm
from .models import NetworkRound
from .responses_csv import ResponsesCSVError
from .views import _csv_response


def led_network(request, slug):
    """The network, if the signed-in viewer is one of its active leaders; 403 otherwise
    (404 for a hidden network the viewer is not in, as on the network page)."""
    network = get_object_or_404(Network, slug=slug)
    if network.hidden and not (rounds.is_member(network, request.user) or is_site_team(request.user)):
        raise Http404("No such network")
    if not rounds.is_leader(network, request.user):
        raise PermissionDenied("Only the network's leaders can see this.")
    return network


def led_round(request, slug, pk):
    network = led_network(request, slug)
    round_ = get_object_or_404(
        NetworkRound.objects.select_related("version__instrument", "discussion__space"), pk=pk, network=network
    )
    round_.network = network
    return network, round_


# --------------------------------------------------------------------------------------------
# Leaders: rounds
# --------------------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def round_list(request, slug):
    network = led_network(request, slug)
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
    network = led_network(request, slug)
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
    network, round_ = led_round(request, slug, pk)
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
            "next_reminder_at": round_reminders.next_reminder_at(round_),
            "last_reminder": round_reminders.last_reminder(round_),
            "private_space": None if results.is_open else round_sharing.private_space(network),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def round_close(request, slug, pk):
    """Close a round early, after a page saying that it cannot be reopened."""
    network, round_ = led_round(request, slug, pk)
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
    _, round_ = led_round(request, slug, pk)
    text = rounds.results_csv(round_)
    if text is None:
        raise Http404("No results to download: the round is open, or closed with too few responses.")
    return _csv_response(text, f"{slug}-{round_.version.instrument.slug}-{round_.created_at:%Y-%m-%d}-aggregate")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def round_import(request, slug, pk):
    network, round_ = led_round(request, slug, pk)
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
# Leaders: reminders, sharing the results, discussing them
# --------------------------------------------------------------------------------------------


@never_cache
@login_required
@require_POST
def round_remind(request, slug, pk):
    """Remind the members who have not submitted. The leader is told only that reminders went,
    the same words however many there were (even none), so the page gives nothing away."""
    _, round_ = led_round(request, slug, pk)
    try:
        round_reminders.send_reminder(round_, request.user)
    except rounds.RoundError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "A reminder was emailed to the members who have not submitted their answers.")
    return redirect(round_.get_results_url())


@never_cache
@login_required
@require_POST
def round_share(request, slug, pk):
    _, round_ = led_round(request, slug, pk)
    try:
        round_sharing.share_results(round_, request.user)
    except rounds.RoundError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The results are shared: the network's members can now see them.")
    return redirect(round_.get_results_url())


@never_cache
@login_required
@require_POST
def round_discuss(request, slug, pk):
    """Share the results (if not yet) and start a thread about them in the private space."""
    _, round_ = led_round(request, slug, pk)
    try:
        thread = round_sharing.start_discussion(round_, request.user)
    except rounds.RoundError as error:
        messages.error(request, str(error))
        return redirect(round_.get_results_url())
    messages.success(request, "The results are shared and the discussion has started.")
    return redirect(thread.get_absolute_url())


# --------------------------------------------------------------------------------------------
# Members: a round's shared results
# --------------------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def round_shared(request, slug, pk):
    """The results a leader has shared, for the network's active members. Anyone else signed
    in gets 403 (404 for a hidden network, as on the network page); before the results are
    shared the page does not exist."""
    network = get_object_or_404(Network, slug=slug)
    member = rounds.is_member(network, request.user)
    if network.hidden and not (member or is_site_team(request.user)):
        raise Http404("No such network")
    if not member:
        raise PermissionDenied("Only the network's members can see its results.")
    round_ = get_object_or_404(
        NetworkRound.objects.select_related("version__instrument", "discussion__space"),
        pk=pk,
        network=network,
        shared_at__isnull=False,
    )
    round_.network = network
    results = rounds.round_results(round_)
    return render(
        request,
        "diagnostics/rounds/shared.html",
        {
            "network": network,
            "round": round_,
            "instrument": round_.version.instrument,
            "results": results,
            "plan": plans.plan_for(round_, results, request.user),
            "is_leader": rounds.is_leader(network, request.user),
        },
    )
