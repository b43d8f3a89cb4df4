"""Members' Markdown, rendered safely. Two layers: markdown-it-py's "js-default" preset
never passes raw HTML through (the "commonmark" preset would), and nh3 then keeps only the
tags, attributes and URL schemes listed here, whatever the parser produced."""

import re
from html import unescape

import nh3
from django.utils.html import strip_tags
from django.utils.text import Truncator
from linkify_it import LinkifyIt
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"


class _HttpsLinkify(LinkifyIt):
    """Finds bare web addresses; one typed without a scheme (www.nhs.uk) links over HTTPS."""

    def match(self, text):
        matches = super().match(text) or []
        for found in matches:
            if found.url.startswith("http://") and not found.raw.lower().startswith("http://"):
                found.url = "https://" + found.url.removeprefix("http://")
        return matches


def _parser():
    # Bare web addresses become links too (linkify-it-py).
    md = MarkdownIt("js-default", {"linkify": True}).enable("linkify")
    md.linkify = _HttpsLinkify()
    # Members' images could track readers or shock them: an image is shown as its text.
    md.disable("image")

    # A post sits under the page's h1 and the post's own heading, so its headings start at h3.
    def heading_open(renderer, tokens, idx, options, env):
        token = tokens[idx]
        level = min(6, int(token.tag[1]) + 2)
        return f"<h{level}>"

    def heading_close(renderer, tokens, idx, options, env):
        level = min(6, int(tokens[idx].tag[1]) + 2)
        return f"</h{level}>\n"

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    return md


_MARKDOWN = _parser()


def render_markdown(text):
    """Safe HTML for a member's Markdown: no raw HTML, links marked as user content."""
    html = _MARKDOWN.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


_LINK = re.compile(r"<a\s", re.IGNORECASE)


def plain_text(text, words=30):
    """The start of a post as plain words (for search results): Markdown and HTML marks removed.
    Only the first 1,000 characters are rendered, which is more than the words shown."""
    rendered = strip_tags(render_markdown((text or "")[:1000]).replace("</p>", "</p> "))
    return Truncator(" ".join(unescape(rendered).split())).words(words)


def count_links(text):
    """Links in a post as readers will see them (bare addresses are linked too)."""
    return len(_LINK.findall(render_markdown(text)))


def quote_markdown(text, name):
    """A post quoted in a reply, as a Markdown blockquote naming its author."""
    lines = (text or "").strip().replace("\r\n", "\n").split("\n")
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"{name} wrote:\n\n{quoted}\n\n"
