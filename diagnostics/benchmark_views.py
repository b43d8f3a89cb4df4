"""The leaders' benchmarking choice for one survey (the rules are in benchmarking.py)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import benchmarking
from .models import BenchmarkOptIn, NetworkRound
from .round_views import led_network
from .rounds import RoundError


class BenchmarkForm(forms.Form):
    basis = forms.ChoiceField(
        label="Compare your results with",
        help_text="Only networks that also take part are compared, and only their median and middle half are shown.",
        widget=forms.RadioSelect,
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Select which networks to compare with"),
    )
    # The round page the form was sent from, to go back to.
    round = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, network, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.fields["basis"].choices = [
            (BenchmarkOptIn.Basis.TYPE, f"Networks of the same type ({network.get_network_type_display()})"),
            (BenchmarkOptIn.Basis.SECTOR, "Networks sharing a sector with yours"),
        ]

    def clean_basis(self):
        basis = self.cleaned_data["basis"]
        problem = benchmarking.basis_problem(self.network, basis)
        if problem:
            raise forms.ValidationError(problem)
        return basis


def benchmark_form(network, choice, round_=None, data=None) -> BenchmarkForm:
    """The form, showing the current choice (or the type, the usual one)."""
    initial = {"basis": choice.basis if choice else BenchmarkOptIn.Basis.TYPE, "round": round_.pk if round_ else None}
    # Prefixed: the form sits on the round page beside the round's own forms.
    return BenchmarkForm(network, data, initial=initial, prefix="benchmark")


def _back(network, instrument, round_id):
    round_ = NetworkRound.objects.filter(network=network, pk=round_id).first() if round_id else None
    if round_ is not None:
        return redirect(round_.get_results_url() + "#benchmarking")
    return redirect("diagnostics:benchmark_settings", network.slug, instrument.slug)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def benchmark_settings(request, slug, instrument):
    """Take part, change what to compare with, or stop (leaders only)."""
    network = led_network(request, slug)
    instrument = get_object_or_404(benchmarking.benchmark_instruments(), slug=instrument)
    choice = benchmarking.opt_in_for(network, instrument)
    form = benchmark_form(network, choice, data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        round_id = request.POST.get("benchmark-round", "")
        round_id = int(round_id) if round_id.isdigit() else None
        try:
            if request.POST.get("action") == "stop":
                if benchmarking.opt_out(network, request.user, instrument):
                    messages.success(request, f"{network.name} no longer takes part in benchmarking for this survey.")
                return _back(network, instrument, round_id)
            if form.is_valid():
                benchmarking.opt_in(network, request.user, instrument, form.cleaned_data["basis"])
                messages.success(request, f"{network.name} takes part in anonymous benchmarking for this survey.")
                return _back(network, instrument, round_id)
        except RoundError as error:
            form.add_error(None, str(error))
    return render(
        request,
        "diagnostics/benchmark/settings.html",
        {
            "network": network,
            "instrument": instrument,
            "choice": choice,
            "basis_text": benchmarking.basis_description(network, choice.basis) if choice else "",
            "form": form,
            "minimum": benchmarking.MIN_OTHER_NETWORKS,
            "round_list_url": reverse("diagnostics:round_list", args=[network.slug]),
        },
    )
