"""Discussion pages: the community home, spaces, threads, posting, reports, saving and
subscriptions. The rules live in rules.py and posting.py; moderators' actions on these pages
are in moderation_views.py, the unsubscribe link from emails in unsubscribe_views.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.discussions.forms import (
    EditPostForm,
    MoveForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
)
from community.discussions.markdown import quote_markdown, render_markdown
from community.discussions.models import Post, PostReport, SavedThread, Space, Thread, ThreadSubscription
from community.members.models import display_name
from source4networks.listing import paginate

from . import posting, rules

POSTS_PER_PAGE = 20
LATEST_THREADS = 10

REFUSALS = {
    "sign-in": "Sign in to post.",
    "unverified": "Confirm your email address before you post. We sent you a link when you signed up.",
    "locked": "This thread is locked: nobody can reply to it.",
    "network-closed": "This network has closed: its discussions can be read but nobody can post in them.",
    "no-access": "You cannot post in this space.",
}


def refusal_message(user, code):
    if code == "suspended":
        suspension = rules.active_suspension(user)
        return (
            f"You cannot post because a moderator has suspended you from posting. The reason given: {suspension.reason}"
        )
    return REFUSALS.get(code, "")


def _thread_list(queryset):
    return queryset.select_related("space", "author__profile", "last_author__profile")


def _space_or_404(request, slug):
    space = Space.objects.select_related("network").filter(slug=slug).first()
    # A space the person may not read is reported as missing: they may not know it exists.
    if space is None or not rules.can_read_space(request.user, space):
        raise Http404("No such space")
    return space


def _thread_or_404(request, slug, pk):
    thread = get_object_or_404(Thread.objects.select_related("space__network", "author__profile"), pk=pk)
    if thread.space.slug != slug or not rules.can_see_thread(request.user, thread):
        raise Http404("No such thread")
    return thread


def _post_or_404(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__space__network", "author__profile"), pk=pk)
    if not rules.can_see_thread(request.user, post.thread):
        raise Http404("No such post")
    if post.hidden and not rules.is_moderator(request.user):
        raise Http404("No such post")
    return post


def home(request):
    spaces = list(
        rules.readable_spaces(request.user)
        .select_related("network")
        .annotate(thread_count=Count("threads", filter=Q(threads__hidden=False)))
    )
    latest = _thread_list(rules.visible_threads(request.user).filter(hidden=False).order_by("-last_activity_at"))
    return render(
        request,
        "community/discussions/home.html",
        {"spaces": spaces, "latest_threads": list(latest[:LATEST_THREADS])},
    )


def space(request, slug):
    space = _space_or_404(request, slug)
    threads = rules.visible_threads(request.user).filter(space=space).order_by("-pinned", "-last_activity_at")
    page_obj = paginate(request, _thread_list(threads))
    refusal = rules.posting_refusal(request.user, space)
    return render(
        request,
        "community/discussions/space.html",
        {
            "space": space,
            "page_obj": page_obj,
            "threads": page_obj.object_list,
            "can_post": refusal is None,
            "refusal": refusal_message(request.user, refusal) if refusal not in (None, "sign-in") else "",
        },
    )


def _refuse_limit(context, limit):
    """Show a refused post's reason in the error summary; the bound form keeps the text."""
    context["limit"] = limit
    context["limit_problems"] = [{"id": "id_body", "message": str(limit)}]
    context["page_has_errors"] = True


def _preview_requested(request):
    return "preview" in request.POST


@never_cache
def new_thread(request, slug):
    space = _space_or_404(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    refusal = rules.posting_refusal(request.user, space)
    if refusal:
        return _refused(request, refusal, space=space)
    form = ThreadForm(request.POST or None)
    context = {"space": space, "form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _preview_requested(request):
            context["preview"] = render_markdown(data["body"])
        else:
            try:
                posting.take_limits(request.user, "thread", data["body"])
            except posting.LimitReached as limit:
                _refuse_limit(context, limit.refusal)
            else:
                thread = posting.start_thread(request.user, space, data["title"], data["body"], data["topics"])
                messages.success(request, "Your thread has been posted.")
                return redirect(thread)
    return render(request, "community/discussions/thread_form.html", context)


def _refused(request, code, space=None, thread=None):
    return render(
        request,
        "community/discussions/refused.html",
        {"message": refusal_message(request.user, code), "space": space, "thread": thread, "code": code},
        status=403,
    )


def _page_number(request, paginator):
    number = request.GET.get("page")
    return paginator.num_pages if number == "last" else number


def thread(request, slug, pk):
    thread = _thread_or_404(request, slug, pk)
    user = request.user
    moderator = rules.is_moderator(user)
    posts = thread.posts.select_related("author__profile").order_by("created_at", "pk")
    paginator = Paginator(posts, POSTS_PER_PAGE)
    page_obj = paginator.get_page(_page_number(request, paginator))
    items = []
    for post in page_obj.object_list:
        shown = not post.is_deleted and (not post.hidden or moderator)
        items.append(
            {
                "post": post,
                "html": render_markdown(post.body) if shown else "",
                "can_edit": shown and rules.can_edit_post(user, post),
                "can_report": shown and not post.hidden and rules.can_report(user, post),
            }
        )
    refusal = rules.posting_refusal(user, thread.space, thread)
    context = {
        "thread": thread,
        "space": thread.space,
        "page_obj": page_obj,
        "items": items,
        "is_moderator": moderator,
        "can_reply": refusal is None,
        "refusal": refusal_message(user, refusal) if refusal not in (None, "sign-in") else "",
        "reply_form": ReplyForm() if refusal is None else None,
    }
    if user.is_authenticated:
        context["saved"] = SavedThread.objects.filter(user=user, thread=thread).exists()
        context["subscribed"] = ThreadSubscription.objects.filter(user=user, thread=thread).exists()
    if moderator:
        context["move_form"] = MoveForm(initial={"space": thread.space_id}, auto_id="move_%s")
        context["moderator_actions"] = [
            ("unpin", "Unpin thread") if thread.pinned else ("pin", "Pin thread"),
            ("unlock", "Unlock thread") if thread.locked else ("lock", "Lock thread"),
            ("unhide", "Unhide thread") if thread.hidden else ("hide", "Hide thread"),
        ]
    return render(request, "community/discussions/thread.html", context)


def post_link(request, pk):
    """A lasting address for one post: the thread page it is on, at the post."""
    post = _post_or_404(request, pk)
    earlier = Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    position = post.thread.posts.filter(earlier).count()
    page = position // POSTS_PER_PAGE + 1
    return redirect(f"{post.thread.get_absolute_url()}?page={page}#post-{post.pk}")


@never_cache
def reply(request, slug, pk):
    thread = _thread_or_404(request, slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    refusal = rules.posting_refusal(request.user, thread.space, thread)
    if refusal:
        return _refused(request, refusal, space=thread.space, thread=thread)
    initial = {}
    quote_id = request.GET.get("quote", "")
    if request.method == "GET" and quote_id.isdigit():
        quoted = thread.posts.filter(pk=int(quote_id), hidden=False, deleted_at__isnull=True).first()
        if quoted:
            initial["body"] = quote_markdown(quoted.body, display_name(quoted.author))
    form = ReplyForm(request.POST or None, initial=initial)
    context = {"thread": thread, "space": thread.space, "form": form}
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        if _preview_requested(request):
            context["preview"] = render_markdown(body)
        else:
            try:
                posting.take_limits(request.user, "reply", body)
            except posting.LimitReached as limit:
                _refuse_limit(context, limit.refusal)
            else:
                post = posting.add_reply(request.user, thread, body)
                messages.success(request, "Your reply has been posted.")
                return redirect("community:post_link", post.pk)
    return render(request, "community/discussions/reply_form.html", context)


@never_cache
@login_required
def edit_post(request, pk):
    post = _post_or_404(request, pk)
    if not rules.can_edit_post(request.user, post):
        raise Http404("You cannot edit this post")
    thread = post.thread
    initial = {"body": post.body, "title": thread.title}
    form = EditPostForm(request.POST or None, initial=initial, with_title=post.is_opening)
    context = {"post": post, "thread": thread, "space": thread.space, "form": form}
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        if _preview_requested(request):
            context["preview"] = render_markdown(body)
        else:
            limit = posting.check_limits(request.user, "edit", body)
            if limit:
                _refuse_limit(context, limit)
            else:
                posting.edit_post(post, body, form.cleaned_data.get("title"))
                messages.success(request, "Your changes have been saved.")
                return redirect("community:post_link", post.pk)
    return render(request, "community/discussions/edit_form.html", context)


@never_cache
@login_required
def delete_post(request, pk):
    post = _post_or_404(request, pk)
    if not rules.can_edit_post(request.user, post):
        raise Http404("You cannot delete this post")
    if request.method == "POST":
        posting.delete_post(post)
        messages.success(request, "Your post has been deleted.")
        return redirect("community:post_link", post.pk)
    return render(
        request, "community/discussions/delete.html", {"post": post, "thread": post.thread, "space": post.thread.space}
    )


@never_cache
@login_required
def report_post(request, pk):
    post = _post_or_404(request, pk)
    if not rules.can_report(request.user, post):
        raise Http404("You cannot report this post")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        PostReport.objects.create(post=post, reporter=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "Thank you. A moderator will look at the post.")
        return redirect("community:post_link", post.pk)
    return render(
        request,
        "community/discussions/report_form.html",
        {"post": post, "thread": post.thread, "space": post.thread.space, "form": form},
    )


@login_required
@require_POST
def save_thread(request, slug, pk):
    thread = _thread_or_404(request, slug, pk)
    saved, created = SavedThread.objects.get_or_create(user=request.user, thread=thread)
    if not created:
        saved.delete()
    messages.success(request, "Thread saved to your account." if created else "Thread removed from your saved items.")
    return redirect(thread)


@login_required
@require_POST
def subscribe(request, slug, pk):
    thread = _thread_or_404(request, slug, pk)
    if request.POST.get("action") == "unsubscribe":
        posting.unsubscribe(request.user, thread)
        messages.success(request, "You will not get emails about new replies to this thread.")
    else:
        posting.subscribe(request.user, thread)
        messages.success(request, "You will get emails about new replies to this thread.")
    return redirect(thread)
