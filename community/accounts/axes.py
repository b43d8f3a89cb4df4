"""How django-axes names the account a sign-in attempt is for.

The site's allauth form posts `login` (an email address); the Wagtail admin's form posts
`username` (a username, or an email address, which signs in too). Failures are counted
against the account, whichever name or form was used, so a lockout earned on one form
holds on the other: a known account is named `user:<id>`. A name the site does not know
is counted as typed, lower-cased, as `name:<name>`, so its lockout looks the same and says
nothing about who has an account (and nobody can type a name that counts against a real
account's id).

django-axes checks for a lockout before the password is checked and counts the failure
after, so guesses sent at the same moment would all pass the check. `OneSignInAtATime`
(first in AUTHENTICATION_BACKENDS) lets one attempt per account run at a time, taken with
one atomic cache operation and freed by `sign_in_hold_middleware` when the request ends."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from source4networks import ratelimit

# The longest an attempt can hold its account, should its request never finish.
SIGN_IN_HOLD_SECONDS = 30


def _account_id(value):
    """The id of the account `value` names (a username, or an email address), or None."""
    User = get_user_model()
    if "@" in value:
        by_email = EmailAddress.objects.filter(email__iexact=value).values("user")
        found = list(User.objects.filter(Q(email__iexact=value) | Q(pk__in=by_email)).values_list("pk", flat=True)[:2])
        if len(found) == 1:
            return found[0]
    return User.objects.filter(username=value).values_list("pk", flat=True).first()


def username_from_request(request, credentials=None):
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        data = getattr(request, "POST", None) or {}
        value = data.get("login") or data.get("username")
    value = str(value or "").strip()[:255]
    if not value:
        return None
    # axes asks several times per attempt: look the account up once per request.
    names = request.__dict__.setdefault("axes_account_names", {}) if request is not None else {}
    if value not in names:
        account = _account_id(value)
        names[value] = f"user:{account}" if account is not None else f"name:{value.lower()}"
    return names[value]


def _hold_key(name):
    return f"sign-in:{name}"


class OneSignInAtATime:
    """Signs nobody in: refuses an attempt while another for the same account is running.
    Django then reports a failed sign-in, which axes counts. No get_user(), like axes's own
    backend, so sessions are never tied to it."""

    def authenticate(self, request, **credentials):
        name = username_from_request(request, credentials) if request is not None else None
        if name is None:
            return None
        # Sign-in works during a Redis outage; axes's lockout (in the database) still holds.
        if ratelimit.claim_cooldown(_hold_key(name), SIGN_IN_HOLD_SECONDS, on_outage=ratelimit.ALLOW):
            raise PermissionDenied("Another attempt to sign in to this account is running.")
        request.sign_in_hold = name
        return None


def sign_in_hold_middleware(get_response):
    """Free the account held by this request's sign-in attempt, however the request ends."""

    def middleware(request):
        try:
            return get_response(request)
        finally:
            name = getattr(request, "sign_in_hold", None)
            if name:
                ratelimit.end_cooldown(_hold_key(name))

    return middleware
