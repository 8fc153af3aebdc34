from django.shortcuts import get_object_or_404, render

from commentdesk.articles.models import Article
from commentdesk.comments.forms import CommentForm
from commentdesk.comments.models import Comment
from commentdesk.comments.readers import own_unpublished_comments


def home(request):
    articles = Article.objects.select_related("site")
    return render(request, "articles/home.html", {"articles": articles})


def article(request, slug):
    article = get_object_or_404(Article.objects.select_related("site"), slug=slug)
    return render_article(request, article, CommentForm())


def render_article(request, article, form, status=200):
    context = {
        "article": article,
        "site": article.site,
        "comments": article.comments.filter(status=Comment.Status.APPROVED),
        "own_comments": own_unpublished_comments(request, article),
        "form": form,
    }
    return render(request, "articles/article.html", context, status=status)
