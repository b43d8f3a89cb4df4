"""Quotation marks in the pages' own words are curly (“Save for later”), as everywhere else on
the site; a straight "quote" in a sentence is a leftover."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Template syntax and HTML tags (attributes keep their straight quotes), then quoted words.
TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.DOTALL)
TAGS = re.compile(r"<[^>]*>")
STRAIGHT_QUOTED = re.compile(r'"[A-Za-z][^"\n]{0,80}"')


def straight_quotes():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = TAGS.sub(" ", TEMPLATE_SYNTAX.sub("", path.read_text(encoding="utf-8")))
        found += [f"{path.relative_to(TEMPLATES)}: {match}" for match in STRAIGHT_QUOTED.findall(text)]
    return found


def test_page_text_uses_curly_quotes():
    assert straight_quotes() == [], "Straight quotation marks in page text:\n" + "\n".join(straight_quotes())
