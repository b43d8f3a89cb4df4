"""How django-axes finds the name being signed in with.

The site's allauth form posts `login` and authenticates with an `email` credential; the
Wagtail admin's form posts and authenticates with `username`. Both are read, lower-cased,
so `Jo@Example.org` and `jo@example.org` count as the same person."""


def username_from_request(request, credentials=None):
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        data = getattr(request, "POST", None) or {}
        value = data.get("login") or data.get("username")
    if not value:
        return None
    return str(value).strip().lower()[:255] or None
