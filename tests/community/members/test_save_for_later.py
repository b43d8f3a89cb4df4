"""Save for later on resource, case study and event pages (issue 9, point 8), working without
JavaScript, and saved-item counts on /account/ and /account/saved/ that count pages and threads
alike."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import SavedThread
from community.members.factories import make_member
from community.members.models import SavedItem
from events.factories import EventPageFactory
from resources.factories import ResourcePageFactory
from tests.community.base import CommunityTestCase
from tests.queries import assert_same_query_count, count_queries


def save_form(response):
    """The save button's form on a page: (method, action, {hidden field: value}, button text)."""
    page = BeautifulSoup(response.content, "html.parser")
    button = page.select_one("main form button.nhsuk-button--secondary")
    assert button is not None, "no save button on the page"
    form = button.find_parent("form")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    return form.get("method", "get").lower(), form["action"], fields, " ".join(button.get_text().split())


def result_count(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".s4n-result-count").get_text(strip=True)


class SaveForLaterTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_member(display_name="Sam Saver")
        cls.other = make_member(display_name="Olu Other")
        start = timezone.now() + timedelta(days=10)
        cls.pages = [
            ResourcePageFactory(title="Leading across boundaries toolkit"),
            CaseStudyPageFactory(title="A stroke network shortened waits"),
            EventPageFactory(title="Network leaders webinar", start=start, end=start + timedelta(hours=1)),
        ]

    def test_a_member_saves_and_removes_each_kind_of_page_from_the_page_itself(self):
        self.client.force_login(self.member)
        for page in self.pages:
            with self.subTest(page=page.title):
                method, action, fields, label = save_form(self.client.get(page.url))
                self.assertEqual((method, action), ("post", reverse("community:toggle_saved", args=[page.pk])))
                self.assertEqual(label, f"Save for later: {page.title}")
                self.assertEqual(fields["next"], page.url)

                response = self.client.post(action, fields)
                self.assertRedirects(response, page.url, fetch_redirect_response=False)
                self.assertTrue(SavedItem.objects.filter(user=self.member, page=page).exists())
                shown = self.client.get(page.url)
                self.assertContains(shown, "has been saved. Find it in My account.")
                self.assertContains(self.client.get(reverse("community:account_saved")), page.title)

                method, action, fields, label = save_form(shown)
                self.assertEqual(label, f"Remove from saved items: {page.title}")
                self.client.post(action, fields)
                self.assertFalse(SavedItem.objects.filter(user=self.member, page=page).exists())
                self.assertEqual(save_form(self.client.get(page.url))[3], f"Save for later: {page.title}")

    def test_a_visitor_gets_a_button_that_leads_to_sign_in_and_back(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                response = self.client.get(page.url)
                method, action, fields, label = save_form(response)
                self.assertEqual((method, action), ("get", reverse("account_login")))
                self.assertEqual(label, f"Sign in to save this page: {page.title}")
                self.assertEqual(fields, {"next": page.url})
                # A plain link-like form: no security token, so no cookie for visitors.
                self.assertNotIn("csrfmiddlewaretoken", response.content.decode())
                self.assertEqual(self.client.get(action, fields).status_code, 200)
                # Posting to the save address anyway (an old page) also asks them to sign in.
                post = self.client.post(reverse("community:toggle_saved", args=[page.pk]), {"next": page.url})
                self.assertRedirects(post, f"{reverse('account_login')}?next={page.url}", fetch_redirect_response=False)
        self.assertFalse(SavedItem.objects.exists())

    def test_what_one_member_saved_is_theirs_alone(self):
        page = self.pages[0]
        SavedItem.objects.create(user=self.member, page=page)
        self.client.force_login(self.other)
        method, action, fields, label = save_form(self.client.get(page.url))
        self.assertEqual(label, f"Save for later: {page.title}")
        # Removing it as someone else removes nothing of the member's.
        self.client.post(action, {**fields, "action": "remove"})
        self.assertTrue(SavedItem.objects.filter(user=self.member, page=page).exists())
        self.assertEqual(result_count(self.client.get(reverse("community:account_saved"))), "0 saved items")


class SavedCountTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_member()
        cls.resource = ResourcePageFactory(title="Saved guide")
        cls.case_study = CaseStudyPageFactory(title="Saved case study")
        cls.thread = make_thread(SpaceFactory(), make_member(), title="Saved thread about rotas")

    def counts(self):
        account = BeautifulSoup(self.client.get(reverse("community:account")).content, "html.parser")
        card = account.find("a", string="Saved items").find_parent(class_="nhsuk-card__content")
        card_text = card.select_one(".nhsuk-card__description").get_text(strip=True)
        return card_text, result_count(self.client.get(reverse("community:account_saved")))

    def test_the_account_page_and_the_saved_page_count_pages_and_threads_alike(self):
        self.client.force_login(self.member)
        SavedItem.objects.create(user=self.member, page=self.resource)
        SavedItem.objects.create(user=self.member, page=self.case_study)
        SavedThread.objects.create(user=self.member, thread=self.thread)
        card, listed = self.counts()
        self.assertTrue(card.startswith("3 saved items"), card)
        self.assertEqual(listed, "3 saved items")

        # An unpublished page is no longer listed, so it is no longer counted either.
        self.case_study.unpublish()
        card, listed = self.counts()
        self.assertTrue(card.startswith("2 saved items"), card)
        self.assertEqual(listed, "2 saved items")

        SavedItem.objects.filter(user=self.member).delete()
        card, listed = self.counts()
        self.assertTrue(card.startswith("1 saved item:"), card)
        self.assertEqual(listed, "1 saved item")

    def test_the_saved_page_query_count_is_flat(self):
        self.client.force_login(self.member)
        SavedItem.objects.create(user=self.member, page=self.resource)
        SavedThread.objects.create(user=self.member, thread=self.thread)
        url = reverse("community:account_saved")
        few = count_queries(self.client, url)
        space = SpaceFactory()
        for number in range(10):
            SavedItem.objects.create(user=self.member, page=ResourcePageFactory(title=f"Another guide {number}"))
            thread = make_thread(space, self.member, title=f"Another thread {number}")
            SavedThread.objects.create(user=self.member, thread=thread)
        many = count_queries(self.client, url)
        assert_same_query_count(few, many)
        self.assertEqual(result_count(many.response), "22 saved items")
