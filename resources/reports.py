"""Admin reports for the editorial team."""

from django.db.models import Subquery
from django.utils import timezone
from wagtail.admin.views.reports import PageReportView
from wagtail.permissions import page_permission_policy

from source4networks.csvsafe import safe_cell

from .models import ResourcePage


class ReviewOverdueReportView(PageReportView):
    """Published resources whose "review by" date has passed, oldest first, so the team
    can check they are still current. Each person sees the pages they may edit."""

    page_title = "Pages past their review date"
    header_icon = "time"
    results_template_name = "resources/reports/review_overdue_results.html"
    index_url_name = "review_overdue_report"
    index_results_url_name = "review_overdue_report_results"
    # Editors, Moderators and Administrators all hold "change" on the page tree.
    permission_required = "change"
    list_export = ["title", "review_by", "last_published_at", "full_url"]
    export_headings = {
        "title": "Title",
        "review_by": "Review by",
        "last_published_at": "Last published",
        "full_url": "Address",
    }

    def write_csv_row(self, writer, row_dict):
        # Titles are typed by editors: keep a spreadsheet from running one as a formula.
        return writer.writerow(
            {
                field: safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def get_filename(self):
        return f"pages-past-review-date-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        editable = page_permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            ResourcePage.objects.live()
            .filter(review_by__lt=timezone.localdate(), pk__in=Subquery(editable.values("pk")))
            .order_by("review_by", "title", "pk")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        pages = list(object_list)
        for page in pages:
            page.days_overdue = (today - page.review_by).days
        return pages
