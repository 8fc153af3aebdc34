from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from commentdesk.articles.demo import ARTICLES
from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment


class LoadDemoTestCase(TestCase):
    def test_it_loads_the_demo_once(self):
        call_command("load_demo", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())
        self.assertEqual(Article.objects.count(), len(ARTICLES))
        expected = sum(len(spec["comments"]) for spec in ARTICLES)
        self.assertEqual(Comment.objects.filter(status="approved").count(), expected)

    def test_demo_articles_render(self):
        call_command("load_demo", stdout=StringIO())
        for article in Article.objects.all():
            r = self.client.get(article.get_absolute_url())
            self.assertContains(r, article.headline)

    def test_the_arabic_and_sorani_stories_speak_their_language(self):
        call_command("load_demo", stdout=StringIO())
        for spec in ARTICLES:
            if spec.get("language") in ("ar", "ckb"):
                r = self.client.get(f"/articles/{spec['slug']}/")
                self.assertContains(r, f'<html lang="{spec["language"]}" dir="rtl">')
