"""The admin walk of the permission matrix: a concrete address for every URL pattern of Wagtail's
own admin views (tests/quality/test_permission_matrix_admin.py visits them as the nine roles).

Each converter of a pattern is filled from the data build_world() made (a page, an image, a
document, a user, a collection, a snippet of each model...), or with a number no row has where
only the access check is tested. A converter this file has no value for is reported by
tests/quality/test_permission_matrix.py as a pattern the matrix does not cover: a new pattern
fails there until a value is given for it here.
"""

from __future__ import annotations

import re

from tests.quality.permission_matrix import ADMIN_LOGIN, REDIRECT, outcome

NONE = 999999  # no row has this id: the access check answers before any lookup

# Wagtail's admin views outside its access check (wagtail/admin/urls/__init__.py): what every
# role gets there. Everything else under the admin answers a visitor and a member alike by
# sending them to the admin sign-in page.
OPEN = {
    "admin/login/": outcome(200, moderator=REDIRECT, editor=REDIRECT, administrator=REDIRECT),
    "admin/sprite/": outcome(200),
    "admin/jsi18n/": outcome(200),
    "admin/password_reset/": outcome(200),
    "admin/password_reset/done/": outcome(200),
    "admin/password_reset/complete/": outcome(200),
    # A broken link: the page says so.
    "admin/password_reset/confirm/<uidb64>/<token>/": outcome(200),
    # Unknown admin addresses: the admin's "not found" page for the site team; the rest are sent
    # to sign in first, told nothing.
    "admin/.*/$": outcome(ADMIN_LOGIN, moderator=404, editor=404, administrator=404),
}
REFUSED = ADMIN_LOGIN

# Admin sections the product keeps to administrators (PRODUCT.md section 0: "users, groups,
# settings"): the rest of the site team is turned away. Moderators also manage spaces, reports
# and the moderation log; editors manage none of those. Instruments (admin/diagnostics/) are for
# editors and administrators (PRODUCT.md section 6); moderators are turned away there.
ADMINISTRATORS_ONLY = (
    "admin/users/",
    "admin/groups/",
    "admin/sites/",
    "admin/workflows/",
    "admin/collections/",
)
EDITORS_ONLY = ("admin/diagnostics/",)
# Wagtail's task chooser (a list of a workflow's task names, for the workflow editor) answers
# anyone in the admin; creating a task from it needs the add-task permission.
SHARED = ("admin/workflows/task_chooser/",)
MODERATORS_ONLY = (
    "admin/snippets/discussions/",
    "admin/snippets/choose/discussions/",
)

# Wagtail's deliberate error page (it raises to show how the admin reports a server error).
ERROR_TEST = "admin/failwhale/"


def _page(w):
    return w.about.pk


def _version(w):
    return w.instrument.current_version.number


# Values for converters, by the converter's name.
BY_NAME = {
    "page_id": _page,
    "page_to_move_id": _page,
    "page_pk": _page,
    "object_id": _page,
    "parent_page_id": lambda w: w.home.pk,
    "destination_id": lambda w: w.home.pk,
    "revision_id": lambda w: w.revision.pk,
    "workflow_pk": lambda w: w.workflow.pk,
    "task_id": lambda w: w.task.pk,
    "workflow_state_id": lambda w: NONE,
    "task_state_id": lambda w: NONE,
    "session_id": lambda w: NONE,
    "uploaded_file_id": lambda w: NONE,
    "image_id": lambda w: w.image.pk,
    "document_id": lambda w: w.document.pk,
    "doc_id": lambda w: w.document.pk,
    "collection_id": lambda w: w.collection.pk,
    "redirect_id": lambda w: w.redirect.pk,
    "filter_spec": lambda w: "original",
    "uidb64": lambda w: "x",
    "token": lambda w: "x",
    "content_type_app_name": lambda w: "source4networks",
    "content_type_model_name": lambda w: "standardpage",
}

# Values that depend on where the pattern sits: (route prefix, {converter name: value}); the
# first prefix that matches wins, before BY_NAME.
BY_PREFIX = [
    ("admin/users/", {"pk": lambda w: w.people["member"].pk}),
    ("admin/groups/", {"pk": lambda w: w.group.pk}),
    ("admin/sites/", {"pk": lambda w: w.site.pk}),
    ("admin/collections/", {"pk": lambda w: w.collection.pk}),
    ("admin/diagnostics/instruments/", {"pk": lambda w: w.instrument.pk, "number": _version}),
    ("admin/workflows/tasks/add/", {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "groupapprovaltask"}),
    ("admin/workflows/tasks/", {"pk": lambda w: w.task.pk}),
    ("admin/workflows/", {"pk": lambda w: w.workflow.pk}),
    ("admin/snippets/choose/networks/network/", {"pk": lambda w: w.network.pk}),
    ("admin/snippets/choose/discussions/space/", {"pk": lambda w: w.open_space.pk}),
    ("admin/snippets/choose/discussions/postreport/", {"pk": lambda w: w.report.pk}),
    ("admin/snippets/choose/discussions/moderationaction/", {"pk": lambda w: w.log_entry.pk}),
    ("admin/snippets/networks/network/", {"pk": lambda w: w.network.pk}),
    ("admin/snippets/discussions/space/", {"pk": lambda w: w.open_space.pk}),
    ("admin/snippets/discussions/postreport/", {"pk": lambda w: w.report.pk}),
    ("admin/snippets/discussions/moderationaction/", {"pk": lambda w: w.log_entry.pk}),
    ("admin/images/chooser/chosen/", {"pk": lambda w: w.image.pk}),
    ("admin/documents/chooser/chosen/", {"pk": lambda w: w.document.pk}),
    ("admin/api/main/pages/", {"pk": _page, "action_name": lambda w: "copy"}),
    ("admin/api/main/images/", {"pk": lambda w: w.image.pk}),
    ("admin/api/main/documents/", {"pk": lambda w: w.document.pk}),
    ("admin/pages/workflow/", {"action_name": lambda w: "approve"}),
    ("admin/pages/create/", {"app_label": lambda w: "source4networks", "model_name": lambda w: "standardpage"}),
    (
        "admin/bulk/",
        {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "page", "action": lambda w: "delete"},
    ),
    ("admin/editing-sessions/", {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "page"}),
    ("admin/tag-autocomplete/", {"app_name": lambda w: "resources", "model_name": lambda w: "resourcepagetopic"}),
]

# Patterns written as regular expressions: their address in full.
BY_ROUTE = {
    r"admin/pages/(\d+)/revisions/compare/(live|earliest|\d+)\.\.\.(live|latest|\d+)/$": lambda w: (
        f"/admin/pages/{w.about.pk}/revisions/compare/earliest...latest/"
    ),
    "admin/.*/$": lambda w: "/admin/no-such-admin-page/",
}

CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


class NoValue(LookupError):
    """A converter this file gives no value for."""


def in_walk(route, view):
    """Wagtail's own admin views; the project's admin views have their own entries."""
    return route.startswith("admin/") and view.startswith("wagtail.")


def address(route, world):
    """The concrete address of an admin pattern, or NoValue."""
    if route in BY_ROUTE:
        return BY_ROUTE[route](world)
    if any(char in route for char in "^$()\\*"):
        raise NoValue(route)
    values = next((values for prefix, values in BY_PREFIX if route.startswith(prefix)), {})

    def fill(match):
        name = match.group(1)
        value = values.get(name) or BY_NAME.get(name)
        if value is None:
            raise NoValue(f"{route}: {name}")
        return str(value(world))

    return "/" + CONVERTER.sub(fill, route)


def walk_addresses(patterns, world):
    """[(route, address)] for the admin patterns among `patterns`, and the routes with no address."""
    addresses, unfilled = [], []
    for route, _name, view in patterns:
        if not in_walk(route, view):
            continue
        try:
            addresses.append((route, address(route, world)))
        except NoValue:
            unfilled.append(route)
    # Signing out last, should a role's sign-out ever answer a GET.
    addresses.sort(key=lambda item: item[0] == "admin/logout/")
    return addresses, unfilled


def expected_for(route, role):
    """What `role` gets at `route`: an outcome, or None (admin roles: any answer below 500)."""
    if route in OPEN:
        return OPEN[route][role]
    if role not in ("moderator", "editor", "administrator"):
        return REFUSED
    return None
