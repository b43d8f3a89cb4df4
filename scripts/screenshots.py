"""Screenshots of the site on a phone (375 CSS pixels wide), for docs/screenshots/.

    .venv/bin/python scripts/screenshots.py            # serve the demo content and take them
    .venv/bin/python scripts/screenshots.py --base-url http://127.0.0.1:8000

Takes the first two screens (375 × 1334) of each listing (resources, case studies, events,
networks, members directory, search), of a network page and of a thread page, with Playwright
and Debian's Chromium (CHROME_PATH to use another). The members directory is seen by a demo
member, signed in through the sign-in form. Without --base-url it serves the site on the demo
content (scripts/demo_site.py; DATABASE_URL names the database).
"""

import argparse
import os

import yaml

# scripts/ is on the path when this runs as a script.
from demo_site import DEMO_MEMBER, ROOT, demo_site, find_thread, first_link
from playwright.sync_api import sync_playwright

OUT = ROOT / "docs" / "screenshots"
PHONE = {"width": 375, "height": 667}
SCREENS = 2


def demo_password():
    with open(ROOT / "demo" / "content" / "site.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)["password"]


def shots(base_url):
    """[(file name, path, signed in)] of the pages to capture."""
    return [
        ("resources", "/resources/", False),
        ("case-studies", "/case-studies/", False),
        ("events", "/events/", False),
        ("networks", "/networks/", False),
        ("members", "/community/members/", True),
        ("search", "/search/?q=network", False),
        ("network", first_link(base_url, "/networks/", "/networks/"), False),
        ("thread", find_thread(base_url), False),
    ]


def take(base_url):
    OUT.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        visitor = browser.new_context(viewport=PHONE).new_page()
        member = browser.new_context(viewport=PHONE).new_page()
        member.goto(f"{base_url}/accounts/login/")
        member.locator("#id_login").fill(DEMO_MEMBER)
        member.locator("#id_password").fill(demo_password())
        member.get_by_role("button", name="Sign in").click()
        member.wait_for_load_state()
        for name, path, signed_in in shots(base_url):
            page = member if signed_in else visitor
            page.goto(f"{base_url}{path}")
            page.wait_for_load_state("networkidle")
            height = min(PHONE["height"] * SCREENS, page.evaluate("document.documentElement.scrollHeight"))
            target = OUT / f"{name}.png"
            page.screenshot(
                path=target, full_page=True, clip={"x": 0, "y": 0, "width": PHONE["width"], "height": height}
            )
            print(f"{target.relative_to(ROOT)}  {path}")
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="a site already running (default: serve the demo content)")
    parser.add_argument("--port", type=int, default=8766, help="port for the demo site")
    args = parser.parse_args()
    if args.base_url:
        take(args.base_url.rstrip("/"))
    else:
        with demo_site(args.port) as base_url:
            take(base_url)


if __name__ == "__main__":
    main()
