"""Forms for threads, replies, reports and moderation."""

from django import forms

from community.discussions.models import (
    BODY_MAX_LENGTH,
    REPORT_REASON_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    TITLE_MIN_LENGTH,
    Space,
)
from source4networks.formutils import RowChoiceField, max_length_message, parse_tags

BODY_HELP = (
    "You can use Markdown: *italic*, **bold**, [link text](https://example.org), > for a quote, - for a list. "
    f"{BODY_MAX_LENGTH:,} characters at most."
)


def _body_field(label):
    return forms.CharField(
        label=label,
        max_length=BODY_MAX_LENGTH,
        help_text=BODY_HELP,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": f"Enter your {label.lower()}",
            "max_length": max_length_message(label, f"{BODY_MAX_LENGTH:,}"),
        },
    )


def _clean_body(value, label):
    if not (value or "").strip():
        raise forms.ValidationError(f"Enter your {label.lower()}")
    # NUL characters cannot be stored in PostgreSQL text and mean nothing to a reader.
    return value.replace("\x00", "")


class ThreadForm(forms.Form):
    title = forms.CharField(
        label="Title",
        min_length=TITLE_MIN_LENGTH,
        max_length=TITLE_MAX_LENGTH,
        help_text=f"Between {TITLE_MIN_LENGTH} and {TITLE_MAX_LENGTH} characters.",
        error_messages={
            "required": "Enter a title",
            "min_length": f"Title must be {TITLE_MIN_LENGTH} characters or more",
            "max_length": max_length_message("Title", TITLE_MAX_LENGTH),
        },
    )
    body = _body_field("Message")
    topics = forms.CharField(
        label="Topics (optional)",
        required=False,
        max_length=600,
        help_text="Separate topics with commas, for example: workforce, governance.",
        error_messages={"max_length": max_length_message("Topics", 600)},
    )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].replace("\x00", "").split())
        if len(title) < TITLE_MIN_LENGTH:
            raise forms.ValidationError(f"Title must be {TITLE_MIN_LENGTH} characters or more")
        return title

    def clean_body(self):
        return _clean_body(self.cleaned_data["body"], "Message")

    def clean_topics(self):
        return parse_tags(self.cleaned_data["topics"], "topics")


class ReplyForm(forms.Form):
    body = _body_field("Reply")

    def clean_body(self):
        return _clean_body(self.cleaned_data["body"], "Reply")


class EditPostForm(forms.Form):
    body = _body_field("Message")

    def __init__(self, *args, with_title=False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_title:
            self.fields = {"title": ThreadForm.base_fields["title"], **self.fields}

    clean_title = ThreadForm.clean_title

    def clean_body(self):
        return _clean_body(self.cleaned_data["body"], "Message")


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="Why are you reporting this post?",
        max_length=REPORT_REASON_MAX_LENGTH,
        help_text="Tell the moderators what is wrong, for example it is abusive, spam or shares personal details.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter why you are reporting this post",
            "max_length": max_length_message("Your reason", REPORT_REASON_MAX_LENGTH),
        },
    )

    def clean_reason(self):
        return self.cleaned_data["reason"].replace("\x00", "")


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label="Reason (recorded in the moderation log)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MoveForm(ModerationForm):
    space = RowChoiceField(label="Move to", queryset=Space.objects.all(), error_messages={"required": "Select a space"})


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label="Reason (shown to the member)",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the member is suspended"},
    )
