"""The member directory and member profiles: signed-in members only."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from source4networks.listing import clean_query, paginate

from .discussion_rules import visible_threads
from .forms import MemberFilterForm
from .models import Membership, Profile


@login_required
def directory(request):
    form = MemberFilterForm(request.GET or None)
    query, query_error = clean_query(request)
    # Opt-in only: nobody appears here unless they chose to.
    profiles = Profile.objects.filter(show_in_directory=True, user__is_active=True)
    filtered = False
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
        if data.get("region"):
            profiles = profiles.filter(region=data["region"])
            filtered = True
        if data.get("sector"):
            profiles = profiles.filter(sector=data["sector"])
            filtered = True
        if data.get("interest"):
            profiles = profiles.filter(interests__slug=slugify(data["interest"]))
            filtered = True
    if query and not query_error:
        profiles = profiles.filter(Q(display_name__icontains=query) | Q(organisation__icontains=query))
        filtered = True
    profiles = (
        profiles.select_related("user", "region", "sector").prefetch_related("interests").order_by("display_name", "pk")
    )
    page_obj = paginate(request, profiles)
    return render(
        request,
        "community/member_directory.html",
        {
            "form": form,
            "page_obj": page_obj,
            "profiles": page_obj.object_list,
            "query": query,
            "query_error": query_error,
            "problems": [{"id": "id_q", "message": query_error}] if query_error else [],
            "filtered": filtered,
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
