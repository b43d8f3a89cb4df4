"""Every diagnostics page template is valid HTML (Nu HTML Checker, errors only).

Skipped when Java or the vnu-jar npm package is missing; one checker run covers every page."""

import shutil
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import TestCase
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from diagnostics.models import Instrument, Response
from resources.factories import ResourcePageFactory
from source4networks.factories import UserFactory

from .helpers import SCORECARD, answer_sections

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.skipif(not (shutil.which("java") and VNU.exists()), reason="needs Java and the vnu-jar npm package")
class HTMLValidityTests(TestCase):
    def test_diagnostics_pages_are_valid_html(self):
        member = UserFactory(username="valid-member")
        instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
        data = instrument.current_version.data
        ResourcePageFactory(title="Leading a network", topics=["network leadership"])
        CaseStudyPageFactory(title="A network that listened", topics=["member engagement"])
        low = {item.key: 5 if item.reverse else 1 for item in data.items}
        Response.objects.create(
            user=member,
            version=instrument.current_version,
            answers=dict.fromkeys(low, 3),
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now() - timedelta(days=10),
        )
        latest = Response.objects.create(
            user=member,
            version=instrument.current_version,
            answers=low,
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
        pages = {}
        visitor = self.client_class()
        for path in ["/diagnostics/", f"/diagnostics/{SCORECARD}/", "/diagnostics/network-maturity-matrix/"]:
            pages[path] = visitor.get(path)
        pages["section"] = visitor.get(f"/diagnostics/{SCORECARD}/section/2/")
        answer_sections(visitor, SCORECARD, lambda item: None if item.key == "purpose-1" else "4")
        pages["check"] = visitor.get(f"/diagnostics/{SCORECARD}/check/")
        pages["check-errors"] = visitor.post(f"/diagnostics/{SCORECARD}/check/")
        visitor.post(f"/diagnostics/{SCORECARD}/check/", {"answer-purpose-1": "NA"})
        pages["visitor-result"] = visitor.get(f"/diagnostics/{SCORECARD}/results/")
        self.client.force_login(member)
        pages["member-result"] = self.client.get(latest.get_absolute_url())
        pages["member-introduction"] = self.client.get(f"/diagnostics/{SCORECARD}/")

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
            names = dict(zip(files, pages, strict=True))
            report = result.stderr
            for file, name in names.items():
                report = report.replace(f"file:{file}", name)
            self.assertEqual(result.returncode, 0, report)
