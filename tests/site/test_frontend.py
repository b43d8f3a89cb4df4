"""The built stylesheet holds the NHS.UK frontend's components the templates use, and only
those (frontend/scss/main.scss names them): every `nhsuk-` class a template or the code gives an
element has its styles, and a component no template uses adds no weight."""

import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

ROOT = Path(settings.BASE_DIR)
CSS = ROOT / "static" / "dist" / "main.css"
SOURCES = ["templates", "source4networks", "community", "diagnostics", "resources", "casestudies", "events"]
PACKAGE = ROOT / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
# Names that are not classes (image files), or classes that only mark the page for the
# frontend's scripts.
NOT_STYLED = {"nhsuk-frontend-supported", "nhsuk-opengraph-image", "nhsuk-frontend", "nhsuk-icon-180"}


def classes_in_use():
    found = set()
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".html", ".py", ".txt"} and path.is_file():
                found.update(re.findall(r"\bnhsuk-[a-z][a-z0-9-]*(?:__[a-z0-9-]+)?", path.read_text()))
    return {name for name in found if not name.endswith("-")} - NOT_STYLED


def classes_in_package_templates():
    """The classes the frontend's own templates give, styled or not (hooks for its scripts,
    states its components style through a parent)."""
    found = set()
    for path in PACKAGE.rglob("*.njk"):
        found.update(re.findall(r"\bnhsuk-[a-z][a-z0-9-]*(?:__[a-z0-9-]+)?", path.read_text()))
    return found


class StylesheetTests(SimpleTestCase):
    def test_every_nhsuk_class_in_use_has_styles_or_is_the_frontends_own_markup(self):
        css = CSS.read_text()
        package = classes_in_package_templates()
        missing = sorted(
            name
            for name in classes_in_use()
            if not re.search(rf"\.{re.escape(name)}(?![\w-])", css)
            and name not in package
            # The icon macro names each icon's class after the icon (nhsuk-icon--<name>).
            and not name.startswith("nhsuk-icon--")
        )
        self.assertEqual(missing, [], "not markup of this version of the frontend, or its component is left out")

    def test_components_no_template_uses_are_left_out(self):
        css = CSS.read_text()
        for unused in ["nhsuk-hero", "nhsuk-tabs", "nhsuk-task-list", "nhsuk-do-dont-list", "nhsuk-contents-list"]:
            with self.subTest(unused):
                self.assertNotIn(f".{unused}", css)
        self.assertLess(len(css), 280_000)
