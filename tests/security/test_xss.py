"""The XSS corpus (tests/security/xss_payloads.py) through every field that stores member or
editor text (tests/security/xss_fields.py): each payload is stored in every field, then each
page showing those fields is read and must hold nothing that could run script beyond what the
same page holds when the fields are plain words (tests/security/html_check.py). Each test
prints what it tried: payloads, fields, pages read, payloads a field refused, and executable
findings (always 0)."""

from collections import Counter

from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.test import Client, SimpleTestCase, TestCase
from django.urls import reverse

from community.discussions.models import ModerationAction, PostReport
from community.networks.emails import send_contact_message
from tests.security.html_check import findings
from tests.security.xss_fields import (
    EDITOR_TARGETS,
    MEMBER_TARGETS,
    MODERATOR,
    Chunk,
    make_people_and_things,
    marked,
    marker,
)
from tests.security.xss_payloads import (
    ATTRIBUTE_BREAKING,
    CSS,
    DANGEROUS_URLS,
    EVENT_HANDLERS,
    PAYLOADS,
    SCRIPT_TAGS,
    SVG_AND_MATHML,
)

PLAIN = "plain words"
# Payloads stored at once in each field (see xss_fields.Chunk): 14 passes of the corpus.
CHUNK = 10


def stored_anywhere(payload):
    """Django's form fields refuse text with NUL characters (PostgreSQL cannot store them)."""
    try:
        ProhibitNullCharactersValidator()(payload)
    except ValidationError:
        return False
    return True


class XssTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.things = make_people_and_things()

    def setUp(self):
        self.clients = {None: Client()}
        for key, user in self.things.people.items():
            self.clients[key] = Client()
            self.clients[key].force_login(user)

    def read(self, viewer, url):
        response = self.clients[viewer].get(url)
        self.assertEqual(response.status_code, 200, f"{url} as {viewer}")
        html = response.content.decode()
        self.assertNotIn(settings.SECRET_KEY, html)
        return html

    def run_corpus(self, targets, label):
        fields = [code for target in targets for code in target.fields]
        self.assertEqual(len({marker(code) for code in fields}), len(fields), "two fields share a marker")
        stored = [payload for payload in PAYLOADS if stored_anywhere(payload)]
        baseline = {}
        for target in targets:
            target.write(self.things, Chunk([PLAIN], Counter()))
            for viewer, url, _codes in target.pages(self.things):
                baseline[viewer, url] = findings(self.read(viewer, url))
        problems, shown, delivered, reads = [], set(), Counter(), 0
        for start in range(0, len(stored), CHUNK):
            chunk = Chunk(stored[start : start + CHUNK], delivered)
            cache.clear()
            for target in targets:
                target.write(self.things, chunk)
            for target in targets:
                for viewer, url, codes in target.pages(self.things):
                    html = self.read(viewer, url)
                    reads += 1
                    extra = findings(html) - baseline[viewer, url]
                    if extra:
                        problems.append(f"{url} ({target.name}) with payloads {start}-{start + CHUNK}: {dict(extra)}")
                    shown.update(code for code in codes if marker(code) in html)
        expected_shown = {code for target in targets for _v, _u, codes in target.pages(self.things) for code in codes}
        url_fields = {code: delivered[code] for code in fields if delivered[f"{code} (refused)"]}
        whole = {code: delivered[code] for code in fields if code not in url_fields}
        every = [code for code in whole if whole[code] == len(stored)]
        shortest = min(whole, key=whole.get)
        print(
            f"\nXSS {label}: {len(PAYLOADS)} payloads tried ({len(PAYLOADS) - len(stored)} refused by every text "
            f"field: NUL) through {len(fields)} fields, {reads} pages read; {len(every)} fields took every payload "
            f"whole, the shortest ({shortest}) took {whole[shortest]} whole; URL fields accepted {url_fields} and "
            f"refused the rest; executable: {len(problems)}"
        )
        self.assertEqual(sorted(expected_shown - shown), [], "fields never seen on the pages that should show them")
        self.assertGreaterEqual(len(PAYLOADS), 100)
        self.assertEqual(problems, [])


class CheckTests(SimpleTestCase):
    def test_the_check_sees_payloads_that_would_run(self):
        """Unescaped, the corpus's HTML payloads are all seen; in an attribute, those that break
        out of it are. (The rest need a Markdown or URL context, checked by the tests below.)"""
        raw = [*SVG_AND_MATHML, *CSS, *DANGEROUS_URLS[:-2], *SCRIPT_TAGS[:2], *EVENT_HANDLERS[:4], *EVENT_HANDLERS[7:]]
        self.assertEqual([payload for payload in raw if not findings(f"<p>{payload}</p>")], [])
        in_attribute = ATTRIBUTE_BREAKING[:5]
        self.assertEqual([p for p in in_attribute if not findings(f"<input value=\"{p}\" title='{p}'>")], [])
        self.assertEqual(findings("<p>Plain <a href='https://example.org/'>text</a></p>"), {})


class MemberTextTests(XssTestCase):
    def test_member_text_is_never_executable(self):
        self.run_corpus(MEMBER_TARGETS, "member fields")


class EditorTextTests(XssTestCase):
    def test_editor_text_is_never_executable(self):
        self.run_corpus(EDITOR_TARGETS, "editor fields")


class ModeratorTextTests(XssTestCase):
    """Report reasons and the moderation log, read by moderators in the Wagtail admin; contact
    messages, which only go to leaders by plain-text email."""

    def test_reports_and_moderation_log(self):
        post = self.things.thread.posts.get(is_opening=True)
        moderator = self.things.people[MODERATOR]
        payloads = [payload for payload in PAYLOADS if stored_anywhere(payload)]
        reports_url = reverse(PostReport.snippet_viewset.get_url_name("list"))
        log_url = reverse(ModerationAction.snippet_viewset.get_url_name("list"))
        problems, reads, baseline = [], 0, {}
        # A page of plain rows first, for the baseline: each chunk fills a page of 20 rows.
        for start in range(-20, len(payloads), 20):
            chunk = (payloads[start : start + 20] if start >= 0 else []) + [PLAIN] * 20
            chunk = chunk[:20]
            PostReport.objects.all().delete()
            ModerationAction.objects.all().delete()
            PostReport.objects.bulk_create(
                PostReport(post=post, reporter=moderator, reason=marked("report", payload)) for payload in chunk
            )
            ModerationAction.objects.bulk_create(
                ModerationAction(
                    moderator=moderator,
                    action=ModerationAction.Action.choices[0][0],
                    thread=self.things.thread,
                    reason=marked("reason", payload),
                    details=marked("details", payload, 300),
                )
                for payload in chunk
            )
            for url in (reports_url, log_url):
                html = self.read(MODERATOR, url)
                if start < 0:
                    baseline[url] = findings(html)
                    continue
                reads += 1
                extra = findings(html) - baseline[url]
                if extra:
                    problems.append(f"{url} with payloads {start}-{start + len(chunk)}: {dict(extra)}")
                self.assertIn(marker("report" if url == reports_url else "reason"), html)
        print(f"XSS admin: {len(payloads)} payloads x 3 fields, {reads} pages read, executable: {len(problems)}")
        self.assertEqual(problems, [])

    def test_contact_messages_go_as_plain_text_only(self):
        sender = self.things.people[MODERATOR]
        payloads = [payload for payload in PAYLOADS if stored_anywhere(payload)]
        for payload in payloads:
            mail.outbox.clear()
            send_contact_message(self.things.network, sender, marked("subject", payload, 150), payload)
            self.assertEqual(len(mail.outbox), 1)
            message = mail.outbox[0]
            self.assertEqual(message.alternatives, [], "a contact message must never be sent as HTML")
            self.assertIn(payload.strip(), message.body)
        print(f"XSS contact messages: {len(payloads)} payloads, sent as plain text only")
