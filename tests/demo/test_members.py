from io import StringIO

from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import override_settings

from community.members.models import Profile
from community.networks.models import JoinPolicy, Membership, Network
from demo.loader import demo_password
from tests.community.base import CommunityTestCase


class DemoMembersTests(CommunityTestCase):
    def test_refuses_without_debug_unless_forced(self):
        with self.assertRaisesMessage(CommandError, "DEBUG"):
            call_command("load_demo_members", stdout=StringIO())
        self.assertFalse(Network.objects.exists())

    @override_settings(DEBUG=True)
    def test_loads_varied_content_and_is_idempotent(self):
        call_command("load_demo_members", stdout=StringIO())
        call_command("load_demo_members", stdout=StringIO())
        self.assertGreaterEqual(Network.objects.count(), 12)
        self.assertGreaterEqual(User.objects.filter(email__endswith="@example.org").count(), 25)
        self.assertEqual(len({n.network_type for n in Network.objects.all()}), 5)
        self.assertEqual(set(Network.objects.values_list("join_policy", flat=True)), set(JoinPolicy.values))
        self.assertGreater(Network.objects.filter(regions__isnull=False).values("regions").distinct().count(), 6)
        self.assertTrue(Profile.objects.filter(show_in_directory=True).exists())
        self.assertTrue(Profile.objects.filter(show_in_directory=False).exists())
        for network in Network.objects.all():
            self.assertTrue(network.memberships.filter(role=Membership.Role.LEADER).exists(), network)
        user = User.objects.get(username="amara-osei")
        self.assertTrue(user.check_password(demo_password()))
        self.assertTrue(user.emailaddress_set.get().verified)

    def test_force_runs_without_debug(self):
        call_command("load_demo_members", "--force", stdout=StringIO())
        self.assertTrue(Network.objects.exists())
