"""Moderators' actions on the discussion pages (pin, lock, hide, move, suspend), and a
network's leaders switching its private space on and off. The rules live in moderation.py."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.discussions.forms import (
    ModerationForm,
    MoveForm,
    SuspendForm,
)
from community.discussions.models import Post, Space, SpaceKind, Thread
from community.networks.models import Membership, Network

from . import moderation, rules

# --- Moderation on the public pages --------------------------------------------------


def _moderator_only(request):
    if not rules.is_moderator(request.user):
        raise Http404("Not found")


@require_POST
def moderate_thread(request, pk, action):
    _moderator_only(request)
    thread = get_object_or_404(Thread.objects.select_related("space"), pk=pk)
    if action == "move":
        form = MoveForm(request.POST)
        if form.is_valid():
            moderation.move_thread(request.user, thread, form.cleaned_data["space"], form.cleaned_data["reason"])
            messages.success(request, f"Thread moved to {form.cleaned_data['space'].name}.")
        else:
            messages.error(request, "Select a space to move the thread to.")
        return redirect(thread)
    if action not in moderation.THREAD_ACTIONS:
        raise Http404("No such action")
    form = ModerationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    moderation.moderate_thread(request.user, thread, action, reason)
    messages.success(request, f"Thread {moderation.THREAD_ACTIONS[action][2].label.split()[0].lower()}.")
    return redirect(thread)


@require_POST
def moderate_post(request, pk, action):
    _moderator_only(request)
    post = get_object_or_404(Post.objects.select_related("thread__space"), pk=pk)
    if action not in moderation.POST_ACTIONS:
        raise Http404("No such action")
    form = ModerationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    moderation.moderate_post(request.user, post, action, reason)
    messages.success(request, "Post hidden." if action == "hide" else "Post shown again.")
    return redirect("community:post_link", post.pk)


@never_cache
def suspend_member(request, username):
    _moderator_only(request)
    member = get_object_or_404(get_user_model().objects.select_related("profile"), username=username, is_active=True)
    suspension = rules.active_suspension(member)
    form = SuspendForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "unsuspend":
            # Not a form field: PostgreSQL refuses NUL in text, so it goes before saving.
            reason = request.POST.get("reason", "")[:1000].replace("\x00", "")
            moderation.unsuspend(request.user, member, reason)
            messages.success(request, f"{member.profile.display_name} can post again.")
            return redirect("community:suspend_member", member.username)
        if form.is_valid():
            moderation.suspend(request.user, member, form.cleaned_data["reason"])
            messages.success(request, f"{member.profile.display_name} is suspended from posting.")
            return redirect("community:suspend_member", member.username)
    return render(
        request,
        "community/discussions/suspend.html",
        {"member": member, "suspension": suspension, "form": form},
    )


# --- Network-private spaces -------------------------------------------------------------


@login_required
@require_POST
def network_space(request, slug):
    """A network's leaders switch its private discussion space on or off."""
    network = get_object_or_404(Network, slug=slug)
    is_leader = Membership.objects.filter(
        network=network, user=request.user, role=Membership.Role.LEADER, status=Membership.Status.ACTIVE
    ).exists()
    if not is_leader:
        raise Http404("Only the network's leaders can do this")
    if network.is_closed:
        messages.error(request, f"{network.name} has closed: its discussions are read-only.")
        return redirect(network)
    space = Space.objects.filter(network=network).first()
    turn_on = request.POST.get("action") == "on"
    if space is None and turn_on:
        base = f"{network.slug}-private"[:90]
        slug_value, n = base, 1
        while Space.objects.filter(slug=slug_value).exists():
            n += 1
            slug_value = f"{base}-{n}"
        space = Space.objects.create(
            name=f"{network.name} (members only)"[:100],
            slug=slug_value,
            description=f"A private space for members of {network.name}."[:300],
            kind=SpaceKind.NETWORK,
            network=network,
        )
    elif space is not None:
        space.active = turn_on
        space.save(update_fields=["active"])
    if turn_on:
        messages.success(request, "Your network's private discussion space is open to its members.")
        return redirect(space)
    messages.success(request, "Your network's private discussion space is switched off.")
    return redirect(network)
