"""The permission matrix's people, data and entries (tests/quality/test_permission_matrix.py runs it).

Every URL pattern of the project is either reached by an entry (permission_matrix_entries.py: a
concrete address and the outcome each role gets), or by the admin walk (permission_matrix_admin.py),
or listed in EXCLUDED with the reason. An outcome is a status code, or
LOGIN (302 to the sign-in page with `next`), ADMIN_LOGIN (302 to the admin sign-in page with
`next`), ADMIN_HOME (302 to the admin home), REDIRECT (any other 302), or None (not checked for
that role: POST-only addresses are checked for a visitor and a wrong role only, so nothing
changes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import URLResolver

ROLES = (
    "anonymous",
    "unverified",
    "member",
    "network_member",
    "leader",
    "moderator",
    "suspended",
    "editor",
    "administrator",
)
LOGIN = "login"
ADMIN_LOGIN = "admin-login"
ADMIN_HOME = "admin-home"  # 302 to the admin home: signed in to the admin, not allowed there
REDIRECT = "redirect"

NET = "pm-network"
HIDDEN = "pm-hidden"
OTHER = "pm-other"
SCORECARD = "network-health-scorecard"
MATRIX = "network-maturity-matrix"


def outcome(default, **roles):
    """The same outcome for every role but those named."""
    unknown = set(roles) - set(ROLES)
    assert not unknown, f"Unknown roles {unknown}"
    return {role: roles.get(role, default) for role in ROLES}


def signed_in(default=200, **roles):
    """Members only: a visitor is sent to sign in."""
    return outcome(default, **{"anonymous": LOGIN, **roles})


def post_check(anonymous, wrong_role, wrong=("member",)):
    """A POST-only address: a visitor's and a wrong role's outcome; the rest are not posted."""
    expected = outcome(None, anonymous=anonymous)
    for role in wrong:
        expected[role] = wrong_role
    return expected


@dataclass
class Entry:
    name: str
    url: object  # a function of the world (a namespace of people and data) giving the address
    expected: dict
    method: str = "get"
    data: dict = field(default_factory=dict)


def build_world():
    """The people (one per role) and the data the entries' addresses need."""
    # Imported here: this module is read when pytest collects, before Django's apps are ready.
    from types import SimpleNamespace

    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from django.utils import timezone
    from wagtail.documents import get_document_model

    from casestudies.factories import CaseStudyPageFactory
    from community.discussions.factories import SpaceFactory, make_thread
    from community.discussions.models import Post, SpaceKind, Suspension
    from community.discussions.notifications import unsubscribe_token
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import Invitation, JoinPolicy, Membership
    from diagnostics.factories import (
        MatrixSessionFactory,
        NetworkRoundFactory,
        ResponseFactory,
        RoundResponseFactory,
        current_version,
    )
    from diagnostics.models import Instrument, NetworkRound, PlanAction
    from events.factories import EventPageFactory
    from resources.factories import ResourcePageFactory
    from source4networks.factories import StandardPageFactory

    def old(user):
        user.date_joined = timezone.now() - timedelta(days=30)
        user.save(update_fields=["date_joined"])
        return user

    people = {
        "unverified": make_member(verified=False, username="pm-unverified"),
        "member": old(make_member(username="pm-member", show_in_directory=True)),
        "network_member": old(make_member(username="pm-network-member")),
        "leader": old(make_member(username="pm-leader")),
        "moderator": old(make_member(username="pm-moderator", groups=["Moderators"])),
        "suspended": old(make_member(username="pm-suspended")),
        "editor": old(make_member(username="pm-editor", groups=["Editors"])),
        "administrator": old(make_member(username="pm-admin", user_fields={"is_superuser": True, "is_staff": True})),
    }
    assert Group.objects.filter(name="Moderators").exists() and Group.objects.filter(name="Editors").exists()
    assert EmailAddress.objects.filter(user=people["member"], verified=True).exists()
    Suspension.objects.create(user=people["suspended"], reason="Matrix test", suspended_by=people["moderator"])

    network = NetworkFactory(name="Matrix Network", slug=NET, join_policy=JoinPolicy.OPEN)
    hidden = NetworkFactory(name="Matrix Hidden Network", slug=HIDDEN, hidden=True)
    other = NetworkFactory(name="Matrix Other Network", slug=OTHER, join_policy=JoinPolicy.OPEN)
    add_member(network, people["leader"], role=Membership.Role.LEADER)
    network_membership = add_member(network, people["network_member"])
    add_member(hidden, people["leader"], role=Membership.Role.LEADER)
    add_member(other, people["member"], role=Membership.Role.LEADER)
    invitee = make_member(username="pm-invitee")
    invitation, token = Invitation.create(network, invitee.email, invited_by=people["leader"])

    open_space = SpaceFactory(name="Matrix open", slug="pm-open", kind=SpaceKind.OPEN)
    members_space = SpaceFactory(name="Matrix members", slug="pm-members", kind=SpaceKind.MEMBERS)
    private_space = SpaceFactory(name="Matrix private", slug="pm-private", kind=SpaceKind.NETWORK, network=network)
    open_thread = make_thread(open_space, people["leader"], title="Matrix open thread", replies=1)
    members_thread = make_thread(members_space, people["leader"], title="Matrix members thread")
    private_thread = make_thread(private_space, people["leader"], title="Matrix private thread", replies=1)
    hidden_thread = make_thread(open_space, people["leader"], title="Matrix hidden thread", hidden=True)

    resource = ResourcePageFactory(title="Matrix resource")
    case_study = CaseStudyPageFactory(title="Matrix case study")
    event = EventPageFactory(title="Matrix event")
    about = StandardPageFactory(title="Matrix about", slug="pm-about")
    draft = StandardPageFactory(title="Matrix draft", slug="pm-draft", live=False, first_published_at=None)
    document = get_document_model().objects.create(
        title="Matrix document", file=ContentFile(b"A plain text document.", name="pm-document.txt")
    )

    leader = people["leader"]
    scorecard_round = NetworkRoundFactory(network=network, version=current_version(SCORECARD), opened_by=leader)
    # A closed paper round whose results its leader has shared with the members.
    shared_round = NetworkRoundFactory(
        network=network, version=current_version(SCORECARD), opened_by=leader, mode="paper", shared_at=timezone.now()
    )
    RoundResponseFactory.create_batch(3, round=shared_round, paper=True)
    NetworkRound.objects.filter(pk=shared_round.pk).update(closed=True)
    matrix_session = MatrixSessionFactory(network=network, recorded_by=leader)
    # A closed round with results (every answer 3: "developing" everywhere) and an action plan.
    closed_round = NetworkRoundFactory(
        network=network,
        version=current_version(SCORECARD),
        opened_by=leader,
        closed=True,
        created_at=timezone.now() - timedelta(days=60),
    )
    RoundResponseFactory.create_batch(3, round=closed_round)
    plan_action = PlanAction.objects.create(
        round=closed_round, dimension=closed_round.version.data.dimensions[0].key, what="Matrix action"
    )
    result = ResponseFactory(user=people["member"])
    instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
    admin_data = build_admin_data(people, open_thread, about)
    return SimpleNamespace(
        **admin_data,
        people=people,
        network=network,
        network_membership=network_membership,
        invitation=invitation,
        invitation_token=token,
        open_space=open_space,
        members_space=members_space,
        private_space=private_space,
        open_thread=open_thread,
        members_thread=members_thread,
        private_thread=private_thread,
        hidden_thread=hidden_thread,
        reply=Post.objects.filter(thread=open_thread, is_opening=False).get(),
        private_reply=Post.objects.filter(thread=private_thread, is_opening=False).get(),
        unsubscribe=unsubscribe_token(people["member"], open_thread),
        resource=resource,
        case_study=case_study,
        event=event,
        about=about,
        draft=draft,
        document=document,
        round=scorecard_round,
        shared_round=shared_round,
        matrix_session=matrix_session,
        closed_round=closed_round,
        plan_action=plan_action,
        result=result,
        instrument=instrument,
    )


def build_admin_data(people, thread, page):
    """What the admin walk's addresses look up (tests/quality/permission_matrix_admin.py), and an
    avatar and a rendition on disk for the media address."""
    # Imported here: this module is read when pytest collects, before Django's apps are ready.
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Collection, Site, Task, Workflow

    from community.discussions.models import ModerationAction, PostReport
    from source4networks.factories import make_image

    image = make_image("Matrix image", size=(40, 30))
    member = people["member"]
    member.profile.avatar.save("pm-avatar.png", ContentFile(image.file.open("rb").read()), save=True)
    image.file.close()
    return {
        "home": page.get_parent().specific,
        "revision": page.save_revision(user=people["editor"]),
        "image": image,
        "rendition": image.get_rendition("fill-20x20"),
        "avatar_url": member.profile.avatar.url,
        "collection": Collection.get_first_root_node().add_child(name="Matrix collection"),
        "report": PostReport.objects.create(post=thread.posts.first(), reporter=member, reason="Matrix report"),
        "log_entry": ModerationAction.objects.create(
            moderator=people["moderator"], action=ModerationAction.Action.choices[0][0], thread=thread
        ),
        "workflow": Workflow.objects.order_by("pk").first(),
        "task": Task.objects.order_by("pk").first(),
        "group": Group.objects.get(name="Editors"),
        "site": Site.objects.get(is_default_site=True),
        "redirect": Redirect.objects.create(old_path="/pm-old-address", redirect_page=page),
    }


def join_route(prefix, route):
    # Django joins nested routes dropping the inner pattern's leading "^" (URLResolver._join_route).
    return prefix + (route[1:] if route.startswith("^") else route)


def walk(patterns, prefix=""):
    """Every URL pattern under `patterns`: (full route, name, the view's dotted path)."""
    for pattern in patterns:
        route = join_route(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, route)
        else:
            yield route, pattern.name or "", pattern.lookup_str


# Patterns the matrix does not visit, each with why: (a regular expression for the full route,
# one for the view's dotted path, the reason). The first rule matching both wins.
EXCLUDED = [
    # None today: every pattern has an entry (permission_matrix_entries.py) or an address in the
    # admin walk (permission_matrix_admin.py). A pattern that truly cannot be reached would be
    # listed here as (route rule, view rule, reason).
]


def excluded_reason(route, view):
    for route_rule, view_rule, reason in EXCLUDED:
        if re.search(route_rule, route) and re.search(view_rule, view):
            return reason
    return None
