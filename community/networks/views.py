"""The networks directory, network pages and everything leaders and members do there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from community.accounts.access import is_site_team, is_verified, verification_required
from source4networks.listing import paginate
from source4networks.ratelimit import REFUSE, hit
from source4networks.registry import Registry, filled_sections

from . import membership as rules
from .emails import send_contact_message
from .filters import NetworkFilterSet
from .forms import ContactNetworkForm, InviteForm, MembershipVisibilityForm, NetworkForm
from .models import Invitation, Membership, Network

CONTACT_LIMIT = 5
CONTACT_WINDOW = 60 * 60
NETWORK_PAGE_MEMBER_LIMIT = 60

# PageSections of a network page whose context takes (viewer, network, the viewer's
# membership or None), added by the apps that hold what they show (open rounds). Each decides
# who may see it.
network_page_sections = Registry()


def _visible_network(request, slug, queryset=None):
    """The network for this address, or 404. A hidden network is shown only to its own
    members and the site team; for everyone else it does not exist."""
    network = get_object_or_404(queryset if queryset is not None else Network.objects.all(), slug=slug)
    viewer = rules.membership_of(network, request.user)
    if network.hidden and not ((viewer and viewer.is_active) or is_site_team(request.user)):
        raise Http404("No such network")
    return network, viewer


def leader_network(request, slug):
    """The network, if the signed-in viewer leads it; 403 otherwise."""
    network, viewer = _visible_network(request, slug)
    if not (viewer and viewer.is_leader):
        raise PermissionDenied("Only the network's leaders can do that.")
    return network, viewer


def directory(request):
    filters = NetworkFilterSet(request.GET, queryset=Network.objects.listed(), request=request)
    networks = filters.sorted(filters.qs).prefetch_related("regions", "sectors")
    page_obj = paginate(request, networks)
    return render(
        request,
        "community/networks/directory.html",
        {
            "filter_fields": filters.template_fields(),
            "filter_count": filters.active_count(),
            "page_obj": page_obj,
            "networks": page_obj.object_list,
            "problems": filters.problems,
            "filtered": filters.applied(),
            "can_create": is_verified(request.user),
        },
    )


def detail(request, slug):
    network, viewer = _visible_network(request, slug, Network.objects.prefetch_related("regions", "sectors", "topics"))
    active = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE, user__is_active=True)
    leaders = list(active.filter(role=Membership.Role.LEADER).select_related("user__profile").order_by("created_at"))
    # Visitors see only the leaders who chose to be named publicly; signed-in members see all.
    all_leaders = len(leaders)
    if not request.user.is_authenticated:
        leaders = [leader for leader in leaders if leader.user.profile.show_as_leader_publicly]
    shown = active.filter(role=Membership.Role.MEMBER, show_on_network_page=True)
    shown_members = list(
        shown.select_related("user__profile").order_by("user__profile__display_name")[:NETWORK_PAGE_MEMBER_LIMIT]
    )
    is_leader = bool(viewer and viewer.is_leader)
    context = {
        "network": network,
        "case_studies": network.case_studies.live().public().order_by("-first_published_at"),
        "viewer_membership": viewer,
        "is_leader": is_leader,
        "leaders": leaders,
        "unnamed_leaders": all_leaders - len(leaders),
        "shown_members": shown_members,
        "more_members": shown.count() - len(shown_members) if len(shown_members) >= NETWORK_PAGE_MEMBER_LIMIT else 0,
        "member_count": active.count(),
        "verified": is_verified(request.user),
        "pending_count": (
            Membership.objects.filter(network=network, status=Membership.Status.PENDING).count() if is_leader else 0
        ),
        "visibility_form": MembershipVisibilityForm(initial={"show_on_network_page": viewer.show_on_network_page})
        if viewer and viewer.is_active and not viewer.is_leader
        else None,
        # The private discussion space, shown to the network's own members only.
        # (The discussions app adds it as the reverse of its one-to-one link.)
        "space": getattr(network, "space", None) if viewer and viewer.is_active else None,
        "sections": filled_sections(network_page_sections, request.user, network, viewer),
    }
    return render(request, "community/networks/detail.html", context)


@login_required
def create(request):
    if not is_verified(request.user):
        return verification_required(request, "create a network")
    form = NetworkForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        network = rules.create_network(request.user, form)
        messages.success(request, f"{network.name} has been created. You are its leader.")
        return redirect(network)
    return render(request, "community/networks/form.html", {"form": form, "creating": True})


@login_required
def edit(request, slug):
    network, _viewer = leader_network(request, slug)
    if network.is_closed:
        messages.error(request, f"{network.name} has closed: its page can no longer be changed.")
        return redirect(network)
    form = NetworkForm(request.POST or None, request.FILES or None, instance=network)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your changes have been saved.")
        return redirect(network)
    return render(request, "community/networks/form.html", {"form": form, "network": network, "creating": False})


@require_POST
def join(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("community:network_detail", args=[slug]))
    network, _viewer = _visible_network(request, slug)
    if not is_verified(request.user):
        return verification_required(request, "join a network")
    try:
        membership = rules.join(network, request.user)
    except rules.MembershipError as error:
        messages.error(request, str(error))
        return redirect(network)
    if membership.is_active:
        messages.success(request, f"You have joined {network.name}.")
    else:
        messages.success(request, f"Your request to join {network.name} has been sent to its leaders.")
    return redirect(network)


@login_required
def leave(request, slug):
    network, viewer = _visible_network(request, slug)
    if viewer is None:
        messages.error(request, f"You are not a member of {network.name}.")
        return redirect(network)
    if request.method == "POST":
        try:
            rules.leave(network, request.user)
        except rules.MembershipError as error:
            messages.error(request, str(error))
            return redirect(network)
        if viewer.is_active:
            messages.success(request, f"You have left {network.name}.")
        else:
            messages.success(request, f"Your request to join {network.name} has been withdrawn.")
        return redirect("community:account_networks")
    return render(request, "community/networks/leave.html", {"network": network, "membership": viewer})


@login_required
@require_POST
def visibility(request, slug):
    network, viewer = _visible_network(request, slug)
    if not (viewer and viewer.is_active):
        raise PermissionDenied("You are not a member of this network.")
    form = MembershipVisibilityForm(request.POST)
    form.is_valid()
    viewer.show_on_network_page = viewer.is_leader or form.cleaned_data.get("show_on_network_page", False)
    viewer.save(update_fields=["show_on_network_page"])
    if viewer.show_on_network_page:
        messages.success(request, f"You are shown on the page of {network.name}.")
    else:
        messages.success(request, f"You are no longer shown on the page of {network.name}.")
    return redirect(network)


@login_required
def contact(request, slug):
    network, _viewer = _visible_network(request, slug)
    if not is_verified(request.user):
        return verification_required(request, "contact a network")
    if network.is_closed:
        messages.error(request, f"{network.name} has closed: its leaders no longer take messages here.")
        return redirect(network)
    form = ContactNetworkForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        # Each message is an email: refused while the limit cannot be counted (docs/faults.md).
        result = hit(f"contact-network:{request.user.pk}", CONTACT_LIMIT, CONTACT_WINDOW, on_outage=REFUSE)
        if result.unavailable:
            form.add_error(None, "Messages cannot be sent just now. Your message has not been sent: try again later.")
            status = 503
        elif not result.allowed:
            form.add_error(
                None,
                f"You can send up to {CONTACT_LIMIT} messages to networks an hour. "
                "Your message has not been sent: try again in "
                + ngettext("%d minute.", "%d minutes.", result.retry_after_minutes)
                % result.retry_after_minutes,
            )
            status = 429
        else:
            send_contact_message(network, request.user, form.cleaned_data["subject"], form.cleaned_data["message"])
            messages.success(request, f"Your message has been sent to the leaders of {network.name}.")
            return redirect(network)
    return render(request, "community/networks/contact.html", {"form": form, "network": network}, status=status)


@login_required
def manage_members(request, slug):
    network, _viewer = leader_network(request, slug)
    members = (
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .select_related("user__profile")
        .order_by("-role", "user__profile__display_name")
    )
    requests = (
        Membership.objects.filter(network=network, status=Membership.Status.PENDING)
        .select_related("user__profile")
        .order_by("created_at")
    )
    page_obj = paginate(request, members, per_page=50)
    invitations = list(Invitation.objects.usable().filter(network=network).select_related("invited_by__profile"))
    return render(
        request,
        "community/networks/members.html",
        {
            "network": network,
            "page_obj": page_obj,
            "members": page_obj.object_list,
            "requests": requests,
            "invitations": invitations,
            "leader_count": members.filter(role=Membership.Role.LEADER).count(),
        },
    )


MEMBER_ACTIONS = {
    "approve": (rules.approve, "{name} is now a member of {network}."),
    "decline": (rules.decline, "You have declined the request from {name}."),
    "remove": (rules.remove, "{name} has been removed from {network}."),
    "promote": (rules.promote, "{name} is now a leader of {network}."),
    "demote": (rules.demote, "{name} is no longer a leader of {network}."),
}
OWN_ACTIONS = {
    "remove": "You have left {network}.",
    "demote": "You have stepped down as a leader of {network}. You are still a member.",
}


@require_POST
def member_action(request, slug, membership_id, action):
    if action not in MEMBER_ACTIONS:
        raise Http404("No such action")
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("community:network_members", args=[slug]))
    network, _viewer = leader_network(request, slug)
    function, message = MEMBER_ACTIONS[action]
    try:
        membership = function(network, request.user, membership_id)
    except rules.MembershipError as error:
        messages.error(request, str(error))
    else:
        if membership.user_id == request.user.pk and action in OWN_ACTIONS:
            # A leader who stepped down or removed themselves can no longer manage the network.
            messages.success(request, OWN_ACTIONS[action].format(network=network.name))
            return redirect(network)
        messages.success(request, message.format(name=rules.display_name(membership.user), network=network.name))
    return redirect("community:network_members", slug=network.slug)


@login_required
def invite(request, slug):
    network, _viewer = leader_network(request, slug)
    if not is_verified(request.user):
        return verification_required(request, "invite people")
    if network.is_closed:
        messages.error(request, f"{network.name} has closed: it takes no new members.")
        return redirect(network)
    form = InviteForm(network, request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            invitation = rules.invite(network, request.user, form.cleaned_data["email"])
        except rules.LimitReached as error:
            form.add_error("email", str(error))
            status = 429
        else:
            messages.success(request, f"We have emailed an invitation to {invitation.email}.")
            return redirect("community:network_members", slug=network.slug)
    return render(request, "community/networks/invite.html", {"form": form, "network": network}, status=status)
