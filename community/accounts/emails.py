"""allauth's emails, built by the email task from ids: the confirmation and password reset
links are worked out again when the task runs (both are signed, not stored), so neither they
nor the address ever sit in the task queue."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.urls import reverse

from source4networks.emails import Email, EmailKind
from source4networks.site_address import absolute_url

CONFIRMATION = "account/email/email_confirmation"
CONFIRMATION_SIGNUP = "account/email/email_confirmation_signup"
PASSWORD_RESET = "account/email/password_reset_key"  # noqa: S105 - a template name  # nosec B105
ACCOUNT_ALREADY_EXISTS = "account/email/account_already_exists"


def recipient_ids(email, user=None):
    """How the task will find `email` (of `user`, if given): the id of its EmailAddress
    record, or of the account whose own address it is. Empty when no account has it."""
    addresses = EmailAddress.objects.filter(email__iexact=email)
    users = get_user_model().objects.filter(email__iexact=email)
    if user is not None:
        addresses, users = addresses.filter(user=user), users.filter(pk=user.pk)
    address = addresses.order_by("-verified", "-primary").first()
    if address is not None:
        return {"email_address_id": address.pk}
    found = users.first()
    return {"user_id": found.pk} if found is not None else {}


def _recipient(email_address_id=None, user_id=None):
    """(account, address) for the ids from recipient_ids, or (None, None) if they have gone."""
    if email_address_id is not None:
        address = EmailAddress.objects.select_related("user").filter(pk=email_address_id).first()
        if address is not None and address.user.is_active:
            return address.user, address.email
    elif user_id is not None:
        user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
        if user is not None and user.email:
            return user, user.email
    return None, None


def _email(to, context):
    # allauth's subject prefix (ACCOUNT_EMAIL_SUBJECT_PREFIX).
    return Email(to, {"email": to, **context}, subject_prefix=get_adapter().format_email_subject(""))


def build_confirmation(email_address_id):
    address = EmailAddress.objects.select_related("user").filter(pk=email_address_id, verified=False).first()
    if address is None or not address.user.is_active:
        return []
    confirmation = EmailConfirmationHMAC(address)
    activate_url = get_adapter().get_email_confirmation_url(None, confirmation)
    return [_email(address.email, {"user": address.user, "key": confirmation.key, "activate_url": activate_url})]


def build_password_reset(email_address_id=None, user_id=None):
    user, to = _recipient(email_address_id, user_id)
    if user is None:
        return []
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    url = get_adapter().get_reset_password_from_key_url(key)
    return [_email(to, {"user": user, "password_reset_url": url})]


def build_account_already_exists(email_address_id=None, user_id=None):
    user, to = _recipient(email_address_id, user_id)
    if user is None:
        return []
    context = {
        "signup_url": absolute_url(reverse("account_signup")),
        "password_reset_url": absolute_url(reverse("account_reset_password")),
    }
    return [_email(to, context)]


EMAIL_KINDS = [
    EmailKind(CONFIRMATION, build_confirmation),
    EmailKind(CONFIRMATION_SIGNUP, build_confirmation),
    EmailKind(PASSWORD_RESET, build_password_reset),
    EmailKind(ACCOUNT_ALREADY_EXISTS, build_account_already_exists),
]
