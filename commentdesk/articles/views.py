from django.shortcuts import get_object_or_404, render

from commentdesk.articles.models import Article
from commentdesk.comments.forms import CommentForm, ReportForm
from commentdesk.comments.models import Comment
from commentdesk.comments.readers import own_unpublished_comments
from commentdesk.comments.replies import threaded
from commentdesk.identity.readers import sign_in_context, signed_in_identity


def home(request):
    articles = Article.objects.select_related("site")
    return render(request, "articles/home.html", {"articles": articles})


def article(request, slug):
    article = get_object_or_404(Article.objects.select_related("site"), slug=slug)
    # ?reply_to=<id>: the Reply link of a published comment, which works without JavaScript.
    reply_to = request.GET.get("reply_to", "")
    initial = {"parent_id": int(reply_to)} if reply_to.isascii() and reply_to.isdigit() else {}
    # ?report=<id>: the Report link of a published comment opens its report form.
    report = request.GET.get("report", "")
    reporting = int(report) if report.isascii() and report.isdigit() else None
    form = CommentForm(initial=initial, identity=signed_in_identity(request, article))
    return render_article(request, article, form, report_form=ReportForm(), reporting=reporting)


def render_article(request, article, form, status=200, report_form=None, reporting=None):
    approved = list(article.comments.filter(status=Comment.Status.APPROVED))
    context = {
        "article": article,
        "site": article.site,
        "comments": threaded(approved),
        "own_comments": own_unpublished_comments(request, article),
        "form": form,
        "replying_to": _replying_to(form, approved),
        "report_form": report_form,
        "reporting": reporting,
        **sign_in_context(request, article),
    }
    return render(request, "articles/article.html", context, status=status)


def _replying_to(form, approved):
    """The published top-level comment the form replies to, if any: shown above the form."""
    raw = form.data.get("parent_id") if form.is_bound else form.initial.get("parent_id")
    parent = next((c for c in approved if str(c.pk) == str(raw)), None) if raw else None
    if parent is not None and parent.parent_id:
        parent = next((c for c in approved if c.pk == parent.parent_id), None)
    return parent
