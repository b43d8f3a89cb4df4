"""The permission matrix's visitors and networks, shared by the accounts, members and networks
permission tests: each kind of visitor gets the status and content they should."""

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import JoinPolicy, Membership
from tests.community.base import CommunityTestCase

ROLES = ["anonymous", "unverified", "verified", "other_member", "member", "leader", "moderator", "editor"]


class PermissionMatrixTestCase(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = NetworkFactory(name="Coastal Stroke Network", slug="coastal-stroke", join_policy=JoinPolicy.OPEN)
        cls.other_network = NetworkFactory(name="Valley Frailty Forum", slug="valley-frailty")
        cls.hidden = NetworkFactory(name="Quiet Hidden Group", slug="quiet-hidden", hidden=True)
        cls.users = {
            "unverified": make_member(verified=False, username="unverified"),
            "verified": make_member(username="verified"),
            "other_member": make_member(username="othermember"),
            "member": make_member(username="member"),
            "leader": make_member(username="leader"),
            "moderator": make_member(username="moderator", groups=["Moderators"]),
            "editor": make_member(username="editor", groups=["Editors"]),
        }
        add_member(cls.other_network, cls.users["other_member"], role=Membership.Role.LEADER)
        add_member(cls.network, cls.users["member"])
        add_member(cls.network, cls.users["leader"], role=Membership.Role.LEADER)
        add_member(cls.hidden, cls.users["member"])
        add_member(cls.hidden, cls.users["leader"], role=Membership.Role.LEADER)
        cls.requester = make_member(username="requester")

    def as_role(self, role):
        self.client.logout()
        if role != "anonymous":
            self.client.force_login(self.users[role])

    def check(self, method, url, expected, data=None):
        for role in ROLES:
            with self.subTest(role=role, url=url):
                self.as_role(role)
                response = getattr(self.client, method)(url, data or {})
                self.assertEqual(response.status_code, expected[role], f"{role} on {method.upper()} {url}")
                if response.status_code == 302 and role == "anonymous":
                    self.assertIn("/accounts/login/", response["Location"])
