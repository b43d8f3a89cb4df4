"""Pages of a round's action plan (plans.py has the rules): the leaders' plan page, the action
forms, the CSV download and the print view."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from community.accounts.access import is_site_team
from community.networks.models import Network

from . import plans, rounds
from .forms import DATE_WIDGET
from .models import NetworkRound, PlanAction
from .round_views import led_round
from .views import _csv_response

#: A due date may be at most this many years before or after today.
DUE_YEARS = 10


class ActionForm(forms.ModelForm):
    what = forms.CharField(
        label="What will be done",
        help_text="For example, agree the network's three priorities for next year at the spring meeting.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what will be done"},
    )
    owner = forms.CharField(
        label="Owner (optional)",
        help_text="The name of the person who will make it happen. They do not need an account.",
        max_length=200,
        required=False,
    )
    due_on = forms.DateField(
        label="Due date (optional)",
        help_text="For example, 27/3/2027. A date already past is kept, and shown as overdue until the action is done.",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"],
        widget=DATE_WIDGET,
        error_messages={"invalid": "Enter a real date, like 27/3/2027"},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=PlanAction.Status.choices,
        initial=PlanAction.Status.NOT_STARTED,
        widget=forms.RadioSelect,
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Select the action's status"),
    )

    class Meta:
        model = PlanAction
        fields = ["what", "owner", "due_on", "status"]

    def clean_due_on(self):
        day = self.cleaned_data["due_on"]
        if day is not None and abs(day - timezone.localdate()) > timedelta(days=365 * DUE_YEARS):
            raise forms.ValidationError(f"Enter a due date within {DUE_YEARS} years of today")
        return day


def _plan_or_404(round_):
    plan = plans.build_plan(round_, rounds.round_results(round_))
    if plan is None:
        raise Http404("Only a closed round with results has a plan.")
    return plan


def _led_plan(request, slug, pk):
    """For the network's leaders: the round and its plan."""
    network, round_ = led_round(request, slug, pk)
    return network, round_, _plan_or_404(round_)


def _visible_plan(request, slug, pk):
    """For everyone who may see the plan (plans.plan_visible_to): leaders, and members once the
    results are shared. 404 for a hidden network's outsiders, as on the network page."""
    network = get_object_or_404(Network, slug=slug)
    round_ = get_object_or_404(NetworkRound.objects.select_related("version__instrument"), pk=pk, network=network)
    round_.network = network
    if not plans.plan_visible_to(round_, request.user):
        if network.hidden and not (rounds.is_member(network, request.user) or is_site_team(request.user)):
            raise Http404("No such network")
        raise PermissionDenied("The plan is shown to the network's members once a leader shares the results.")
    return network, round_, _plan_or_404(round_)


def _context(network, round_, plan, **extra):
    return {"network": network, "round": round_, "instrument": round_.version.instrument, "plan": plan, **extra}


@never_cache
@login_required
@require_GET
def plan_page(request, slug, pk):
    network, round_, plan = _led_plan(request, slug, pk)
    return render(request, "diagnostics/plans/plan.html", _context(network, round_, plan, editable=True))


@never_cache
@login_required
@require_GET
def plan_print(request, slug, pk):
    network, round_, plan = _visible_plan(request, slug, pk)
    return render(request, "diagnostics/plans/print.html", _context(network, round_, plan))


@never_cache
@login_required
@require_GET
def plan_csv(request, slug, pk):
    network, round_, plan = _visible_plan(request, slug, pk)
    return _csv_response(
        plans.plan_csv(plan), f"{slug}-{round_.version.instrument.slug}-{round_.created_at:%Y-%m-%d}-plan"
    )


def _action_form_page(request, network, round_, plan, area, action=None):
    initial = {}
    if action is None:
        # "Add as an action" beside a suggested page starts the action from it.
        suggested = plans.suggested_page(area, request.GET.get("suggested"))
        if suggested is not None:
            initial["what"] = f"Read and discuss “{suggested.title}” and agree what the network will try"
    form = ActionForm(request.POST or None, instance=action, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plans.save_action(plan, request.user, area.key, form.cleaned_data, action)
        except plans.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The action is saved." if action else "The action is added to the plan.")
            return redirect(reverse("diagnostics:round_plan", args=[network.slug, round_.pk]) + f"#area-{area.key}")
    return render(
        request,
        "diagnostics/plans/action_form.html",
        _context(network, round_, plan, form=form, area=area, action=action),
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def action_new(request, slug, pk, area):
    network, round_, plan = _led_plan(request, slug, pk)
    found = plan.area(area)
    if found is None:
        raise Http404("That area is not on the plan.")
    return _action_form_page(request, network, round_, plan, found)


def _action(plan, action_pk):
    action = next((action for action in plan.actions if action.pk == action_pk), None)
    if action is None:
        raise Http404("No such action on this plan.")
    return action, plan.area(action.dimension)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, slug, pk, action_pk):
    network, round_, plan = _led_plan(request, slug, pk)
    action, area = _action(plan, action_pk)
    return _action_form_page(request, network, round_, plan, area, action)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def action_delete(request, slug, pk, action_pk):
    network, round_, plan = _led_plan(request, slug, pk)
    action, area = _action(plan, action_pk)
    if request.method == "POST":
        try:
            plans.delete_action(plan, request.user, action)
        except plans.PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The action is deleted.")
        return redirect(reverse("diagnostics:round_plan", args=[network.slug, round_.pk]) + f"#area-{area.key}")
    return render(
        request, "diagnostics/plans/action_delete.html", _context(network, round_, plan, action=action, area=area)
    )
