"""Reads the demo content files in demo/content/ and turns their short forms of text (paragraphs,
lists, body blocks) into the HTML and StreamField blocks the builders store. Each file's header
says what it holds."""

import functools
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"


@functools.cache
def read(name):
    """The parsed content of demo/content/<name>.yaml. Cached: treat it as read-only."""
    with open(CONTENT_DIR / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)


def demo_password():
    return read("site")["password"]


def as_list(value):
    """A single paragraph may be written without the list around it."""
    return value if isinstance(value, list) else [value]


def paragraphs(value):
    """A paragraph or a list of them, as HTML."""
    return "".join(f"<p>{text}</p>" for text in as_list(value))


def rich_text(value):
    """Paragraphs and lists ({list: [...]} bulleted, {numbered: [...]}) as HTML."""
    html = []
    for part in as_list(value):
        if isinstance(part, str):
            html.append(f"<p>{part}</p>")
        elif "list" in part:
            html.append("<ul>" + "".join(f"<li>{item}</li>" for item in part["list"]) + "</ul>")
        else:
            html.append("<ol>" + "".join(f"<li>{item}</li>" for item in part["numbered"]) + "</ol>")
    return "".join(html)


def body_blocks(body):
    """A page body as (block type, value) pairs. Images and documents keep their content-file form:
    they need database rows, which the builder makes."""
    blocks = []
    for block in body:
        [(kind, value)] = block.items()
        if kind == "text":
            blocks.append(("rich_text", rich_text(value)))
        elif kind == "heading":
            blocks.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "inset":
            blocks.append(("inset_text", {"text": f"<p>{value}</p>"}))
        elif kind == "quote":
            blocks.append(("quote", {"text": value["text"], "attribution": value.get("attribution", "")}))
        elif kind == "image":
            blocks.append(("image", {"caption": "", **value}))
        elif kind == "document":
            blocks.append(("document", value))
        else:
            raise ValueError(f"Unknown block {kind!r} in demo content.")
    return blocks
