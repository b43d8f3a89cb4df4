"""The unsubscribe link in discussion emails. It works signed out, and opening it changes
nothing (mail scanners open links): the page asks, and its one button (a POST) unsubscribes.
Mail programs' own unsubscribe button sends the same POST without a CSRF token (RFC 8058,
the List-Unsubscribe-Post header), so this view alone is exempt from CSRF checks: the
signed token in its address is what allows the change, and a bad token changes nothing."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from community.members.models import NotificationFrequency, Profile

from . import posting, rules
from .models import Thread
from .notifications import read_unsubscribe_token


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_link(request, token):
    """A token for one thread stops emails about it (and "Subscribe again" undoes that); a
    token without a thread (from a digest) stops every email about discussions."""
    found = read_unsubscribe_token(token)
    if found is None:
        raise Http404("This unsubscribe link is not valid")
    user_id, thread_id = found
    user = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    thread = None
    if thread_id is not None:
        thread = get_object_or_404(Thread.objects.select_related("space"), pk=thread_id)
    context = {
        "every_thread": thread is None,
        # The thread's title is shown only if the member may still read it.
        "thread": thread if thread is not None and rules.can_see_thread(user, thread) else None,
        "token": token,
    }
    if request.method != "POST":
        return render(request, "community/discussions/unsubscribe.html", context)
    if thread is None:
        Profile.objects.filter(user=user).update(notification_frequency=NotificationFrequency.OFF)
    elif request.POST.get("action") == "subscribe" and context["thread"]:
        posting.subscribe(user, thread)
        context["resubscribed"] = True
    else:
        posting.unsubscribe(user, thread)
    return render(request, "community/discussions/unsubscribed.html", context)
