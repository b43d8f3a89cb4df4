"""The member directory and member profiles: signed-in members only."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render

from source4networks.listing import paginate

from .discussion_rules import visible_threads
from .filters import MemberFilterSet
from .models import Membership, Profile


@login_required
def directory(request):
    # Opt-in only: nobody appears here unless they chose to.
    listed = Profile.objects.filter(show_in_directory=True, user__is_active=True)
    filters = MemberFilterSet(request.GET, queryset=listed, request=request)
    profiles = (
        filters.qs.select_related("user", "region", "sector")
        .prefetch_related("interests")
        .order_by("display_name", "pk")
    )
    page_obj = paginate(request, profiles)
    return render(
        request,
        "community/member_directory.html",
        {
            "form": filters.form,
            "page_obj": page_obj,
            "profiles": page_obj.object_list,
            "problems": filters.form.problems(),
            "filtered": filters.form.applied(),
            "own_profile": request.user.profile,
        },
    )


def recent_threads(viewer, member, count=5):
    """Threads the member started or replied to, only where the viewer may read them."""
    threads = (
        visible_threads(viewer)
        .filter(posts__author=member, posts__deleted_at__isnull=True, posts__hidden=False)
        .distinct()
        .select_related("space")
        .order_by("-last_activity_at")
    )
    return list(threads[:count])


@login_required
def profile(request, username):
    networks = Prefetch(
        "user__memberships",
        # Only memberships the member agreed to show (leaders are always shown).
        queryset=Membership.objects.filter(status=Membership.Status.ACTIVE, network__hidden=False)
        .filter(Q(role=Membership.Role.LEADER) | Q(show_on_network_page=True))
        .select_related("network")
        .order_by("network__name"),
        to_attr="network_memberships",
    )
    profile = get_object_or_404(
        Profile.objects.select_related("user", "region", "sector").prefetch_related("interests", networks),
        user__username=username,
        user__is_active=True,
    )
    return render(
        request,
        "community/member_profile.html",
        {
            "profile": profile,
            "is_own": profile.user_id == request.user.pk,
            "recent_threads": recent_threads(request.user, profile.user),
        },
    )
