from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from commentdesk.articles.models import Article
from commentdesk.articles.views import list_query_of, render_article
from commentdesk.comments import flood, privacy
from commentdesk.comments.actions import (
    CommentsClosedError,
    ReportRefused,
    do_erase_commenter,
    do_report_comment,
    do_submit_comment,
)
from commentdesk.comments.forms import CommentForm, PrivacyRequestForm, ReportForm
from commentdesk.comments.models import Comment
from commentdesk.comments.readers import remember_posted
from commentdesk.comments.replies import ReplyRefused
from commentdesk.identity.readers import signed_in, signed_in_identity, site_sign_on


def too_fast_message(seconds: int) -> str:
    return ngettext(
        "You are posting too fast; try again in %(seconds)d second.",
        "You are posting too fast; try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


def duplicate_message() -> str:
    return _("You have already posted this comment on this article; it was not posted twice.")


@require_POST
def post_comment(request, slug):
    article = get_object_or_404(Article, slug=slug)
    sso = site_sign_on(request, article.site_id)
    identity = signed_in(request, sso)
    form = CommentForm(request.POST, identity=identity)
    if sso and sso.required and identity is None:
        # The page shows a sign-in link instead of the form; a post without it is refused.
        form.add_error(None, _("Sign in to comment"))
        return render_article(request, article, form, status=401)
    if not form.is_valid():
        return render_article(request, article, form, status=400)
    account_id = identity.account_id if identity else None
    try:
        with flood.posting(request, article, form.cleaned_data):
            comment = do_submit_comment(article, **form.cleaned_data, account_id=account_id)
    except flood.PostingTooFast as error:
        form.add_error(None, too_fast_message(error.retry_after))
        response = render_article(request, article, form, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    except flood.DuplicateComment:
        form.add_error(None, duplicate_message())
        return render_article(request, article, form, status=409)
    except CommentsClosedError:
        form.add_error(None, _("Comments on this article are closed."))
        return render_article(request, article, form, status=409)
    except ReplyRefused as error:
        form.add_error(None, error.message)
        return render_article(request, article, form, status=error.status)
    remember_posted(request, comment)
    messages.success(
        request,
        _("Thank you. Your comment was received and awaits moderation; it appears here once approved."),
    )
    return redirect(f"{article.get_absolute_url()}#comment-{comment.pk}")


@require_POST
def report_comment(request, comment_id):
    """The Report form under a published comment (?report=<id> opens it, without JavaScript)."""
    comment = get_object_or_404(Comment.objects.select_related("article__site"), pk=comment_id)
    article = comment.article
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _report_page(request, comment, form, 400)
    if not request.session.session_key:
        request.session.save()
    reporter = flood.reporter_key("session", request.session.session_key)
    try:
        flood.check_reporting(request)
        do_report_comment(comment.pk, reporter=reporter, **form.cleaned_data)
    except flood.PostingTooFast as error:
        form.add_error(None, too_fast_message(error.retry_after))
        response = _report_page(request, comment, form, 429)
        response["Retry-After"] = str(error.retry_after)
        return response
    except ReportRefused as error:
        form.add_error(None, error.message)
        return _report_page(request, comment, form, error.status)
    messages.success(request, report_received_message())
    query = list_query_of(request)
    page = f"{article.get_absolute_url()}?{query}" if query else article.get_absolute_url()
    return redirect(f"{page}#comment-{comment.pk}")


def _report_page(request, comment, form, status):
    """The article again, with the report form open under the comment and its errors."""
    comment_form = CommentForm(identity=signed_in_identity(request, comment.article))
    return render_article(
        request, comment.article, comment_form, status=status, report_form=form, reporting=comment.pk
    )


def report_received_message() -> str:
    return _("Thank you for your report. A moderator will look at this comment again.")


def privacy_request(request):
    """Ask for an export or an erasure; the link that does it is mailed to the address."""
    form = PrivacyRequestForm(request.POST or None)
    if request.method != "POST":
        return render(request, "comments/privacy_request.html", {"form": form})
    if not form.is_valid():
        return render(request, "comments/privacy_request.html", {"form": form}, status=400)
    email, action = form.cleaned_data["email"], form.cleaned_data["action"]
    try:
        flood.check_rates(request, email, scope="privacy")
    except flood.PostingTooFast as error:
        form.add_error(None, too_fast_message(error.retry_after))
        response = render(request, "comments/privacy_request.html", {"form": form}, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    # The answer is the same whether or not the address posted: it reveals nothing.
    if privacy.commenter_comments(email).exists():
        _send_privacy_link(request, email, action)
    context = {"email": email, "hours": settings.PRIVACY_LINK_HOURS}
    return render(request, "comments/privacy_sent.html", context)


def _send_privacy_link(request, email, action):
    url = request.build_absolute_uri(
        reverse("privacy_confirm", args=[action, privacy.make_token(email, action)])
    )
    context = {"url": url, "action": action, "hours": settings.PRIVACY_LINK_HOURS}
    subject = _("Export your comments") if action == privacy.EXPORT else _("Erase your comments")
    body = render_to_string("comments/privacy_email.txt", context, request=request)
    send_mail(subject, body, None, [email])


def privacy_confirm(request, action, token):
    """The mailed link: GET shows what will happen, POST (a button) does it. Mail scanners
    that open links therefore cannot erase anything."""
    if action not in privacy.ACTIONS:
        raise Http404()
    try:
        email = privacy.read_token(token, action)
    except privacy.InvalidLink:
        return render(request, "comments/privacy_invalid.html", status=400)
    if request.method != "POST":
        count = privacy.commenter_comments(email).count()
        context = {"email": email, "action": action, "count": count}
        return render(request, "comments/privacy_confirm.html", context)
    if action == privacy.EXPORT:
        response = JsonResponse(privacy.export(email), json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = 'attachment; filename="my-comments.json"'
        return response
    erased = do_erase_commenter(email)
    return render(request, "comments/privacy_erased.html", {"email": email, "count": erased})
