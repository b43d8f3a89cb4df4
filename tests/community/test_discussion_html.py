"""Every discussion page is valid HTML (Nu HTML Checker, errors only). Skipped when Java or
the vnu-jar npm package is missing; one checker run covers every page."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from community.discussion_models import PostReport

from .discussions_base import DiscussionTestCase

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.skipif(not (shutil.which("java") and VNU.exists()), reason="needs Java and the vnu-jar npm package")
class DiscussionHTMLValidityTests(DiscussionTestCase):
    def test_discussion_pages_are_valid_html(self):
        thread = self.open_thread
        opening = thread.posts.get(is_opening=True)
        reply = thread.posts.get(is_opening=False)
        PostReport.objects.create(post=reply, reporter=self.member, reason="Spam")
        pages = {}
        pages["visitor-home"] = self.client.get("/community/")
        pages["visitor-thread"] = self.client.get(thread.get_absolute_url())
        self.client.force_login(self.author)
        for name, path in [
            ("home", "/community/"),
            ("space", "/community/general/"),
            ("private-space", "/community/stroke-private/"),
            ("thread", thread.get_absolute_url()),
            ("new", "/community/general/new/"),
            ("reply", thread.get_absolute_url() + f"reply/?quote={reply.pk}"),
            ("edit", f"/community/posts/{opening.pk}/edit/"),
            ("delete", f"/community/posts/{opening.pk}/delete/"),
            ("saved", "/account/saved/"),
            ("network", f"/networks/{self.network.slug}/"),
        ]:
            pages[name] = self.client.get(path)
        pages["new-errors"] = self.client.post("/community/general/new/", {"title": "x", "body": "", "post": "1"})
        pages["preview"] = self.client.post(
            thread.get_absolute_url() + "reply/", {"body": "# Hi\n\n*x*", "preview": "1"}
        )
        self.client.force_login(self.member)
        pages["report"] = self.client.get(f"/community/posts/{opening.pk}/report/")
        self.client.force_login(self.suspended)
        pages["suspended-thread"] = self.client.get(thread.get_absolute_url())
        self.client.force_login(self.moderator)
        pages["moderator-thread"] = self.client.get(thread.get_absolute_url())
        pages["suspend"] = self.client.get("/community/moderate/members/member/")

        with tempfile.TemporaryDirectory() as directory:
            files = []
            for number, (name, response) in enumerate(pages.items()):
                self.assertEqual(response.status_code, 200, name)
                path = Path(directory) / f"{number}.html"
                path.write_bytes(response.content)
                files.append(str(path))
            result = subprocess.run(  # noqa: S603 - fixed arguments
                ["java", "-jar", str(VNU), "--errors-only", *files],  # noqa: S607
                capture_output=True,
                text=True,
                timeout=300,
            )
            report = result.stderr
            for file, name in zip(files, pages, strict=True):
                report = report.replace(f"file:{file}", name)
            self.assertEqual(result.returncode, 0, report)
