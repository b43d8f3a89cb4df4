from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render

ADMIN_PREFIXES = ("/admin/",)


class SiteCSPMiddleware(CSPMiddleware):
    """The public site gets the strict policy; the Wagtail admin, which relies on inline
    scripts and styles of its own, gets the looser admin policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class MethodNotAllowedPageMiddleware:
    """Django answers a request made with the wrong method (a form's address opened from a
    link, where only a POST is taken) with an empty 405. Show the site's page instead, with the
    same status and Allow header. The Wagtail admin keeps Django's answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code != 405
            or response.streaming
            or response.content
            or request.path_info.startswith(ADMIN_PREFIXES)
        ):
            return response
        page = render(request, "405.html", status=405)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page
