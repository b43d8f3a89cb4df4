"""Shared people and spaces for the discussions tests."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import SpaceKind, Suspension
from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from tests.community.base import CommunityTestCase


def old_member(**kwargs):
    """A verified member whose account is older than a day (no new-account limits)."""
    user = make_member(**kwargs)
    user.date_joined = timezone.now() - timedelta(days=30)
    user.save(update_fields=["date_joined"])
    return user


class DiscussionTestCase(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = NetworkFactory(name="Stroke network", slug="stroke")
        cls.other_network = NetworkFactory(name="Other network", slug="other")
        cls.open_space = SpaceFactory(name="General", slug="general", kind=SpaceKind.OPEN)
        cls.members_space = SpaceFactory(name="Members lounge", slug="lounge", kind=SpaceKind.MEMBERS)
        cls.private_space = SpaceFactory(
            name="Stroke private", slug="stroke-private", kind=SpaceKind.NETWORK, network=cls.network
        )
        cls.author = old_member(username="author", display_name="Ada Author")
        cls.member = old_member(username="member", display_name="Mo Member")
        cls.network_member = old_member(username="insider", display_name="Ivy Insider")
        cls.unverified = make_member(verified=False, username="unverified", display_name="Una Verified")
        cls.moderator = old_member(username="moderator", display_name="Max Moderator", groups=["Moderators"])
        cls.suspended = old_member(username="suspended", display_name="Sam Suspended")
        Suspension.objects.create(user=cls.suspended, reason="Repeated personal attacks", suspended_by=cls.moderator)
        add_member(cls.network, cls.author, role=Membership.Role.LEADER)
        add_member(cls.network, cls.network_member)
        cls.open_thread = make_thread(cls.open_space, cls.author, title="Open thread about pathways", replies=1)
        cls.members_thread = make_thread(cls.members_space, cls.author, title="Members thread about rotas", replies=1)
        cls.private_thread = make_thread(
            cls.private_space, cls.author, title="Secret zebra plans", body="Private zebra body", replies=1
        )
        assert Group.objects.filter(name="Moderators").exists()
