import io
import json

from django.core.management import call_command

from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.test import BaseTestCase
from commentdesk.transfer.tests import SAMPLES


class ExportCommentsTestCase(BaseTestCase):
    def export(self, *args):
        out, err = io.StringIO(), io.StringIO()
        call_command("export_comments", "--site", str(self.site.pk), *args, stdout=out, stderr=err)
        return json.loads(out.getvalue()), err.getvalue()

    def test_it_exports_comments_with_their_decisions(self):
        approved = self.submit("A fair point.")
        do_approve_comment(approved, moderator=self.bob)
        rejected = self.submit("You idiot.", name="Dan", email="dan@example.org")
        do_reject_comment(rejected, "personal_attack", machine="classifier v1")
        document, err = self.export()
        self.assertEqual(document["format"], "commentdesk-export")
        self.assertEqual(document["site"], {"id": self.site.pk, "name": self.site.name})
        self.assertIn("Exported 2 comments", err)
        first, second = document["comments"]
        self.assertEqual(first["text"], "A fair point.")
        self.assertEqual(first["status"], "approved")
        self.assertEqual(first["article_url"], self.article.get_absolute_url())
        self.assertEqual(first["decisions"][0]["moderator"], "bob")
        self.assertEqual(second["guideline"], "personal_attack")
        self.assertEqual(second["decisions"][0]["decider"], "machine")
        self.assertEqual(second["decisions"][0]["machine"], "classifier v1")

    def test_emails_only_when_asked(self):
        self.submit()
        document, _err = self.export()
        self.assertNotIn("author_email", document["comments"][0])
        self.assertFalse(document["includes_emails"])
        document, _err = self.export("--include-emails")
        self.assertEqual(document["comments"][0]["author_email"], "carol@example.org")

    def test_imported_comments_keep_their_thread_and_source(self):
        call_command(
            "import_comments", "--format", "disqus", str(SAMPLES / "disqus.xml"),
            "--site", str(self.site.pk), stdout=io.StringIO(),
        )
        document, _err = self.export()
        by_id = {c["id"]: c for c in document["comments"]}
        omar = next(c for c in document["comments"] if c["author_name"] == "Omar K.")
        self.assertEqual(by_id[omar["parent_id"]]["author_name"], "Hana Rashid")
        self.assertEqual(omar["imported_from"], {"source": "disqus:northern-courier", "id": "5003"})
        self.assertEqual(omar["article_url"], "https://news.example.org/2023/11/bridge-reopens")

    def test_other_sites_are_left_out(self):
        from commentdesk.articles.models import Site
        from commentdesk.test import make_article

        other = make_article("elsewhere", site=Site.objects.create(name="Other"))
        self.article = other
        self.submit()
        document, _err = self.export()
        self.assertEqual(document["comments"], [])
