"""The fields the site adds to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS).

Kept apart from community.account_forms: allauth imports this module while it builds its
own forms, so it must not import allauth's forms itself."""

from django import forms
from django.utils import timezone

from source4networks.formutils import max_length_message


class SignupExtraForm(forms.Form):
    """The fields allauth adds to its sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label="Your name",
        max_length=100,
        help_text="The name other members will see, for example Jo Smith.",
        error_messages={
            "required": "Enter your name",
            "max_length": max_length_message("Your name", 100),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    terms = forms.BooleanField(
        label="I agree to the terms of use and have read the privacy notice",
        error_messages={"required": "Agree to the terms of use to create an account"},
    )

    def signup(self, request, user):
        profile = user.profile
        profile.display_name = self.cleaned_data["display_name"].strip()
        profile.terms_accepted_at = timezone.now()
        profile.save(update_fields=["display_name", "terms_accepted_at"])
