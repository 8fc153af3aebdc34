from django.contrib import admin

from commentdesk.articles.models import Article, Site


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "date_format", "digits", "allowed_origins"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "published_on", "language", "author_name", "comments_open", "canonical_url"]
    list_filter = ["comments_open", "language", "site"]
    search_fields = ["headline", "body", "canonical_url"]
    prepopulated_fields = {"slug": ["headline"]}
