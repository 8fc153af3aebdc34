"""The interface language of public pages: the article's, else the site's, else the reader's.

Runs after LocaleMiddleware, which has already activated the reader's Accept-Language (the
language of the workspace at /desk/, the admin and the API). On a reader's page (a view of the
articles or comments app) this activates the article's language, or else the site's, unless
the site's language is "auto". Scripts, the API and health checks never look up a site here.
"""

from django.db import DatabaseError
from django.utils import translation

from commentdesk.articles.models import Article, Site

# The readers' pages; the others (desk, admin, API, scripts) keep what LocaleMiddleware chose.
READER_VIEW_MODULES = ("commentdesk.articles.", "commentdesk.comments.")
ARTICLE_VIEWS = ("article", "post_comment")


class SiteLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not view_func.__module__.startswith(READER_VIEW_MODULES):
            return None
        try:
            language = page_language(request.resolver_match.url_name, view_kwargs)
        except DatabaseError:  # The view meets it too and answers; the reader's language will do.
            language = ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return None


def page_language(url_name: str, view_kwargs: dict) -> str:
    """The language a public page is written in, or "" to follow the reader's browser."""
    if url_name in ARTICLE_VIEWS and "slug" in view_kwargs:
        article = Article.objects.select_related("site").filter(slug=view_kwargs["slug"]).first()
        if article:
            return article.interface_language()
    return Site.objects.get_current().interface_language()
