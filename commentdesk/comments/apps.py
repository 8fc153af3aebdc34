from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "commentdesk.comments"
    verbose_name = "Comments"
