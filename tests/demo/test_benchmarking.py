"""The demo's anonymous benchmarking: a demo network's closed round shows a comparison with at
least five other networks, and loading again creates nothing twice."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase, override_settings

from demo.builders.benchmarking import benchmark_networks
from demo.builders.diagnostics import round_networks
from demo.loader import read
from diagnostics.benchmarking import MIN_OTHER_NETWORKS
from diagnostics.models import BenchmarkOptIn, NetworkRound


@override_settings(DEBUG=True)
class DemoBenchmarkingTests(TestCase):
    def run_command(self):
        out = StringIO()
        call_command("load_demo_rounds", stdout=out)
        return out.getvalue()

    def test_a_demo_round_is_compared_with_at_least_five_networks(self):
        self.assertIn("benchmarking: 9 network(s) opted in, 7 closed paper round(s)", self.run_command())
        self.assertIn("benchmarking: 0 network(s) opted in, 0 closed paper round(s)", self.run_command())
        self.assertEqual(BenchmarkOptIn.objects.count(), 9)
        for slug in round_networks():
            earlier = NetworkRound.objects.filter(network__slug=slug).last()
            self.client.force_login(earlier.opened_by)
            page = self.client.get(earlier.get_results_url()).content.decode()
            part = re.search(r'<section class="s4n-benchmark".*?</section>', page, re.S).group(0)
            with self.subTest(network=slug):
                self.assertIn("Median of similar networks", part)
                counts = [int(count) for count in re.findall(r'numeric">(\d+)</td>\s*</tr>', part)]
                self.assertEqual(len(counts), len(earlier.version.data.dimensions) + 1)
                self.assertGreaterEqual(min(counts), MIN_OTHER_NETWORKS)


class DemoBenchmarkingContentTests(SimpleTestCase):
    def test_the_networks_named_exist_and_at_least_five_contribute(self):
        content = read("benchmarking")
        networks = {network["slug"]: network for network in read("networks")}
        self.assertTrue(set(benchmark_networks()) <= set(networks))
        self.assertTrue(set(content["taking_part"].values()) <= set(BenchmarkOptIn.Basis.values))
        contributors = {plan["network"] for plan in content["contributors"]}
        self.assertTrue(contributors <= set(content["taking_part"]))
        self.assertFalse(contributors & set(round_networks()), "a network with demo rounds gets no other")
        for slug in round_networks():
            sectors = set(networks[slug]["sectors"])
            sharing = {other for other in contributors if sectors & set(networks[other]["sectors"])}
            self.assertGreaterEqual(len(sharing), MIN_OTHER_NETWORKS, slug)
