"""The permission matrix's admin walk: every pattern of Wagtail's own admin views, at a concrete
address (tests/quality/permission_matrix_admin.py), visited as each of the nine roles.

Members and visitors are sent to the admin sign-in page from every one of them, by GET (and a
visitor, a member and a suspended member by POST too), and nothing changes. The site team never
meets a server error on a GET, and is turned away from the sections the product keeps to
administrators (and, for editors, to moderators; for moderators, to editors: the instruments).
"""

from django.core.cache import cache
from django.test import TestCase
from django.urls import get_resolver

from tests.quality.fuzz import row_counts
from tests.quality.permission_matrix import ROLES, build_world, walk
from tests.quality.permission_matrix_admin import (
    ADMINISTRATORS_ONLY,
    EDITORS_ONLY,
    ERROR_TEST,
    MODERATORS_ONLY,
    OPEN,
    SHARED,
    expected_for,
    walk_addresses,
)
from tests.quality.test_permission_matrix import describe, matches

# Members and a visitor also POST to every admin address: refused before any form is read.
POSTING_ROLES = ("anonymous", "member", "suspended")
TEAM = ("moderator", "editor", "administrator")
# The site team turned away: sent back to the admin home with "Sorry, you do not have
# permission", or a refusing status (a POST-only view answers a GET with 405 before it checks).
TURNED_AWAY = "turned away"


def team_expected(route, role):
    """What the product promises a member of the site team at `route` (None: anything below 500)."""
    if role == "administrator" or route.startswith(SHARED):
        return None
    if route.startswith(ADMINISTRATORS_ONLY) or (role == "editor" and route.startswith(MODERATORS_ONLY)):
        return TURNED_AWAY
    if role == "moderator" and route.startswith(EDITORS_ONLY):
        return TURNED_AWAY
    return None


def answers(response, expected):
    if expected == TURNED_AWAY:
        home = response.status_code == 302 and response["Location"] == "/admin/"
        return home or response.status_code in (403, 404, 405)
    return matches(response, expected)


class AdminWalkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.addresses, unfilled = walk_addresses(sorted(set(walk(get_resolver().url_patterns))), cls.world)
        # Reported, pattern by pattern, by tests/quality/test_permission_matrix.py.
        assert cls.addresses and not unfilled, unfilled

    def setUp(self):
        cache.clear()

    def visit(self, method, url):
        try:
            return getattr(self.client, method)(url), None
        except Exception as error:  # noqa: BLE001 - a server error is what this looks for
            return None, f"{type(error).__name__}: {error}"

    def test_a_member_is_told_why(self):
        """Wagtail sends a member to its sign-in page with "You do not have permission"."""
        self.client.force_login(self.world.people["member"])
        response = self.client.get("/admin/pages/", follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/login/?next=/admin/pages/", 302)])
        self.assertContains(response, "You do not have permission to access the admin.")

    def check_role(self, role):
        if role != "anonymous":
            self.client.force_login(self.world.people[role])
        before = row_counts()
        methods = ("get", "post") if role in POSTING_ROLES else ("get",)
        failures = []
        for route, url in self.addresses:
            expected = expected_for(route, role)
            if role in TEAM and expected is None:
                expected = team_expected(route, role)
            for method in methods:
                if method == "post" and route in OPEN:
                    continue  # an address open to all: only its GET is checked
                response, error = self.visit(method, url)
                if route == ERROR_TEST and role in TEAM:
                    # The admin's deliberate error page raises for the team, by design.
                    if error is None:
                        failures.append(f"GET {url}: {describe(response)}, expected the deliberate error")
                    continue
                if error:
                    failures.append(f"{method.upper()} {url} ({route}): {error}")
                elif expected is None:
                    if response.status_code >= 500:
                        failures.append(f"{method.upper()} {url} ({route}): {describe(response)}")
                elif not answers(response, expected):
                    failures.append(f"{method.upper()} {url} ({route}): {describe(response)}, expected {expected}")
        self.assertEqual(failures, [], f"\n{role}:\n" + "\n".join(failures))
        # The site team only reads (GET); everyone else is refused, by GET and by POST.
        self.assertEqual(row_counts(), before, f"{role}: a read or a refused request changed the project's rows")


def _role_test(role):
    def test(self):
        self.check_role(role)

    test.__name__ = f"test_{role}"
    test.__doc__ = f"Every admin address answers {role.replace('_', ' ')} as promised."
    return test


for _role in ROLES:
    setattr(AdminWalkTests, f"test_{_role}", _role_test(_role))
