"""Markdown rendering, without the database."""

import re
from html.parser import HTMLParser

from community.discussions.markdown import count_links, quote_markdown, render_markdown

from .xss_corpus import PAYLOADS

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "img", "form", "input", "base",
                  "link", "meta", "video", "audio", "source", "details", "marquee", "body", "textarea"}  # fmt: skip
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
SAFE_SCHEMES = {"http", "https", "mailto"}


def dangerous_url(value):
    """A URL whose scheme could run code (relative addresses are harmless)."""
    cleaned = re.sub(r"[\x00-\x20\u200b\u202e]", "", value or "")
    match = SCHEME.match(cleaned)
    return bool(match) and match.group(1).lower() not in SAFE_SCHEMES


class Inspector(HTMLParser):
    """Collects what would be dangerous in a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "xlink:href") and dangerous_url(value):
                self.problems.append(f"{tag}[{name}={value}]")


def problems_in(html):
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 50


def test_no_payload_renders_anything_dangerous():
    for payload in PAYLOADS:
        html = render_markdown(payload)
        assert problems_in(html) == [], (payload, html)


def test_raw_html_is_shown_as_text():
    assert render_markdown("<b>bold</b>") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n"


def test_links_are_marked_as_user_content():
    html = render_markdown("[NHS](https://www.nhs.uk)")
    assert 'href="https://www.nhs.uk"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_markdown_basics():
    html = render_markdown("# Heading\n\n*em* **strong**\n\n- one\n- two\n\n> quoted\n\n`code`")
    assert "<h3>Heading</h3>" in html  # headings sit under the page's h1 and the post's h2
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html
    assert "<li>one</li>" in html and "<blockquote>" in html and "<code>code</code>" in html


def test_images_are_not_shown():
    assert "<img" not in render_markdown("![alt](https://example.org/a.png)")


def test_count_links():
    assert count_links("no links") == 0
    assert count_links("https://a.org and [b](https://b.org)") == 2
    assert count_links("www.a.org www.b.org www.c.org") == 3


def test_quote():
    assert quote_markdown("one\n\ntwo", "Ada") == "Ada wrote:\n\n> one\n>\n> two\n\n"


def test_empty():
    assert render_markdown("") == ""


def test_bare_addresses_are_linked_without_trailing_punctuation():
    html = render_markdown("See https://example.org/a, or www.nhs.uk. Not `https://code.example`.")
    assert '<a href="https://example.org/a" rel="nofollow ugc noopener">https://example.org/a</a>,' in html
    assert '<a href="https://www.nhs.uk" rel="nofollow ugc noopener">www.nhs.uk</a>.' in html
    assert "<code>https://code.example</code>" in html
    # An address inside a link's text is not linked twice.
    assert render_markdown("[https://a.org](https://b.org)").count("<a ") == 1
