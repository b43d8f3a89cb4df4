from django import template

from community.members.models import display_name
from community.members.saved import is_saved

register = template.Library()


@register.simple_tag(takes_context=True)
def saved_state(context, page):
    """Has the signed-in member saved this page? (One small query, on detail pages.)"""
    return is_saved(context["request"].user, page)


@register.filter
def paragraphs(text):
    """Plain text split into paragraphs at blank lines (each is escaped when shown)."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


@register.filter
def member_name(user):
    """A post author's display name, or "Former member" once their account is deleted."""
    return display_name(user)
