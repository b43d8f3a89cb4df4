"""Builds the demo's anonymous benchmarking from demo/content/benchmarking.yaml: the networks that
take part, and one closed paper round for each contributor, so that the demo rounds of
rounds.yaml show a comparison. Answers come from a fixed seed. Running it again creates nothing
twice."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from community.networks.models import Network
from demo.builders.diagnostics import demo_answers, leader
from demo.loader import read
from diagnostics.factories import NetworkRoundFactory, RoundResponseFactory
from diagnostics.importing import load_shipped_instruments
from diagnostics.models import BenchmarkOptIn, Instrument, NetworkRound
from diagnostics.rounds import summarise


def benchmark_networks():
    """The slugs of every network the benchmarking demo names."""
    content = read("benchmarking")
    return sorted(set(content["taking_part"]) | {plan["network"] for plan in content["contributors"]})


def add_paper_round(network, version, plan, message, now):
    closes_at = now - timedelta(days=plan["closed_days_ago"])
    round_ = NetworkRoundFactory(
        network=network,
        version=version,
        opened_by=leader(network),
        message=message,
        mode=NetworkRound.Mode.PAPER,
        closes_at=closes_at,
        created_at=closes_at - timedelta(days=21),
    )
    for number in range(plan["forms"]):
        RoundResponseFactory(
            round=round_,
            paper=True,
            paper_label=f"form-{number + 1}",
            answers=demo_answers(version.data, f"{network.slug}/benchmark/{number}", lift=plan["lift"]),
            submitted_at=closes_at - timedelta(days=1),
        )
    round_.summary = summarise(round_)
    round_.save(update_fields=["summary"])


@transaction.atomic
def build_benchmarking(now=None):
    """Create what is missing; return (networks opted in, rounds created)."""
    now = now or timezone.now()
    content = read("benchmarking")
    load_shipped_instruments()
    survey = Instrument.objects.select_related("current_version").get(slug=content["survey"])
    networks = Network.objects.in_bulk(benchmark_networks(), field_name="slug")
    opted = rounds = 0
    for slug, basis in content["taking_part"].items():
        if slug in networks:
            _, created = BenchmarkOptIn.objects.get_or_create(
                network=networks[slug], instrument=survey, defaults={"basis": basis}
            )
            opted += created
    for plan in content["contributors"]:
        network = networks.get(plan["network"])
        if network is None or NetworkRound.objects.filter(network=network, version__instrument=survey).exists():
            continue  # idempotent: this network already has its demo round
        add_paper_round(network, survey.current_version, plan, content["round_message"], now)
        rounds += 1
    return opted, rounds
