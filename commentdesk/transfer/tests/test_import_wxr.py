import datetime
import io

from django.core.management import call_command
from django.test import override_settings

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment
from commentdesk.test import BaseTestCase
from commentdesk.transfer.tests import SAMPLES

SAMPLE = str(SAMPLES / "wordpress.xml")


def by_author(name):
    return Comment.objects.get(author_name=name)


class ImportWordPressTestCase(BaseTestCase):
    def import_sample(self):
        out = io.StringIO()
        call_command("import_comments", "--format", "wxr", SAMPLE, "--site", str(self.site.pk), stdout=out)
        return out.getvalue()

    def test_it_keeps_authors_dates_text_and_threads(self):
        self.import_sample()
        maria = by_author("Maria Lopez")
        self.assertEqual(maria.author_email, "maria@example.net")
        self.assertEqual(maria.created_at, datetime.datetime(2023, 12, 1, 8, 12, tzinfo=datetime.UTC))
        self.assertEqual(maria.text, "Good news for the children.\nThe old roof leaked every spring.")
        tom = by_author("Tom")
        self.assertEqual(tom.parent, maria)
        self.assertEqual(tom.text, "@Maria it still leaks in the gym & the hall.")
        self.assertEqual(maria.article.canonical_url, "https://gazette.example.org/2023/12/school-roof/")
        self.assertEqual(maria.article.headline, "School roof repaired before winter")

    def test_it_maps_approval_states(self):
        self.import_sample()
        self.assertEqual(by_author("Maria Lopez").status, "approved")
        self.assertEqual(by_author("Maria Lopez").decisions.get().machine, "import wordpress")
        self.assertEqual(by_author("Tom").status, "pending")
        self.assertEqual(by_author("Tom").moderation_job.verdict, "review")
        roofing = by_author("Roofing Pros")
        self.assertEqual((roofing.status, roofing.guideline), ("rejected", "promotion"))

    def test_it_skips_the_trash_and_pingbacks(self):
        output = self.import_sample()
        self.assertIn("44: deleted in the source", output)
        self.assertFalse(Comment.objects.filter(author_name__in=["Someone", "Other Blog"]).exists())

    @override_settings(TIME_ZONE="Europe/Istanbul")
    def test_a_missing_gmt_date_is_read_in_the_desk_time_zone(self):
        self.import_sample()
        ayse = by_author("Ayşe Demir")
        self.assertEqual(ayse.created_at, datetime.datetime(2023, 12, 3, 15, 30, tzinfo=datetime.UTC))
        self.assertEqual(ayse.text, "Will the meeting be streamed?")

    def test_importing_again_adds_nothing(self):
        self.import_sample()
        output = self.import_sample()
        self.assertEqual(Comment.objects.count(), 4)
        self.assertEqual(Article.objects.filter(canonical_url__startswith="https://gazette").count(), 2)
        self.assertIn("Skipped as already imported: 4.", output)
