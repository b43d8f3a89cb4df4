"""The member directory and member profiles (signed-in members only), and a member's own
profile, notification settings and saved items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.models import Page

from community.members.filters import MemberFilterSet
from community.members.forms import NotificationForm, ProfileForm
from community.members.models import Profile, SavedItem
from community.members.saved import is_saveable, saved_pages, saved_sections
from source4networks.listing import paginate
from source4networks.registry import Registry

# Functions (viewer, member) -> a dict for a member's profile page, registered by the apps that
# hold those things. Each shows only what the viewer may see. `profile_sections` describe the
# member (their networks) and appear only on a full profile; `profile_activity` is what they
# posted (their recent threads), which every profile shows.
profile_sections = Registry()
profile_activity = Registry()


def shows_full_profile(viewer, profile):
    """A member who is not in the directory has a minimal profile: other members see only their
    name and their posts. The member always sees their own in full."""
    return profile.show_in_directory or profile.user_id == viewer.pk


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
        "community/members/directory.html",
        {
            "filter_fields": filters.template_fields(),
            "filter_count": filters.active_count(),
            "page_obj": page_obj,
            "profiles": page_obj.object_list,
            "problems": filters.problems,
            "filtered": filters.applied(),
            "own_profile": request.user.profile,
        },
    )


@login_required
def profile(request, username):
    profile = get_object_or_404(
        Profile.objects.select_related("user", "region", "sector").prefetch_related("interests"),
        user__username=username,
        user__is_active=True,
    )
    full = shows_full_profile(request.user, profile)
    context = {"profile": profile, "is_own": profile.user_id == request.user.pk, "full_profile": full}
    sections = [*profile_sections, *profile_activity] if full else list(profile_activity)
    for section in sections:
        context.update(section(request.user, profile.user))
    return render(request, "community/members/profile.html", context)


@login_required
def edit_profile(request):
    profile = request.user.profile
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been saved.")
        return redirect("community:account")
    return render(request, "community/members/profile_form.html", {"form": form, "profile": profile})


@login_required
def notifications(request):
    profile = request.user.profile
    form = NotificationForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your notification settings have been saved.")
        return redirect("community:account")
    return render(request, "community/members/notifications.html", {"form": form})


@login_required
def saved_items(request):
    page_obj = paginate(request, saved_pages(request.user).select_related("page"))
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[i.page_id for i in page_obj]).specific()}
    rows = [(item, specific.get(item.page_id)) for item in page_obj]
    sections = [
        {"template": section.template, "items": list(section.items(request.user))} for section in saved_sections
    ]
    return render(
        request,
        "community/members/saved.html",
        {
            "page_obj": page_obj,
            "rows": [r for r in rows if r[1] is not None],
            "saved_sections": sections,
            # Pages and every other kind, counted as on the account overview.
            "saved_count": page_obj.paginator.count + sum(len(section["items"]) for section in sections),
        },
    )


@require_POST
def toggle_saved(request, page_id):
    """Save or unsave a page (a POST button on resources, case studies and events)."""
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    next_url = request.POST.get("next", "")
    # Only a path on this site: redirect() would read any other word as a view's name.
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=False
    ):
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
