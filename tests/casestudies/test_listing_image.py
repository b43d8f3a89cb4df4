"""Case studies with a listing image: alt text required, responsive renditions in modern formats on
the listing card and the page, and a "Find out more" that links somewhere or is not there."""

from django.core.exceptions import ValidationError
from django.test import TestCase

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from community.networks.factories import NetworkFactory
from source4networks.factories import make_image
from tests.queries import assert_same_query_count, count_queries
from tests.site.library.helpers import result_titles, soup

URL = "/case-studies/"
SMALL = (64, 36)  # small pictures keep the renditions quick to make


def card(response, title):
    link = soup(response).find("a", string=title)
    return link.find_parent(class_="nhsuk-card")


class ListingImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.image = make_image("Network members around a table", size=(1600, 900))
        cls.with_image = CaseStudyPageFactory(title="Pictured network", listing_image=cls.image)
        cls.without_image = CaseStudyPageFactory(title="Network without a picture")

    def test_card_shows_the_picture_in_modern_formats_and_sizes(self):
        picture = card(self.client.get(URL), "Pictured network").find("picture")
        self.assertIsNotNone(picture)
        types = [source["type"] for source in picture.find_all("source")]
        self.assertEqual(types, ["image/avif", "image/webp"])
        for source in picture.find_all("source"):
            self.assertEqual(len(source["srcset"].split(",")), 2, source["srcset"])
            self.assertTrue(source.get("sizes"))
        img = picture.find("img")
        self.assertEqual(img["alt"], "Illustration: Network members around a table")
        self.assertEqual(len(img["srcset"].split(",")), 2)
        self.assertIn("nhsuk-card__img", img["class"])
        self.assertTrue(img["width"] and img["height"])

    def test_card_without_an_image_has_none(self):
        self.assertIsNone(card(self.client.get(URL), "Network without a picture").find("picture"))
        self.assertIsNone(card(self.client.get(URL), "Network without a picture").find("img"))

    def test_case_study_page_shows_the_picture(self):
        page = soup(self.client.get(self.with_image.url))
        img = page.select_one("main picture img")
        self.assertEqual(img["alt"], "Illustration: Network members around a table")
        self.assertEqual(len(img["srcset"].split(",")), 3)
        self.assertEqual([s["type"] for s in page.select("main picture source")], ["image/avif", "image/webp"])
        self.assertIsNone(soup(self.client.get(self.without_image.url)).select_one("main picture"))

    def test_an_image_without_alt_text_is_refused(self):
        untitled = make_image("IMG_2041", size=SMALL)
        untitled.description = ""
        untitled.save()
        page = CaseStudyPage.objects.get(pk=self.without_image.pk)
        page.listing_image = untitled
        with self.assertRaises(ValidationError) as raised:
            page.full_clean()
        self.assertIn("description (its alt text)", raised.exception.message_dict["listing_image"][0])
        untitled.description = "A ward sister talking to a patient"
        untitled.save()
        page.full_clean()  # accepted once described


class FindOutMoreTests(TestCase):
    def find_out_more(self, page):
        html = soup(self.client.get(page.url))
        heading = html.find("h2", string="Find out more")
        return heading.find_next("a")["href"] if heading else None

    def test_links_to_the_editors_link(self):
        page = CaseStudyPageFactory(find_out_more_url="https://network.example.org/about")
        self.assertEqual(self.find_out_more(page), "https://network.example.org/about")

    def test_links_to_the_networks_directory_entry(self):
        network = NetworkFactory(name="Linked network")
        page = CaseStudyPageFactory(network=network, contact_role="Network manager")
        self.assertEqual(self.find_out_more(page), network.get_absolute_url())
        self.assertContains(self.client.get(page.url), "ask for the Network manager")

    def test_absent_with_nowhere_to_link(self):
        hidden = NetworkFactory(name="Hidden network", hidden=True)
        for page in [CaseStudyPageFactory(), CaseStudyPageFactory(network=hidden)]:
            with self.subTest(page=page.title):
                self.assertIsNone(self.find_out_more(page))
                self.assertNotContains(self.client.get(page.url), "Find out more")

    def test_contact_role_without_a_link_still_says_who_to_ask(self):
        page = CaseStudyPageFactory(network_name="Quiet network", contact_role="Network manager")
        response = self.client.get(page.url)
        self.assertNotContains(response, "Find out more</h2>")
        self.assertContains(response, "ask for the Network manager at Quiet network")


class ListingImageQueryCountTests(TestCase):
    """Renditions are fetched with the page of results, not one query per card."""

    @classmethod
    def setUpTestData(cls):
        for number in range(12):
            CaseStudyPageFactory(
                title=f"Pictured {number:02d}", listing_image=make_image(f"Picture {number}", size=SMALL)
            )

    def test_flat_for_one_or_many_pictured_case_studies(self):
        many = count_queries(self.client, URL)
        self.assertEqual(len(result_titles(many.response)), 12)
        first = CaseStudyPage.objects.order_by("pk").first()
        CaseStudyPage.objects.exclude(pk=first.pk).update(live=False)
        one = count_queries(self.client, URL)
        self.assertEqual(len(result_titles(one.response)), 1)
        assert_same_query_count(many, one)


class EditorTests(TestCase):
    def test_the_editor_shows_the_image_and_link_fields(self):
        from community.members.factories import make_member

        page = CaseStudyPageFactory(title="Edited case study")
        admin = make_member(username="cs-admin", user_fields={"is_superuser": True, "is_staff": True})
        self.client.force_login(admin)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="listing_image"')
        self.assertContains(response, 'name="find_out_more_url"')
        self.assertContains(response, "needs a description (its alt text)")
