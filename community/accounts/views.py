"""My account: the overview, download my data and delete my account. The pages for the
profile, notification settings, saved items and my networks live in their own apps."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from community.accounts.access import is_verified
from community.accounts.forms import DeleteAccountForm
from source4networks.registry import Registry, filled_sections

from .deletion import blockers, delete_account, what_happens
from .export import export_data

# Functions (user) -> a dict for the overview page (how many networks, saved items…),
# registered by the apps that hold those things.
account_summaries = Registry()

# PageSections of the overview page whose context takes (user): my diagnostics.
account_sections = Registry()


@login_required
def home(request):
    context = {"profile": request.user.profile, "verified": is_verified(request.user)}
    for summary in account_summaries:
        context.update(summary(request.user))
    context["sections"] = filled_sections(account_sections, request.user)
    return render(request, "community/accounts/home.html", context)


@never_cache
@login_required
def download_data(request):
    if request.method == "POST":
        data = export_data(request.user, request)
        stamp = timezone.localdate().isoformat()
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="source4networks-my-data-{stamp}.json"'
        return response
    return render(request, "community/accounts/download.html")


@never_cache
@login_required
def delete_account_view(request):
    blocking = blockers(request.user)
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and not blocking and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, "Your account has been deleted.")
        return redirect("/")
    deleted, kept = what_happens()
    return render(
        request,
        "community/accounts/delete.html",
        {"form": form, "blocking": blocking, "deleted": deleted, "kept": kept},
    )
