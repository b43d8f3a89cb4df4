"""allauth's forms with the NHS service manual's labels, hints and error messages
(ACCOUNT_FORMS)."""

from allauth.account import forms as allauth_forms
from axes.handlers.proxy import AxesProxyHandler
from django import forms

from source4networks import ratelimit
from source4networks.formutils import nhs_style

OUTAGE_MESSAGE = "This cannot be done just now because part of the service is unavailable. Try again in a few minutes."


class RefusedDuringOutage:
    """For forms that send email: allauth's limits on them cannot count while the shared
    cache is unreachable, so the form is refused until it returns (docs/faults.md)."""

    def clean(self):
        if not ratelimit.available():
            raise forms.ValidationError(OUTAGE_MESSAGE)
        return super().clean()


class SignupForm(RefusedDuringOutage, allauth_forms.SignupForm):
    field_order = ["display_name", "email", "password1", "terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nhs_style(
            self,
            labels={"email": "Email address", "password1": "Create a password"},
            required={"email": "Enter your email address", "password1": "Enter a password"},
            hints={
                "email": "We will send you an email to check it is yours.",
                "password1": "Use 10 characters or more. Avoid common words and passwords you use elsewhere.",
            },
        )
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels and messages, not passwords: nosec B105.
        nhs_style(
            self,
            labels={
                "login": "Email address",
                "password": "Password",  # nosec B105
                "remember": "Keep me signed in on this device",
            },
            required={"login": "Enter your email address", "password": "Enter your password"},  # nosec B105
        )
        self.fields["password"].help_text = ""
        self.fields["login"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )

    def clean(self):
        # A locked-out name gets axes's lockout page straight away, before allauth's own
        # failed-attempt limit (which would only show a form error) is consulted.
        login = self.cleaned_data.get("login")
        if self.request is not None and login:
            credentials = {"email": login}
            if AxesProxyHandler.is_locked(self.request, credentials):
                self.request.axes_locked_out = True
                self.request.axes_credentials = credentials
                raise forms.ValidationError("Too many attempts to sign in. Try again later.")
        return super().clean()


class ResetPasswordForm(RefusedDuringOutage, allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nhs_style(self, labels={"email": "Email address"}, required={"email": "Enter your email address"})
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nhs_style(
            self,
            labels={"password1": "New password", "password2": "Confirm new password"},
            required={"password1": "Enter a new password", "password2": "Confirm your new password"},
        )


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nhs_style(
            self,
            labels={
                "oldpassword": "Current password",
                "password1": "New password",
                "password2": "Confirm new password",
            },
            required={
                "oldpassword": "Enter your current password",
                "password1": "Enter a new password",
                "password2": "Confirm your new password",
            },
        )
        self.fields["oldpassword"].help_text = ""


class SetPasswordForm(allauth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nhs_style(self, labels={"password1": "New password", "password2": "Confirm new password"})


class AddEmailForm(RefusedDuringOutage, allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nhs_style(self, labels={"email": "New email address"}, required={"email": "Enter your new email address"})
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )


class ReauthenticateForm(allauth_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A label and a message, not passwords.
        nhs_style(self, labels={"password": "Password"}, required={"password": "Enter your password"})  # nosec B105


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("The password is not correct")
        return password
