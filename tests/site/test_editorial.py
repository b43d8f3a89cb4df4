"""Editorial set-up and workflow: the groups and the "Review and publish" workflow exist after
migrations; an editor drafts and submits but cannot publish; a moderator approves and
publishes; the review report lists overdue resources to page editors only."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage
from events.models import EventIndexPage
from resources.factories import ResourcePageFactory
from resources.models import ResourceIndexPage, ResourcePage
from source4networks.factories import UserFactory
from source4networks.taxonomy import ResourceType

PASSWORD = "correct horse battery staple"
REPORT_URL = "/admin/reports/review-overdue/"


def user_in(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def resource_form_data(**overrides):
    data = nested_form_data(
        {
            "title": "Running a network board",
            "slug": "running-a-network-board",
            "summary": "A guide to setting up and running the board of a network.",
            "body": streamfield([("rich_text", rich_text("<p>Start with a clear purpose.</p>"))]),
            "resource_type": ResourceType.GUIDE,
            "topics": "governance, boards",
            "source_organisation": "NHS England",
            "author": "",
            "publication_date": "",
            "external_url": "",
            "document": "",
            "review_by": "",
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )
    data.update(overrides)
    return data


class SiteSetupTests(TestCase):
    def test_groups_exist_with_admin_access(self):
        access_admin = Permission.objects.get(codename="access_admin")
        for name in ["Editors", "Moderators", "Administrators"]:
            group = Group.objects.get(name=name)
            self.assertIn(access_admin, group.permissions.all(), name)

    def test_only_moderators_and_administrators_may_publish(self):
        publishers = set(
            Group.objects.filter(page_permissions__permission__codename="publish_page").values_list("name", flat=True)
        )
        self.assertEqual(publishers, {"Moderators", "Administrators"})
        editor_codenames = set(
            Group.objects.get(name="Editors").page_permissions.values_list("permission__codename", flat=True)
        )
        self.assertEqual(editor_codenames, {"add_page", "change_page"})

    def test_review_workflow_is_on_the_library_sections(self):
        workflow = Workflow.objects.get(name="Review and publish")
        self.assertTrue(workflow.active)
        task = GroupApprovalTask.objects.get(name="Moderator review")
        self.assertEqual([t.specific for t in workflow.tasks.all()], [task])
        self.assertEqual(list(task.groups.values_list("name", flat=True)), ["Moderators"])
        for section_model in [ResourceIndexPage, CaseStudyIndexPage, EventIndexPage]:
            section = section_model.objects.get()
            self.assertEqual(section.get_workflow(), workflow, section_model.__name__)


class EditorialWorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = user_in("Editors", username="editor")
        cls.moderator = user_in("Moderators", username="moderator")
        cls.section = ResourceIndexPage.objects.get()

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", self.section.pk])

    def create_as_editor(self, action):
        self.client.force_login(self.editor)
        response = self.client.post(self.add_url(), resource_form_data(**{action: action}))
        self.assertEqual(response.status_code, 302)
        return ResourcePage.objects.get(slug="running-a-network-board")

    def test_editor_can_open_the_add_form(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.add_url())
        self.assertEqual(response.status_code, 200)

    def test_editor_publish_only_saves_a_draft(self):
        page = self.create_as_editor("action-publish")
        self.assertFalse(page.live)
        self.assertIsNone(page.first_published_at)

    def test_editor_submits_for_moderation_but_cannot_publish(self):
        page = self.create_as_editor("action-submit")
        self.assertFalse(page.live)
        state = page.current_workflow_state
        self.assertIsNotNone(state)
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.current_task_state.task.specific.name, "Moderator review")

        # Trying to publish through the edit view leaves it unpublished and still in review.
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.assertEqual(self.client.get(edit_url).status_code, 200)
        response = self.client.post(edit_url, resource_form_data(**{"action-publish": "action-publish"}))
        self.assertIn(response.status_code, (200, 302))
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertFalse(Page.objects.live().filter(pk=page.pk).exists())

        # The editor cannot approve their own submission either.
        task_state = page.current_workflow_state.current_task_state
        approve_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        self.client.post(approve_url, {"comment": ""})
        page.refresh_from_db()
        self.assertFalse(page.live)

    def test_moderator_approves_and_publishes(self):
        page = self.create_as_editor("action-submit")
        task_state = page.current_workflow_state.current_task_state

        self.client.force_login(self.moderator)
        approve_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        response = self.client.post(approve_url, {"comment": "Looks good"})
        self.assertIn(response.status_code, (200, 302))

        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertIsNotNone(page.first_published_at)
        self.assertEqual(
            WorkflowState.objects.for_instance(page).get().status,
            WorkflowState.STATUS_APPROVED,
        )
        self.assertEqual(page.get_latest_revision().content["summary"], resource_form_data()["summary"])

    def test_moderator_can_publish_directly(self):
        self.client.force_login(self.moderator)
        response = self.client.post(self.add_url(), resource_form_data(**{"action-publish": "action-publish"}))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ResourcePage.objects.get(slug="running-a-network-board").live)


class ReviewReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.oldest = ResourcePageFactory(title="Oldest overdue", review_by=today - timedelta(days=400))
        cls.overdue = ResourcePageFactory(title="Recently overdue", review_by=today - timedelta(days=1))
        ResourcePageFactory(title="Due today", review_by=today)
        ResourcePageFactory(title="Due next month", review_by=today + timedelta(days=30))
        ResourcePageFactory(title="No review date", review_by=None)
        ResourcePageFactory(title="Overdue draft", review_by=today - timedelta(days=10), live=False)
        cls.editor = user_in("Editors", username="editor")
        cls.moderator = user_in("Moderators", username="moderator")
        cls.administrator = user_in("Administrators", username="administrator")
        cls.member = UserFactory(username="member")
        # Admin access alone, without permission to edit pages, is not enough.
        cls.admin_only = UserFactory(username="admin-only")
        cls.admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))

    def test_lists_live_overdue_resources_oldest_first(self):
        self.client.force_login(self.editor)
        response = self.client.get(REPORT_URL)
        self.assertEqual(response.status_code, 200)
        titles = [page.title for page in response.context["object_list"]]
        self.assertEqual(titles, ["Oldest overdue", "Recently overdue"])
        self.assertContains(response, "Pages past their review date")
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.oldest.pk])
        self.assertContains(response, f'href="{edit_url}"')
        self.assertContains(response, self.oldest.review_by.strftime("%Y-%m-%d"))
        self.assertNotContains(response, "Due today")
        self.assertNotContains(response, "Overdue draft")

    def test_visible_to_every_editorial_group(self):
        for user in [self.editor, self.moderator, self.administrator]:
            self.client.force_login(user)
            self.assertEqual(self.client.get(REPORT_URL).status_code, 200, user.username)
            menu = self.client.get("/admin/")
            self.assertContains(menu, "Pages past their review date", msg_prefix=user.username)

    def test_results_fragment_and_spreadsheet_export(self):
        self.client.force_login(self.editor)
        fragment = self.client.get(REPORT_URL + "results/")
        self.assertEqual(fragment.status_code, 200)
        self.assertContains(fragment, "Recently overdue")
        export = self.client.get(REPORT_URL, {"export": "csv"})
        self.assertEqual(export.status_code, 200)
        rows = b"".join(export.streaming_content).decode().splitlines()
        self.assertEqual(rows[0], "Title,Review by,Last published,Address")
        self.assertEqual([row.split(",")[0] for row in rows[1:]], ["Oldest overdue", "Recently overdue"])

    def test_refused_to_people_who_cannot_edit_pages(self):
        self.client.force_login(self.member)
        response = self.client.get(REPORT_URL)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/login/"))

        self.client.force_login(self.admin_only)
        response = self.client.get(REPORT_URL)
        self.assertIn(response.status_code, (302, 403))
        self.assertNotContains(self.client.get("/admin/"), "Pages past their review date")

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        response = self.client.get(REPORT_URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
