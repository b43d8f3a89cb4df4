from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from wagtail.models import Page

from source4networks import dates

register = template.Library()
register.filter("site_date", dates.site_date)
register.filter("site_datetime", dates.site_datetime)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed (None removes one), for
    pagination and sort links that keep the filters."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True) if params else "?"


@register.inclusion_tag("includes/breadcrumbs.html")
def crumbs(*pairs):
    """NHS.UK breadcrumbs from text, address pairs: {% crumbs "Home" "/" "Networks" "/networks/" %}."""
    items = [{"text": pairs[i], "href": pairs[i + 1]} for i in range(0, len(pairs) - 1, 2)]
    return {"items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def page_crumbs(context, page):
    """NHS.UK breadcrumbs for a Wagtail page: its ancestors below the tree's root (one query),
    the site's home page named "Home"."""
    # Some Django views put a paginator page in the context as `page`: no breadcrumbs for those.
    if not isinstance(page, Page):
        return {"items": []}
    request = context.get("request")
    items = [
        {"text": "Home" if ancestor.depth == 2 else ancestor.title, "href": ancestor.get_url(request=request)}
        for ancestor in page.get_ancestors()[1:]
    ]
    return {"items": items}


@lru_cache(maxsize=32)
def _built_svg(static_path):
    path = finders.find(static_path)
    if not path:
        return ""
    with open(path, encoding="utf-8") as icon_file:
        return icon_file.read().strip()


@register.simple_tag
def nhsuk_icon(name):
    """Inline one of the NHS.UK frontend's icons (built into static files by `npm run build`)."""
    return mark_safe(_built_svg(f"dist/nhsuk/assets/images/nhsuk-icon-{name}.svg"))  # noqa: S308 - our own build  # nosec B308 B703


@register.simple_tag
def nhs_logo_path():
    """The NHS logo's SVG path (built into static files by `npm run build`)."""
    return mark_safe(_built_svg("dist/nhsuk/nhs-logo-path.svg"))  # noqa: S308 - our own build  # nosec B308 B703
