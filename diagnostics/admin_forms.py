"""The admin's forms for instruments.

- :class:`InstrumentForm` edits an instrument field by field, with Wagtail's block UI
  (``instrument_blocks``): dimensions, statements, levels, bands, scale, guidance and topics.
- :class:`InstrumentImportForm` takes pasted or uploaded Instrument JSON (section 6.4).

Both validate with the same parser as ``import_instrument`` and save through
:func:`diagnostics.importing.save_instrument`, so an edit adds a new version and never changes a
result someone already has. On an error nothing is saved; the first problem is named beside the
field it is about and at the top of the page.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import BlockField

from .importing import save_instrument
from .instrument_blocks import (
    block_error,
    definition_from_value,
    describe_path,
    describe_problem,
    instrument_block,
    new_instrument_value,
    value_from_instrument,
)
from .instrument_format import KEY_PATTERN, MAX_KEY_LENGTH, InstrumentError, loads_instrument, parse_instrument
from .models import Instrument
from .scoring import KINDS, SURVEY

MAX_UPLOAD_BYTES = 1024 * 1024
INVALID = "This is not a valid instrument: "


class InstrumentForm(WagtailAdminModelForm):
    """A structured instrument. The slug and kind are chosen when it is added and never change."""

    class Meta:
        model = Instrument
        fields = ["is_published"]

    def __init__(self, *args, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.parsed = None
        self.save_result = None
        self.problem = ""
        current = None
        if self.instance.pk:
            self.kind = self.instance.kind
            if self.instance.current_version_id:
                current = loads_instrument(self.instance.current_version.definition)
        else:
            self.kind = kind if kind in KINDS else SURVEY
            self.fields["slug"] = forms.CharField(
                label="Slug",
                max_length=MAX_KEY_LENGTH,
                help_text="The instrument's address, such as “network-health-check”: letters, digits, hyphens "
                "and underscores. It cannot be changed later.",
            )
        self.matrix_scale = current.scale if current is not None and self.kind != SURVEY else None
        self.block = instrument_block(self.kind)
        self.fields["definition"] = BlockField(
            block=self.block,
            label="Survey" if self.kind == SURVEY else "Maturity matrix",
            help_text="Saving a change creates a new version; results people already have keep the version they "
            "answered.",
        )
        raw = value_from_instrument(current) if current is not None else new_instrument_value(self.kind)
        self.initial["definition"] = self.block.to_python(raw)
        self.order_fields(["slug", "definition", "is_published"])

    @property
    def slug(self):
        return self.instance.slug if self.instance.pk else self.cleaned_data.get("slug", "")

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if not KEY_PATTERN.fullmatch(slug):
            raise forms.ValidationError(
                "Use letters, digits, hyphens and underscores, starting with a letter or digit."
            )
        if Instrument.objects.filter(slug=slug).exists():
            raise forms.ValidationError(f'An instrument with the slug "{slug}" already exists: edit that one instead.')
        return slug

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get("definition")
        if value is None or not self.slug:
            return cleaned
        try:
            scale = None
            if self.matrix_scale is not None:
                scale = {
                    "min": self.matrix_scale.min,
                    "max": self.matrix_scale.max,
                    "labels": dict(self.matrix_scale.labels),
                    "allow_na": self.matrix_scale.allow_na,
                }
            data = definition_from_value(value, slug=self.slug, kind=self.kind, matrix_scale=scale)
            self.parsed = parse_instrument(data)
        except InstrumentError as error:
            self.problem = f"{INVALID}{describe_path(error.path)}: {describe_problem(error.problem)}"
            self.add_error("definition", block_error(self.block, error, value))
        return cleaned

    def save(self, commit=True):
        self.save_result = save_instrument(
            self.parsed, publish=self.cleaned_data["is_published"], user=getattr(self, "for_user", None)
        )
        self.instance = self.save_result.instrument
        return self.instance


class InstrumentImportForm(forms.Form):
    """Instrument JSON, pasted or uploaded: a new instrument, or a new version of the one with its slug."""

    definition = forms.CharField(
        label="Instrument JSON",
        required=False,
        widget=forms.Textarea(attrs={"rows": 20, "spellcheck": "false", "class": "monospace"}),
        help_text="The whole instrument in the Instrument JSON format. An instrument whose slug exists already "
        "gets a new version; results people already have keep the version they answered.",
    )
    upload = forms.FileField(
        label="Or upload a JSON file",
        required=False,
        help_text="An Instrument JSON file (for example one exported from another site). It replaces the text above.",
    )
    is_published = forms.BooleanField(
        label="Publish it",
        required=False,
        help_text="Left unticked, an instrument that exists stays as it is and a new one starts unpublished.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
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
            self.add_error(field, f"{INVALID}{error}")
            return cleaned
        existing = Instrument.objects.filter(slug=data.slug).first()
        if existing is None and not self.user.has_perm("diagnostics.add_instrument"):
            self.add_error(field, f'There is no instrument "{data.slug}", and you may not add instruments.')
        elif existing is not None and not self.user.has_perm("diagnostics.change_instrument"):
            self.add_error(field, f'An instrument "{data.slug}" exists, and you may not change instruments.')
        elif existing is not None and existing.kind != data.kind:
            self.add_error(field, f"An instrument cannot change kind: {data.slug} is a {existing.kind}.")
        else:
            self.parsed = data
        return cleaned

    def save(self):
        self.save_result = save_instrument(
            self.parsed, publish=self.cleaned_data["is_published"] or None, user=self.user
        )
        return self.save_result.instrument
