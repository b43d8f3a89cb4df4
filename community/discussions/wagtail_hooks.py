"""The Wagtail admin: discussion spaces, the reports queue and the moderation log."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from source4networks.dates import site_datetime

from . import moderation
from .models import ModerationAction, PostReport, Space
from .rules import is_moderator


class PermittedChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser for those allowed to see the model only: Wagtail's choosers answer
    anyone in the admin, and would list reports, the moderation log and spaces to editors."""

    def get_urlpatterns(self):
        policy = ModelPermissionPolicy(self.model)

        def permitted(view):
            @wraps(view)
            def checked(request, *args, **kwargs):
                if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
                    return permission_denied(request)
                return view(request, *args, **kwargs)

            return checked

        return decorate_urlpatterns(super().get_urlpatterns(), permitted)


class SpaceViewSet(SnippetViewSet):
    model = Space
    chooser_viewset_class = PermittedChooserViewSet
    icon = "comment"
    menu_label = "Discussion spaces"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "network", BooleanColumn("active"), "sort_order"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


def dated(field, label):
    """A list column writing the date as the rest of the site does (Wagtail's own says "3 hours ago")."""
    return Column(field, label=label, accessor=lambda obj: site_datetime(getattr(obj, field)), sort_key=field)


class SiteDatesInspectView(InspectView):
    """The inspect view, with dates written as the rest of the site writes them."""

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if value is not None and getattr(field, "get_internal_type", lambda: "")() == "DateTimeField":
            return site_datetime(value)
        return super().get_field_display_value(field_name, field)


class ModerationLogViewSet(SnippetViewSet):
    """Read-only in practice: Moderators have the view permission only."""

    model = ModerationAction
    chooser_viewset_class = PermittedChooserViewSet
    icon = "list-ul"
    menu_label = "Moderation log"
    menu_order = 330
    add_to_admin_menu = True
    list_display = [dated("created_at", "Date"), "action", "moderator", "thread", "member", "reason", "details"]
    list_filter = ["action"]
    inspect_view_enabled = True
    inspect_view_class = SiteDatesInspectView
    list_per_page = 50
    ordering = ["-created_at"]


class ReportViewSet(SnippetViewSet):
    model = PostReport
    chooser_viewset_class = PermittedChooserViewSet
    icon = "warning"
    menu_label = "All reports"
    menu_order = 325
    add_to_admin_menu = True
    list_display = [dated("created_at", "Reported"), "post", "reason", "status", "resolved_by"]
    list_filter = ["status"]
    inspect_view_enabled = True
    inspect_view_class = SiteDatesInspectView
    ordering = ["-created_at"]


register_snippet(SpaceViewSet)
register_snippet(ReportViewSet)
register_snippet(ModerationLogViewSet)


def _moderators_only(request):
    if not is_moderator(request.user):
        raise PermissionDenied


def reports_queue(request):
    """Open reports, oldest first, with the reported post beside each."""
    _moderators_only(request)
    reports = (
        PostReport.objects.filter(status=PostReport.Status.OPEN)
        .select_related("post__thread__space", "post__author__profile", "reporter__profile")
        .order_by("created_at")
    )
    return render(
        request, "community/discussions/admin_reports_queue.html", {"reports": reports[:100], "count": reports.count()}
    )


@require_POST
def resolve_report(request, pk, action):
    _moderators_only(request)
    report = get_object_or_404(PostReport.objects.select_related("post__thread"), pk=pk)
    # PostgreSQL refuses NUL in text: drop it before the reason is logged.
    reason = request.POST.get("reason", "")[:1000].replace("\x00", "")
    if action == "hide":
        moderation.moderate_post(request.user, report.post, "hide", reason or report.reason[:1000])
        messages.success(request, "The post is hidden and its reports are resolved.")
    elif action == "dismiss":
        moderation.dismiss_report(request.user, report, reason)
        messages.success(request, "The report is dismissed.")
    else:
        raise PermissionDenied
    return redirect("discussion_reports_queue")


@hooks.register("register_admin_urls")
def register_reports_queue_urls():
    return [
        path("discussions/reports/", reports_queue, name="discussion_reports_queue"),
        path("discussions/reports/<int:pk>/<str:action>/", resolve_report, name="discussion_report_resolve"),
    ]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_queue_menu_item():
    return ModeratorsMenuItem(
        "Reports queue", reverse("discussion_reports_queue"), name="reports-queue", icon_name="warning", order=320
    )
