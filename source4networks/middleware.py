from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIXES = ("/admin/",)


class SiteCSPMiddleware(CSPMiddleware):
    """The public site gets the strict policy; the Wagtail admin, which relies on inline
    scripts and styles of its own, gets the looser admin policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
