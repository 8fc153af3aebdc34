"""Each rule phase on its own; the classifier phase is covered in test_pipeline.py."""

from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.models import Policy
from commentdesk.moderation.pipeline.context import PhaseContext, Verdict
from commentdesk.moderation.pipeline.phases.article_closed import hold_when_article_closed
from commentdesk.moderation.pipeline.phases.commenter_history import (
    hold_mostly_rejected_commenters,
    hold_new_commenters,
)
from commentdesk.moderation.pipeline.phases.detect_links import moderate_links_and_contacts
from commentdesk.moderation.pipeline.phases.word_list import hold_suspect_words, reject_banned_words
from commentdesk.test import BaseTestCase


class PhaseTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.policy = Policy.for_site(self.site)

    def context(self, text, email="carol@example.org"):
        return PhaseContext(comment=self.submit(text, email=email), policy=self.policy)


class ArticleClosedTestCase(PhaseTestCase):
    def test_it_passes_an_open_article(self):
        self.assertIsNone(hold_when_article_closed(self.context("Fine.")))

    def test_it_holds_when_the_article_closed_meanwhile(self):
        context = self.context("Fine.")
        self.article.comments_open = False
        self.article.save()
        context.comment.refresh_from_db()
        self.assertEqual(hold_when_article_closed(context), Verdict("review"))
        self.assertIn("closed", context.reasons[0])


class WordListTestCase(PhaseTestCase):
    def test_banned_word_rejects_with_its_span_in_the_original_text(self):
        self.policy.banned_words = "scumbag\nidiot*"
        text = "What an IDIOTIC take, you s.c.u.m.b.a.g"
        context = self.context(text)
        self.assertEqual(reject_banned_words(context), Verdict("reject", "profanity"))
        quoted = [text[start:end] for start, end in context.evidence]
        self.assertEqual(quoted, ["IDIOTIC", "s.c.u.m.b.a.g"])

    def test_wildcards_respect_word_boundaries(self):
        self.policy.banned_words = "ass"
        self.assertIsNone(reject_banned_words(self.context("The assessment of the class was fair.")))

    def test_banned_words_in_arabic_script_match_across_variants(self):
        self.policy.banned_words = "كلب"  # Arabic kaf
        context = self.context("تو یک کلب هستی")  # Persian keheh
        self.assertEqual(reject_banned_words(context), Verdict("reject", "profanity"))

    def test_an_empty_list_passes(self):
        self.assertIsNone(reject_banned_words(self.context("Anything at all.")))

    def test_suspect_word_holds_for_review(self):
        self.policy.suspect_words = "traitor*"
        context = self.context("They are traitors to the cause.")
        self.assertEqual(hold_suspect_words(context), Verdict("review"))
        self.assertEqual(len(context.evidence), 1)


class LinksTestCase(PhaseTestCase):
    def test_links_are_held_by_default(self):
        context = self.context("Read more at https://example.com/deal")
        self.assertEqual(moderate_links_and_contacts(context), Verdict("review"))

    def test_contacts_can_be_rejected_as_promotion(self):
        self.policy.links = Policy.LinkAction.REJECT
        for text in ["Call +964 750 123 4567 now", "write to me at deals@example.org", "on WhatsApp"]:
            with self.subTest(text=text):
                self.assertEqual(
                    moderate_links_and_contacts(self.context(text)), Verdict("reject", "promotion")
                )

    def test_links_can_be_allowed(self):
        self.policy.links = Policy.LinkAction.ALLOW
        self.assertIsNone(moderate_links_and_contacts(self.context("See www.example.org")))

    def test_plain_comment_passes(self):
        self.assertIsNone(moderate_links_and_contacts(self.context("The strikes were on the 22nd.")))

    def test_sentence_boundaries_before_domain_like_words_pass(self):
        text = (
            "He lied to him. Me and the co-workers left. Tv news said nothing. "
            "Info came later from the UK. Top officials blamed the dot com bubble."
        )
        for policy_action in (Policy.LinkAction.REVIEW, Policy.LinkAction.REJECT):
            with self.subTest(action=policy_action):
                self.policy.links = policy_action
                self.assertIsNone(moderate_links_and_contacts(self.context(text)))


class CommenterHistoryTestCase(PhaseTestCase):
    def test_new_commenters_are_held_until_enough_approvals(self):
        self.policy.new_commenter_approvals = 1
        self.assertEqual(hold_new_commenters(self.context("My first comment.")), Verdict("review"))
        do_approve_comment(self.submit("Earlier."), moderator=self.bob)
        self.assertIsNone(hold_new_commenters(self.context("My next comment.")))

    def test_holding_newcomers_is_off_by_default(self):
        self.assertIsNone(hold_new_commenters(self.context("My first comment.")))

    def test_mostly_rejected_commenters_are_held(self):
        self.policy.history_window = 3
        for outcome in ["rejected", "rejected", "approved"]:
            comment = self.submit("Earlier comment.")
            if outcome == "rejected":
                do_reject_comment(comment, "personal_attack", moderator=self.bob)
            else:
                do_approve_comment(comment, moderator=self.bob)
        context = self.context("Another one.")
        self.assertEqual(hold_mostly_rejected_commenters(context), Verdict("review"))
        self.assertIn("2 of the commenter's last 3", context.reasons[0])

    def test_other_commenters_history_does_not_count(self):
        self.policy.history_window = 1
        do_reject_comment(self.submit("Rude."), "profanity", moderator=self.bob)
        self.assertIsNone(hold_mostly_rejected_commenters(self.context("Hi.", email="dan@example.org")))

    def test_short_history_is_not_held(self):
        do_reject_comment(self.submit("Rude."), "profanity", moderator=self.bob)
        self.assertIsNone(hold_mostly_rejected_commenters(self.context("Hi.")))
