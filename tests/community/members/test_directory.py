"""The member directory: opt-in, filters, counts, paging, flat query counts, and bad values in
the address reported as in the library (never a server error)."""

from django.urls import reverse

from community.members.factories import make_member
from source4networks.factories import region, sector
from tests.community.base import CommunityTestCase
from tests.community.directories import WEIRD_VALUES, error_summary, field_error, field_value, page_title
from tests.queries import assert_same_query_count, count_queries


class MemberDirectoryTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.viewer = make_member()
        cls.listed = make_member(
            display_name="Grace Adeyemi",
            organisation="Riverside Trust",
            region=region("london"),
            sector=sector("health"),
            show_in_directory=True,
            interests=["frailty", "digital inclusion"],
        )
        cls.other_listed = make_member(
            display_name="Tom Ellery",
            organisation="Moor Council",
            region=region("north-west"),
            sector=sector("local-government"),
            show_in_directory=True,
            interests=["housing"],
        )
        cls.unlisted = make_member(display_name="Hidden Harriet", show_in_directory=False)

    def setUp(self):
        super().setUp()
        self.client.force_login(self.viewer)

    def get(self, **params):
        return self.client.get(reverse("community:member_directory"), params)

    def test_only_members_who_opted_in_are_listed(self):
        response = self.get()
        self.assertContains(response, "Grace Adeyemi")
        self.assertContains(response, "Tom Ellery")
        self.assertNotContains(response, "Hidden Harriet")
        self.assertContains(response, "2 members")

    def test_filters(self):
        cases = [
            ({"region": "london"}, "Grace Adeyemi", "Tom Ellery"),
            ({"sector": "local-government"}, "Tom Ellery", "Grace Adeyemi"),
            ({"interest": "digital-inclusion"}, "Grace Adeyemi", "Tom Ellery"),
            ({"interest": "Housing"}, "Tom Ellery", "Grace Adeyemi"),
            ({"q": "riverside"}, "Grace Adeyemi", "Tom Ellery"),
            ({"q": "ellery"}, "Tom Ellery", "Grace Adeyemi"),
        ]
        for params, present, absent in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, present)
                self.assertNotContains(response, absent)
                self.assertContains(response, "1 member matches your filters")
                self.assertContains(response, "Clear filters")

    def test_hidden_member_is_never_found_by_search(self):
        self.assertNotContains(self.get(q="Harriet"), "Hidden Harriet")

    def test_query_count_is_flat(self):
        url = reverse("community:member_directory")
        few = count_queries(self.client, url)
        for number in range(50):
            make_member(show_in_directory=True, interests=[f"topic {number}", "shared"], region=region("london"))
        assert_same_query_count(few, count_queries(self.client, url))

    def test_unknown_region_and_sector_are_reported_and_the_other_filters_apply(self):
        response = self.get(region="atlantis", sector="Health", interest="housing")
        self.assertEqual(response.status_code, 200)
        region_message = "There is no region called “atlantis”, so the list is not filtered by it"
        sector_message = "There is no sector called “Health”, so the list is not filtered by it"
        self.assertEqual(error_summary(response), [(region_message, "#id_region"), (sector_message, "#id_sector")])
        self.assertEqual(field_error(response, "id_region"), f"Error: {region_message}")
        self.assertEqual(field_error(response, "id_sector"), f"Error: {sector_message}")
        self.assertTrue(page_title(response).startswith("Error: Member directory"))
        # The refused values are dropped, so the selects show that nothing is applied there.
        self.assertEqual(field_value(response, "id_region"), "")
        self.assertEqual(field_value(response, "id_sector"), "")
        self.assertContains(response, "Tom Ellery")
        self.assertNotContains(response, "Grace Adeyemi")
        self.assertContains(response, "1 member matches your filters")

    def test_overlong_search_and_interest_are_refused_and_kept(self):
        query, interest = "riverside " * 21, "i" * 101
        response = self.get(q=query, interest=interest)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            error_summary(response),
            [
                ("Your search must be 200 characters or fewer", "#id_q"),
                ("An interest must be 100 characters or fewer", "#id_interest"),
            ],
        )
        self.assertEqual(field_error(response, "id_q"), "Error: Your search must be 200 characters or fewer")
        self.assertEqual(field_error(response, "id_interest"), "Error: An interest must be 100 characters or fewer")
        self.assertEqual(field_value(response, "id_q"), query)
        self.assertEqual(field_value(response, "id_interest"), interest)
        # Nothing was applied: everyone listed is shown.
        self.assertContains(response, "2 members")
        self.assertNotContains(response, "match your filters")

    def test_long_unknown_values_are_shortened_in_the_message(self):
        message = error_summary(self.get(region="z" * 500))[0][0]
        self.assertLess(len(message), 120)

    def test_good_values_give_no_messages(self):
        response = self.get(q="grace", region="london", sector="health", interest="Frailty")
        self.assertEqual(error_summary(response), [])
        self.assertFalse(page_title(response).startswith("Error"))
        self.assertContains(response, "1 member matches your filters")

    def test_weird_values_give_a_normal_page(self):
        for name in ("q", "region", "sector", "interest", "page"):
            for value in WEIRD_VALUES:
                with self.subTest(name=name, value=value[:20]):
                    response = self.get(**{name: value})
                    self.assertEqual(response.status_code, 200)
                    self.assertNotContains(response, "<script>alert(1)</script>")
                    self.assertNotContains(response, "Hidden Harriet")
