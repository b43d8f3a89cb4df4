"""Anonymous benchmarking (issue 11, item 5): a closed round beside comparable networks that
take part; nothing below 5 other networks, never one network's figures; who may choose."""

import re
import statistics
from datetime import timedelta
from fractions import Fraction

from django.test import TestCase
from django.utils import timezone

from community.members.factories import make_member
from community.networks.factories import NetworkFactory, add_member
from community.networks.models import Membership
from diagnostics import benchmarking, scoring
from diagnostics.factories import NetworkRoundFactory, RoundResponseFactory
from diagnostics.models import BenchmarkOptIn, Instrument
from source4networks.factories import sector
from source4networks.taxonomy import NetworkType
from tests.quality.vnu import validity_problems
from tests.queries import assert_same_query_count, count_queries

from .helpers import SCORECARD, instrument_data

# Each contributor's average in every area: distinct at 1 dp from one another, from the network's
# own 2.5 and from the median and quartiles of any 6 of them, so a leak would show.
VALUES = ["2.13", "2.71", "3.29", "3.87", "4.43", "4.91"]
OWN = "2.5"


def summary(data, mean, count=17):
    """A stored round summary (rounds.summarise's shape) with ``mean`` in every area."""
    value = Fraction(mean)
    band = scoring.band_for(value, data.bands).key
    line = {"n": count, "enough": True, "mean": str(value), "min": "1.23", "max": "4.99", "sd": "0.77", "band": band}
    keys = [dimension.key for dimension in data.dimensions] + [scoring.OVERALL]
    return {"count": count, "lines": [{"key": key, **line} for key in keys]}


def one_dp(value):
    return scoring.format_display(Fraction(value))


def section(response):
    html = response.content.decode()
    match = re.search(r'<section class="s4n-benchmark".*?</section>', html, re.S)
    return match.group(0) if match else ""


def figure_in(text, figure):
    return re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d])", text) is not None


class BenchmarkTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instrument = Instrument.objects.get(slug=SCORECARD)
        cls.data = instrument_data(SCORECARD)
        cls.network = NetworkFactory(name="Harbour Stroke Network", network_type=NetworkType.CLINICAL)
        cls.network.sectors.add(sector("health"))
        cls.leader = make_member(username="bench-leader")
        add_member(cls.network, cls.leader, role=Membership.Role.LEADER)
        cls.member = make_member(username="bench-member")
        add_member(cls.network, cls.member)
        cls.round = cls.closed_round(cls.network, OWN, count=3)
        cls.opt_in = BenchmarkOptIn.objects.create(network=cls.network, instrument=cls.instrument)
        cls.url = cls.round.get_results_url()

    @classmethod
    def closed_round(cls, network, mean, count=17, days_ago=30, **kwargs):
        now = timezone.now()
        return NetworkRoundFactory(
            network=network,
            closes_at=now - timedelta(days=days_ago),
            created_at=now - timedelta(days=days_ago + 30),
            summary=summary(cls.data, mean, count) if mean else {"count": 1},
            **kwargs,
        )

    def contributor(self, mean, name=None, opted=True, network_type=NetworkType.CLINICAL, sectors=("health",), **kw):
        network = NetworkFactory(network_type=network_type, **({"name": name} if name else {}), **kw)
        network.sectors.set([sector(slug) for slug in sectors])
        self.closed_round(network, mean)
        if opted:
            BenchmarkOptIn.objects.create(network=network, instrument=self.instrument, basis=BenchmarkOptIn.Basis.TYPE)
        return network

    def page(self, user=None):
        self.client.force_login(user or self.leader)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        return response


class ThresholdAndPrivacyTests(BenchmarkTestCase):
    def test_nothing_below_five_other_networks_and_no_single_networks_figures_at_any_count(self):
        for count, mean in enumerate(VALUES, start=1):
            self.contributor(mean, name=f"Contributor {count}")
            response = self.page()
            html, part = response.content.decode(), section(response)
            shown = sorted(Fraction(value) for value in VALUES[:count])
            with self.subTest(count=count):
                # Nothing of any contributor's own line, anywhere on the page.
                for value in VALUES[:count]:
                    self.assertNotIn(value, html)
                for figure in ("1.23", "4.99", "0.77", "17"):
                    self.assertNotIn(figure, part)
                if count < 5:
                    needed = 5 - count
                    self.assertIn(
                        f"{needed} more network needs" if needed == 1 else f"{needed} more networks need", part
                    )
                    self.assertNotIn("Median of similar networks", part)
                    for value in VALUES[:count]:
                        self.assertFalse(figure_in(part, one_dp(value)), value)
                    continue
                lower, median, upper = statistics.quantiles(shown, n=4, method="inclusive")
                self.assertIn("Median of similar networks", part)
                self.assertIn(f">{one_dp(median)}<", part)
                self.assertIn(f"{one_dp(lower)} to {one_dp(upper)}", part)
                self.assertNotIn("more network", part)
                aggregates = {one_dp(lower), one_dp(median), one_dp(upper)}
                # The lowest and highest are never shown; with 6 networks none of them is (with 5,
                # the quartiles and median fall on the 2nd, 3rd and 4th, without saying whose).
                for value in VALUES[:count]:
                    if one_dp(value) not in aggregates:
                        self.assertFalse(figure_in(part, one_dp(value)), value)
                if count == 6:
                    self.assertFalse(aggregates & {one_dp(value) for value in VALUES})

    def test_exactly_five_others_show_the_median_and_middle_half(self):
        for mean in VALUES[:5]:
            self.contributor(mean)
        part = section(self.page())
        # 2.13, 2.71, 3.29, 3.87, 4.43: inclusive quartiles 2.71, 3.29, 3.87.
        self.assertIn(">3.3<", part)
        self.assertIn("2.7 to 3.9", part)
        self.assertEqual(part.count(">5<"), len(self.data.dimensions) + 1)

    def test_networks_that_have_not_opted_in_never_count(self):
        for mean in VALUES[:4]:
            self.contributor(mean)
        waiting = self.contributor(VALUES[4], opted=False)
        self.assertIn("1 more network needs to take part", section(self.page()))
        BenchmarkOptIn.objects.create(network=waiting, instrument=self.instrument)
        self.assertIn("Median of similar networks", section(self.page()))
        # Opting out takes it out again.
        BenchmarkOptIn.objects.filter(network=waiting).delete()
        self.assertIn("1 more network needs", section(self.page()))

    def test_only_a_network_that_takes_part_sees_a_comparison(self):
        for mean in VALUES:
            self.contributor(mean)
        self.opt_in.delete()
        part = section(self.page())
        self.assertNotIn("Median of similar networks", part)
        self.assertIn("Take part in benchmarking", part)
        # Its members see nothing of it on pages they may reach (the round page is the leaders').
        self.client.force_login(self.member)
        self.assertEqual(self.client.get(self.url).status_code, 403)

    def test_networks_of_another_type_or_sector_do_not_count(self):
        for mean in VALUES[:4]:
            self.contributor(mean, sectors=("education",))
        self.contributor(VALUES[4], network_type=NetworkType.IMPROVEMENT)
        self.assertIn("1 more network needs", section(self.page()))
        # By sector: the four clinical networks in education do not share one; the improvement
        # network in health does.
        self.opt_in.basis = BenchmarkOptIn.Basis.SECTOR
        self.opt_in.save()
        self.assertIn("4 more networks need", section(self.page()))
        for mean in VALUES[:4]:
            self.contributor(mean, network_type=NetworkType.OTHER, sectors=("health", "housing"))
        part = section(self.page())
        self.assertIn("Median of similar networks", part)
        self.assertIn("networks sharing a sector with yours (Health)", part)

    def test_only_each_networks_latest_closed_round_with_results_counts(self):
        networks = [self.contributor(mean) for mean in VALUES[:5]]
        first = networks[0]
        # Its newer closed round replaces its 2.13; a still newer one below the minimum, and an
        # open one, do not.
        self.closed_round(first, "4.91", days_ago=10)
        self.closed_round(first, None, days_ago=5)
        NetworkRoundFactory(network=first, summary=None)
        part = section(self.page())
        # 2.71, 3.29, 3.87, 4.43, 4.91: inclusive quartiles 3.29, 3.87, 4.43.
        self.assertIn(">3.9<", part)
        self.assertIn("3.3 to 4.4", part)

    def test_a_round_closed_by_its_date_and_never_opened_is_summarised_and_counts(self):
        for mean in VALUES[:4]:
            self.contributor(mean)
        late = self.contributor(VALUES[4])
        round_ = late.diagnostic_rounds.get()
        round_.summary = None
        round_.save()
        scale = self.data.scale
        answers = {item.key: scale.min + scale.max - 4 if item.reverse else 4 for item in self.data.items}
        for _ in range(3):
            RoundResponseFactory(round=round_, answers=answers)
        self.assertIn("Median of similar networks", section(self.page()))
        round_.refresh_from_db()
        self.assertEqual(round_.summary["count"], 3)

    def test_open_round_or_round_below_the_minimum_shows_no_comparison(self):
        for mean in VALUES:
            self.contributor(mean)
        self.url = NetworkRoundFactory(network=self.network, opened_by=self.leader).get_results_url()
        part = section(self.page())
        self.assertNotIn("Median", part)
        self.assertIn("once a round has closed", part)
        self.url = self.closed_round(self.network, None).get_results_url()
        self.assertNotIn("Median", section(self.page()))


class StrengthsTests(BenchmarkTestCase):
    def test_priority_areas_name_up_to_three_strong_networks_with_a_contact_link(self):
        for name, mean in [
            ("Delta Network", "4.43"),
            ("Alpha Network", "4.91"),
            ("Echo Network", "4.5"),
            ("Bravo Network", "4.2"),
            ("Charlie Network", "3.1"),
        ]:
            self.contributor(mean, name=name, slug=name.lower().replace(" ", "-"))
        part = section(self.page())
        self.assertIn("Networks to learn from", part)
        for name in ("Alpha Network", "Bravo Network", "Delta Network"):
            self.assertIn(name, part)
            self.assertIn(f'href="/networks/{name.lower().replace(" ", "-")}/contact/"', part)
        self.assertNotIn("Echo Network", part)  # three at most, by name
        self.assertNotIn("Charlie Network", part)  # not a strength
        self.assertEqual(part.count(">Contact this network<"), 3 * len(self.data.dimensions))

    def test_no_contact_link_to_a_network_the_viewer_leads_and_no_hidden_network(self):
        alpha = self.contributor("4.91", name="Alpha Network")
        self.contributor("4.5", name="Bravo Network", hidden=True)
        for mean in VALUES[:3]:
            self.contributor(mean)
        add_member(alpha, self.leader, role=Membership.Role.LEADER)
        part = section(self.page())
        self.assertIn("Alpha Network", part)
        self.assertNotIn(f"/networks/{alpha.slug}/contact/", part)
        self.assertNotIn("Bravo Network", part)
        self.assertIn("Median of similar networks", part)  # the hidden network still counts

    def test_a_closed_network_counts_but_is_not_named(self):
        # Its page no longer takes messages, so it is no network to learn from.
        closed = self.contributor("4.91", name="Closed Network")
        closed.archived_at = timezone.now()
        closed.save(update_fields=["archived_at"])
        for mean in VALUES[:4]:
            self.contributor(mean)
        part = section(self.page())
        self.assertNotIn("Closed Network", part)
        self.assertIn("Median of similar networks", part)  # five others, the closed one among them

    def test_areas_that_are_not_a_priority_list_no_networks(self):
        self.round.summary = summary(self.data, "3.5", 3)
        self.round.save()
        for mean in VALUES:
            self.contributor(mean, name=f"Strong {mean}")
        part = section(self.page())
        self.assertIn("Median of similar networks", part)
        self.assertNotIn("Networks to learn from", part)
        self.assertNotIn("Strong", part)


class QueryCountTests(BenchmarkTestCase):
    def test_queries_do_not_grow_with_the_networks_compared(self):
        for mean in VALUES[:5]:
            self.contributor(mean)
        self.client.force_login(self.leader)
        before = count_queries(self.client, self.url)
        for index in range(12):
            self.contributor(VALUES[index % 6])
        after = count_queries(self.client, self.url)
        self.assertIn("Median of similar networks", section(after.response))
        assert_same_query_count(before, after)


class QuartileTests(TestCase):
    def test_quartiles_are_the_inclusive_method_on_exact_values(self):
        values = [Fraction(v) for v in ("2.13", "2.71", "3.29", "3.87", "4.43", "4.91")]
        self.assertEqual(benchmarking.quartiles(values), tuple(statistics.quantiles(values, n=4, method="inclusive")))
        self.assertEqual(benchmarking.quartiles([Fraction(x) for x in (1, 2, 3, 4, 5)]), (2, 3, 4))


class ChoosingTests(BenchmarkTestCase):
    def settings_url(self, network=None):
        return f"/diagnostics/networks/{(network or self.network).slug}/benchmarking/{SCORECARD}/"

    def test_who_may_see_and_change_the_choice(self):
        other = NetworkFactory()
        outsider = make_member(username="bench-outsider")
        add_member(other, outsider)
        moderator = make_member(username="bench-moderator", groups=["Moderators"])
        url = self.settings_url()
        self.assertRedirects(self.client.get(url), f"/accounts/login/?next={url}", fetch_redirect_response=False)
        for user, status in [(self.member, 403), (outsider, 403), (moderator, 403), (self.leader, 200)]:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                self.assertEqual(self.client.get(url).status_code, status)
                if status == 403:
                    self.assertEqual(self.client.post(url, {"action": "stop"}).status_code, 403)
        self.assertTrue(BenchmarkOptIn.objects.filter(network=self.network).exists())
        self.client.logout()
        self.client.post(url, {"action": "stop"})
        self.assertTrue(BenchmarkOptIn.objects.filter(network=self.network).exists())
        self.client.force_login(self.leader)
        self.assertEqual(
            self.client.get(f"/diagnostics/networks/{self.network.slug}/benchmarking/nope/").status_code, 404
        )
        matrix = f"/diagnostics/networks/{self.network.slug}/benchmarking/network-maturity-matrix/"
        self.assertEqual(self.client.get(matrix).status_code, 404)

    def test_a_leader_opts_in_from_the_round_page_changes_basis_and_stops(self):
        self.opt_in.delete()
        self.client.force_login(self.leader)
        page = self.client.get(self.url)
        self.assertContains(page, "Take part in benchmarking")
        self.assertContains(page, f'action="{self.settings_url()}"')
        response = self.client.post(self.settings_url(), {"benchmark-basis": "type", "benchmark-round": self.round.pk})
        self.assertRedirects(response, f"{self.url}#benchmarking", fetch_redirect_response=False)
        self.assertEqual(BenchmarkOptIn.objects.get(network=self.network).basis, "type")
        page = self.client.get(self.url)
        self.assertContains(page, "takes part in anonymous benchmarking")
        self.assertContains(page, "5 more networks need to take part")
        response = self.client.post(self.settings_url(), {"benchmark-basis": "sector"})
        self.assertRedirects(response, self.settings_url(), fetch_redirect_response=False)
        self.assertEqual(BenchmarkOptIn.objects.get(network=self.network).basis, "sector")
        self.assertContains(self.client.get(self.settings_url()), "compared with networks sharing a sector")
        self.client.post(self.settings_url(), {"action": "stop", "benchmark-round": self.round.pk})
        self.assertFalse(BenchmarkOptIn.objects.filter(network=self.network).exists())

    def test_errors_are_shown_beside_the_field(self):
        self.network.sectors.clear()
        self.client.force_login(self.leader)
        response = self.client.post(
            self.settings_url(), {"benchmark-basis": "sector", "benchmark-round": self.round.pk}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<title>Error:", html=False)
        self.assertContains(response, "Your network has no sectors yet")
        self.assertContains(response, 'value="sector" checked')
        response = self.client.post(self.settings_url(), {"benchmark-basis": "nonsense"})
        self.assertContains(response, "Select which networks to compare with")
        self.assertEqual(BenchmarkOptIn.objects.get(network=self.network).basis, "type")

    def test_pages_are_valid_html(self):
        for mean in VALUES:
            self.contributor(mean, name=f"Network at {mean}")
        self.client.force_login(self.leader)
        pages = {
            "comparison": self.client.get(self.url),
            "settings": self.client.get(self.settings_url()),
            "settings-errors": self.client.post(self.settings_url(), {"benchmark-basis": "nonsense"}),
        }
        self.opt_in.delete()
        pages["settings-not-taking-part"] = self.client.get(self.settings_url())
        pages["round-with-form"] = self.client.get(self.url)
        for name, response in pages.items():
            self.assertEqual(response.status_code, 200, name)
        problems = validity_problems({name: response.content for name, response in pages.items()})
        self.assertEqual(problems, [], "\n".join(problems))
