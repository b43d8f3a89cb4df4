"""What diagnostics add to features that other apps own: the member's part of "Download my data",
what goes when they delete their account, "My diagnostics" on the account overview and the open
rounds on a network page. Registered in DiagnosticsConfig.ready()."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from community.accounts.deletion import DeletionNote
from community.accounts.export import iso
from community.networks.models import Membership

from . import rounds, scoring
from .models import InstrumentVersion, MatrixSession, NetworkRound, PlanAction, Response, RoundResponse
from .survey import clean_stored


def _band(band):
    return {"key": band.key, "label": band.label} if band else None


def result_scores(data, answers):
    """A submitted result's scores as on the results page: each dimension, then overall, with
    the score to 2 decimal places ("" when too few statements were answered) and its band."""
    scored = scoring.score_respondent(data, clean_stored(answers, data))
    titles = {dimension.key: dimension.title for dimension in data.dimensions}
    return {
        "dimensions": [
            {
                "dimension": line.key,
                "title": titles[line.key],
                "score": scoring.format_export(line.score),
                "band": _band(line.band),
                "statements_answered": line.answered,
                "statements": line.items,
            }
            for line in scored.dimensions
        ],
        "overall": {"score": scoring.format_export(scored.overall_score), "band": _band(scored.overall_band)},
    }


def _result(response):
    version = response.version
    submitted = response.status == Response.Status.SUBMITTED
    return {
        "instrument": version.instrument.title,
        "instrument_slug": version.instrument.slug,
        "version": version.number,
        "status": response.get_status_display(),
        "started_at": iso(response.started_at),
        "submitted_at": iso(response.submitted_at),
        "updated_at": iso(response.updated_at),
        "answers": response.answers,
        # Scores exist only for a submitted result; an unfinished one has only its answers.
        "scores": result_scores(version.data, response.answers) if submitted else None,
    }


def _session(session):
    return {
        "network": session.network.name,
        "instrument": session.version.instrument.title,
        "version": session.version.number,
        "date": iso(session.date),
        "facilitator_notes": session.notes,
        "recorded_at": iso(session.created_at),
        "dimensions": [
            {
                "dimension": row.dimension,
                "participant_levels": row.participant_levels,
                "agreed_current": row.agreed_current,
                "target": row.target,
            }
            for row in session.rows.all()
        ],
    }


def export_diagnostics(user, request=None):
    """The member's own results, their answers to network rounds and the matrix sessions they
    recorded for their networks."""
    responses = Response.objects.filter(user=user).select_related("version__instrument").order_by("started_at", "pk")
    sessions = (
        MatrixSession.objects.filter(recorded_by=user)
        .select_related("network", "version__instrument")
        .prefetch_related("rows")
        .order_by("date", "pk")
    )
    return {
        "diagnostic_results": [_result(response) for response in responses],
        **rounds.export_section(user, request),
        "matrix_sessions_recorded": [_session(session) for session in sessions],
    }


def forget_member(sender, user, **kwargs):
    """Personal results go. Round answers stay inside the round's anonymous figures, and the
    rounds and sessions a leader ran stay with the network, without their name."""
    Response.objects.filter(user=user).delete()
    rounds.forget_respondent(sender, user)
    NetworkRound.objects.filter(opened_by=user).update(opened_by=None)
    MatrixSession.objects.filter(recorded_by=user).update(recorded_by=None)
    PlanAction.objects.filter(created_by=user).update(created_by=None)
    InstrumentVersion.objects.filter(created_by=user).update(created_by=None)


DELETION_NOTE = DeletionNote(
    deleted=(
        "your diagnostic results, including any you have not finished",
        "answers to network rounds you had not submitted",
    ),
    kept=(
        "your answers to network rounds stay only inside each round's anonymous results",
        "maturity-matrix sessions you recorded stay with the network, without your name",
        "actions you recorded on a round's action plan stay with the network, without your name",
    ),
)


# "My diagnostics" lists this many of a member's latest results; each diagnostic's page lists
# the member's earlier results of it.
RESULTS_SHOWN = 20


def open_rounds(user):
    """The open online rounds of the networks `user` is an active member of, soonest to close
    first, each with `answered` (they have submitted their answers) and `started` (they have
    answers saved but not submitted). Paper rounds are answered on paper, so they are not
    offered."""
    own = RoundResponse.objects.filter(round=OuterRef("pk"), respondent=user)
    return (
        NetworkRound.objects.filter(
            mode=NetworkRound.Mode.ONLINE,
            closed=False,
            closes_at__gt=timezone.now(),
            network__memberships__user=user,
            network__memberships__status=Membership.Status.ACTIVE,
        )
        .annotate(
            answered=Exists(own.filter(status=RoundResponse.Status.SUBMITTED)),
            started=Exists(own.filter(status=RoundResponse.Status.DRAFT)),
        )
        .select_related("network", "version__instrument")
        .order_by("closes_at", "pk")
    )


def my_diagnostics(user):
    """For the account overview: the member's own results (unfinished ones first) and the
    open rounds of their networks, with a link to answer each."""
    responses = Response.objects.filter(user=user).select_related("version__instrument")
    # An unfinished result is continued from its diagnostic's page, which exists only while
    # the diagnostic is published; one line per diagnostic, as the survey resumes the latest.
    unfinished = {}
    for response in responses.filter(
        status=Response.Status.IN_PROGRESS, version__instrument__is_published=True
    ).order_by("-updated_at"):
        unfinished.setdefault(response.version.instrument_id, response)
    submitted = list(responses.filter(status=Response.Status.SUBMITTED).order_by("-submitted_at")[: RESULTS_SHOWN + 1])
    return {
        "unfinished": list(unfinished.values()),
        "results": submitted[:RESULTS_SHOWN],
        "more_results": len(submitted) > RESULTS_SHOWN,
        "open_rounds": list(open_rounds(user)),
        "shared_results": shared_results(user),
    }


def shared_results(user, network=None):
    """Closed rounds of the member's networks (or of `network`) whose results their leaders
    have shared, latest first (at most RESULTS_SHOWN)."""
    shared = NetworkRound.objects.filter(network=network) if network is not None else NetworkRound.objects.all()
    return list(
        shared.filter(
            shared_at__isnull=False,
            network__memberships__user=user,
            network__memberships__status=Membership.Status.ACTIVE,
        )
        .select_related("network", "version__instrument")
        .order_by("-shared_at", "-pk")[:RESULTS_SHOWN]
    )


def network_open_rounds(viewer, network, membership):
    """For a network page: its open rounds, shown to the network's active members only (they
    are the ones who may answer)."""
    if not (membership and membership.is_active):
        return None
    network_rounds = list(open_rounds(viewer).filter(network=network))
    shared = shared_results(viewer, network)
    if not (network_rounds or shared):
        return None
    return {"open_rounds": network_rounds, "shared_results": shared, "network": network}
