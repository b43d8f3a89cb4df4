"""Leaders' pages beyond managing members one by one: inviting several people at once,
resending and withdrawing invitations, and closing the network. The rules are in
invitations.py and archiving.py; these views only check who asks and show the outcome."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from community.accounts.access import is_verified, verification_required

from . import archiving, invitations
from . import membership as rules
from .forms import InviteSeveralForm
from .views import leader_network


def _closed(request, network):
    messages.error(request, f"{network.name} has closed: it takes no new members.")
    return redirect(network)


@login_required
def invite_several(request, slug):
    network, _viewer = leader_network(request, slug)
    if not is_verified(request.user):
        return verification_required(request, "invite people")
    if network.is_closed:
        return _closed(request, network)
    form = InviteSeveralForm(request.POST or None, request.FILES or None)
    status, refused = 200, False
    if request.method == "POST" and form.is_valid():
        try:
            sent = invitations.invite_many(network, request.user, form.entries)
        except invitations.InvitationsRefused as refusal:
            for problem in refusal.problems:
                form.add_error(form.field_with_addresses, problem)
            refused = True
        except rules.LimitReached as error:
            form.add_error(form.field_with_addresses, str(error))
            status = 429
        else:
            messages.success(
                request,
                ngettext("We have emailed %(count)d invitation.", "We have emailed %(count)d invitations.", len(sent))
                % {"count": len(sent)},
            )
            return redirect("community:network_members", slug=network.slug)
    return render(
        request,
        "community/networks/invite_several.html",
        {"form": form, "network": network, "refused": refused},
        status=status,
    )


INVITATION_ACTIONS = {"resend": invitations.resend, "withdraw": invitations.withdraw}


@require_POST
def invitation_action(request, slug, invitation_id, action):
    if action not in INVITATION_ACTIONS:
        raise Http404("No such action")
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("community:network_members", args=[slug]))
    network, _viewer = leader_network(request, slug)
    try:
        invitation = INVITATION_ACTIONS[action](network, request.user, invitation_id)
    except rules.MembershipError as error:
        messages.error(request, str(error))
    else:
        if action == "resend":
            messages.success(request, f"We have emailed the invitation to {invitation.email} again.")
        else:
            messages.success(request, f"You have withdrawn the invitation to {invitation.email}.")
    return redirect("community:network_members", slug=network.slug)


@login_required
def close(request, slug):
    network, _viewer = leader_network(request, slug)
    if network.is_closed:
        messages.error(request, f"{network.name} has already closed.")
        return redirect(network)
    if request.method == "POST":
        try:
            archiving.close_network(network, request.user)
        except rules.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{network.name} has closed.")
        return redirect(network)
    context = {"network": network, "effects": archiving.closing_effects(network)}
    return render(request, "community/networks/close.html", context)
