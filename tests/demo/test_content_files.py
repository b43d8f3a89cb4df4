"""The demo content files hold together before any database: every body block is one the loader
knows, and the people, networks and threads they name exist. And the demo app stays at the top of
the dependency graph: no other app imports it."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.test import SimpleTestCase

from demo.loader import CONTENT_DIR, body_blocks, read


class DemoContentFilesTests(SimpleTestCase):
    def test_every_body_is_made_of_known_blocks(self):
        for name in ["pages", "resources", "events"]:
            for item in read(name):
                blocks = body_blocks(item["body"])  # raises on an unknown block
                self.assertTrue(blocks, item["slug"])

    def test_every_content_file_is_read_by_its_name(self):
        names = {path.stem for path in CONTENT_DIR.glob("*.yaml")}
        for name in names:
            self.assertIsNotNone(read(name), name)
        self.assertEqual(names, {path.stem for path in CONTENT_DIR.iterdir()}, "only .yaml files in demo/content/")

    def test_round_messages_name_no_season(self):
        """The demo rounds are dated relative to the day of loading: a season would soon be wrong."""
        rounds = read("rounds")
        for message in (rounds["earlier_round_message"], rounds["current_round_message"]):
            self.assertNotRegex(message.lower(), r"spring|summer|autumn|winter", message)

    def test_every_thread_has_replies_of_its_own(self):
        """Replies are written for their thread: none is shared between threads, so none is off topic."""
        threads = [thread for space in read("discussions")["spaces"] for thread in space["threads"]]
        replies = [reply for thread in threads for reply in thread.get("replies", [])]
        for thread in threads:
            self.assertTrue(thread.get("replies"), thread["title"])
        self.assertEqual(len(replies), len(set(replies)), "a reply is used in two threads")
        # General replies, which any thread may get, are not among the threads' own.
        self.assertFalse(set(read("discussions")["general_replies"]) & set(replies))
        by_title = {thread["title"]: thread for thread in threads}
        for report in read("discussions")["reports"]:
            self.assertLessEqual(report["reply"], len(by_title[report["thread"]]["replies"]), report["thread"])

    def test_people_networks_and_threads_named_exist(self):
        usernames = {member["username"] for member in read("members")}
        networks = {network["slug"] for network in read("networks")}
        self.assertEqual(len(usernames), len(read("members")))
        for network in read("networks"):
            people = network["leaders"] + network["shown_members"] + network["other_members"]
            self.assertTrue(network["leaders"], network["slug"])
            self.assertTrue(set(people) <= usernames, network["slug"])
        self.assertTrue(set(read("diagnostics")["members"]) <= usernames)
        self.assertTrue(set(read("rounds")["networks"]) <= networks)
        discussions = read("discussions")
        titles = {space["slug"]: [thread["title"] for thread in space["threads"]] for space in discussions["spaces"]}
        for space in discussions["spaces"]:
            self.assertTrue(space["network"] is None or space["network"] in networks, space["slug"])
        for item in discussions["reports"] + discussions["moderation"]:
            self.assertIn(item["thread"], titles[item["space"]])


class DemoDependencyTests(SimpleTestCase):
    def test_no_other_app_imports_demo(self):
        demo_import = re.compile(r"^\s*(from|import) demo\b", re.MULTILINE)
        base = Path(settings.BASE_DIR)
        project_apps = [Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == base]
        self.assertIn(base / "resources", project_apps)
        offenders = [
            str(path.relative_to(base))
            for app in project_apps
            if app.name != "demo"
            for path in app.rglob("*.py")
            if demo_import.search(path.read_text(encoding="utf-8"))
        ]
        self.assertEqual(offenders, [])
