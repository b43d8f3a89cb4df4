"""Run by faultstack.FaultStack.prepare in the stack's environment: adds the members the load
signs in and prints, as one JSON line, the plan the load follows (who, and which pages,
threads, networks and diagnostics it uses)."""

import json
import sys
from datetime import timedelta

import django

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402 (after django.setup())
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from community.discussions.factories import SpaceFactory, make_thread  # noqa: E402
from community.discussions.models import SpaceKind, Thread  # noqa: E402
from community.members.models import Profile  # noqa: E402
from community.networks.factories import NetworkFactory, add_member  # noqa: E402
from community.networks.models import JoinPolicy, Membership, Network  # noqa: E402
from diagnostics.models import Instrument  # noqa: E402

BROWSE = ["/", "/resources/", "/case-studies/", "/events/", "/diagnostics/", "/networks/", "/community/"]


def minimal_content(leader):
    """For a stack without the demo content: one open space with a thread, an open network
    and one that takes requests (with a leader to ask)."""
    if not Thread.objects.exists():
        space = SpaceFactory(name="Load space", slug="load-space", kind=SpaceKind.OPEN)
        make_thread(space, leader, title="A thread the load replies to")
    if not Network.objects.exists():
        NetworkFactory(name="Open load network", slug="open-load", join_policy=JoinPolicy.OPEN)
        asking = NetworkFactory(name="Asking load network", slug="asking-load", join_policy=JoinPolicy.REQUEST)
        add_member(asking, leader, role=Membership.Role.LEADER)


def main(count, password, light=False):
    User = get_user_model()
    hashed = make_password(password)  # hashed once: the hasher is slow on purpose
    joined = timezone.now() - timedelta(days=30)
    emails = []
    for number in range(count):
        address = f"load{number:03d}@resilience.example.org"
        user, _created = User.objects.update_or_create(
            username=f"load{number:03d}", defaults={"email": address, "password": hashed, "date_joined": joined}
        )
        EmailAddress.objects.update_or_create(user=user, email=address, defaults={"verified": True, "primary": True})
        Profile.objects.filter(user=user).update(display_name=f"Load Member {number}")
        emails.append(address)
    if light:
        minimal_content(User.objects.get(username="load000"))
    threads = Thread.objects.filter(
        space__kind__in=[SpaceKind.OPEN, SpaceKind.MEMBERS], space__active=True, locked=False, hidden=False
    ).select_related("space")
    open_threads = [thread.get_absolute_url() for thread in threads if thread.space.kind == SpaceKind.OPEN]
    networks = Network.objects.all()
    client = Client(HTTP_HOST="127.0.0.1")
    plan = {
        "members": emails,
        "threads": [thread.get_absolute_url() for thread in threads[:20]],
        "open_threads": open_threads[:5],
        "open_networks": [n.slug for n in networks if n.join_policy == JoinPolicy.OPEN],
        "request_networks": [n.slug for n in networks if n.join_policy == JoinPolicy.REQUEST],
        "diagnostics": [i.slug for i in Instrument.objects.filter(is_published=True) if i.is_survey],
        # The sections this stack has (a light one has no demo pages).
        "browse": [url for url in BROWSE if client.get(url).status_code == 200],
    }
    print(json.dumps(plan))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], light="--light" in sys.argv)
