"""The XSS corpus in Chromium: every payload calls `window.__xss()` if it runs. The member and
editor fields (tests/security/xss_fields.py) are filled with the corpus in a few passes, the
pages showing them are opened, every element in the page's main content gets mouseover, focus,
click and toggle events (links are kept from navigating), and the hook must never have been
called. The site's Content Security Policy is bypassed here, so that what is checked is the
escaping itself, not the policy that would also block an inline script."""

from collections import Counter

import pytest

# In tests/browser so that its conftest's database fixtures apply: the snapshot of the migrated
# database must be taken before Playwright starts (tests/page_catalogue.py, migrated_snapshot).
from tests.browser.conftest import BROWSER_DB, force_sign_in
from tests.security.xss_fields import EDITOR_TARGETS, MEMBER_TARGETS, Chunk, make_people_and_things
from tests.security.xss_payloads import HOOK, PAYLOADS

pytestmark = [pytest.mark.browser, BROWSER_DB]

# Payloads stored at once in each field: two passes of the corpus.
CHUNK = 70
# The pages opened on each pass: one for each kind of thing, by its main viewer.
PAGES = {"profile": 0, "network": 0, "discussion": 0, "diagnostics": 3, "resource": 0, "case study": 0, "event": 0}

HOOK_SCRIPT = """
window.__xssCalls = [];
window.__xss = () => { window.__xssCalls.push(location.pathname); };
"""
PROVOKE = """() => {
    document.addEventListener("click", (event) => event.preventDefault(), true);
    document.addEventListener("submit", (event) => event.preventDefault(), true);
    for (const element of document.querySelectorAll("main *")) {
        for (const type of ["mouseover", "focus", "click", "toggle", "animationstart", "load", "error"]) {
            element.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
        }
    }
}"""


def test_no_payload_runs_in_the_browser(browser, base_site, live_server):
    things = make_people_and_things()
    stored = [payload for payload in PAYLOADS if "\x00" not in payload]
    targets = [target for target in MEMBER_TARGETS + EDITOR_TARGETS if target.name in PAGES]
    contexts, pages = [], {}
    try:
        for viewer in (None, "member", "leader"):
            context = browser.new_context(bypass_csp=True)
            context.add_init_script(HOOK_SCRIPT)
            if viewer:
                force_sign_in(context, live_server.url, things.people[viewer])
            contexts.append(context)
            pages[viewer] = context.new_page()
        # The hook works: a payload put in a page unescaped calls it.
        pages[None].goto(f"{live_server.url}/")
        pages[None].set_content("<main><img src=x onerror=__xss()><p onmouseover=__xss()>p</p></main>")
        pages[None].evaluate(PROVOKE)
        pages[None].wait_for_timeout(150)
        assert len(pages[None].evaluate("window.__xssCalls")) >= 2
        calls, opened = [], 0
        for start in range(0, len(stored), CHUNK):
            chunk = Chunk(stored[start : start + CHUNK], Counter())
            for target in targets:
                target.write(things, chunk)
            for target in targets:
                viewer, url, _codes = target.pages(things)[PAGES[target.name]]
                page = pages[viewer]
                response = page.goto(f"{live_server.url}{url}")
                assert response.status == 200, f"{url}: {response.status}"
                page.evaluate(PROVOKE)
                page.wait_for_timeout(150)
                opened += 1
                calls += [f"{url} (payloads {start}-{start + CHUNK})" for _ in page.evaluate("window.__xssCalls")]
        print(
            f"\nXSS in the browser: {len(stored)} payloads ({sum(HOOK in p for p in stored)} calling the hook), "
            f"{len(targets)} kinds of page, {opened} pages opened, executed: {len(calls)}"
        )
        assert calls == [], "payloads ran:\n" + "\n".join(calls)
    finally:
        for context in contexts:
            context.close()
