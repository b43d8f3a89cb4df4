"""Every page template is valid HTML: zero errors from the Nu HTML Checker (the vnu-jar npm
package, run with Java 17) on each page of tests/page_catalogue.py, rendered by Django's test
client. The checker runs once for all pages (starting Java is the slow part)."""

import re
from html.parser import HTMLParser

from django.core.cache import cache
from django.test import TestCase
from wagtail.models import Page, get_page_models

from tests.page_catalogue import build_catalogue
from tests.quality.vnu import validity_problems

# Page types that are never rendered to visitors.
NOT_RENDERED = {Page}


class PageOutline(HTMLParser):
    """The parts of a page the NHS service manual is strict about: its title, its h1s, and the
    heading of an error summary."""

    def __init__(self, html):
        super().__init__()
        self.title, self.h1_count, self.error_summary_heading = "", 0, None
        self._in_title = self._in_summary_heading = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "title":
            self._in_title = True
        elif tag == "h1":
            self.h1_count += 1
        elif "nhsuk-error-summary__heading" in classes:
            self._in_summary_heading = True
            self.error_summary_heading = ""

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif self._in_summary_heading and tag in {"h2", "h3"}:
            self._in_summary_heading = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_summary_heading:
            self.error_summary_heading += data


class HtmlValidityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        catalogue = build_catalogue()
        cls.entries = catalogue.entries
        cls.users = catalogue.users

    def setUp(self):
        super().setUp()
        cache.clear()  # allauth's rate limits live in the cache
        self.clients = {None: self.client_class()}
        for role, user in self.users.items():
            self.clients[role] = self.client_class()
            self.clients[role].force_login(user)

    def fetch(self, entry):
        """(response, problem): the response, or a description of why there is none. A signed-in
        entry is fetched by a client signed in as its user; a form entry is posted."""
        client = self.clients[entry.user]
        try:
            response = client.get(entry.url) if entry.post is None else client.post(entry.url, entry.post)
        except Exception as error:  # noqa: BLE001 - report every page, not just the first broken one
            return None, f"{entry.name} ({entry.url[:80]}): {type(error).__name__}: {error}"
        if response.status_code != entry.status:
            return response, f"{entry.name} ({entry.url[:80]}): status {response.status_code}, expected {entry.status}"
        return response, None

    def test_every_page_template_is_valid_html(self):
        problems = []
        pages = {}
        for entry in self.entries:
            response, problem = self.fetch(entry)
            if problem:
                problems.append(problem)
            if response is not None and response.status_code < 500:
                pages[f"{entry.name} ({entry.url[:80]})"] = response.content
        problems += validity_problems(pages)
        assert not problems, f"{len(problems)} HTML problems:\n" + "\n".join(problems)

    def test_one_h1_and_errors_announced(self):
        """PRODUCT.md §1: one <h1> per page; a page reporting a problem with what was asked
        has a <title> starting "Error: " and an error summary titled "There is a problem"
        (and a page without one has neither)."""
        problems = []
        for entry in self.entries:
            response, problem = self.fetch(entry)
            if problem or response is None:
                problems.append(problem or f"{entry.name}: no response")
                continue
            outline = PageOutline(response.content.decode())
            title = re.sub(r"\s+", " ", outline.title).strip()
            summary = re.sub(r"\s+", " ", outline.error_summary_heading or "").strip()
            where = f"{entry.name} ({entry.url[:80]})"
            if outline.h1_count != 1:
                problems.append(f"{where}: {outline.h1_count} <h1> elements, expected 1")
            if entry.error and not title.startswith("Error: "):
                problems.append(f"{where}: title {title!r} should start with 'Error: '")
            if entry.error and summary != "There is a problem":
                problems.append(
                    f"{where}: error summary heading {summary or 'missing'!r}, expected 'There is a problem'"
                )
            if not entry.error and (title.startswith("Error: ") or outline.error_summary_heading is not None):
                problems.append(f"{where}: reports an error ({title!r}) where none was expected")
        assert not problems, "\n".join(problems)

    def test_catalogue_renders_every_page_type(self):
        """The catalogue is meant to hold every page template: each page model the site can
        create appears in it (add a page and a URL to tests/page_catalogue.py for a new one)."""
        rendered = set()
        for entry in self.entries:
            response, _problem = self.fetch(entry)
            if response is not None and response.context is not None:
                page = response.context.get("page")
                if page is not None:
                    rendered.add(type(page))
        missing = [
            f"{model._meta.app_label}.{model.__name__}"
            for model in get_page_models()
            if model not in NOT_RENDERED and model.is_creatable and model not in rendered
        ]
        assert not missing, f"Page types with no page in tests/page_catalogue.py: {missing}"
