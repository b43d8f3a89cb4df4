"""A network with two rounds (the earlier one closed) and two matrix sessions, for page tests."""

from datetime import date, timedelta

from django.utils import timezone

SCORECARD = "network-health-scorecard"
MATRIX = "network-maturity-matrix"


def set_up_rounds():
    """Return (network, leader, member, outsider, earlier round, later round, first session)."""
    from community.members.factories import make_member
    from community.networks.factories import NetworkFactory, add_member
    from community.networks.models import Membership
    from diagnostics import matrix, rounds
    from diagnostics.models import Instrument
    from diagnostics.scoring import MatrixEntry

    survey = Instrument.objects.select_related("current_version").get(slug=SCORECARD)
    data = survey.current_version.data
    network = NetworkFactory(name="Moorland Respiratory Network")
    leader = make_member(username="round-leader")
    add_member(network, leader, role=Membership.Role.LEADER)
    member = make_member(username="round-member")
    add_member(network, member)
    outsider = make_member(username="round-outsider")
    closes = timezone.localdate() + timedelta(days=7)
    earlier = rounds.open_round(network, leader, survey, "The spring round.", closes)
    for value in (2, 3, 4):
        user = make_member()
        add_member(network, user)
        rounds.save_answers(earlier, user, dict.fromkeys((item.key for item in data.items), value), f"Said {value}")
    earlier.created_at = timezone.now() - timedelta(days=90)
    earlier.closed = True
    earlier.save()
    later = rounds.open_round(network, leader, survey, "The summer round.", closes)
    for value in (3, 4, 5):
        user = make_member()
        add_member(network, user)
        rounds.save_answers(later, user, dict.fromkeys((item.key for item in data.items), value), "")
    instrument = Instrument.objects.select_related("current_version").get(slug=MATRIX)
    key = instrument.current_version.data.dimensions[0].key
    session = matrix.record_session(
        network, leader, instrument, date(2026, 1, 5), "Notes.", {key: MatrixEntry(chosen=(1, 3), target=4)}
    )
    matrix.record_session(network, leader, instrument, date(2026, 6, 5), "", {key: MatrixEntry(current=3)})
    return network, leader, member, outsider, earlier, later, session
