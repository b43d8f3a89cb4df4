"""The public site's Content Security Policy on every page template (tests/page_catalogue.py and
tests/member_catalogue.py), in a browser that enforces it (the other browser tests bypass it to
inject axe-core): each page answers with the strict policy, and nothing on it breaks the policy.

A violation is seen twice over: the `securitypolicyviolation` events a script added before the
page's own collects, and the console errors Chromium writes when it blocks something."""

import pytest

from tests.browser.conftest import BROWSER_DB, VIEWPORT, force_sign_in, sign_in
from tests.browser.test_accessibility import visit
from tests.member_catalogue import UNVERIFIED

pytestmark = [pytest.mark.browser, BROWSER_DB]

# Runs in every document before its own scripts.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`
    );
});
"""
FORBIDDEN_SCRIPT_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:", "http:")


def parse_policy(header):
    """{directive: [sources]} of a Content-Security-Policy header."""
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0].lower()] = words[1:]
    return policy


def policy_problems(header):
    """What makes a policy weaker than the site's strict one."""
    if not header:
        return ["no Content-Security-Policy header"]
    policy = parse_policy(header)
    problems = []
    script_src = policy.get("script-src", policy.get("default-src"))
    if script_src is None:
        problems.append("no script-src (nor default-src)")
    else:
        problems += [f"script-src allows {source}" for source in script_src if source in FORBIDDEN_SCRIPT_SOURCES]
    if policy.get("object-src") != ["'none'"]:
        problems.append(f"object-src is {policy.get('object-src')}, not 'none'")
    if policy.get("frame-ancestors") != ["'none'"]:
        problems.append(f"frame-ancestors is {policy.get('frame-ancestors')}, not 'none'")
    if "base-uri" not in policy:
        problems.append("no base-uri")
    return problems


class PolicyWatch:
    """One browser context enforcing the policy; console errors about it are collected."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.add_init_script(COLLECT_VIOLATIONS)
        self.page = self.context.new_page()
        self.console = []
        self.page.on(
            "console",
            lambda message: (
                self.console.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )

    def check(self, entry, url):
        where = f"{entry.name} ({entry.url[:80]})"
        self.console.clear()
        response = visit(self.page, entry, url)
        if response is None:
            return [f"{where}: no response"]
        self.page.wait_for_load_state("load")
        problems = [
            f"{where}: {problem}" for problem in policy_problems(response.headers.get("content-security-policy"))
        ]
        violations = self.page.evaluate("window.__cspViolations || []")
        problems += [f"{where}: {violation}" for violation in violations + self.console]
        return problems


def check_entries(entries, browser, catalogue, live_server):
    watches = {None: PolicyWatch(browser)}
    for role in sorted({entry.user for entry in entries if entry.user}):
        watch = PolicyWatch(browser)
        if role == UNVERIFIED:
            # A member who has not verified their email cannot sign in through the form.
            force_sign_in(watch.context, live_server.url, catalogue.users[role])
        else:
            sign_in(watch.page, live_server.url, catalogue.users[role])
        watches[role] = watch
    try:
        problems = []
        for entry in entries:
            problems += watches[entry.user].check(entry, f"{live_server.url}{entry.url}")
    finally:
        for watch in watches.values():
            watch.context.close()
    print(f"CSP: {len(entries)} pages visited, {len(problems)} problems")
    return problems


def test_library_and_site_pages_keep_the_strict_policy(browser, catalogue, live_server):
    entries = [entry for entry in catalogue.entries if entry not in catalogue.member_entries]
    problems = check_entries(entries, browser, catalogue, live_server)
    assert not problems, "Content Security Policy problems:\n" + "\n".join(problems)


def test_members_and_networks_pages_keep_the_strict_policy(browser, catalogue, live_server):
    problems = check_entries(catalogue.member_entries, browser, catalogue, live_server)
    assert not problems, "Content Security Policy problems:\n" + "\n".join(problems)


def test_a_violation_is_caught(browser, base_site, live_server):
    """The watch itself: an inline script the policy does not allow is reported."""
    watch = PolicyWatch(browser)
    try:
        watch.page.goto(f"{live_server.url}/")
        watch.page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
            " document.body.append(s); }"
        )
        watch.page.wait_for_timeout(100)
        violations = watch.page.evaluate("window.__cspViolations")
        assert violations and "script-src" in violations[0], violations
        assert watch.page.evaluate("window.ran") is None
    finally:
        watch.context.close()
