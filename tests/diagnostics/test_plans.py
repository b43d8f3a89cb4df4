"""A round's action plan (issue 11, point 4): leaders turn a closed round's results into actions,
members see them once the results are shared, the plan downloads as CSV and prints, and the next
round shows what was done beside the change."""

import csv
import io
import re
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import TestCase
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics import plans, rounds
from diagnostics.factories import network_with_rounds
from diagnostics.models import PlanAction
from resources.factories import ResourcePageFactory
from tests.queries import assert_same_query_count, count_queries


def add(round_, dimension, what="Hold a planning day", status=PlanAction.Status.NOT_STARTED, **fields):
    return PlanAction.objects.create(round=round_, dimension=dimension, what=what, status=status, **fields)


def text(response):
    """The page's text without tags and with runs of white space as one space."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class PlanTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        example = network_with_rounds()
        cls.network, cls.leader, cls.member, cls.outsider = (
            example.network,
            example.leader,
            example.member,
            example.outsider,
        )
        cls.earlier, cls.closed, cls.open_round = example.earlier, example.closed, example.later
        cls.other_member = make_member(username="plan-other-member")
        add_member(NetworkFactory(name="Other Plan Network"), cls.other_member, role=Membership.Role.LEADER)
        cls.moderator = make_member(username="plan-moderator", groups=["Moderators"])
        cls.data = cls.earlier.version.data
        cls.area = cls.attention_keys(cls.earlier)[0]

    @staticmethod
    def attention_keys(round_):
        return [row.key for row in rounds.round_results(round_).attention]

    def url(self, round_=None, path=""):
        round_ = round_ or self.earlier
        return f"/diagnostics/networks/{self.network.slug}/rounds/{round_.pk}/plan/{path}"


class PermissionTests(PlanTestCase):
    """Every plan address for each role: only the network's leaders see and change the plan; the
    print view and the CSV are for members too once the results are shared (not yet here)."""

    def setUp(self):
        self.action = add(self.earlier, self.area)

    def addresses(self):
        return {
            "plan": self.url(),
            "print": self.url(path="print/"),
            "csv": self.url(path="plan.csv"),
            "new": self.url(path=f"areas/{self.area}/new/"),
            "edit": self.url(path=f"actions/{self.action.pk}/"),
            "delete": self.url(path=f"actions/{self.action.pk}/delete/"),
        }

    def test_each_role(self):
        for name, url in self.addresses().items():
            with self.subTest(name, role="visitor"):
                self.client.logout()
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/accounts/login/", response["Location"])
            for role, user, status in [
                ("member", self.member, 403),
                ("other network's member", self.other_member, 403),
                ("moderator", self.moderator, 403),
                ("leader", self.leader, 200),
            ]:
                with self.subTest(name, role=role):
                    self.client.force_login(user)
                    self.assertEqual(self.client.get(url).status_code, status)

    def test_posts_by_anyone_but_a_leader_change_nothing(self):
        for user in (self.member, self.other_member, self.moderator):
            self.client.force_login(user)
            new = self.client.post(self.url(path=f"areas/{self.area}/new/"), {"what": "X", "status": "done"})
            edit = self.client.post(self.url(path=f"actions/{self.action.pk}/"), {"what": "X", "status": "done"})
            delete = self.client.post(self.url(path=f"actions/{self.action.pk}/delete/"))
            self.assertEqual([new.status_code, edit.status_code, delete.status_code], [403, 403, 403])
        self.client.logout()
        self.client.post(self.url(path=f"actions/{self.action.pk}/delete/"))
        self.action.refresh_from_db()
        self.assertEqual((self.action.what, PlanAction.objects.count()), ("Hold a planning day", 1))

    def test_posts_need_the_csrf_token(self):
        self.client = self.client_class(enforce_csrf_checks=True)
        self.client.force_login(self.leader)
        response = self.client.post(self.url(path=f"actions/{self.action.pk}/delete/"))
        self.assertEqual(response.status_code, 403)
        self.assertTrue(PlanAction.objects.filter(pk=self.action.pk).exists())

    def test_only_a_closed_round_with_results_has_a_plan(self):
        self.client.force_login(self.leader)
        self.assertEqual(self.client.get(self.url(self.open_round)).status_code, 404)
        self.assertEqual(self.client.get(self.url(self.open_round, "plan.csv")).status_code, 404)
        results = self.client.get(self.open_round.get_results_url())
        self.assertNotContains(results, "Action plan")
        self.assertContains(self.client.get(self.earlier.get_results_url()), self.url())

    def test_an_area_not_on_the_plan_and_another_rounds_action_are_not_found(self):
        self.client.force_login(self.leader)
        self.assertEqual(self.client.get(self.url(path="areas/no-such-area/new/")).status_code, 404)
        self.assertEqual(self.client.get(self.url(self.closed, f"actions/{self.action.pk}/")).status_code, 404)

    def test_members_see_the_plan_once_the_results_are_shared(self):
        # The sharing helper adds NetworkRound.shared_at; the rule reads it when present.
        round_ = self.earlier
        self.assertTrue(plans.plan_visible_to(round_, self.leader))
        self.assertFalse(plans.plan_visible_to(round_, self.member))
        round_.shared_at = timezone.now()
        self.assertTrue(plans.plan_visible_to(round_, self.member))
        for user in (self.other_member, self.moderator, self.outsider):
            self.assertFalse(plans.plan_visible_to(round_, user))
        self.assertFalse(plans.plan_visible_to(round_, AnonymousUser()))
        results = rounds.round_results(round_)
        self.assertIsNotNone(plans.plan_for(round_, results, self.member))
        del round_.shared_at
        self.assertIsNone(plans.plan_for(round_, results, self.member))


class MembersPageIncludeTests(PlanTestCase):
    def test_the_section_for_a_shared_results_page_is_read_only(self):
        add(self.earlier, self.area, what="Agree three priorities")
        self.earlier.shared_at = timezone.now()
        plan = plans.plan_for(self.earlier, rounds.round_results(self.earlier), self.member)
        html = render_to_string(
            "diagnostics/plans/plan_section.html",
            {"plan": plan, "network": self.network, "round": self.earlier, "hide_suggestions": True},
        )
        self.assertIn("Agree three priorities", html)
        self.assertIn(self.url(path="plan.csv"), html)
        self.assertIn(self.url(path="print/"), html)
        for leaders_only in ("Add an action", "Change", "Delete", "Suggested reading"):
            self.assertNotIn(leaders_only, html)


class SeedingTests(PlanTestCase):
    def test_each_area_starts_with_its_guidance_and_matched_pages(self):
        dimension = next(d for d in self.data.dimensions if d.key == self.area)
        ResourcePageFactory(title="Plan resource", topics=[dimension.topics[0]])
        CaseStudyPageFactory(title="Plan case study", topics=[dimension.topics[0]])
        self.client.force_login(self.leader)
        response = self.client.get(self.url())
        section = response.content.decode().split(f'id="area-{self.area}"')[1].split("</section>")[0]
        results = rounds.round_results(self.earlier)
        row = next(row for row in results.attention if row.key == self.area)
        self.assertIn(row.guidance.replace("'", "&#x27;"), section)
        self.assertIn(">Plan resource</a>", section)
        self.assertIn(">Plan case study</a>", section)
        # Every area banded below the top band is on the plan, and no other.
        for key in self.attention_keys(self.earlier):
            self.assertContains(response, f'id="area-{key}"')
        self.assertEqual(len(re.findall(r'id="area-', response.content.decode())), len(results.attention))

    def test_a_suggested_page_starts_an_action(self):
        dimension = next(d for d in self.data.dimensions if d.key == self.area)
        page = ResourcePageFactory(title="Starter resource", topics=[dimension.topics[0]])
        elsewhere = ResourcePageFactory(title="Unrelated resource", topics=["no such topic"])
        self.client.force_login(self.leader)
        new = self.url(path=f"areas/{self.area}/new/")
        self.assertContains(self.client.get(self.url()), f"{new}?suggested={page.pk}")
        self.assertContains(self.client.get(new, {"suggested": page.pk}), "Read and discuss “Starter resource”")
        for other in (elsewhere.pk, "x"):
            self.assertNotContains(self.client.get(new, {"suggested": other}), "Read and discuss")

    def test_the_print_view_gives_full_addresses(self):
        dimension = next(d for d in self.data.dimensions if d.key == self.area)
        page = ResourcePageFactory(title="Printed resource", topics=[dimension.topics[0]])
        self.client.force_login(self.leader)
        response = self.client.get(self.url(path="print/"))
        self.assertContains(response, f"({settings.SITE_URL}{page.url})")
        self.assertContains(response, 'class="s4n-print-only"')
        self.assertNotContains(response, "Add an action")
        self.assertNotContains(response, "Download the plan")


class ActionFormTests(PlanTestCase):
    def test_a_leader_adds_changes_and_deletes_an_action(self):
        self.client.force_login(self.leader)
        due = timezone.localdate() + timedelta(days=30)
        response = self.client.post(
            self.url(path=f"areas/{self.area}/new/"),
            {
                "what": "Agree three priorities",
                "owner": "Priya Shah",
                "due_on": due.strftime("%d/%m/%Y"),
                "status": "in-progress",
            },
        )
        self.assertRedirects(response, self.url() + f"#area-{self.area}", fetch_redirect_response=False)
        action = PlanAction.objects.get()
        self.assertEqual(
            (action.dimension, action.what, action.owner, action.due_on, action.status, action.created_by),
            (self.area, "Agree three priorities", "Priya Shah", due, "in-progress", self.leader),
        )
        page = text(self.client.get(self.url()))
        self.assertIn(f"Agree three priorities Owner: Priya Shah. Due: {due.day} {due:%B %Y}. In progress", page)

        edit = self.url(path=f"actions/{action.pk}/")
        self.assertContains(self.client.get(edit), "Agree three priorities")
        self.client.post(edit, {"what": "Agree three priorities", "owner": "", "due_on": "", "status": "done"})
        action.refresh_from_db()
        self.assertEqual((action.owner, action.due_on, action.status), ("", None, "done"))

        delete = self.url(path=f"actions/{action.pk}/delete/")
        self.assertContains(self.client.get(delete), "Delete this action?")
        self.assertEqual(PlanAction.objects.count(), 1)
        self.client.post(delete)
        self.assertEqual(PlanAction.objects.count(), 0)

    def test_bad_input_is_shown_beside_the_field_keeping_what_was_typed(self):
        self.client.force_login(self.leader)
        url = self.url(path=f"areas/{self.area}/new/")
        cases = [
            ({"what": "", "owner": "Sam", "status": "done"}, "what", "Enter what will be done"),
            ({"what": "Plan <b>it</b>", "due_on": "31/2/2027", "status": "done"}, "due_on", "Enter a real date"),
            ({"what": "Plan", "due_on": "1/1/1900", "status": "done"}, "due_on", "within 10 years of today"),
            ({"what": "Plan", "status": "finished"}, "status", "Select the action&#x27;s status"),
            ({"what": "x" * 1001, "status": "done"}, "what", "at most 1000 characters"),
            ({"what": "Plan", "owner": "y" * 201, "status": "done"}, "owner", "at most 200 characters"),
            ({"what": "Plan\x00", "status": "done"}, "what", "Null characters are not allowed"),
        ]
        for data, field, message in cases:
            with self.subTest(field=field, message=message):
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn("There is a problem", html)
                error = html.split(f'id="id_{field}-error"')[1][:300]
                self.assertIn(message, error)
        # What was typed is kept (escaped).
        response = self.client.post(url, {"what": "Plan <b>it</b>", "owner": "Sam", "due_on": "31/2/2027"})
        self.assertContains(response, "Plan &lt;b&gt;it&lt;/b&gt;</textarea>")
        self.assertContains(response, 'value="Sam"')
        self.assertContains(response, 'value="31/2/2027"')
        self.assertEqual(PlanAction.objects.count(), 0)

    def test_a_past_due_date_is_kept_and_flagged_overdue_until_done(self):
        self.client.force_login(self.leader)
        past = timezone.localdate() - timedelta(days=3)
        self.client.post(
            self.url(path=f"areas/{self.area}/new/"),
            {"what": "Write to the trust", "due_on": past.strftime("%d/%m/%Y"), "status": "not-started"},
        )
        action = PlanAction.objects.get()
        self.assertEqual(action.due_on, past)
        self.assertContains(self.client.get(self.url()), "Overdue")
        action.status = PlanAction.Status.DONE
        action.save()
        self.assertNotContains(self.client.get(self.url()), "Overdue")


class CSVTests(PlanTestCase):
    def test_the_csv_lists_each_action_with_its_area_safely(self):
        add(self.earlier, self.area, what='=HYPERLINK("http://x")', owner="@Sam", due_on=date(2027, 3, 27))
        add(self.earlier, self.area, what="Second", status=PlanAction.Status.DONE)
        self.client.force_login(self.leader)
        response = self.client.get(self.url(path="plan.csv"))
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        row = next(r for r in rounds.round_results(self.earlier).attention if r.key == self.area)
        self.assertEqual(rows[0], plans.CSV_HEADER)
        self.assertEqual(
            rows[1:],
            [
                [
                    row.title,
                    row.band.label,
                    row.mean,
                    '\'=HYPERLINK("http://x")',
                    "'@Sam",
                    "2027-03-27",
                    "Not started",
                    "",
                ],
                [row.title, row.band.label, row.mean, "Second", "", "", "Done", ""],
            ],
        )


class NextRoundTests(PlanTestCase):
    def test_the_next_round_shows_the_actions_beside_the_change(self):
        for status in (PlanAction.Status.DONE, PlanAction.Status.DONE, PlanAction.Status.IN_PROGRESS):
            add(self.earlier, self.area, status=status)
        results = rounds.round_results(self.closed)
        self.assertEqual(results.previous, self.earlier)
        row = next(row for row in results.rows if row.key == self.area)
        self.client.force_login(self.leader)
        page = text(self.client.get(self.closed.get_results_url()))
        self.assertIn(f"3 actions, 2 done: {row.change}", page)
        self.assertIn("Beside a change: the actions recorded", page)
        # Areas without actions show the change alone.
        other = next(r for r in results.rows if r.key != self.area)
        self.assertEqual(other.plan_progress, "")

    def test_one_action_is_singular(self):
        add(self.earlier, self.area, status=PlanAction.Status.DONE)
        row = next(row for row in rounds.round_results(self.closed).rows if row.key == self.area)
        self.assertEqual(row.plan_progress, "1 action, 1 done")


class QueryCountTests(PlanTestCase):
    def test_queries_do_not_grow_with_the_actions(self):
        add(self.earlier, self.area)
        self.client.force_login(self.leader)
        before = {path: count_queries(self.client, self.url(path=path)) for path in ("", "print/", "plan.csv")}
        next_round = count_queries(self.client, self.closed.get_results_url())
        for key in self.attention_keys(self.earlier):
            for n in range(15):
                add(self.earlier, key, what=f"Action {n}", status=PlanAction.Status.DONE if n % 2 else "not-started")
        for path, counted in before.items():
            assert_same_query_count(counted, count_queries(self.client, self.url(path=path)))
        assert_same_query_count(next_round, count_queries(self.client, self.closed.get_results_url()))


class AccountTests(PlanTestCase):
    def test_deleting_the_leaders_account_keeps_the_actions_without_a_name(self):
        from community.accounts.deletion import delete_account

        add(self.earlier, self.area, created_by=self.member)
        delete_account(self.member)
        self.assertIsNone(PlanAction.objects.get().created_by)
