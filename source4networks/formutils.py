"""Helpers shared by the site's forms and its versions of allauth's forms."""

from django import forms
from django.core.exceptions import ValidationError

from source4networks.images import clean_image_upload

MAX_TAGS = 10
MAX_TAG_LENGTH = 50


def nhs_style(form, labels=None, required=None, hints=None):
    """Plain labels, hints and "Enter …" messages on a form (often one of allauth's)."""
    for name, field in form.fields.items():
        if labels and name in labels:
            field.label = labels[name]
        if hints and name in hints:
            field.help_text = hints[name]
        if required and name in required:
            field.error_messages["required"] = required[name]
        elif field.error_messages.get("required") == forms.Field.default_error_messages["required"] and field.label:
            field.error_messages["required"] = f"Enter {str(field.label).lower()}"
        # Placeholders disappear as people type; the NHS design system uses labels and hints.
        field.widget.attrs.pop("placeholder", None)


def parse_tags(text, field_label="interests"):
    """Comma-separated tags, trimmed and de-duplicated (case-insensitively)."""
    tags, seen = [], set()
    for part in text.split(","):
        tag = " ".join(part.split())
        if not tag or tag.lower() in seen:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise forms.ValidationError(f"Each of your {field_label} must be {MAX_TAG_LENGTH} characters or fewer")
        seen.add(tag.lower())
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise forms.ValidationError(f"Enter {MAX_TAGS} {field_label} or fewer")
    return tags


def max_length_message(label, length):
    return f"{label} must be {length} characters or fewer"


class ImageUploadMixin:
    """Checks an optional image field and swaps the upload for a re-encoded copy."""

    def clean_image_field(self, name, max_size=512):
        upload = self.cleaned_data.get(name)
        if not upload or not hasattr(upload, "size") or upload == getattr(self.instance, name):
            return None
        return clean_image_upload(upload, max_size=max_size)


def tags_field(name, example):
    """Free tags typed as one line, separated by commas."""
    return forms.CharField(
        label=f"{name} (optional)",
        required=False,
        max_length=600,
        help_text=f"Separate topics with commas, for example: {example}.",
        error_messages={"max_length": max_length_message(name, 600)},
    )


def image_field(label):
    """An optional image upload; ImageUploadMixin checks and re-encodes what arrives."""
    return forms.FileField(
        label=f"{label} (optional)",
        required=False,
        help_text="A JPG, PNG or WebP image, 2 MB or smaller.",
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={
            "invalid": "The selected file must be a JPG, PNG or WebP image",
            "empty": "The selected file is empty",
        },
    )


class RowChoiceField(forms.ModelChoiceField):
    """A choice of one row. A number too big for the database names no row: SQLite raises
    OverflowError on it where PostgreSQL finds nothing, so it is refused as any unknown choice."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class RowsChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several rows; a number too big for the database is refused (RowChoiceField)."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError:
            too_big = next((v for v in value if str(v).lstrip("-").isdigit() and abs(int(v)) >= 2**63), "")
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": too_big}
            ) from None
