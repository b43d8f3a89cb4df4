"""Every round and matrix session page is valid HTML (Nu HTML Checker, errors only)."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.test import TestCase

from .round_builders import MATRIX, set_up_rounds
from .test_html_validity import VNU


@pytest.mark.skipif(not (shutil.which("java") and VNU.exists()), reason="needs Java and the vnu-jar npm package")
class RoundPagesHTMLValidityTests(TestCase):
    def test_round_and_matrix_pages_are_valid_html(self):
        network, leader, member, outsider, earlier, later, session = set_up_rounds()
        base = f"/diagnostics/networks/{network.slug}"
        pages = {}
        self.client.force_login(leader)
        for path in [
            f"{base}/rounds/",
            f"{base}/rounds/new/",
            later.get_results_url(),
            f"{later.get_results_url()}import/",
            f"{base}/matrix/",
            f"{base}/matrix/new/{MATRIX}/",
            session.get_absolute_url(),
        ]:
            pages[path] = self.client.get(path)
        pages["new-round-errors"] = self.client.post(f"{base}/rounds/new/", {})
        pages["import-errors"] = self.client.post(f"{later.get_results_url()}import/", {})
        pages["session-errors"] = self.client.post(f"{base}/matrix/new/{MATRIX}/", {})
        self.client.force_login(member)
        pages["answer"] = self.client.get(later.get_absolute_url())
        pages["answer-errors"] = self.client.post(later.get_absolute_url(), {})
        pages["closed"] = self.client.get(earlier.get_absolute_url())
        self.client.force_login(outsider)
        pages["members-only"] = self.client.get(later.get_absolute_url())

        with tempfile.TemporaryDirectory() as directory:
            files = []
            for number, (name, response) in enumerate(pages.items()):
                self.assertIn(response.status_code, (200, 403), name)
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
