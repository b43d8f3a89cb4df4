"""Erasure and export are complete: a member with one of everything downloads their data, deletes
their account through the delete page, and then nothing in any table names them; only the
anonymous placeholder row, and the posts it keeps as "Former member", remain."""

import io
import json
from datetime import date

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, models
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from PIL import Image
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from community.accounts.deletion import delete_account
from community.accounts.export import export_data
from community.discussions import moderation, posting
from community.discussions.factories import SpaceFactory, make_thread
from community.discussions.models import DigestState, Post, PostReport, SavedThread, Thread
from community.members.factories import make_member
from community.members.models import SavedItem
from community.networks import membership
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import JoinPolicy, Membership
from diagnostics import scoring
from diagnostics.factories import (
    MATRIX,
    MatrixSessionFactory,
    NetworkRoundFactory,
    ResponseFactory,
    RoundResponseFactory,
    current_version,
)
from diagnostics.models import MatrixSession, NetworkRound, Response, RoundResponse
from resources.factories import ResourcePageFactory
from tests.community.base import CommunityTestCase

PASSWORD = "correct horse battery staple"
EMAIL = "zoe.quennell@example.org"
SECOND_EMAIL = "zq.second@example.org"
USERNAME = "zquennell"
DISPLAY_NAME = "Zoe Quennell-Erasure"
FULL_NAME = "Zoe Quennell"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# What may still point at the placeholder: the content kept as written by "Former member", and
# the admin's log of a change the site team made to the account (labelled with the placeholder).
KEPT_AS_FORMER_MEMBER = {
    ("wagtailcore.ModelLogEntry", "object_id"),
    ("discussions.Thread", "author"),
    ("discussions.Thread", "last_author"),
    ("discussions.Post", "author"),
}


def png(name):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 94, 184)).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


def user_references(user):
    """(model label, field name) of every row in any table, m2m tables included, that points at
    `user`, by foreign key or by a content type and object id pair."""
    found = set()
    user_type = ContentType.objects.get_for_model(User)
    for model in apps.get_models(include_auto_created=True):
        fields = {field.name: field for field in model._meta.concrete_fields}
        for field in fields.values():
            points_at_user = field.is_relation and field.related_model is User
            if points_at_user and model._default_manager.filter(**{field.attname: user.pk}).exists():
                found.add((model._meta.label, field.name))
            if field.is_relation and field.related_model is ContentType:
                object_id = fields.get(field.name.replace("content_type", "object_id"))
                if (
                    object_id is not None
                    and model._default_manager.filter(
                        **{field.attname: user_type.pk, object_id.attname: str(user.pk)}
                    ).exists()
                ):
                    found.add((model._meta.label, object_id.name))
    return found


def rows_naming(words):
    """(table, word) for every row of every table whose text mentions one of `words`."""
    found = set()
    text_fields = (models.CharField, models.TextField, models.JSONField)
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, text_fields):
                for word in words:
                    if model._default_manager.filter(**{f"{field.attname}__icontains": word}).exists():
                        found.add((model._meta.db_table, word))
    if connection.vendor == "postgresql":
        # Every table as whole rows, whether Django knows the model or not.
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                # The table names come from the database itself, quoted.
                sql = f"SELECT 1 FROM {connection.ops.quote_name(table)} AS r WHERE CAST(r AS text) ILIKE %s LIMIT 1"  # noqa: S608
                for word in words:
                    cursor.execute(sql, [f"%{word}%"])
                    if cursor.fetchone():
                        found.add((table, word))
    return found


@override_settings(TASKS=DATABASE_TASKS)
class EraseEverythingTests(CommunityTestCase):
    def build_member(self):
        """A member with one of everything, made with the apps' factories and rules."""
        member = make_member(
            username=USERNAME,
            email=EMAIL,
            display_name=DISPLAY_NAME,
            job_title="Service improvement lead",
            organisation="Quennell Health Partnership",
            bio="I run a respiratory network.",
            interests=["co-production", "respiratory"],
            show_in_directory=True,
        )
        User.objects.filter(pk=member.pk).update(first_name="Zoe", last_name="Quennell")
        member.refresh_from_db()
        member.profile.avatar.save(f"{USERNAME}.png", png(f"{USERNAME}.png"))
        EmailAddress.objects.create(user=member, email=SECOND_EMAIL, verified=False, primary=False)
        co_leader = make_member(display_name="Colin Coleader")
        moderator = make_member(display_name="Mo Derator", groups=["Moderators"])

        # Networks: leads one with another leader (and created it), invites someone, is invited
        # elsewhere, asks to join a third.
        network = NetworkFactory(name="Quarry Vale Network", created_by=member)
        add_member(network, member, role=Membership.Role.LEADER)
        add_member(network, co_leader, role=Membership.Role.LEADER)
        membership.invite(network, member, "friend@example.org")
        elsewhere = NetworkFactory(name="Elsewhere Network")
        add_member(elsewhere, co_leader, role=Membership.Role.LEADER)
        membership.invite(elsewhere, co_leader, EMAIL)
        asked = NetworkFactory(name="Asked Network", join_policy=JoinPolicy.REQUEST)
        add_member(asked, co_leader, role=Membership.Role.LEADER)
        membership.join(asked, member)
        SavedItem.objects.create(user=member, page=ResourcePageFactory(title="Saved toolkit"))

        # Discussions: a thread, a reply to someone else's, a saved thread, a report, a
        # suspension, a digest.
        space = SpaceFactory(name="Open space")
        theirs = make_thread(space, co_leader, title="Colin's question", body="What works for you?")
        posting.subscribe(co_leader, theirs)
        with self.captureOnCommitCallbacks(execute=True):
            posting.start_thread(member, space, "Zoe's thread about breathlessness", "My opening post.")
            posting.add_reply(member, theirs, "My reply.")
        SavedThread.objects.create(user=member, thread=theirs)
        PostReport.objects.create(post=theirs.posts.get(is_opening=True), reporter=member, reason="Off topic.")
        moderation.suspend(moderator, member, "Cooling off.")
        DigestState.objects.create(user=member, last_sent_at=timezone.now())

        # Diagnostics: a personal result (and one not finished), a round answer, a round opened
        # and a matrix session recorded.
        ResponseFactory(user=member)
        ResponseFactory(user=member, in_progress=True)
        round_ = NetworkRoundFactory(network=network, opened_by=member)
        RoundResponseFactory(round=round_, respondent=member, comment="My round comment.")
        key = current_version(MATRIX).data.dimensions[0].key
        MatrixSessionFactory(
            network=network,
            recorded_by=member,
            date=date(2026, 1, 5),
            notes="Session notes.",
            rows={key: scoring.MatrixEntry(chosen=(1, 3), target=4)},
        )

        # The Wagtail admin: a profile row, and a change the site team made to the account.
        UserProfile.get_for_user(member)
        log(member, "wagtail.edit", user=moderator)

        # Signing in (a failure with another spelling, then a success) leaves sign-in records
        # and a session; the contact message goes through the task queue.
        Client().post(reverse("account_login"), {"login": EMAIL.upper(), "password": "wrong-guess"})
        self.client.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
        self.assertEqual(int(self.client.session["_auth_user_id"]), member.pk)
        contact = NetworkFactory(name="Contacted Network")
        add_member(contact, co_leader, role=Membership.Role.LEADER)
        response = self.client.post(
            reverse("community:network_contact", args=[contact.slug]),
            {"subject": "Hello from Zoe", "message": f"Reply to me at {EMAIL}."},
        )
        self.assertEqual(response.status_code, 302)
        # The worker has sent everything so far; one more email to the member is still waiting.
        DBTaskResult.objects.update(status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now(), return_value=1)
        with self.captureOnCommitCallbacks(execute=True):
            posting.add_reply(co_leader, Thread.objects.get(author=member), "A reply for Zoe.")
        self.assertTrue(DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists())
        return member

    def test_everything_is_exported_then_erased(self):
        member = self.build_member()
        avatar = member.profile.avatar.name
        self.assertTrue(default_storage.exists(avatar))

        response = self.client.post(reverse("community:account_download"))
        data = json.loads(response.content)
        self.assertEqual({a["email"] for a in data["account"]["email_addresses"]}, {EMAIL, SECOND_EMAIL})
        self.assertTrue(data["account"]["sign_ins"])
        profile = data["profile"]
        self.assertEqual(profile["display_name"], DISPLAY_NAME)
        self.assertEqual(profile["interests"], ["co-production", "respiratory"])
        self.assertIn(f"{USERNAME}", profile["avatar"])
        self.assertEqual([item["title"] for item in data["saved_items"]], ["Saved toolkit"])
        memberships = {m["network"]: (m["role"], m["status"]) for m in data["memberships"]}
        self.assertEqual(
            memberships, {"Quarry Vale Network": ("leader", "active"), "Asked Network": ("member", "pending")}
        )
        self.assertEqual([n["network"] for n in data["networks_created"]], ["Quarry Vale Network"])
        self.assertEqual([i["network"] for i in data["invitations_received"]], ["Elsewhere Network"])
        self.assertEqual(data["invitations_sent"], 1)
        discussions = data["discussions"]
        self.assertEqual(sorted(p["body"] for p in discussions["posts"]), ["My opening post.", "My reply."])
        self.assertEqual([t["title"] for t in discussions["saved_threads"]], ["Colin's question"])
        self.assertEqual(len(discussions["subscriptions"]), 2)
        self.assertEqual([r["reason"] for r in discussions["reports_made"]], ["Off topic."])
        self.assertEqual([s["reason"] for s in discussions["suspensions"]], ["Cooling off."])
        self.assertIsNotNone(discussions["last_digest_sent_at"])
        results = data["diagnostic_results"]
        self.assertEqual([r["status"] for r in results], ["Submitted", "In progress"])
        submitted = results[0]
        self.assertEqual(submitted["instrument"], "Network health scorecard")
        self.assertEqual(submitted["version"], 1)
        self.assertTrue(submitted["submitted_at"])
        self.assertEqual(set(submitted["answers"].values()), {3})
        self.assertEqual(
            submitted["scores"]["overall"], {"score": "3.00", "band": {"key": "developing", "label": "Developing"}}
        )
        self.assertTrue(all(line["score"] == "3.00" for line in submitted["scores"]["dimensions"]))
        self.assertIsNone(results[1]["scores"])
        self.assertEqual([r["comment"] for r in data["network_rounds"]], ["My round comment."])
        [session] = data["matrix_sessions_recorded"]
        self.assertEqual(
            (session["network"], session["date"], session["facilitator_notes"]),
            ("Quarry Vale Network", "2026-01-05", "Session notes."),
        )
        self.assertEqual(session["dimensions"][0]["participant_levels"], [1, 3])

        # The searches below do find the member while the account exists.
        words = [EMAIL, SECOND_EMAIL, USERNAME, DISPLAY_NAME, FULL_NAME]
        before = rows_naming(words)
        for table, word in (
            ("account_emailaddress", SECOND_EMAIL),
            ("members_profile", DISPLAY_NAME),
            ("axes_accesslog", USERNAME),
            ("wagtailcore_modellogentry", USERNAME),
        ):
            self.assertIn((table, word), before)
        self.assertIn(("discussions.Suspension", "user"), user_references(member))
        # axes counts failed sign-ins against the account itself (community/accounts/axes.py).
        axes_name = f"user:{member.pk}"

        # The delete page says what goes and what stays, then deletes with the password.
        page = self.client.get(reverse("community:account_delete"))
        for sentence in (
            "your diagnostic results, including any you have not finished",
            "your profile, including your picture and interests",
            "your network memberships, requests to join and invitations sent to you",
            "your answers to network rounds stay only inside each round&#x27;s anonymous results",
            "your threads and replies stay, shown as written by &quot;Former member&quot;",
        ):
            self.assertContains(page, sentence)
        response = self.client.post(reverse("community:account_delete"), {"password": PASSWORD})
        self.assertRedirects(response, "/", fetch_redirect_response=False)

        # Nothing names them, anywhere.
        member.refresh_from_db()
        self.assertTrue(member.username.startswith("former-member-"))
        self.assertEqual(rows_naming(words), set())
        self.assertFalse(AccessAttempt.objects.filter(username=axes_name).exists())
        self.assertFalse(AccessLog.objects.filter(username=axes_name).exists())
        self.assertEqual(user_references(member), KEPT_AS_FORMER_MEMBER)
        self.assertEqual(set(ModelLogEntry.objects.values_list("label", flat=True)), {member.username})
        self.assertFalse(default_storage.exists(avatar))
        self.assertFalse([s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(member.pk)])
        # What was kept stays, without them.
        self.assertEqual(Post.objects.filter(author=member).count(), 2)
        self.assertFalse(Response.objects.exists())
        self.assertEqual(RoundResponse.objects.get().comment, "My round comment.")
        self.assertIsNone(NetworkRound.objects.get().opened_by)
        self.assertIsNone(MatrixSession.objects.get().recorded_by)
        self.assertTrue(Membership.objects.filter(network__name="Quarry Vale Network", role="leader").exists())
        self.assertEqual(PostReport.objects.get().reason, "Off topic.")


class DemoExportTests(CommunityTestCase):
    def test_a_demo_members_export_holds_their_results(self):
        call_command("load_demo_diagnostics", "--force", stdout=io.StringIO())
        member = User.objects.get(username="amara-osei")
        stored = Response.objects.filter(user=member).select_related("version__instrument").order_by("started_at")
        self.assertTrue(stored)
        results = export_data(member)["diagnostic_results"]
        self.assertEqual(
            [(r["instrument"], r["version"], r["submitted_at"]) for r in results],
            [(s.version.instrument.title, s.version.number, s.submitted_at.isoformat()) for s in stored],
        )
        for result, response in zip(results, stored, strict=True):
            self.assertEqual(result["answers"], response.answers)
            dimensions = response.version.data.dimensions
            self.assertEqual([line["title"] for line in result["scores"]["dimensions"]], [d.title for d in dimensions])
            self.assertRegex(result["scores"]["overall"]["score"], r"^\d\.\d\d$")
            self.assertIn(result["scores"]["overall"]["band"]["key"], {"strength", "developing", "priority"})


class TaskQueueTests(CommunityTestCase):
    def queued(self, status=TaskResultStatus.SUCCESSFUL, **kwargs):
        return DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": [], "kwargs": kwargs},
            task_path="source4networks.emails.send_email_task",
            backend_name="default",
            run_after=timezone.now(),
        )

    def test_tasks_naming_the_member_by_address_or_id_go_and_others_stay(self):
        member = make_member(email="leaving@example.org", display_name="Lou Leaving")
        by_id = self.queued(user_id=member.pk)
        by_ids = self.queued(status=TaskResultStatus.READY, recipient_ids=[member.pk, member.pk + 1])
        by_address = self.queued(status=TaskResultStatus.READY, to=["Leaving@Example.org"])
        by_name_sent = self.queued(body="Lou Leaving asked to join.")
        by_name_waiting = self.queued(status=TaskResultStatus.READY, body="Lou Leaving asked to join.")
        running = self.queued(status=TaskResultStatus.RUNNING, to=["leaving@example.org"])
        same_number = self.queued(post_id=member.pk, to=["someone@example.org"])
        delete_account(member)
        self.assertEqual(
            set(DBTaskResult.objects.values_list("pk", flat=True)), {by_name_waiting.pk, running.pk, same_number.pk}
        )
        self.assertFalse(DBTaskResult.objects.filter(pk__in=[by_id.pk, by_ids.pk, by_address.pk, by_name_sent.pk]))
