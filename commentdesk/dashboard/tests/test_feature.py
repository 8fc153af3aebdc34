"""Feature and Unfeature: POST from the workspace (or the admin), by moderators and editors."""

from django.urls import reverse

from commentdesk.comments.actions import do_feature_comment
from commentdesk.comments.models import FeaturedComment
from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import publish_comments


class FeatureTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        (self.comment,) = publish_comments(self.article, 1)
        self.feature_url = reverse("dashboard:feature", args=[self.comment.pk])
        self.unfeature_url = reverse("dashboard:unfeature", args=[self.comment.pk])

    def test_a_moderator_features_and_unfeatures_a_published_comment(self):
        self.client.force_login(self.bob)
        response = self.client.post(self.feature_url, {"next": "/desk/audit/"})
        self.assertRedirects(response, "/desk/audit/", fetch_redirect_response=False)
        pick = FeaturedComment.objects.get(comment=self.comment)
        self.assertEqual(pick.featured_by, self.bob)
        self.client.post(self.unfeature_url)
        self.assertFalse(FeaturedComment.objects.exists())

    def test_an_editor_may_feature_and_gets_json_when_asking_for_it(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.feature_url, headers={"Accept": "application/json"})
        self.assertEqual(response.json()["featured"], True)
        self.assertEqual(response.json()["message"], f"Comment {self.comment.pk} featured.")

    def test_featuring_twice_keeps_the_first_pick(self):
        self.client.force_login(self.alice)
        self.client.post(self.feature_url)
        self.client.force_login(self.bob)
        self.client.post(self.feature_url)
        self.assertEqual(FeaturedComment.objects.get().featured_by, self.alice)

    def test_a_reader_or_a_visitor_cannot_feature(self):
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(self.feature_url).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.post(self.feature_url).status_code, 302)  # to log in
        self.assertFalse(FeaturedComment.objects.exists())

    def test_it_needs_post_and_a_csrf_token(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.feature_url).status_code, 405)
        self.csrf_client.force_login(self.bob)
        self.assertEqual(self.csrf_client.post(self.feature_url).status_code, 403)
        self.assertFalse(FeaturedComment.objects.exists())

    def test_a_pending_comment_or_a_reply_cannot_be_featured(self):
        pending = self.submit("Not yet published.")
        (reply,) = publish_comments(self.article, 1, text="Reply", parent=self.comment)
        self.client.force_login(self.bob)
        for comment in (pending, reply):
            with self.subTest(comment=comment.text):
                url = reverse("dashboard:feature", args=[comment.pk])
                response = self.client.post(url, headers={"Accept": "application/json"})
                self.assertEqual(response.status_code, 409)
                self.assertEqual(
                    response.json()["error"],
                    "Only a published comment that is not a reply can be featured.",
                )
        missing = reverse("dashboard:feature", args=[10**9])
        response = self.client.post(missing, headers={"Accept": "application/json"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(FeaturedComment.objects.exists())

    def test_the_audit_log_offers_feature_then_unfeature(self):
        comment = self.submit("Worth featuring.")
        do_approve_comment(comment, moderator=self.bob)
        self.client.force_login(self.bob)
        feature = reverse("dashboard:feature", args=[comment.pk])
        self.assertContains(self.client.get("/desk/audit/"), f'action="{feature}"')
        self.client.post(feature)
        unfeature = reverse("dashboard:unfeature", args=[comment.pk])
        self.assertContains(self.client.get("/desk/audit/"), f'action="{unfeature}"')

    def test_the_auto_approved_list_offers_feature(self):
        comment = self.submit("Approved by the machine.")
        self.machine_approve(comment)
        self.client.force_login(self.bob)
        feature = reverse("dashboard:feature", args=[comment.pk])
        self.assertContains(self.client.get("/desk/machine/approved/"), f'action="{feature}"')


class FeatureInTheAdminTestCase(DeskTestCase):
    def test_an_editor_features_a_comment_in_the_admin_and_the_embed_cache_is_cleared(self):
        (comment,) = publish_comments(self.article, 1)
        self.client.force_login(self.alice)
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            response = self.client.post(
                "/admin/comments/featuredcomment/add/", {"comment": comment.pk}
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(FeaturedComment.objects.get().featured_by, self.alice)
        self.assertEqual(len(callbacks), 1)

    def test_the_admin_refuses_a_reply(self):
        (comment,) = publish_comments(self.article, 1)
        (reply,) = publish_comments(self.article, 1, parent=comment)
        self.client.force_login(self.bob)
        response = self.client.post("/admin/comments/featuredcomment/add/", {"comment": reply.pk})
        self.assertContains(
            response, "Only a published comment that is not a reply can be featured."
        )
        self.assertFalse(FeaturedComment.objects.exists())

    def test_deleting_in_the_admin_unfeatures(self):
        (comment,) = publish_comments(self.article, 1)
        pick = do_feature_comment(comment.pk, editor=self.alice)
        self.client.force_login(self.bob)
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            self.client.post(f"/admin/comments/featuredcomment/{pick.pk}/delete/", {"post": "yes"})
        self.assertFalse(FeaturedComment.objects.exists())
        self.assertEqual(len(callbacks), 1)
