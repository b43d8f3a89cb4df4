"""A member answering a network round page by page (PRODUCT.md 6.1), with the survey's pages
(survey_pages.py): the answers are saved on every page in the member's one RoundResponse, as a
draft until they submit. A draft never counts: not in the response count a leader sees, not
in any figure (NetworkRound.counted_responses). After submitting, the member can change their
answers, page by page, until the round closes; every save takes the round's row lock and is
refused once it has closed."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from . import rounds
from .models import RoundResponse
from .survey import clean_stored, missing_items

#: The longest comment kept (the form says so too).
COMMENT_LENGTH = 5000


def clean_comment(text: str) -> str:
    # NUL cannot be typed, and the database cannot store it.
    return text[:COMMENT_LENGTH].replace("\x00", "").strip()


class RoundState:
    """A member's answers to a round, in the shape the survey's pages expect (survey.MemberState)."""

    def __init__(self, round_, user):
        self.round = round_
        self.user = user
        self.data = round_.version.data
        self.response = rounds.own_response(round_, user)
        self.answers = clean_stored(self.response.answers, self.data) if self.response else {}
        self.comment = self.response.comment if self.response else ""

    @property
    def started(self) -> bool:
        return self.response is not None

    @property
    def submitted(self) -> bool:
        return self.response is not None and self.response.status == RoundResponse.Status.SUBMITTED

    def _check_may_answer(self):
        if not rounds.is_member(self.round.network, self.user):
            raise rounds.RoundError("Only the network's members can answer this round.")
        if self.round.is_paper:
            raise rounds.RoundError("This round is answered on paper forms, not on the site.")

    def save(self, answers: dict) -> None:
        """Keep the answers given on one page (a draft until submitted; a submitted response
        stays submitted, as a page can only add or change answers, never remove one)."""
        self._check_may_answer()
        with transaction.atomic():
            if not rounds.lock(self.round).is_open:
                raise rounds.RoundError(rounds.CLOSED_MESSAGE)
            self.answers.update(answers)
            # The unique constraint stops a second response from two tabs at once.
            self.response, _ = RoundResponse.objects.update_or_create(
                round=self.round,
                respondent=self.user,
                defaults={"answers": self.answers, "comment": self.comment},
                create_defaults={
                    "answers": self.answers,
                    "comment": self.comment,
                    "status": RoundResponse.Status.DRAFT,
                },
            )

    def submit(self) -> str:
        """Submit every answer (refused while any statement is unanswered); return the address
        of the round's page, which thanks the member."""
        self._check_may_answer()
        if missing_items(self.data, self.answers):
            raise rounds.RoundError("Answer every statement before you submit.")
        self.response = rounds.save_answers(self.round, self.user, self.answers, self.comment)
        return self.round.get_absolute_url()


def section_url(round_, number: int) -> str:
    return reverse("diagnostics:round_section", args=[round_.token, number])


def check_url(round_) -> str:
    return reverse("diagnostics:round_check", args=[round_.token])
