"""Every round and matrix session page is valid HTML (Nu HTML Checker, errors only)."""

from django.test import TestCase

from diagnostics.factories import MATRIX, network_with_rounds
from tests.quality.vnu import validity_problems


class RoundPagesHTMLValidityTests(TestCase):
    def test_round_and_matrix_pages_are_valid_html(self):
        example = network_with_rounds()
        network, later, paper = example.network, example.later, example.paper
        base = f"/diagnostics/networks/{network.slug}"
        pages = {}
        self.client.force_login(example.leader)
        for path in [
            f"{base}/rounds/",
            f"{base}/rounds/new/",
            later.get_results_url(),
            example.closed.get_results_url(),
            paper.get_results_url(),
            f"{later.get_results_url()}import/",
            f"{paper.get_results_url()}import/",
            f"{later.get_results_url()}close/",
            f"{paper.get_results_url()}close/",
            f"{base}/matrix/",
            f"{base}/matrix/new/{MATRIX}/",
            example.session.get_absolute_url(),
        ]:
            pages[path] = self.client.get(path)
        pages["new-round-errors"] = self.client.post(f"{base}/rounds/new/", {})
        pages["import-errors"] = self.client.post(f"{paper.get_results_url()}import/", {})
        pages["session-errors"] = self.client.post(f"{base}/matrix/new/{MATRIX}/", {})
        self.client.force_login(example.member)
        pages["answer"] = self.client.get(later.get_absolute_url())
        pages["answer-errors"] = self.client.post(f"{later.get_absolute_url()}check/", {})
        pages["closed"] = self.client.get(example.earlier.get_absolute_url())
        pages["paper"] = self.client.get(paper.get_absolute_url())
        self.client.force_login(example.outsider)
        pages["members-only"] = self.client.get(later.get_absolute_url())

        for name, response in pages.items():
            self.assertIn(response.status_code, (200, 403), name)
        problems = validity_problems({name: response.content for name, response in pages.items()})
        self.assertEqual(problems, [], "\n".join(problems))
