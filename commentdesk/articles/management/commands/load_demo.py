import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from commentdesk.articles.demo import ARTICLES
from commentdesk.articles.models import Article, Site
from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.moderation.roles import EDITORS, MODERATORS

DEMO_EDITOR = "editor"


class Command(BaseCommand):
    help = "Load the demo stories, a few approved comments and a demo editor account (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            site = Site.objects.get_current()
            editor = self._ensure_editor()
            for spec in ARTICLES:
                self._ensure_article(site, editor, dict(spec))
        self.stdout.write(self.style.SUCCESS(f"Demo site ready: {len(ARTICLES)} articles."))

    def _ensure_editor(self):
        User = get_user_model()
        editor = User.objects.filter(username=DEMO_EDITOR).first()
        if editor is None:
            password = secrets.token_urlsafe(12)
            editor = User.objects.create_user(DEMO_EDITOR, password=password, is_staff=True)
            editor.groups.add(*Group.objects.filter(name__in=[EDITORS, MODERATORS]))
            self.stdout.write(
                f"Demo editor created. Log in at /admin/ as {DEMO_EDITOR!r} with password {password!r}"
                " (shown once; reset it with `manage.py changepassword editor`)."
            )
        return editor

    def _ensure_article(self, site, editor, spec):
        comments = spec.pop("comments")
        article, created = Article.objects.get_or_create(
            slug=spec["slug"], defaults={**spec, "site": site}
        )
        if not created:
            return
        for name, email, text in comments:
            comment = do_submit_comment(article, author_name=name, author_email=email, text=text)
            do_approve_comment(comment, moderator=editor)
