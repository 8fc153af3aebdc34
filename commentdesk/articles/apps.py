from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "commentdesk.articles"
    verbose_name = "Articles and sites"
