"""A commenter exports or erases their comments through a link mailed to them."""

import json
import re
import time
from unittest import mock

from django.core import mail, signing
from django.core.cache import cache
from django.test import Client

from commentdesk.comments import privacy
from commentdesk.comments.actions import do_erase_commenter
from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.models import Decision, ModerationJob
from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.test import PASSWORD, BaseTestCase


class PrivacyTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.published = self.submit("Published words.")
        do_approve_comment(self.published, moderator=self.bob)
        self.rejected = self.submit("Rude words.")
        do_reject_comment(self.rejected, "profanity", moderator=self.bob)
        self.other = self.submit("Someone else.", name="Dan", email="dan@example.org")

    def ask(self, action, email="Carol@example.org"):
        return self.client.post("/privacy/", {"email": email, "action": action})

    def mailed_link(self):
        self.assertEqual(len(mail.outbox), 1)
        return re.search(r"http://testserver(/privacy/\S+)", mail.outbox[0].body).group(1)

    def test_the_request_mails_a_link_and_says_the_same_either_way(self):
        r = self.ask("export")
        self.assertContains(r, "If comments were posted with carol@example.org")
        self.assertEqual(mail.outbox[0].to, ["carol@example.org"])
        unknown = self.ask("export", email="nobody@example.org")
        self.assertContains(unknown, "If comments were posted with nobody@example.org")
        self.assertEqual(len(mail.outbox), 1)  # nobody posted with that address: no mail

    def test_export_returns_every_comment_with_its_decisions(self):
        self.ask("export")
        link = self.mailed_link()
        self.assertContains(self.client.get(link), "2 comments were posted with carol@example.org")
        r = self.client.post(link)
        self.assertIn("attachment", r["Content-Disposition"])
        data = json.loads(r.content)
        self.assertEqual([c["text"] for c in data["comments"]], ["Published words.", "Rude words."])
        self.assertEqual(data["comments"][1]["decisions"][0]["guideline"], "profanity")
        self.assertNotIn("Someone else.", r.content.decode())

    def test_erase_deletes_the_comments_and_keeps_anonymised_decisions(self):
        self.ask("erase")
        link = self.mailed_link()
        self.client.get(link)  # opening the link (as a mail scanner would) erases nothing
        self.assertEqual(Comment.objects.filter(author_email="carol@example.org").count(), 2)
        r = self.client.post(link)
        self.assertContains(r, "2 comments posted with carol@example.org were erased.")
        self.assertEqual(list(Comment.objects.all()), [self.other])
        self.assertFalse(ModerationJob.objects.filter(comment__isnull=True).exists())
        kept = Decision.objects.filter(erased_comment_id=self.rejected.pk).get()
        self.assertEqual((kept.comment, kept.outcome, kept.guideline), (None, "rejected", "profanity"))
        self.assertEqual(kept.erased_article, self.article)
        self.assertEqual(kept.moderator, self.bob)
        self.assertIsNotNone(kept.erased_at)
        self.assertNotContains(Client().get(self.article.get_absolute_url()), "Published words.")

    def test_erasing_twice_is_harmless(self):
        self.assertEqual(do_erase_commenter("carol@example.org"), 2)
        self.assertEqual(do_erase_commenter("carol@example.org"), 0)

    def test_a_forged_or_expired_or_other_action_link_does_nothing(self):
        token = privacy.make_token("carol@example.org", "export")
        self.assertEqual(self.client.post(f"/privacy/erase/{token}/").status_code, 400)
        self.assertEqual(self.client.post(f"/privacy/erase/{token}x/").status_code, 400)
        a_day_later = time.time() + 24 * 3600 + 1
        with mock.patch("django.core.signing.time.time", return_value=a_day_later):
            self.assertEqual(self.client.post(f"/privacy/export/{token}/").status_code, 400)
        forged = signing.TimestampSigner(salt="another").sign_object(
            {"email": "carol@example.org", "action": "erase"}
        )
        self.assertContains(self.client.post(f"/privacy/erase/{forged}/"), "ask for a new one", status_code=400)
        self.assertEqual(Comment.objects.count(), 3)

    def test_the_workspace_still_works_after_an_erasure(self):
        do_erase_commenter("carol@example.org")
        self.client.login(username="bob", password=PASSWORD)
        for path in ("/desk/", "/desk/audit/", "/desk/agreement/", "/desk/machine/approved/"):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path, follow=True).status_code, 200)
        decision = Decision.objects.filter(comment__isnull=True).first()
        self.assertEqual(self.client.post(f"/desk/decisions/{decision.pk}/undo/").status_code, 404)


class EmailNeverPublicTestCase(EmbedTestCase):
    def test_the_address_is_on_no_public_page_or_answer(self):
        comment = self.submit("Published words.", email="secret.reader@example.org")
        do_approve_comment(comment, moderator=self.bob)
        for response in (
            Client().get(self.article.get_absolute_url()),
            self.list_comments(),
            self.status_of(comment.pk),
        ):
            self.assertContains(response, "Published words.")
            self.assertNotContains(response, "secret.reader")

    def test_an_erased_published_comment_leaves_the_cached_embed_list(self):
        comment = self.submit("Published words.")
        do_approve_comment(comment, moderator=self.bob)
        self.assertContains(self.list_comments(), "Published words.")  # now cached
        with self.captureOnCommitCallbacks(execute=True):
            do_erase_commenter("carol@example.org")
        self.assertNotContains(self.list_comments(), "Published words.")
