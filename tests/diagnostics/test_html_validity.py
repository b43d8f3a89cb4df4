"""Every diagnostics page template is valid HTML (Nu HTML Checker, errors only).

One checker run covers every page (tests/quality/vnu.py)."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from casestudies.factories import CaseStudyPageFactory
from diagnostics.factories import ResponseFactory
from diagnostics.models import Instrument
from resources.factories import ResourcePageFactory
from source4networks.factories import UserFactory
from tests.quality.vnu import validity_problems

from .helpers import SCORECARD, answer_sections


class HTMLValidityTests(TestCase):
    def test_diagnostics_pages_are_valid_html(self):
        member = UserFactory(username="valid-member")
        instrument = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
        data = instrument.current_version.data
        ResourcePageFactory(title="Leading a network", topics=["network leadership"])
        CaseStudyPageFactory(title="A network that listened", topics=["member engagement"])
        low = {item.key: 5 if item.reverse else 1 for item in data.items}
        ResponseFactory(
            user=member,
            version=instrument.current_version,
            answers=dict.fromkeys(low, 3),
            submitted_at=timezone.now() - timedelta(days=10),
        )
        latest = ResponseFactory(user=member, version=instrument.current_version, answers=low)
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

        for name, response in pages.items():
            self.assertEqual(response.status_code, 200, name)
        problems = validity_problems({name: response.content for name, response in pages.items()})
        self.assertEqual(problems, [], "\n".join(problems))
