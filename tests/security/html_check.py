"""What in a page could run script: the elements that load or run code, event-handler
attributes, and addresses with a script (or an HTML data:) scheme. Parsed with Python's own
HTML parser, which, like a browser, decodes character references in attribute values."""

import re
from collections import Counter
from html.parser import HTMLParser

# Elements that run, load or frame code, or change how the page's addresses and forms work.
# (An <svg> alone runs nothing; its scripts, handlers, links and animations are counted.)
ACTIVE_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
    "meta", "link", "style", "math", "template", "portal", "noscript", "set", "animate",
    "animatemotion", "animatetransform", "foreignobject", "handler", "listener",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcset", "ping", "codebase", "cite", "lowsrc", "dynsrc", "content",
}  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application", "data:image/svg")
# Browsers drop ASCII tabs and newlines inside an address and spaces and controls around it.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20\u200b-\u200f\u2028\u2029\u202a-\u202e\ufeff]")


def dangerous_url(value):
    compact = IGNORED_IN_URLS.sub("", value).lower()
    if compact.startswith("0;url=") or compact.startswith("url="):
        compact = compact.split("url=", 1)[1]
    return compact.startswith(DANGEROUS_SCHEMES)


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = Counter()

    def handle_starttag(self, tag, attrs):
        if tag in ACTIVE_ELEMENTS:
            self.findings[f"<{tag}>"] += 1
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings[f"{tag} {name}= (event handler)"] += 1
            elif name == "attributename" and value.strip().lower().startswith(("on", "href", "xlink:href")):
                self.findings[f"{tag} attributeName={value[:20]!r} (animates a handler or link)"] += 1
            elif name == "srcdoc":
                self.findings[f"{tag} srcdoc="] += 1
            elif name in URL_ATTRIBUTES and dangerous_url(value):
                self.findings[f"{tag} {name}={value[:40]!r}"] += 1
            elif name == "style" and re.search(r"expression\s*\(|javascript:|behavior\s*:|url\s*\(", value, re.I):
                self.findings[f"{tag} style={value[:40]!r}"] += 1

    handle_startendtag = handle_starttag


def findings(html):
    """A Counter of what could run script in `html`. The site's own templates have some (its
    scripts, forms, icons); compare with the same page showing harmless text."""
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.findings
