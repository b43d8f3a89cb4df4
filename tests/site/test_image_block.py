"""A picture in a page's body: in modern formats and the width that fits the screen, with the
editor's alternative text."""

import json

from django.test import TestCase
from wagtail.models import Site

from source4networks.factories import StandardPageFactory, make_image
from tests.site.library.helpers import soup


class BodyImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        image = make_image("Leaders meeting", size=(1600, 900))
        body = [
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Network leaders round a table",
                    "caption": "Our first meeting",
                },
            }
        ]
        cls.page = StandardPageFactory(
            title="About the network", parent=Site.objects.get().root_page, body=json.dumps(body)
        )

    def test_the_picture_has_modern_formats_sizes_and_the_alt_text(self):
        figure = soup(self.client.get(self.page.url)).select_one("main figure.nhsuk-image")
        picture = figure.find("picture")
        self.assertEqual([source["type"] for source in picture.find_all("source")], ["image/avif", "image/webp"])
        for source in picture.find_all("source"):
            self.assertEqual(len(source["srcset"].split(",")), 3, source["srcset"])
            self.assertTrue(source.get("sizes"))
        img = picture.find("img")
        self.assertEqual(img["alt"], "Network leaders round a table")
        self.assertEqual(len(img["srcset"].split(",")), 3)
        self.assertTrue(img["width"] and img["height"])
        self.assertEqual(img["loading"], "lazy")
        self.assertEqual(figure.find("figcaption").get_text(strip=True), "Our first meeting")
