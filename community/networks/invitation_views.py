"""The invitation link's page, and "My networks" in my account: the member's networks,
requests and the invitations waiting for them."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from community.accounts.access import is_verified, verification_required

from . import membership as rules
from .models import Invitation, Membership, hash_token


def invitation(request, token):
    invitation = (
        Invitation.objects.select_related("network", "invited_by__profile").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        return render(request, "community/networks/invitation_problem.html", {"problem": "unknown"}, status=404)
    problem = rules.invitation_problem(invitation)
    if problem:
        return render(
            request,
            "community/networks/invitation_problem.html",
            {"problem": problem, "invitation": invitation},
            status=410,
        )
    network = invitation.network
    # Only the person the invitation was sent to may use it, whoever else holds the link.
    holder_problem = rules.invitation_holder_problem(invitation, request.user)
    context = {
        "invitation": invitation,
        "network": network,
        "holder_problem": holder_problem,
        "sent_to": rules.masked_email(invitation.email),
    }
    if request.method == "POST":
        if holder_problem == "signed_out":
            return redirect_to_login(request.get_full_path())
        if holder_problem == "unconfirmed":
            return verification_required(request, "accept this invitation")
        if holder_problem:
            return render(request, "community/networks/invitation.html", context, status=403)
        if "decline" in request.POST:
            rules.decline_invitation(invitation)
            messages.success(request, f"You have declined the invitation to join {network.name}.")
            return redirect("community:network_directory")
        try:
            rules.accept_invitation(invitation, request.user)
        except rules.MembershipError as error:
            messages.error(request, str(error))
            return redirect(network)
        messages.success(request, f"You have joined {network.name}.")
        return redirect(network)
    if request.user.is_authenticated:
        context["membership"] = rules.membership_of(network, request.user)
    return render(request, "community/networks/invitation.html", context)


# --- My account: my networks -------------------------------------------------------------


def _invitations_for(user):
    """Invitations sent to one of the member's confirmed email addresses."""
    emails = [
        email.lower() for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    ]
    if not emails:
        return Invitation.objects.none()
    joined = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values("network_id")
    return (
        Invitation.objects.usable()
        .filter(email__in=emails, network__hidden=False, network__archived_at__isnull=True)
        .exclude(network_id__in=joined)
        .select_related("network", "invited_by__profile")
    )


@login_required
def my_networks(request):
    memberships = Membership.objects.filter(user=request.user).select_related("network").order_by("network__name")
    return render(
        request,
        "community/networks/my_networks.html",
        {
            "active": [m for m in memberships if m.is_active],
            "pending": [m for m in memberships if not m.is_active],
            "invitations": list(_invitations_for(request.user)),
            "verified": is_verified(request.user),
        },
    )


@login_required
@require_POST
def invitation_action(request, invitation_id, action):
    invitation = _invitations_for(request.user).filter(pk=invitation_id).first()
    if invitation is None or action not in ("accept", "decline"):
        raise Http404("No such invitation")
    network = invitation.network
    if action == "decline":
        rules.decline_invitation(invitation)
        messages.success(request, f"You have declined the invitation to join {network.name}.")
        return redirect("community:account_networks")
    try:
        rules.accept_invitation(invitation, request.user)
    except rules.MembershipError as error:
        messages.error(request, str(error))
        return redirect("community:account_networks")
    messages.success(request, f"You have joined {network.name}.")
    return redirect(network)
