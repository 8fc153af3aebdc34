from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from commentdesk.articles.models import Article
from commentdesk.articles.views import render_article
from commentdesk.comments import flood
from commentdesk.comments.actions import CommentsClosedError, do_submit_comment
from commentdesk.comments.forms import CommentForm
from commentdesk.comments.readers import remember_posted


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
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render_article(request, article, form, status=400)
    try:
        flood.check_posting(request, article, form.cleaned_data)
        comment = do_submit_comment(article, **form.cleaned_data)
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
    remember_posted(request, comment)
    messages.success(
        request,
        _("Thank you. Your comment was received and awaits moderation; it appears here once approved."),
    )
    return redirect(f"{article.get_absolute_url()}#comment-{comment.pk}")
