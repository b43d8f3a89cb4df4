"""Rendering Django form fields with the NHS.UK design system's markup (used by the shared
templates in templates/includes/forms/)."""

from django import forms, template
from django.template.loader import render_to_string

register = template.Library()

CONTROL_CLASSES = {
    "input": ("nhsuk-input", "nhsuk-input--error"),
    "textarea": ("nhsuk-textarea", "nhsuk-textarea--error"),
    "select": ("nhsuk-select", "nhsuk-select--error"),
    "file": ("nhsuk-file-upload__input", ""),  # its form group shows the error
    "checkbox": ("nhsuk-checkboxes__input", ""),
}


@register.filter
def field_kind(field):
    widget = field.field.widget
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.filter
def error_anchor(field):
    """Where an error summary link for this field should point: the field itself, or the
    first option of a group of checkboxes or radios."""
    if field_kind(field) in ("checkboxes", "radios"):
        return f"{field.auto_id}_0"
    return field.auto_id


@register.filter
def first_field_anchor(form):
    for field in form.visible_fields():
        return error_anchor(field)
    return "maincontent"


@register.filter
def described_by(field):
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def nhsuk_control(field, width=""):
    """The field's own <input>, <textarea> or <select> with the design system's classes,
    its error state and aria-describedby pointing at the hint and error message."""
    kind = field_kind(field)
    base, error = CONTROL_CLASSES.get(kind, ("", ""))
    classes = [base]
    if field.errors and error:
        classes.append(error)
    if width:
        classes.append(f"nhsuk-input--width-{width}")
    existing = field.field.widget.attrs.get("class")
    if existing:
        classes.append(existing)
    attrs = {"class": " ".join(c for c in classes if c), "placeholder": False}
    describedby = described_by(field)
    if describedby:
        attrs["aria-describedby"] = describedby
    return field.as_widget(attrs=attrs)


@register.simple_tag
def nhsuk_field(field, width="", label_class=""):
    return render_to_string("includes/forms/field.html", {"field": field, "width": width, "label_class": label_class})


@register.filter
def sentences(messages):
    """Messages joined into one line. Between two messages a full stop is added only where the
    first lacks one (Django's own messages end with one, ours do not); the last is left as is."""
    messages = [str(m).rstrip() for m in messages]
    return " ".join(
        m if i == len(messages) - 1 or m.endswith((".", "?", "!")) else f"{m}." for i, m in enumerate(messages)
    )


@register.filter
def form_problems(form):
    """A form's errors as the error summary's problems: each message with the id it links to
    (none when no form is given)."""
    if not isinstance(form, forms.BaseForm):
        return []
    problems = [{"id": first_field_anchor(form), "message": error} for error in form.non_field_errors()]
    for field in form:
        problems += [{"id": error_anchor(field), "message": error} for error in field.errors]
    return problems
