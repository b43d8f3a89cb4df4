"""Pages for maturity matrix sessions, for a network's leaders only. Thin views: the rules are in
matrix.py, the change chart's geometry in matrix_chart.py, the form in forms.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from source4networks.site_address import absolute_url

from . import matrix, scoring
from .forms import MatrixSessionForm
from .matrix_chart import full_date
from .models import Instrument, MatrixSession
from .round_views import led_network
from .rounds import RoundError
from .views import _csv_response


def _matrices():
    return Instrument.objects.published().filter(kind=scoring.MATRIX).exclude(current_version=None)


def _led_session(request, slug, pk):
    """The network and one of its sessions, for the network's active leaders only."""
    network = led_network(request, slug)
    session = get_object_or_404(
        MatrixSession.objects.select_related("version__instrument").prefetch_related("rows"), pk=pk, network=network
    )
    session.network = network
    return network, session


@never_cache
@login_required
@require_GET
def matrix_list(request, slug):
    network = led_network(request, slug)
    return render(
        request,
        "diagnostics/matrix/list.html",
        {"network": network, "comparisons": matrix.compare_sessions(network), "matrices": _matrices()},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def matrix_new(request, slug, instrument):
    network = led_network(request, slug)
    instrument = get_object_or_404(_matrices().select_related("current_version"), slug=instrument)
    data = instrument.current_version.data
    form = MatrixSessionForm(data, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = matrix.record_session(
                network, request.user, instrument, form.cleaned_data["date"], form.cleaned_data["notes"], form.entries()
            )
        except (RoundError, ValueError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The session is recorded.")
            return redirect(session.get_absolute_url())
    return render(
        request,
        "diagnostics/matrix/new.html",
        {"network": network, "instrument": instrument, "data": data, "form": form},
    )


@never_cache
@login_required
@require_GET
def matrix_detail(request, slug, pk):
    network, session = _led_session(request, slug, pk)
    previous = matrix.previous_session(session)
    lines = matrix.session_lines(session, previous)
    return render(
        request,
        "diagnostics/matrix/detail.html",
        {
            "network": network,
            "session": session,
            "instrument": session.version.instrument,
            "previous": previous,
            "lines": lines,
            "flagged": [line for line in lines if line.above_target],
            # Printed pages show addresses in full.
            "page_address": absolute_url(session.get_absolute_url()),
            "previous_address": absolute_url(previous.get_absolute_url()) if previous else "",
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def matrix_edit(request, slug, pk):
    """Correct a session, on the matrix version it was recorded with."""
    network, session = _led_session(request, slug, pk)
    data = session.version.data
    form = MatrixSessionForm(data, request.POST or None, initial=MatrixSessionForm.initial_for(session))
    if request.method == "POST" and form.is_valid():
        try:
            matrix.update_session(
                session, request.user, form.cleaned_data["date"], form.cleaned_data["notes"], form.entries()
            )
        except (RoundError, ValueError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The session is changed.")
            return redirect(session.get_absolute_url())
    return render(
        request,
        "diagnostics/matrix/new.html",
        {"network": network, "instrument": session.version.instrument, "data": data, "form": form, "session": session},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def matrix_delete(request, slug, pk):
    """Delete a session, after a page saying that it cannot be undone."""
    network, session = _led_session(request, slug, pk)
    if request.method == "POST":
        try:
            matrix.delete_session(session, request.user)
        except RoundError as error:
            messages.error(request, str(error))
            return redirect(session.get_absolute_url())
        messages.success(request, f"The session of {full_date(session.date)} is deleted.")
        return redirect(reverse("diagnostics:matrix_list", args=[network.slug]))
    return render(
        request,
        "diagnostics/matrix/delete.html",
        {"network": network, "session": session, "instrument": session.version.instrument},
    )


@never_cache
@login_required
@require_GET
def matrix_csv(request, slug, pk):
    network, session = _led_session(request, slug, pk)
    lines = matrix.session_lines(session, matrix.previous_session(session))
    return _csv_response(
        matrix.session_csv(session, lines), f"{network.slug}-{session.version.instrument.slug}-{session.date:%Y-%m-%d}"
    )
