"""Taking a survey individually (issue part 4): pages, saving, resuming, checking, submitting."""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from community.members.factories import make_member
from diagnostics.factories import InstrumentVersionFactory
from diagnostics.models import Instrument, Response
from diagnostics.survey import SESSION_IN_PROGRESS, SESSION_RESULTS
from source4networks.factories import UserFactory

from .helpers import HEALTH_CHECK, SCORECARD, answer_sections, ids_in, instrument_data, take_survey


class ListingAndIntroductionTests(TestCase):
    def test_the_listing_shows_published_diagnostics_only(self):
        Instrument.objects.filter(slug=HEALTH_CHECK).update(is_published=False)
        response = self.client.get("/diagnostics/")
        self.assertContains(response, "<h1>Diagnostics</h1>", html=True)
        self.assertContains(response, "Network health scorecard")
        self.assertContains(response, "Network maturity matrix")
        self.assertNotContains(response, "Network health check")
        self.assertEqual(self.client.get(f"/diagnostics/{HEALTH_CHECK}/").status_code, 404)

    def test_the_introduction_says_what_how_long_and_who_sees_the_answers(self):
        response = self.client.get(f"/diagnostics/{SCORECARD}/")
        self.assertContains(response, "What it measures")
        self.assertContains(response, "About 5 minutes")
        self.assertContains(response, "Who sees your answers")
        self.assertContains(response, f'href="/diagnostics/{SCORECARD}/section/1/"')
        self.assertEqual(response.content.decode().count("<h1"), 1)

    def test_a_matrix_is_described_but_not_taken_online(self):
        response = self.client.get("/diagnostics/network-maturity-matrix/")
        self.assertContains(response, "facilitated group session")
        self.assertNotContains(response, "Start now")
        self.assertEqual(self.client.get("/diagnostics/network-maturity-matrix/section/1/").status_code, 404)
        self.assertEqual(self.client.get("/diagnostics/network-maturity-matrix/check/").status_code, 404)

    def test_unknown_pages_are_not_found(self):
        self.assertEqual(self.client.get("/diagnostics/nope/").status_code, 404)
        self.assertEqual(self.client.get(f"/diagnostics/{SCORECARD}/section/0/").status_code, 404)
        self.assertEqual(self.client.get(f"/diagnostics/{SCORECARD}/section/5/").status_code, 404)
        self.assertEqual(self.client.get(f"/diagnostics/{SCORECARD}/results/").status_code, 404)


class SectionPageTests(TestCase):
    def test_a_section_page_shows_progress_radios_and_a_back_link(self):
        response = self.client.get(f"/diagnostics/{HEALTH_CHECK}/section/2/")
        html = response.content.decode()
        self.assertContains(response, "Section 2 of 7")
        data = instrument_data(HEALTH_CHECK)
        dimension = data.dimensions[1]
        self.assertEqual(html.count("<fieldset"), len(dimension.items))
        self.assertEqual(html.count("<legend"), len(dimension.items))
        for item in dimension.items:
            self.assertIn(item.text, html)
            self.assertEqual(html.count(f'name="answer-{item.key}"'), 6)  # 5 points and NA
        self.assertContains(response, "Strongly disagree")
        self.assertContains(response, "Don&#x27;t know / not applicable")
        self.assertContains(response, f'class="nhsuk-back-link" href="/diagnostics/{HEALTH_CHECK}/section/1/"')
        self.assertEqual(html.count("<h1"), 1)
        ids = ids_in(html)
        self.assertEqual(len(ids), len(set(ids)), "ids must be unique")

    def test_the_first_section_goes_back_to_the_introduction(self):
        response = self.client.get(f"/diagnostics/{SCORECARD}/section/1/")
        self.assertContains(response, f'class="nhsuk-back-link" href="/diagnostics/{SCORECARD}/"')

    def test_saving_a_page_moves_on_and_keeps_the_answers(self):
        response = self.client.post(f"/diagnostics/{SCORECARD}/section/1/", {"answer-purpose-1": "4"})
        self.assertRedirects(response, f"/diagnostics/{SCORECARD}/section/2/", fetch_redirect_response=False)
        page = self.client.get(f"/diagnostics/{SCORECARD}/section/1/").content.decode()
        self.assertRegex(page, r'name="answer-purpose-1" type="radio" value="4" checked')

    def test_the_last_section_goes_to_check_your_answers(self):
        response = self.client.post(f"/diagnostics/{SCORECARD}/section/4/", {})
        self.assertRedirects(response, f"/diagnostics/{SCORECARD}/check/", fetch_redirect_response=False)

    def test_save_and_come_back_later(self):
        response = self.client.post(
            f"/diagnostics/{SCORECARD}/section/1/", {"answer-purpose-1": "3", "action": "later"}
        )
        self.assertRedirects(response, f"/diagnostics/{SCORECARD}/", fetch_redirect_response=False)
        intro = self.client.get(f"/diagnostics/{SCORECARD}/")
        self.assertContains(intro, "Your answers have been saved")
        self.assertContains(intro, "Continue where you left off")

    def test_values_off_the_scale_are_ignored_not_an_error(self):
        for value in ["9", "0", "x", "NA ", "4.0", "", "04"]:
            response = self.client.post(f"/diagnostics/{SCORECARD}/section/1/", {"answer-purpose-1": value})
            self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.session.get(SESSION_IN_PROGRESS, {}).get(SCORECARD, {}).get("answers", {}), {})

    def test_changing_an_answer_from_check_your_answers_returns_there(self):
        page = self.client.get(f"/diagnostics/{SCORECARD}/section/2/?return=check")
        self.assertContains(page, f'class="nhsuk-back-link" href="/diagnostics/{SCORECARD}/check/"')
        response = self.client.post(f"/diagnostics/{SCORECARD}/section/2/", {"return": "check"})
        self.assertRedirects(response, f"/diagnostics/{SCORECARD}/check/", fetch_redirect_response=False)


class CheckAndSubmitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="checker")

    def setUp(self):
        self.client.force_login(self.member)

    def test_check_your_answers_lists_every_answer_with_change_links(self):
        answer_sections(self.client, SCORECARD, lambda item: "NA" if item.key == "purpose-2" else "5")
        response = self.client.get(f"/diagnostics/{SCORECARD}/check/")
        self.assertContains(response, '<dl class="nhsuk-summary-list">', count=4)
        self.assertContains(response, "5 – Strongly agree", count=11)
        self.assertContains(response, "Don&#x27;t know / not applicable", count=1)
        self.assertContains(response, f'href="/diagnostics/{SCORECARD}/section/3/?return=check#q7"')
        self.assertNotContains(response, "There is a problem")
        self.assertFalse(response.content.decode().startswith("Error"))

    def test_submitting_with_unanswered_statements_shows_the_error_summary(self):
        data = instrument_data(SCORECARD)
        skipped = {"purpose-2", "operations-1", "capacity-3"}
        answer_sections(self.client, SCORECARD, lambda item: None if item.key in skipped else "4")
        response = self.client.post(f"/diagnostics/{SCORECARD}/check/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertRegex(html, r"<title>Error: Check your answers")
        self.assertIn('<h2 class="nhsuk-error-summary__heading">There is a problem</h2>', html)
        ids = {item.key: f"q{index}" for index, item in enumerate(data.items, start=1)}
        links = re.findall(r'<li><a href="#(q\d+)">Select an answer for: ([^<]+)</a></li>', html)
        self.assertEqual([link for link, _ in links], [ids[key] for key in ["purpose-2", "operations-1", "capacity-3"]])
        for key in skipped:
            # Each link lands on the first radio of that statement, shown again here in error.
            self.assertRegex(html, rf'<input class="nhsuk-radios__input" id="{ids[key]}" name="answer-{key}"')
        self.assertEqual(html.count("nhsuk-form-group--error"), 3)
        self.assertEqual(html.count("<h1"), 1)
        id_list = ids_in(html)
        self.assertEqual(len(id_list), len(set(id_list)))
        # Nothing was lost and nothing was submitted.
        response_row = Response.objects.get(user=self.member)
        self.assertEqual(response_row.status, Response.Status.IN_PROGRESS)
        self.assertEqual(len(response_row.answers), 9)

    def test_answering_the_missing_statements_on_the_error_page_submits(self):
        answer_sections(self.client, SCORECARD, lambda item: None if item.key == "purpose-2" else "4")
        self.client.post(f"/diagnostics/{SCORECARD}/check/")
        response = self.client.post(f"/diagnostics/{SCORECARD}/check/", {"answer-purpose-2": "NA"})
        saved = Response.objects.get(user=self.member)
        self.assertRedirects(response, f"/diagnostics/results/{saved.pk}/", fetch_redirect_response=False)
        self.assertEqual(saved.status, Response.Status.SUBMITTED)
        self.assertEqual(saved.answers["purpose-2"], "NA")

    def test_a_partial_error_page_answer_is_kept(self):
        answer_sections(self.client, SCORECARD, lambda item: None if item.key in {"purpose-1", "purpose-2"} else "4")
        response = self.client.post(f"/diagnostics/{SCORECARD}/check/", {"answer-purpose-1": "2"})
        self.assertContains(response, "There is a problem")
        self.assertEqual(Response.objects.get(user=self.member).answers["purpose-1"], 2)
        self.assertNotContains(response, "Select an answer for: Members")  # purpose-1 is answered now


class EndToEndTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(username="taker")

    def test_a_member_takes_the_whole_survey(self):
        self.client.force_login(self.member)
        intro = self.client.get(f"/diagnostics/{HEALTH_CHECK}/")
        self.assertContains(intro, "Start now")
        location = take_survey(self.client, HEALTH_CHECK, value="4")
        response = Response.objects.get(user=self.member)
        self.assertEqual(location, f"/diagnostics/results/{response.pk}/")
        self.assertEqual(response.status, Response.Status.SUBMITTED)
        self.assertIsNotNone(response.submitted_at)
        page = self.client.get(location)
        self.assertContains(page, "Your results")
        # Reverse-scored statements score 2 for "Agree", so no area is a straight 4.0.
        self.assertContains(page, "Overall")
        # Taking it again starts afresh.
        again = self.client.get(f"/diagnostics/{HEALTH_CHECK}/")
        self.assertContains(again, "Start now")
        self.assertContains(again, "Your earlier results")

    def test_a_visitor_takes_the_survey_and_the_result_stays_in_the_session(self):
        location = take_survey(self.client, SCORECARD, value="5")
        self.assertEqual(location, f"/diagnostics/{SCORECARD}/results/")
        self.assertFalse(Response.objects.exists())
        page = self.client.get(location)
        self.assertContains(page, "Your result is not saved")
        self.assertContains(page, f'href="/diagnostics/{SCORECARD}/results/save/"')
        self.assertNotIn(SCORECARD, self.client.session[SESSION_IN_PROGRESS])
        self.assertIn(SCORECARD, self.client.session[SESSION_RESULTS])

    def test_signing_in_saves_a_visitors_result_to_the_account(self):
        take_survey(self.client, SCORECARD, value="5")
        save = f"/diagnostics/{SCORECARD}/results/save/"
        response = self.client.get(save)
        self.assertEqual(response.status_code, 302)
        self.assertIn("?next=/diagnostics/network-health-scorecard/results/save/", response["Location"])
        # Signing in keeps the session's data (Django cycles the key but keeps the contents).
        self.client.force_login(self.member)
        response = self.client.get(save)
        saved = Response.objects.get(user=self.member)
        self.assertRedirects(response, saved.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(saved.status, Response.Status.SUBMITTED)
        self.assertEqual(set(saved.answers.values()), {5})
        self.assertContains(self.client.get(saved.get_absolute_url()), "Your result has been saved")
        # A second visit saves nothing more.
        self.client.get(save)
        self.assertEqual(Response.objects.filter(user=self.member).count(), 1)


class ResumeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = make_member(username="resumer", email="resumer@example.org")

    def sign_in(self):
        # Through the real sign-in form (allauth, and axes in front of it).
        response = self.client.post(
            reverse("account_login"), {"login": "resumer@example.org", "password": "correct horse battery staple"}
        )
        self.assertEqual(response.status_code, 302)

    def test_answers_on_page_1_survive_signing_out_and_back_in(self):
        self.sign_in()
        data = instrument_data(HEALTH_CHECK)
        first = data.dimensions[0]
        answers = {f"answer-{item.key}": str(n % 5 + 1) for n, item in enumerate(first.items)}
        answers[f"answer-{first.items[-1].key}"] = "NA"
        self.client.post(f"/diagnostics/{HEALTH_CHECK}/section/1/", answers)
        self.client.post(reverse("account_logout"))
        self.assertFalse(self.client.get(f"/diagnostics/{HEALTH_CHECK}/section/1/").content.decode().count("checked"))

        self.sign_in()
        intro = self.client.get(f"/diagnostics/{HEALTH_CHECK}/")
        self.assertContains(intro, "Continue where you left off")
        self.assertContains(intro, f'href="/diagnostics/{HEALTH_CHECK}/section/2/"')  # first unanswered section
        page = self.client.get(f"/diagnostics/{HEALTH_CHECK}/section/1/").content.decode()
        for name, value in answers.items():
            self.assertRegex(page, rf'name="{name}" type="radio" value="{value}" checked')
        self.assertEqual(page.count(" checked"), len(first.items))

    def test_an_in_progress_survey_keeps_its_version_when_a_new_one_is_published(self):
        self.client.force_login(self.member)
        self.client.post(f"/diagnostics/{SCORECARD}/section/1/", {"answer-purpose-1": "4"})
        started = Response.objects.get(user=self.member)
        InstrumentVersionFactory(
            instrument=Instrument.objects.get(slug=SCORECARD),
            change=lambda data: data["dimensions"][0]["items"][0].update(text="Reworded."),
        )
        page = self.client.get(f"/diagnostics/{SCORECARD}/section/1/")
        self.assertNotContains(page, "Reworded.")
        take_survey(self.client, SCORECARD)
        started.refresh_from_db()
        self.assertEqual(started.version.number, 1)
        self.assertEqual(started.status, Response.Status.SUBMITTED)
        # The next attempt uses the new version.
        self.assertContains(self.client.get(f"/diagnostics/{SCORECARD}/section/1/"), "Reworded.")


class VersioningTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = get_user_model().objects.create_user("versioned", password="x" * 12)

    def test_editing_a_published_instrument_keeps_old_results_figures(self):
        self.client.force_login(self.member)
        location = take_survey(self.client, SCORECARD, value="4")
        before = self.client.get(location).content.decode()
        scores_before = re.findall(r'nhsuk-table__cell--numeric">([^<]*)<', before)

        def change(data):
            # Reverse every statement and move the bands: new answers would score quite differently.
            for dimension in data["dimensions"]:
                for item in dimension["items"]:
                    item["reverse"] = not item["reverse"]
            data["bands"][0]["min"] = 4.5

        version = InstrumentVersionFactory(instrument=Instrument.objects.get(slug=SCORECARD), change=change)
        self.assertEqual(version.number, 2)
        self.assertIn("bands changed", version.changes.splitlines())
        after = self.client.get(location).content.decode()
        self.assertEqual(re.findall(r'nhsuk-table__cell--numeric">([^<]*)<', after), scores_before)
        self.assertEqual(Response.objects.get(user=self.member).version.number, 1)
