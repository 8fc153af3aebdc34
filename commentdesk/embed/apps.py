from django.apps import AppConfig


class EmbedConfig(AppConfig):
    name = "commentdesk.embed"
    verbose_name = "Embedded comment section"

    def ready(self):
        from corsheaders.signals import check_request_enabled
        from django.db.models.signals import post_delete, post_save

        from commentdesk.articles.models import Article, Site
        from commentdesk.comments.signals import comment_featured, comment_status_changed
        from commentdesk.embed import caching, origins

        check_request_enabled.connect(origins.cors_allows, dispatch_uid="embed.cors")
        comment_status_changed.connect(caching.forget_article_comments, dispatch_uid="embed.status")
        comment_featured.connect(caching.forget_article_comments, dispatch_uid="embed.featured")
        post_save.connect(caching.forget_saved_article, sender=Article, dispatch_uid="embed.article")
        for signal in (post_save, post_delete):
            signal.connect(origins.forget_origins, sender=Site, dispatch_uid=f"embed.site.{signal}")
