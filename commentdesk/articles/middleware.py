"""The interface language of public pages: the article's, else the site's, else the reader's.

Runs after LocaleMiddleware, which has already activated the reader's Accept-Language (the
language of the workspace at /desk/ and of the admin). On a public page this activates the
article's language, or else the site's, unless the site's language is "auto".
"""

from django.db import DatabaseError
from django.utils import translation

from commentdesk.articles.models import Article, Site

# Pages for moderators and programs: they keep the language LocaleMiddleware chose.
NOT_PUBLIC = ("/desk/", "/admin/", "/api/")
ARTICLE_VIEWS = ("article", "post_comment")


class SiteLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(NOT_PUBLIC):
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
