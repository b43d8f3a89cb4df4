"""Forms for network rounds and maturity matrix sessions (rendered with includes/forms/*)."""

from django import forms
from django.utils import timezone

from source4networks.formutils import RowChoiceField

from . import scoring
from .matrix import parse_levels
from .models import Instrument, NetworkRound
from .rounds import MAX_PAPER_RESPONSES, RoundError, check_closing_day

MAX_CSV_BYTES = 1024 * 1024

# A text box, not the browser's date picker, whose format follows the browser's locale (often
# month first) and would contradict the day/month/year hint.
DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"autocomplete": "off"})


class RoundForm(forms.Form):
    instrument = RowChoiceField(
        label="Survey",
        queryset=Instrument.objects.none(),
        empty_label=None,
        error_messages={"required": "Select a survey", "invalid_choice": "Select a survey"},
    )
    message = forms.CharField(
        label="Message to members",
        help_text="Why you are running this round and what you will do with the results.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter a message to members"},
    )
    mode = forms.ChoiceField(
        label="How will members answer?",
        help_text="You cannot change this once the round is open.",
        choices=[
            (NetworkRound.Mode.ONLINE, "Online: members answer on this site through the round's invitation link"),
            (
                NetworkRound.Mode.PAPER,
                f"On paper: you collect the forms and import the answers as a CSV file (at most "
                f"{MAX_PAPER_RESPONSES} responses)",
            ),
        ],
        widget=forms.RadioSelect,
        error_messages=dict.fromkeys(("required", "invalid_choice"), "Select how members will answer"),
    )
    closes_on = forms.DateField(
        label="Closing date",
        help_text="Answers are accepted until the end of this day, at most 5 years from today. For example, 27/3/2027.",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"],
        widget=DATE_WIDGET,
        error_messages={"required": "Enter a closing date", "invalid": "Enter a real date, like 27/3/2027"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = (
            Instrument.objects.published().filter(kind=scoring.SURVEY).exclude(current_version=None)
        )

    def clean_closes_on(self):
        day = self.cleaned_data["closes_on"]
        try:
            check_closing_day(day)
        except RoundError as error:
            raise forms.ValidationError(str(error)) from None
        return day


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Responses CSV file",
        help_text='Header "respondent," then the survey\'s statement keys, and optionally "comment" last. '
        f"Each answer a whole number on the scale, NA, or empty. Smaller than 1 MB; a round takes at most "
        f"{MAX_PAPER_RESPONSES} responses in all.",
        error_messages={"required": "Choose a CSV file", "empty": "The file is empty"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError("The file must be smaller than 1 MB")
        return upload


class MatrixSessionForm(forms.Form):
    """Date and notes, then for each dimension: participants' levels, agreed current, target."""

    date = forms.DateField(
        label="Date of the session",
        help_text="Today or earlier. For example, 27/3/2026.",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"],
        widget=DATE_WIDGET,
        error_messages={"required": "Enter the date of the session", "invalid": "Enter a real date, like 27/3/2027"},
    )
    notes = forms.CharField(
        label="Facilitator's notes (optional)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, data_instrument: scoring.Instrument, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = data_instrument
        for dimension in data_instrument.dimensions:
            top = len(dimension.levels)
            choices = [("", "Not recorded")] + [(str(level.level), str(level.level)) for level in dimension.levels]
            self.fields[f"{dimension.key}-levels"] = forms.CharField(
                label=f"{dimension.title}: levels participants chose (optional)",
                help_text=f"Whole numbers from 1 to {top}, separated by commas, for example 2, 3, 3.",
                required=False,
                max_length=500,
            )
            self.fields[f"{dimension.key}-current"] = forms.TypedChoiceField(
                label=f"{dimension.title}: agreed current level",
                help_text="Leave as not recorded to use the lowest level a participant chose.",
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"{dimension.key}-target"] = forms.TypedChoiceField(
                label=f"{dimension.title}: target level",
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
            )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date of the session must be today or in the past")
        return day

    def clean(self):
        cleaned = super().clean()
        for dimension in self.instrument.dimensions:
            name = f"{dimension.key}-levels"
            if name in cleaned:
                try:
                    cleaned[name] = parse_levels(cleaned[name], len(dimension.levels))
                except ValueError as error:
                    self.add_error(name, f"{dimension.title}: {error}")
        return cleaned

    def dimension_groups(self):
        """The fields per dimension, for the template's fieldsets."""
        return [
            (dimension, [self[f"{dimension.key}-{part}"] for part in ("levels", "current", "target")])
            for dimension in self.instrument.dimensions
        ]

    def entries(self) -> dict[str, scoring.MatrixEntry]:
        return {
            dimension.key: scoring.MatrixEntry(
                chosen=self.cleaned_data[f"{dimension.key}-levels"],
                current=self.cleaned_data[f"{dimension.key}-current"],
                target=self.cleaned_data[f"{dimension.key}-target"],
            )
            for dimension in self.instrument.dimensions
        }
