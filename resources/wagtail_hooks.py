"""The Wagtail admin: the report of resources past their review date."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from .reports import ReviewOverdueReportView


class PageEditorsMenuItem(MenuItem):
    """Shown to anyone who may edit pages: Editors, Moderators and Administrators."""

    def is_shown(self, request):
        return page_permission_policy.user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_review_overdue_menu_item():
    return PageEditorsMenuItem(
        ReviewOverdueReportView.page_title,
        reverse("review_overdue_report"),
        name="review-overdue",
        icon_name=ReviewOverdueReportView.header_icon,
        order=1150,
    )


@hooks.register("register_admin_urls")
def register_review_overdue_urls():
    # Admin URLs registered here are wrapped in Wagtail's access_admin check.
    return [
        path("reports/review-overdue/", ReviewOverdueReportView.as_view(), name="review_overdue_report"),
        path(
            "reports/review-overdue/results/",
            ReviewOverdueReportView.as_view(results_only=True),
            name="review_overdue_report_results",
        ),
    ]
