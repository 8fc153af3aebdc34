from datetime import timedelta

from django.utils import timezone

from commentdesk.comments.models import Comment
from commentdesk.dashboard.tests.base import DeskTestCase, scores
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.models import ModerationJob
from commentdesk.test import make_article


class QueueTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)

    def queued_ids(self, query=""):
        response = self.client.get(f"/desk/{query}")
        self.assertEqual(response.status_code, 200)
        return [item.comment.pk for item in response.context["items"]]

    def test_it_lists_held_and_unjudged_comments_oldest_first(self):
        held = self.submit("Held by the machine.")
        unjudged = self.submit("Not judged yet.")
        self.judge(held, "review", "threat")
        self.assertEqual(self.queued_ids(), [held.pk, unjudged.pk])

    def test_it_leaves_out_what_the_machine_or_a_moderator_decided(self):
        auto = self.submit("Approved by the machine.")
        self.machine_approve(auto)
        decided = self.submit("Rejected by bob.")
        self.judge(decided, "review", "threat")
        do_reject_comment(decided, "threat", moderator=self.bob)
        waiting = self.submit("Still waiting.")
        self.assertEqual(self.queued_ids(), [waiting.pk])

    def test_a_pending_comment_without_a_job_is_listed(self):
        comment = self.submit()
        ModerationJob.objects.filter(comment=comment).delete()
        self.assertEqual(self.queued_ids(), [comment.pk])

    def test_it_filters_by_article_language_and_guideline(self):
        other = make_article(slug="bazaar-reopens")
        here = self.submit("On this story.")
        there = Comment.objects.create(
            article=other, author_name="Dara", author_email="dara@example.org", text="Elsewhere."
        )
        ModerationJob.objects.create(comment=there)
        self.judge(here, "review", "threat", lang="en")
        self.judge(there, "review", "promotion", lang="ckb")
        self.assertEqual(self.queued_ids(f"?article={other.pk}"), [there.pk])
        self.assertEqual(self.queued_ids("?lang=ckb"), [there.pk])
        self.assertEqual(self.queued_ids("?guideline=threat"), [here.pk])
        self.assertEqual(self.queued_ids("?lang=en&guideline=promotion"), [])

    def test_it_is_paginated(self):
        comments = [self.submit(f"Comment {n}.") for n in range(27)]
        self.assertEqual(self.queued_ids(), [c.pk for c in comments[:25]])
        self.assertEqual(self.queued_ids("?page=2"), [c.pk for c in comments[25:]])

    def test_the_text_is_escaped_and_the_evidence_marked(self):
        text = "<script>alert(1)</script> you idiot"
        comment = self.submit(text)
        start = text.index("idiot")
        self.judge(comment, "review", "personal_attack", evidence=[[start, start + 5]])
        response = self.client.get("/desk/")
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(
            response, "&lt;script&gt;alert(1)&lt;/script&gt; you <mark>idiot</mark>"
        )

    def test_evidence_spanning_markup_is_escaped_inside_the_mark(self):
        comment = self.submit("<b>bold</b>")
        self.judge(comment, "review", "vulgarity", evidence=[[0, 3], [100, 200], ["x", 1]])
        self.assertContains(self.client.get("/desk/"), "<mark>&lt;b&gt;</mark>bold&lt;/b&gt;")

    def test_it_shows_the_machine_verdict(self):
        comment = self.submit("You will regret this.")
        self.judge(
            comment,
            "review",
            "threat",
            scores=scores(threat=0.73),
            explanation="Sent to a moderator: may threaten.",
            reasons=["The commenter is new.", "Sent to a moderator: may threaten."],
        )
        response = self.client.get("/desk/")
        self.assertContains(response, "Sent to a moderator: may threaten.", count=1)
        self.assertContains(response, "The commenter is new.")
        self.assertContains(response, '<meter min="0" max="1" value="0.730">')
        self.assertContains(response, "Strikes near the airbase")
        # The reject form preselects the machine's suggestion.
        self.assertContains(response, '<option value="threat" selected>')

    def test_it_shows_the_commenter_history(self):
        earlier = [self.submit(f"Earlier {n}.", email="dara@example.org") for n in range(4)]
        do_approve_comment(earlier[0], moderator=self.bob)
        do_approve_comment(earlier[1], moderator=self.bob)
        do_reject_comment(earlier[2], "profanity", moderator=self.bob)
        do_approve_comment(earlier[3], moderator=self.bob)
        waiting = self.submit("Now this.", email="dara@example.org")
        response = self.client.get("/desk/")
        item = next(i for i in response.context["items"] if i.comment.pk == waiting.pk)
        self.assertEqual((item.history.approved, item.history.rejected), (3, 1))
        # The last three, newest first: the earliest is left out.
        recent = [earlier[3].pk, earlier[2].pk, earlier[1].pk]
        self.assertEqual([c.pk for c in item.history.recent], recent)
        self.assertContains(response, "3 approved, 1 rejected")

    def test_history_counts_only_this_commenters_comments(self):
        do_reject_comment(
            self.submit("Someone else.", email="eve@example.org"), "threat", moderator=self.bob
        )
        self.submit("Mine.")
        item = self.client.get("/desk/").context["items"][0]
        self.assertEqual(
            (item.history.approved, item.history.rejected, item.history.recent), (0, 0, [])
        )

    def test_it_lists_my_decisions_still_undoable(self):
        comment = self.submit("Just decided.")
        decision = do_approve_comment(comment, moderator=self.bob)
        response = self.client.get("/desk/")
        self.assertContains(response, f'action="/desk/decisions/{decision.pk}/undo/"')
        decision.created_at = timezone.now() - timedelta(minutes=1)
        decision.save()
        self.assertNotContains(self.client.get("/desk/"), f"/desk/decisions/{decision.pk}/undo/")

    def test_it_loads_the_keyboard_script_and_lists_the_shortcuts(self):
        self.submit()
        response = self.client.get("/desk/")
        self.assertContains(response, "dashboard/queue.js")
        self.assertContains(response, "<kbd>j</kbd>")


class QueueReplyContextTestCase(DeskTestCase):
    def test_a_queued_reply_shows_the_comment_it_answers(self):
        from commentdesk.comments.actions import do_submit_comment

        self.client.force_login(self.bob)
        parent = self.submit("The parent comment, about the airbase.")
        do_approve_comment(parent, moderator=self.bob)
        do_submit_comment(
            self.article, author_name="Hana", author_email="hana@example.org",
            text="A reply.", parent_id=parent.pk,
        )
        response = self.client.get("/desk/")
        self.assertContains(response, 'class="item-parent"')
        self.assertContains(response, "The parent comment, about the airbase.")


class ReportedQueueTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)
        self.comment = self.submit("A published comment readers dislike.")
        do_approve_comment(self.comment, moderator=self.bob)

    def report(self, count, reason="abusive", note=""):
        from commentdesk.comments.actions import do_report_comment

        for n in range(count):
            do_report_comment(self.comment.pk, reason=reason, note=note, reporter=f"r{n}{reason}")

    def queued_ids(self, query=""):
        return [item.comment.pk for item in self.client.get(f"/desk/{query}").context["items"]]

    def test_a_comment_reaches_the_queue_at_the_sites_threshold(self):
        self.report(2)
        self.assertEqual(self.queued_ids(), [])
        self.report(1, reason="spam", note="Sells pills.")
        self.assertEqual(self.queued_ids(), [self.comment.pk])
        response = self.client.get("/desk/")
        self.assertContains(response, "Reported by 3 readers; still published.")
        self.assertContains(response, "Sells pills.")

    def test_the_threshold_is_the_policys(self):
        from commentdesk.moderation.models import Policy

        Policy.objects.update_or_create(site=self.site, defaults={"report_threshold": 1})
        self.report(1)
        self.assertEqual(self.queued_ids(), [self.comment.pk])

    def test_the_queue_filters_to_reported_comments(self):
        pending = self.submit("Not judged yet.", email="dara@example.org")
        self.report(3)
        self.assertEqual(self.queued_ids(), [self.comment.pk, pending.pk])
        self.assertEqual(self.queued_ids("?show=reported"), [self.comment.pk])

    def test_approving_again_keeps_it_published_and_settles_the_reports(self):
        self.report(3)
        response = self.client.post(f"/desk/comments/{self.comment.pk}/approve/")
        self.assertIn(response.status_code, (200, 302))
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.APPROVED)
        self.assertEqual(self.queued_ids(), [])
        self.assertEqual(self.comment.decisions.count(), 2)

    def test_rejecting_a_reported_comment_unpublishes_it(self):
        self.report(3)
        self.client.post(f"/desk/comments/{self.comment.pk}/reject/", {"guideline": "personal_attack"})
        self.comment.refresh_from_db()
        self.assertEqual((self.comment.status, self.comment.guideline), (Comment.Status.REJECTED, "personal_attack"))
        self.assertEqual(self.queued_ids(), [])
