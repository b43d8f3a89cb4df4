"""A picture in a page's body: in modern formats and the width that fits the screen, with the
editor's alternative text; never enlarged, and never two equal widths in one srcset (invalid HTML)."""

import json

from django.test import TestCase
from wagtail.models import Site

from source4networks.factories import StandardPageFactory, make_image
from tests.site.library.helpers import soup


def page_with_picture(title, size):
    image = make_image(title, size=size)
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Network leaders round a table", "caption": "Our first meeting"},
        }
    ]
    return StandardPageFactory(title=title, parent=Site.objects.get().root_page, body=json.dumps(body))


def widths(srcset):
    """The widths a srcset offers (a single picture is named without one: [])."""
    entries = [entry.split() for entry in srcset.split(",")]
    return [int(entry[1].rstrip("w")) for entry in entries if len(entry) == 2]


class BodyImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.large = page_with_picture("Leaders meeting", (1600, 900))
        cls.medium = page_with_picture("Smaller picture", (1000, 560))
        cls.small = page_with_picture("Small picture", (700, 400))

    def picture(self, page):
        figure = soup(self.client.get(page.url)).select_one("main figure.nhsuk-image")
        return figure, figure.find("picture")

    def test_the_picture_has_modern_formats_sizes_and_the_alt_text(self):
        figure, picture = self.picture(self.large)
        self.assertEqual([source["type"] for source in picture.find_all("source")], ["image/avif", "image/webp"])
        for source in picture.find_all("source"):
            self.assertEqual(widths(source["srcset"]), [480, 960, 1440])
            self.assertTrue(source.get("sizes"))
        img = picture.find("img")
        self.assertEqual(img["alt"], "Network leaders round a table")
        self.assertEqual(widths(img["srcset"]), [480, 960, 1440])
        self.assertTrue(img["width"] and img["height"])
        self.assertEqual(img["loading"], "lazy")
        self.assertEqual(figure.find("figcaption").get_text(strip=True), "Our first meeting")

    def test_a_smaller_picture_offers_only_the_widths_it_has(self):
        _, picture = self.picture(self.medium)
        self.assertEqual(widths(picture.find("img")["srcset"]), [480, 960])
        _, picture = self.picture(self.small)
        img = picture.find("img")
        self.assertEqual(img["alt"], "Network leaders round a table")
        self.assertEqual([source["type"] for source in picture.find_all("source")], ["image/avif", "image/webp"])
        # One rendition of each format, 480 pixels wide: no srcset offers two widths.
        for element in [img, *picture.find_all("source")]:
            self.assertEqual(len(element.get("srcset", "").split(",")), 1, element)
        self.assertEqual(img["width"], "480")
