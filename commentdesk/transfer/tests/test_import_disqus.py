import io

from django.core.management import CommandError, call_command

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment
from commentdesk.moderation.models import Decision, ModerationJob
from commentdesk.test import BaseTestCase
from commentdesk.transfer.disqus import read_disqus
from commentdesk.transfer.models import ImportedComment
from commentdesk.transfer.sources import SourceError
from commentdesk.transfer.tests import SAMPLES

SAMPLE = str(SAMPLES / "disqus.xml")


def run(*args):
    out = io.StringIO()
    call_command("import_comments", *args, stdout=out)
    return out.getvalue()


def by_author(name):
    return Comment.objects.get(author_name=name)


class ImportDisqusTestCase(BaseTestCase):
    def import_sample(self):
        return run("--format", "disqus", SAMPLE, "--site", str(self.site.pk))

    def test_it_keeps_authors_dates_and_text(self):
        self.import_sample()
        hana = by_author("Hana Rashid")
        self.assertEqual(hana.author_email, "hana.rashid@example.net")
        self.assertEqual(hana.created_at.isoformat(), "2023-11-20T09:15:42+00:00")
        self.assertEqual(
            hana.text, "Finally! My commute just got twenty minutes shorter.\n\nThanks to the crews & engineers."
        )
        omar = by_author("Omar K.")
        self.assertIn("See the earlier story (https://news.example.org/2022/bridge-delays).", omar.text)

    def test_it_creates_articles_by_canonical_url(self):
        self.import_sample()
        bridge = Article.objects.get(canonical_url="https://news.example.org/2023/11/bridge-reopens")
        self.assertEqual(bridge.headline, "The old bridge reopens after two years")
        self.assertEqual(bridge.site, self.site)
        # Host lower-cased, fragment dropped, as the embed stores it.
        market = Article.objects.get(canonical_url="https://news.example.org/2023/11/market-day")
        self.assertEqual(by_author("Farid").article, market)

    def test_it_reuses_an_existing_article(self):
        self.article.canonical_url = "https://news.example.org/2023/11/bridge-reopens"
        self.article.save()
        self.import_sample()
        self.assertEqual(by_author("Hana Rashid").article, self.article)

    def test_it_keeps_threads(self):
        self.import_sample()
        hana = by_author("Hana Rashid")
        self.assertEqual(by_author("Omar K.").parent, hana)
        # A reply to a deleted comment hangs on the nearest imported ancestor.
        self.assertEqual(by_author("Lena").parent, hana)

    def test_approved_comments_are_approved_by_the_import(self):
        self.import_sample()
        hana = by_author("Hana Rashid")
        self.assertEqual(hana.status, Comment.Status.APPROVED)
        decision = hana.decisions.get()
        self.assertEqual((decision.outcome, decision.machine), ("approved", "import disqus"))
        self.assertFalse(ModerationJob.objects.filter(comment=hana).exists())

    def test_spam_is_rejected_as_promotion(self):
        self.import_sample()
        spam = by_author("Best Deals")
        self.assertEqual((spam.status, spam.guideline), ("rejected", "promotion"))
        self.assertEqual(spam.decisions.get().outcome, Decision.Outcome.REJECTED)

    def test_pending_comments_wait_for_a_moderator(self):
        self.import_sample()
        farid = by_author("Farid")
        self.assertEqual(farid.status, Comment.Status.PENDING)
        self.assertFalse(farid.decisions.exists())
        job = farid.moderation_job
        self.assertEqual(job.verdict, "review")
        self.assertIsNotNone(job.completed_at)

    def test_it_reports_what_it_did_not_import(self):
        output = self.import_sample()
        self.assertIn("Imported 5 comments from disqus:northern-courier", output)
        self.assertIn("(3 approved, 1 pending, 1 rejected)", output)
        self.assertIn("5002: deleted in the source", output)
        self.assertIn("5007: thread 8800119999: url must be the article's address", output)
        self.assertIn("5008: no valid date", output)
        self.assertIn("Failed: 2.", output)
        self.assertFalse(Comment.objects.filter(author_name__in=["Gone", "X", "Y"]).exists())

    def test_it_notes_origins_the_site_does_not_allow(self):
        self.assertIn("do not list https://news.example.org:", self.import_sample())
        self.site.allowed_origins = "https://news.example.org"
        self.site.save()
        self.assertNotIn("Note:", self.import_sample())

    def test_importing_again_adds_nothing(self):
        self.import_sample()
        count = Comment.objects.count()
        output = self.import_sample()
        self.assertEqual(Comment.objects.count(), count)
        self.assertIn("Imported 0 comments", output)
        self.assertIn("Skipped as already imported: 5.", output)

    def test_an_erased_comment_is_not_imported_again(self):
        from commentdesk.comments.actions import do_erase_commenter

        self.import_sample()
        do_erase_commenter("hana.rashid@example.net")
        self.assertEqual(by_author("Omar K.").parent, None)
        self.import_sample()
        self.assertFalse(Comment.objects.filter(author_name="Hana Rashid").exists())
        self.assertTrue(ImportedComment.objects.filter(source_id="5001", comment=None).exists())

    def test_a_dry_run_stores_nothing(self):
        output = run("--format", "disqus", SAMPLE, "--site", self.site.name, "--dry-run")
        self.assertIn("Would import 5 comments", output)
        self.assertEqual(Comment.objects.count(), 0)
        self.assertEqual(ImportedComment.objects.count(), 0)

    def test_it_never_runs_the_live_pipeline(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            self.import_sample()
        self.assertEqual(len(callbacks), 1)  # only the embed cache of the articles is cleared

    def test_it_refuses_an_unknown_site(self):
        with self.assertRaisesMessage(CommandError, "no site has the id or name 'nope'"):
            run("--format", "disqus", SAMPLE, "--site", "nope")

    def test_it_refuses_another_format(self):
        with self.assertRaisesMessage(CommandError, "Not a Disqus export"):
            run("--format", "disqus", str(SAMPLES / "wordpress.xml"), "--site", "1")


class SafeParsingTestCase(BaseTestCase):
    def test_entities_are_refused(self):
        bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<disqus><post><message>&lol2;</message></post></disqus>"""
        with self.assertRaisesMessage(SourceError, "Refused"):
            read_disqus(io.BytesIO(bomb))

    def test_external_entities_are_refused(self):
        xxe = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><disqus>&x;</disqus>"""
        with self.assertRaisesMessage(SourceError, "Refused"):
            read_disqus(io.BytesIO(xxe))

    def test_broken_xml_is_refused(self):
        with self.assertRaisesMessage(SourceError, "Not well-formed XML"):
            read_disqus(io.BytesIO(b"<disqus><post>"))
