from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from commentdesk.articles.models import Article
from commentdesk.comments import listing
from commentdesk.comments.forms import CommentForm, ReportForm
from commentdesk.comments.models import Comment
from commentdesk.comments.readers import own_unpublished_comments
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
    sort, number = _list_position(request)
    pages = listing.counts(article).pages()
    if number > pages:
        # A page past the last has no content of its own; repeating the last page instead
        # would give crawlers endless copies of it (see docs/technical/threads.md).
        raise Http404("No such page of comments.")
    threads = listing.thread_page(article, sort, number, pages)
    context = {
        "article": article,
        "site": article.site,
        "comments": threads.threads,
        "thread_page": threads,
        "featured": listing.featured(article) if number == 1 else [],
        "sorts": listing.Sort,
        "sort": sort,
        "list_query": _list_query(sort, number),
        "sort_query": _list_query(sort, 1),
        "own_comments": own_unpublished_comments(request, article),
        "form": form,
        "replying_to": _replying_to(form, article),
        "report_form": report_form,
        "reporting": reporting,
        **sign_in_context(request, article),
    }
    return render(request, "articles/article.html", context, status=status)


def _list_position(request):
    """?sort= and ?page= of the comment list; a bad value of either is a page that is not."""
    sort = listing.parse_sort(request.GET.get("sort", ""))
    raw = request.GET.get("page", "1")
    if sort is None or not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise Http404("No such page of comments.")
    return sort, int(raw)


def list_query_of(request) -> str:
    """The sort and page the request's query string asks for, as a query string; the report
    form carries them so the reader comes back to the page they were reading."""
    try:
        return _list_query(*_list_position(request))
    except Http404:
        return ""


def _list_query(sort, number) -> str:
    """The query string that shows this page in this order, without the defaults."""
    query = {}
    if sort != listing.Sort.OLDEST:
        query["sort"] = sort.value
    if number > 1:
        query["page"] = number
    return urlencode(query)


def _replying_to(form, article):
    """The published top-level comment the form replies to, if any: shown above the form."""
    raw = str(form.data.get("parent_id") if form.is_bound else form.initial.get("parent_id"))
    if not raw.isascii() or not raw.isdigit():
        return None
    parent = listing.published(article).select_related("parent").filter(pk=raw).first()
    if parent is not None and parent.parent_id:
        parent = parent.parent if parent.parent.status == Comment.Status.APPROVED else None
    return parent
