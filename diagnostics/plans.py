"""A round's action plan (issue 11, point 4): from a closed round's results to what the network
will do about them.

What a plan is
--------------
Once a round has closed with enough responses for results, each area (dimension) banded below
the instrument's top band (with the default bands: "developing" and "priority") gets a place on
the round's plan. The plan starts from what the results already suggest for that area (its
guidance for the band, and the resources and case studies matched by topic, as on the results
page), and the network's leaders record actions under it: what will be done, who owns it (a name
typed freely), the due date, and the status (not started, in progress, done). A due date in the
past is accepted, as an action agreed at a meeting may be recorded late, but an action past its
due date and not done is shown as overdue.

Who sees it
-----------
The network's active leaders see and change the plan. Members see it (read only) with the
results once a leader has shared them (:func:`plan_visible_to`); nobody else does.

The next round
--------------
The network's next round of the same instrument shows, per area, the actions recorded for it
on the previous round's plan beside the change in score: "3 actions, 2 done: +0.6"
(:func:`add_progress`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import ngettext

from community.networks.membership import membership_of
from source4networks.csvsafe import safe_row

from .models import PlanAction

CSV_HEADER = ["area", "band", "average", "action", "owner", "due date", "status", "overdue"]


class PlanError(Exception):
    """Something the rules refuse; str(error) is shown to the person."""


# --------------------------------------------------------------------------------------------
# Who may see and change a plan
# --------------------------------------------------------------------------------------------


def can_edit(round_, user) -> bool:
    """The network's active leaders."""
    membership = membership_of(round_.network, user)
    return bool(membership and membership.is_active and membership.is_leader)


def plan_visible_to(round_, user) -> bool:
    """Leaders always; the network's active members once a leader has shared the results."""
    membership = membership_of(round_.network, user)
    if membership is None or not membership.is_active:
        return False
    return membership.is_leader or bool(getattr(round_, "shared_at", None))


# --------------------------------------------------------------------------------------------
# The plan
# --------------------------------------------------------------------------------------------


@dataclass
class PlanArea:
    """One area on the plan: its row of the round's results (title, band, guidance, suggested
    pages) and the actions recorded for it."""

    row: object  # rounds.AggregateRow
    actions: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.row.key

    @property
    def done(self) -> int:
        return sum(action.is_done for action in self.actions)


@dataclass
class Plan:
    round: object
    results: object  # rounds.RoundResults
    areas: list[PlanArea]
    today: date

    @property
    def actions(self) -> list:
        return [action for area in self.areas for action in area.actions]

    def area(self, key) -> PlanArea | None:
        return next((area for area in self.areas if area.key == key), None)


def has_plan(results) -> bool:
    """Only a closed round with results has a plan (and only if some area needs attention)."""
    return not results.is_open and results.enough and bool(results.attention)


def build_plan(round_, results) -> Plan | None:
    """The plan of ``round_``, given its ``results`` (rounds.round_results); None when the round
    has none. One query for the actions, however many there are."""
    if not has_plan(results):
        return None
    today = timezone.localdate()
    areas = {row.key: PlanArea(row=row) for row in results.attention}
    for action in PlanAction.objects.filter(round=round_):
        action.overdue = action.is_overdue(today)
        if action.dimension in areas:
            areas[action.dimension].actions.append(action)
    return Plan(round=round_, results=results, areas=list(areas.values()), today=today)


def suggested_page(area: PlanArea, page_id):
    """One of the area's suggested resources and case studies, by id (anything else: None)."""
    return next((page for page in area.row.resources + area.row.case_studies if str(page.pk) == page_id), None)


def save_action(plan: Plan, user, area_key: str, cleaned: dict, action: PlanAction | None = None) -> PlanAction:
    """Add an action to ``area_key`` (or change ``action``) from a form's cleaned data."""
    if not can_edit(plan.round, user):
        raise PlanError("Only the network's leaders can change the plan.")
    if plan.area(area_key) is None:
        raise PlanError("That area is not on the plan.")
    if action is None:
        action = PlanAction(round=plan.round, dimension=area_key, created_by=user)
    for name in ("what", "owner", "due_on", "status"):
        setattr(action, name, cleaned[name])
    action.save()
    return action


def delete_action(plan: Plan, user, action: PlanAction) -> None:
    if not can_edit(plan.round, user):
        raise PlanError("Only the network's leaders can change the plan.")
    action.delete()


def plan_csv(plan: Plan) -> str:
    """One line per action: the area, its band and average, then the action."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for area in plan.areas:
        band = area.row.band.label if area.row.band else ""
        for action in area.actions:
            writer.writerow(
                safe_row(
                    [
                        area.row.title,
                        band,
                        area.row.mean,
                        action.what,
                        action.owner,
                        action.due_on.isoformat() if action.due_on else "",
                        action.get_status_display(),
                        "yes" if action.overdue else "",
                    ]
                )
            )
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# The next round: what was done since
# --------------------------------------------------------------------------------------------


def action_counts(round_) -> dict[str, tuple[int, int]]:
    """Per area key of ``round_``'s plan: (actions, of which done). One query."""
    rows = (
        PlanAction.objects.filter(round=round_)
        .values("dimension")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=PlanAction.Status.DONE)))
        .order_by()
    )
    return {row["dimension"]: (row["total"], row["done"]) for row in rows}


def progress_text(total: int, done: int) -> str:
    """ "3 actions, 2 done" """
    return ngettext("%(total)d action, %(done)d done", "%(total)d actions, %(done)d done", total) % {
        "total": total,
        "done": done,
    }


def add_progress(results) -> None:
    """Set ``plan_progress`` on each row of ``results`` whose area had actions on the previous
    round's plan (the round the change is measured from)."""
    if results.previous is None:
        return
    counts = action_counts(results.previous)
    results.previous_plan = bool(counts)
    for row in results.rows:
        if row.key in counts:
            row.plan_progress = progress_text(*counts[row.key])


def plan_for(round_, results, user) -> Plan | None:
    """The plan to include in a results page (``diagnostics/plans/plan_section.html``), or None
    when ``user`` may not see it or the round has none."""
    return build_plan(round_, results) if plan_visible_to(round_, user) else None
