from unittest import mock

from django.core import mail
from django.test import override_settings
from django.utils.translation import gettext as _, override

from commentdesk.moderation.actions import do_undo_decision
from commentdesk.notifications.emails import send_decision_email
from commentdesk.notifications.models import SentEmail, Subscription
from commentdesk.notifications.tests.base import DESK, NotificationsTestCase

NOT_PUBLISHED = "Not published: it did not meet our guidelines (%(guideline)s)."


class DecisionEmailTestCase(NotificationsTestCase):
    def test_a_published_comment_is_announced_with_its_link(self):
        comment = self.subscribe()
        self.assertEqual(mail.outbox, [])  # Posting alone sends nothing.
        self.approve(comment)
        (message,) = mail.outbox
        self.assertEqual(message.to, ["carol@example.org"])
        self.assertEqual(
            message.subject, "Your comment on “Strikes near the airbase” was published"
        )
        self.assertIn(f"{DESK}/articles/{self.article.slug}/#comment-{comment.pk}", message.body)

    def test_a_rejection_cites_the_guideline_and_machines_decide_too(self):
        comment = self.subscribe()
        self.reject(comment, "personal_attack", machine="classifier test")
        (message,) = mail.outbox
        self.assertIn("was not published", message.subject)
        self.assertIn("it did not meet our guidelines (Personal attacks)", message.body)

    def test_no_email_without_the_opt_in(self):
        with self.captureOnCommitCallbacks(execute=True):
            comment = self.submit()
        self.approve(comment)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(Subscription.objects.exists())

    def test_the_email_never_quotes_the_comment_or_its_name(self):
        # Anyone may post with anyone's address: a rejected comment's words must not be mailed.
        comment = self.subscribe("Unmoderated insult", name="Mallory the spammer")
        self.reject(comment)
        (message,) = mail.outbox
        self.assertNotIn("insult", message.subject + message.body)
        self.assertNotIn("Mallory", message.subject + message.body)

    def test_an_embedded_article_links_to_its_page_on_the_publishers_site(self):
        self.article.canonical_url = "https://news.example.org/2023/11/strikes"
        self.article.save()
        self.approve(self.subscribe())
        self.assertIn("https://news.example.org/2023/11/strikes\n", mail.outbox[0].body)

    def test_it_is_written_in_the_articles_language(self):
        self.article.language = "tr"
        self.article.save()
        self.reject(self.subscribe(), "threat")
        with override("tr"):
            expected = _(NOT_PUBLISHED) % {"guideline": _("Threats")}
        self.assertNotEqual(expected, NOT_PUBLISHED % {"guideline": "Threats"})
        self.assertIn(expected, mail.outbox[0].body)

    def test_without_an_article_language_the_sites_is_used(self):
        self.site.language = "ar"
        self.site.save()
        self.reject(self.subscribe(), "threat")
        with override("ar"):
            expected = _(NOT_PUBLISHED) % {"guideline": _("Threats")}
        self.assertIn(expected, mail.outbox[0].body)

    def test_it_carries_a_one_click_unsubscribe_link(self):
        self.approve(self.subscribe())
        message = mail.outbox[0]
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        self.assertTrue(link.startswith(f"{DESK}/emails/unsubscribe/"))
        self.assertIn(link, message.body)
        self.assertEqual(
            message.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )

    def test_after_unsubscribing_nothing_is_sent(self):
        comment = self.subscribe()
        Subscription.objects.update(unsubscribed_at="2026-01-01T00:00Z")
        self.approve(comment)
        self.assertEqual(mail.outbox, [])


class OnceOnlyTestCase(NotificationsTestCase):
    """Each outcome is emailed at most once per comment: undoing and deciding again the same
    way sends nothing more; an overturned decision is emailed once, and only once."""

    def undo(self, decision):
        with self.captureOnCommitCallbacks(execute=True):
            do_undo_decision(decision, moderator=self.bob)

    def test_undo_and_the_same_decision_again_send_one_email(self):
        comment = self.subscribe()
        self.undo(self.approve(comment))
        self.approve(comment)
        self.assertEqual(len(mail.outbox), 1)

    def test_each_outcome_is_told_once_however_often_it_flips(self):
        comment = self.subscribe()
        self.undo(self.approve(comment))
        decision = self.reject(comment)
        self.undo(decision)
        self.undo(self.approve(comment))
        self.reject(comment, "threat")
        subjects = [message.subject for message in mail.outbox]
        self.assertEqual(len(subjects), 2)
        self.assertIn("was published", subjects[0])
        self.assertIn("was not published", subjects[1])

    def test_a_decision_undone_before_its_email_goes_sends_nothing(self):
        comment = self.subscribe()
        decision = self.approve(comment)
        mail.outbox.clear()
        SentEmail.objects.all().delete()
        self.undo(decision)
        self.assertFalse(send_decision_email(comment.pk))
        self.assertEqual(mail.outbox, [])
