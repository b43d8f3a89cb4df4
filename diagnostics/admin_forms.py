"""The admin's form for an instrument: paste or upload Instrument JSON (section 6.4).

The JSON is validated with the same parser as ``import_instrument``; its first problem is shown
next to the field. Saving goes through :func:`diagnostics.importing.save_instrument`, so an edit
of any instrument adds a new version and never changes a result someone already has.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .importing import save_instrument
from .instrument_format import InstrumentError, loads_instrument
from .models import Instrument

MAX_UPLOAD_BYTES = 1024 * 1024


class InstrumentForm(WagtailAdminModelForm):
    definition = forms.CharField(
        label="Instrument JSON",
        required=False,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "monospace"}),
        help_text="The whole instrument in the Instrument JSON format. Saving a change creates a new version; "
        "results people already have keep the version they answered.",
    )
    upload = forms.FileField(
        label="Or upload a JSON file",
        required=False,
        help_text="An Instrument JSON file (for example one exported from another site). It replaces the text above.",
    )

    class Meta:
        model = Instrument
        fields = ["is_published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.current_version_id and not self.is_bound:
            self.initial["definition"] = self.instance.current_version.definition
        self.parsed = None
        self.save_result = None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        field = "upload" if upload else "definition"
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error("upload", "The file must be smaller than 1 MB.")
                return cleaned
            text = upload.read()
        else:
            text = cleaned.get("definition", "")
            if not text.strip():
                self.add_error("definition", "Paste the instrument's JSON, or upload a file.")
                return cleaned
        try:
            data = loads_instrument(text)
        except InstrumentError as error:
            self.add_error(field, f"This is not a valid instrument: {error}")
            return cleaned
        if self.instance.pk:
            if data.slug != self.instance.slug:
                self.add_error(
                    field,
                    f'The slug must stay "{self.instance.slug}". '
                    "To copy this instrument, add a new one with another slug.",
                )
                return cleaned
            if data.kind != self.instance.kind:
                self.add_error(field, f"An instrument cannot change kind: this one is a {self.instance.kind}.")
                return cleaned
        elif Instrument.objects.filter(slug=data.slug).exists():
            self.add_error(field, f'An instrument with the slug "{data.slug}" already exists: edit that one instead.')
            return cleaned
        self.parsed = data
        return cleaned

    def save(self, commit=True):
        self.save_result = save_instrument(
            self.parsed, publish=self.cleaned_data["is_published"], user=getattr(self, "for_user", None)
        )
        self.instance = self.save_result.instrument
        return self.instance
