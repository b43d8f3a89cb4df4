"""One permission matrix over every URL pattern of the project.

Walks get_resolver() (every included URLconf: community, diagnostics, allauth, the Wagtail
admin, documents, Wagtail's page serving) and fails when a pattern is neither reached by an
entry of tests/quality/permission_matrix_entries.py nor listed, with its reason, in
permission_matrix.EXCLUDED. Then each entry is visited as each of nine roles (one test per
role) and must answer as the product promises; refused POSTs change nothing.
"""

from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import resolve_url
from django.test import TestCase
from django.urls import Resolver404, get_resolver, resolve

from tests.quality.fuzz import row_counts
from tests.quality.permission_matrix import (
    ADMIN_HOME,
    ADMIN_LOGIN,
    LOGIN,
    REDIRECT,
    ROLES,
    build_world,
    excluded_reason,
    walk,
)
from tests.quality.permission_matrix_admin import walk_addresses
from tests.quality.permission_matrix_entries import ENTRIES


def all_patterns():
    return sorted(set(walk(get_resolver().url_patterns)))


def route_for(url):
    try:
        # Top-level regular expressions keep their "^" when resolved; the walk drops it.
        return resolve(url.split("?")[0]).route.removeprefix("^")
    except Resolver404:
        return None


def coverage(world):
    """(patterns, covered routes, {reason: count} of the excluded, routes neither covered nor excluded)."""
    patterns = all_patterns()
    addresses, _unfilled = walk_addresses(patterns, world)
    covered = {route_for(entry.url(world)) for entry in ENTRIES} | {route for route, _url in addresses}
    excluded, missing = Counter(), []
    for route, name, view in patterns:
        if route in covered:
            continue
        reason = excluded_reason(route, view)
        if reason:
            excluded[reason] += 1
        else:
            missing.append(f"{route} ({name or view})")
    return patterns, covered, excluded, missing


def describe(response):
    if response.status_code in (301, 302):
        return f"{response.status_code} to {response['Location']}"
    return str(response.status_code)


def matches(response, expected):
    status, location = response.status_code, response.get("Location", "")
    if expected == LOGIN:
        return status == 302 and location.startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    if expected == ADMIN_LOGIN:
        return status == 302 and location.startswith("/admin/login/?next=")
    if expected == ADMIN_HOME:
        return status == 302 and location == "/admin/"
    if expected == REDIRECT:
        return status == 302
    return status == expected


class PermissionMatrixTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def setUp(self):
        cache.clear()

    def test_every_url_pattern_is_covered_or_excluded(self):
        unresolved = [entry.name for entry in ENTRIES if route_for(entry.url(self.world)) is None]
        addresses, _unfilled = walk_addresses(all_patterns(), self.world)
        unresolved += [url for route, url in addresses if route_for(url) != route]
        self.assertEqual(unresolved, [], "Entries whose address matches no pattern")
        patterns, covered, excluded, missing = coverage(self.world)
        print(
            f"\nPermission matrix: {len(patterns)} URL patterns found, {len(covered)} covered by "
            f"{len(ENTRIES)} entries and {len(addresses)} admin addresses x {len(ROLES)} roles, "
            f"{sum(excluded.values())} excluded:"
        )
        for reason, count in excluded.most_common():
            print(f"  {count:4d} {reason}")
        self.assertEqual(missing, [], "URL patterns with no entry in the permission matrix and no exclusion")

    def check_role(self, role):
        if role != "anonymous":
            self.client.force_login(self.world.people[role])
        before = row_counts()
        failures = []
        for entry in ENTRIES:
            expected = entry.expected[role]
            if expected is None:
                continue
            url = entry.url(self.world)
            response = getattr(self.client, entry.method)(url, entry.data)
            if not matches(response, expected):
                failures.append(
                    f"{entry.method.upper()} {url} ({entry.name}): {describe(response)}, expected {expected}"
                )
            elif response.status_code == 403 and not url.startswith("/admin/"):
                # The site's own styled page, not a bare "403 Forbidden".
                self.assertIn(b"nhsuk-header", response.content, f"{role} on {url}: unstyled 403")
        self.assertEqual(failures, [], f"\n{role}:\n" + "\n".join(failures))
        self.assertEqual(row_counts(), before, f"{role}: a refused or read-only request changed the database")


def _role_test(role):
    def test(self):
        self.check_role(role)

    test.__name__ = f"test_{role}"
    test.__doc__ = f"Every entry answers {role.replace('_', ' ')} as promised."
    return test


for _role in ROLES:
    setattr(PermissionMatrixTests, f"test_{_role}", _role_test(_role))
