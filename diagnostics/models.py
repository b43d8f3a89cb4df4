"""Diagnostic instruments, their versions, and the answers people give.

An instrument's questions live in its versions, as Instrument JSON (PRODUCT.md section 6.4). A
version never changes once it exists: editing an instrument adds a new version, and every
response keeps the version it answered, so a past result always shows the figures it had.

Network rounds and maturity-matrix sessions point at an InstrumentVersion in the same way a
Response does, so a round's figures never change when the instrument is edited.
"""

import uuid
from functools import lru_cache

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from . import scoring
from .instrument_format import loads_instrument


@lru_cache(maxsize=64)
def _parse(definition: str) -> scoring.Instrument:
    # Versions are immutable, so parsing the same text once is enough.
    return loads_instrument(definition)


class InstrumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Instrument(models.Model):
    """A diagnostic: a self-assessment survey or a maturity matrix for group sessions.

    Its statements, scale, bands and guidance are edited as Instrument JSON; every change is
    kept as a new version so results people already have never change. Only published
    instruments are offered at /diagnostics/.
    """

    slug = models.SlugField(max_length=50, unique=True, help_text="The instrument's address: /diagnostics/<slug>/.")
    title = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=10,
        choices=[(scoring.SURVEY, "Survey"), (scoring.MATRIX, "Maturity matrix")],
    )
    description = models.TextField(blank=True)
    is_published = models.BooleanField(
        "published", default=False, help_text="Published instruments are offered to everyone at /diagnostics/."
    )
    # The newest version, kept here so listings need no extra query per instrument.
    current_version = models.ForeignKey(
        "diagnostics.InstrumentVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("diagnostics:introduction", args=[self.slug])

    @property
    def is_survey(self):
        return self.kind == scoring.SURVEY


class InstrumentVersion(models.Model):
    """One version of an instrument's questions, exactly as imported or edited. Never edited."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # The canonical Instrument JSON text (dumps_instrument). Text rather than a JSONField so that
    # an export gives back exactly what was stored: PostgreSQL's jsonb reorders keys.
    definition = models.TextField()
    changes = models.TextField(blank=True, help_text="What changed since the previous version.")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the version was first offered to people (its instrument was published).
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="diagnostics_version_unique_number"),
        ]

    def __str__(self):
        return f"{self.instrument} (version {self.number})"

    @property
    def data(self) -> scoring.Instrument:
        """The version as the scoring module's plain dataclasses."""
        return _parse(self.definition)


class Response(models.Model):
    """A member's own answers to one version of a survey, in progress or submitted.

    Private to the member: nobody else, administrators included, sees them on the site.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in-progress", "In progress"
        SUBMITTED = "submitted", "Submitted"

    # A random id, so a result's address cannot be guessed.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="responses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diagnostic_responses")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    # item key -> whole number on the scale or "NA"; unanswered statements are absent.
    answers = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-started_at"]
        indexes = [models.Index(fields=["user", "status"], name="diagnostics_response_user")]

    def __str__(self):
        return f"{self.version.instrument} response {self.id}"

    def get_absolute_url(self):
        return reverse("diagnostics:result", args=[self.id])


class NetworkRoundQuerySet(models.QuerySet):
    def with_counts(self):
        """Each round's ``response_count``: the responses it counts (see NetworkRound.counted_responses)."""
        return self.annotate(
            response_count=models.Count(
                "responses",
                filter=(
                    models.Q(mode=NetworkRound.Mode.ONLINE, responses__source=RoundResponse.Source.WEB)
                    | models.Q(mode=NetworkRound.Mode.PAPER, responses__source=RoundResponse.Source.PAPER)
                )
                & models.Q(responses__status=RoundResponse.Status.SUBMITTED),
            )
        )


class NetworkRound(models.Model):
    """A round of a survey run by a network's leader: members answer anonymously until it closes.

    A round is online (members answer on the site through its invitation link) or paper (the
    leaders import the forms they collected as a CSV file), chosen when it opens; the two are
    never mixed, so made-up paper rows can never make up the numbers of an online round. While
    it is open its leaders see only the number of responses; once it has closed, the anonymous
    aggregate, and only when the instrument's minimum number of responses was reached. Nobody
    sees an individual's answers.
    """

    class Mode(models.TextChoices):
        ONLINE = "online", "Online"
        PAPER = "paper", "Paper"

    # The invitation link's address: random, so it cannot be guessed from another round's.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="diagnostic_rounds")
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="rounds")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(help_text="Shown to members when they answer, and in the invitation email.")
    closes_at = models.DateTimeField(help_text="Answers are accepted until this moment.")
    # A leader can close a round early; a round is also closed once closes_at has passed.
    closed = models.BooleanField(default=False)
    invited_at = models.DateTimeField(null=True, blank=True, help_text="When members were last emailed the link.")
    created_at = models.DateTimeField(default=timezone.now)
    mode = models.CharField(
        max_length=10,
        choices=Mode.choices,
        default=Mode.ONLINE,
        help_text="Online: members answer on the site. Paper: leaders import the forms they collected. "
        "Chosen when the round opens.",
    )
    # The anonymous aggregate (rounds.store_aggregate), computed once, when the round closes or
    # paper responses are imported, so showing the results costs the same for 3 or 500 responses.
    summary = models.JSONField(null=True, blank=True, editable=False)
    # Reminders to the members who have not submitted yet: a leader's (at most every 48 hours)
    # and the automatic one, 3 days before the closing date (sent once).
    reminded_at = models.DateTimeField(null=True, blank=True, help_text="When a leader last sent a reminder.")
    auto_reminded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the automatic reminder went, 3 days before closing."
    )
    shared_at = models.DateTimeField(
        null=True, blank=True, help_text="When a leader shared the closed round's results with the network's members."
    )
    discussion = models.ForeignKey(
        "discussions.Thread",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The thread a leader started about the results, in the network's private space.",
    )

    objects = NetworkRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "created_at"], name="diagnostics_round_network")]

    def __str__(self):
        return f"{self.version.instrument} round for {self.network}"

    @property
    def is_open(self) -> bool:
        return not self.closed and timezone.now() < self.closes_at

    @property
    def is_paper(self) -> bool:
        return self.mode == self.Mode.PAPER

    @property
    def counted_source(self) -> str:
        """The one source of responses this round counts: the site, or paper forms."""
        return RoundResponse.Source.PAPER if self.is_paper else RoundResponse.Source.WEB

    def counted_responses(self):
        """The responses that count: members' submitted answers on the site in an online round,
        imported forms in a paper round. (Rounds from before the two were separated may hold
        both.) A member's unfinished answers never count."""
        return self.responses.filter(source=self.counted_source, status=RoundResponse.Status.SUBMITTED)

    def get_absolute_url(self):
        """The invitation link members answer at."""
        return reverse("diagnostics:round_answer", args=[self.token])

    def get_results_url(self):
        return reverse("diagnostics:round_detail", args=[self.network.slug, self.pk])

    def get_shared_url(self):
        """The results page for the network's members, once a leader has shared it."""
        return reverse("diagnostics:round_shared", args=[self.network.slug, self.pk])


class RoundResponse(models.Model):
    """One set of answers in a network round, from a member on the site or from a paper form.

    The respondent link exists only so each member answers once and can change their answers;
    it is never shown, and is removed when the member deletes their account. A member answers
    page by page: their answers are a draft until they submit, and a draft never counts.
    """

    class Source(models.TextChoices):
        WEB = "web", "On the site"
        PAPER = "paper", "Paper form (imported)"

    class Status(models.TextChoices):
        DRAFT = "draft", "Not submitted yet"
        SUBMITTED = "submitted", "Submitted"

    round = models.ForeignKey(NetworkRound, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # item key -> whole number on the scale or "NA".
    answers = models.JSONField(default=dict)
    comment = models.TextField(blank=True)
    # When submitted (for a draft: when it was started).
    submitted_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WEB)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    # The respondent column of an imported CSV (a reference on the paper form, not a name).
    paper_label = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent"],
                condition=models.Q(respondent__isnull=False),
                name="diagnostics_round_one_answer_each",
            ),
        ]

    def __str__(self):
        return f"Response {self.pk} to {self.round}"


class MatrixSession(models.Model):
    """A facilitated group session with a maturity matrix, recorded by a network's leader.

    For each dimension it keeps the levels participants chose (optional, without names), and
    the agreed current and target levels.
    """

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="matrix_sessions")
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="matrix_sessions")
    date = models.DateField()
    notes = models.TextField("facilitator's notes", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.version.instrument} session for {self.network} on {self.date}"

    def get_absolute_url(self):
        return reverse("diagnostics:matrix_detail", args=[self.network.slug, self.pk])


class MatrixRow(models.Model):
    """What a matrix session recorded for one dimension."""

    session = models.ForeignKey(MatrixSession, on_delete=models.CASCADE, related_name="rows")
    dimension = models.CharField(max_length=100, help_text="The dimension's key in the instrument.")
    # Each participant's level, in no particular order and without names.
    participant_levels = models.JSONField(default=list, blank=True)
    # As agreed by the group; when left empty the lowest participant level is used (rule 8).
    agreed_current = models.PositiveSmallIntegerField(null=True, blank=True)
    target = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "dimension"], name="diagnostics_matrix_row_unique"),
        ]


class PlanAction(models.Model):
    """One action on a round's plan: what the network will do about an area of its results.

    Once a round has closed with enough responses, its leaders record actions for each area
    (dimension) banded "developing" or "priority": what will be done, who owns it (a name typed
    freely: they need not have an account), when it is due and how far it has got. The round's
    plan is its actions; members see it with the results once a leader shares them, and the
    network's next round of the same survey shows, per area, how many actions were done beside
    the change in score.
    """

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", "Not started"
        IN_PROGRESS = "in-progress", "In progress"
        DONE = "done", "Done"

    round = models.ForeignKey(NetworkRound, on_delete=models.CASCADE, related_name="plan_actions")
    dimension = models.CharField(max_length=100, help_text="The area's key in the round's survey.")
    what = models.TextField("action", help_text="What will be done.")
    owner = models.CharField(max_length=200, blank=True, help_text="Who will do it: a name, typed freely.")
    due_on = models.DateField("due date", null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("due_on").asc(nulls_last=True), "pk"]
        indexes = [models.Index(fields=["round", "dimension"], name="diagnostics_plan_round")]

    def __str__(self):
        return f"{self.what[:60]} ({self.round})"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    def is_overdue(self, today) -> bool:
        """Due before ``today`` and not done. A past due date may be recorded (an action
        planned in a meeting already past), and is flagged rather than refused."""
        return self.due_on is not None and self.due_on < today and not self.is_done


class BenchmarkOptIn(models.Model):
    """A network's leaders chose to take part in anonymous benchmarking for one survey.

    Its latest closed round with results then counts, anonymously, in the median and middle half
    shown to comparable networks that take part (same type, or sharing a sector, as each chooses),
    and its own closed rounds show that comparison. No other network's figures are ever shown.
    Stopping deletes the row.
    """

    class Basis(models.TextChoices):
        TYPE = "type", "Networks of the same type"
        SECTOR = "sector", "Networks sharing a sector"

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="benchmark_opt_ins")
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="benchmark_opt_ins")
    basis = models.CharField(
        "compare with",
        max_length=10,
        choices=Basis.choices,
        default=Basis.TYPE,
        help_text="Which networks this network's results are compared with.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "instrument"], name="diagnostics_benchmark_one_per_survey"),
        ]

    def __str__(self):
        return f"{self.network} benchmarks {self.instrument}"
