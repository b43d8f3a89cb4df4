"""``{% round_benchmark results as benchmark %}``: what a round page shows of benchmarking.

A tag, so the round pages show the comparison with one include and no change to their views.
"""

from django import template

from community.networks.membership import is_leader

from .. import benchmarking
from ..benchmark_views import benchmark_form

register = template.Library()


@register.simple_tag(takes_context=True)
def round_benchmark(context, results):
    """The comparison (or None), the network's choice, and for its leaders the form."""
    round_ = results.round
    network, instrument = round_.network, round_.version.instrument
    request = context.get("request")
    viewer = getattr(request, "user", None)
    leads = bool(viewer and viewer.is_authenticated and is_leader(network, viewer))
    choice = benchmarking.opt_in_for(network, instrument)
    comparison = benchmarking.compare(results, viewer, choice) if choice else None
    return {
        "network": network,
        "instrument": instrument,
        "round": round_,
        "choice": choice,
        "comparison": comparison,
        "leads": leads,
        "form": benchmark_form(network, choice, round_) if leads else None,
        "basis_text": comparison.basis
        if comparison
        else (benchmarking.basis_description(network, choice.basis) if choice else ""),
        "minimum": benchmarking.MIN_OTHER_NETWORKS,
    }
