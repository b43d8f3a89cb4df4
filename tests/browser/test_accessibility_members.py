"""Zero axe-core WCAG 2.2 A/AA violations on the members-and-networks pages of the page
catalogue (tests/member_catalogue.py: accounts, directories, networks, invitations, my account,
diagnostics), signed in and signed out; see tests/browser/test_accessibility.py."""

import pytest

from tests.browser.conftest import BROWSER_DB
from tests.browser.test_accessibility import check_entries

pytestmark = [pytest.mark.browser, BROWSER_DB]


def test_members_and_networks_pages_have_no_axe_violations(page, signed_in_page, catalogue, site_url):
    problems = check_entries(catalogue.member_entries, page, signed_in_page, catalogue, site_url)
    assert not problems, "Accessibility problems:\n" + "\n".join(problems)
