from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commentdesk.articles.models import Article
from commentdesk.articles.views import render_article
from commentdesk.comments.actions import CommentsClosedError, do_submit_comment
from commentdesk.comments.forms import CommentForm
from commentdesk.comments.readers import remember_posted


@require_POST
def post_comment(request, slug):
    article = get_object_or_404(Article, slug=slug)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render_article(request, article, form, status=400)
    try:
        comment = do_submit_comment(article, **form.cleaned_data)
    except CommentsClosedError:
        form.add_error(None, _("Comments on this article are closed."))
        return render_article(request, article, form, status=409)
    remember_posted(request, comment)
    messages.success(
        request,
        _("Thank you. Your comment was received and awaits moderation; it appears here once approved."),
    )
    return redirect(f"{article.get_absolute_url()}#comment-{comment.pk}")
