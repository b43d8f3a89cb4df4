"""My account: profile, notification settings, my networks, saved items, download my
data and delete my account."""

import json

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page

from source4networks.listing import paginate

from . import membership as rules
from .access import is_verified
from .account import delete_account as remove_account
from .account import export_data, sole_leader_networks
from .forms import DeleteAccountForm, NotificationForm, ProfileForm
from .models import Invitation, Membership, SavedItem
from .saved import is_saveable
from .views_discussions import saved_threads_for


@login_required
def home(request):
    profile = request.user.profile
    return render(
        request,
        "community/account/home.html",
        {
            "profile": profile,
            "verified": is_verified(request.user),
            "network_count": Membership.objects.filter(user=request.user, status=Membership.Status.ACTIVE).count(),
            "saved_count": SavedItem.objects.filter(user=request.user).count()
            + saved_threads_for(request.user).count(),
        },
    )


@login_required
def edit_profile(request):
    profile = request.user.profile
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been saved.")
        return redirect("community:account")
    return render(request, "community/account/profile_form.html", {"form": form, "profile": profile})


@login_required
def notifications(request):
    profile = request.user.profile
    form = NotificationForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your notification settings have been saved.")
        return redirect("community:account")
    return render(request, "community/account/notifications.html", {"form": form})


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
        .filter(email__in=emails, network__hidden=False)
        .exclude(network_id__in=joined)
        .select_related("network", "invited_by__profile")
    )


@login_required
def my_networks(request):
    memberships = Membership.objects.filter(user=request.user).select_related("network").order_by("network__name")
    return render(
        request,
        "community/account/networks.html",
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


@login_required
def saved_items(request):
    items = SavedItem.objects.filter(user=request.user, page__live=True).select_related("page").order_by("-created_at")
    page_obj = paginate(request, items)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[i.page_id for i in page_obj]).specific()}
    rows = [(item, specific.get(item.page_id)) for item in page_obj]
    return render(
        request,
        "community/account/saved.html",
        {
            "page_obj": page_obj,
            "rows": [r for r in rows if r[1] is not None],
            "saved_threads": list(saved_threads_for(request.user)),
        },
    )


@require_POST
def toggle_saved(request, page_id):
    """Save or unsave a page (a POST button on resources, case studies and events)."""
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = page.url or "/"
    if not request.user.is_authenticated:
        return redirect_to_login(next_url)
    if not is_saveable(page):
        raise Http404("This page cannot be saved")
    if request.POST.get("action") == "remove":
        SavedItem.objects.filter(user=request.user, page=page).delete()
        messages.success(request, f"“{page.title}” has been removed from your saved items.")
    else:
        SavedItem.objects.get_or_create(user=request.user, page=page)
        messages.success(request, f"“{page.title}” has been saved. Find it in My account.")
    return redirect(next_url)


@never_cache
@login_required
def download_data(request):
    if request.method == "POST":
        data = export_data(request.user, request)
        stamp = timezone.localdate().isoformat()
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="source4networks-my-data-{stamp}.json"'
        return response
    return render(request, "community/account/download.html")


@never_cache
@login_required
def delete_account(request):
    blocking = sole_leader_networks(request.user)
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and not blocking and form.is_valid():
        user = request.user
        logout(request)
        remove_account(user)
        messages.success(request, "Your account has been deleted.")
        return redirect("/")
    return render(request, "community/account/delete.html", {"form": form, "blocking": blocking})
