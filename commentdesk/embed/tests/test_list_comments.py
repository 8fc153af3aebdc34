from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override

from commentdesk.articles.models import Article
from commentdesk.embed.tests.base import HOST, OTHER_HOST, STORY_URL, EmbedTestCase
from commentdesk.comments.listing import THREADS_PER_PAGE as PAGE_SIZE
from commentdesk.comments.actions import do_feature_comment, do_unfeature_comment
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.test import publish_comments


class ListCommentsTestCase(EmbedTestCase):
    def approve(self, text):
        comment = self.submit(text=text)
        do_approve_comment(comment, moderator=self.bob)
        return comment

    def test_it_lists_approved_comments_only(self):
        self.approve("Published.")
        do_reject_comment(self.submit(text="Rejected."), "profanity", moderator=self.bob)
        self.submit(text="Pending.")
        response = self.list_comments()
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual([c["text"] for c in body["comments"]], ["Published."])
        self.assertEqual(body["thread"], {
            "url": STORY_URL, "title": self.article.headline, "open": True, "count": 1
        })
        self.assertNotIn("author_email", body["comments"][0])

    def test_it_gives_the_site_notice_guidelines_language_and_direction(self):
        self.site.language = "ar"
        self.site.save()
        site = self.list_comments().json()["site"]
        self.assertEqual(site["direction"], "rtl")
        self.assertEqual(site["language"], "ar")
        self.assertIn(self.site.name, site["notice"])
        with override("ar"):  # Untouched default guidelines come in the site's language.
            self.assertEqual(site["guidelines"], self.site.guideline_paragraphs())
        self.assertEqual(site["strings"]["Post comment"], "انشر التعليق")

    def test_an_unknown_article_has_an_empty_list_and_is_not_created(self):
        response = self.list_comments(url=f"{HOST}/not-yet-commented")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["comments"], [])
        self.assertFalse(Article.objects.filter(canonical_url=f"{HOST}/not-yet-commented").exists())

    def test_it_paginates(self):
        for n in range(PAGE_SIZE + 1):
            self.approve(f"Comment {n}")
        first, second = self.list_comments().json(), self.list_comments(page=2).json()
        self.assertEqual((len(first["comments"]), first["pages"]), (PAGE_SIZE, 2))
        self.assertEqual([c["text"] for c in second["comments"]], [f"Comment {PAGE_SIZE}"])

    def test_it_refuses_a_page_of_an_origin_no_site_allows(self):
        response = self.list_comments(url=f"{OTHER_HOST}/story", origin=OTHER_HOST)
        self.assertEqual(response.status_code, 403)
        self.assertIn("not enabled", response.json()["error"])

    def test_it_refuses_an_allowed_url_embedded_on_another_origin(self):
        response = self.list_comments(origin=OTHER_HOST)
        self.assertEqual(response.status_code, 403)
        self.assertIn(OTHER_HOST, response.json()["error"])

    def test_bad_parameters_are_json_errors(self):
        for params in ({"url": "javascript:alert(1)"}, {"url": "not a url"}, {"page": "0"}):
            with self.subTest(params=params):
                response = self.list_comments(**params)
                self.assertEqual(response.status_code, 400)
                self.assertIn("error", response.json())

    def test_it_sets_no_cookie(self):
        self.assertEqual(self.list_comments().cookies, {})


class SortedListTestCase(EmbedTestCase):
    def texts(self, **params):
        return [c["text"] for c in self.list_comments(**params).json()["comments"]]

    def test_it_sorts_oldest_newest_or_by_most_approved_replies(self):
        first, second, third = publish_comments(self.article, 3)
        publish_comments(self.article, 2, text="Reply", parent=second, start=third.created_at)
        publish_comments(self.article, 1, text="Reply", parent=third, start=third.created_at)
        self.assertEqual(self.texts(), ["Comment 0", "Comment 1", "Comment 2"])
        self.assertEqual(self.texts(sort="oldest"), ["Comment 0", "Comment 1", "Comment 2"])
        self.assertEqual(self.texts(sort="newest"), ["Comment 2", "Comment 1", "Comment 0"])
        self.assertEqual(self.texts(sort="replies"), ["Comment 1", "Comment 2", "Comment 0"])
        body = self.list_comments(sort="replies").json()
        self.assertEqual(body["sort"], "replies")
        replies = body["comments"][0]["replies"]
        self.assertEqual([reply["text"] for reply in replies], ["Reply 0", "Reply 1"])

    def test_pages_follow_the_sort(self):
        publish_comments(self.article, PAGE_SIZE + 1)
        second = self.list_comments(sort="newest", page=2).json()
        self.assertEqual([c["text"] for c in second["comments"]], ["Comment 0"])
        self.assertEqual((second["page"], second["pages"]), (2, 2))

    def test_an_unknown_sort_is_a_clear_400(self):
        for sort in ("best", "Newest", ""):
            with self.subTest(sort=sort):
                response = self.list_comments(sort=sort)
                if sort == "":  # an empty value is the default, as an absent one
                    self.assertEqual(response.status_code, 200)
                    continue
                self.assertEqual(response.status_code, 400)
                self.assertEqual(
                    response.json()["error"], "sort must be one of: oldest, newest, replies."
                )

    def test_each_sort_is_cached_apart(self):
        publish_comments(self.article, 2)
        self.assertEqual(self.texts(), ["Comment 0", "Comment 1"])
        with self.assertNumQueries(0):  # cached: the middleware answers
            self.assertEqual(self.texts(), ["Comment 0", "Comment 1"])
        self.assertEqual(self.texts(sort="newest"), ["Comment 1", "Comment 0"])
        with self.assertNumQueries(0):
            self.assertEqual(self.texts(sort="newest"), ["Comment 1", "Comment 0"])

    def test_a_bad_sort_is_refused_even_when_the_default_list_is_cached(self):
        self.list_comments()
        self.assertEqual(self.list_comments(sort="best").status_code, 400)

    def test_the_first_page_costs_the_same_queries_for_a_long_thread(self):
        comments = publish_comments(self.article, 3)
        publish_comments(self.article, 2, text="Reply", parent=comments[0])
        do_feature_comment(comments[1].pk, editor=self.alice)
        counts = {sort: self.count_queries(sort) for sort in ("oldest", "newest", "replies")}
        self.assertLessEqual(max(counts.values()), 8)  # with the site's sign-on settings
        for comment in publish_comments(self.article, 3 * PAGE_SIZE)[::10]:
            publish_comments(self.article, 3, text="Reply", parent=comment)
        for sort, count in counts.items():
            with self.subTest(sort=sort):
                self.assertEqual(self.count_queries(sort), count)

    def count_queries(self, sort):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.list_comments(sort=sort).status_code, 200)
        return len(queries)


class FeaturedListTestCase(EmbedTestCase):
    def featured(self, **params):
        return [c["text"] for c in self.list_comments(**params).json()["featured"]]

    def test_page_one_lists_the_featured_comments_latest_pick_first(self):
        comments = publish_comments(self.article, PAGE_SIZE + 1)
        do_feature_comment(comments[3].pk, editor=self.alice)
        do_feature_comment(comments[-1].pk, editor=self.bob)
        self.assertEqual(self.featured(), [f"Comment {PAGE_SIZE}", "Comment 3"])
        self.assertEqual(self.featured(sort="newest"), [f"Comment {PAGE_SIZE}", "Comment 3"])
        self.assertEqual(self.featured(page=2), [])
        self.assertNotIn("replies", self.list_comments().json()["featured"][0])

    def test_featuring_and_unfeaturing_clear_the_cached_lists(self):
        (comment,) = publish_comments(self.article, 1)
        self.assertEqual(self.featured(), [])
        self.assertEqual(self.featured(sort="newest"), [])
        with self.captureOnCommitCallbacks(execute=True):
            do_feature_comment(comment.pk, editor=self.alice)
        self.assertEqual(self.featured(), ["Comment 0"])
        self.assertEqual(self.featured(sort="newest"), ["Comment 0"])
        with self.captureOnCommitCallbacks(execute=True):
            do_unfeature_comment(comment.pk)
        self.assertEqual(self.featured(), [])

    def test_a_featured_comment_rejected_after_reports_leaves_the_featured_list(self):
        (comment,) = publish_comments(self.article, 1)
        with self.captureOnCommitCallbacks(execute=True):
            do_feature_comment(comment.pk, editor=self.alice)
        self.assertEqual(self.featured(), ["Comment 0"])
        with self.captureOnCommitCallbacks(execute=True):
            do_reject_comment(comment, "personal_attack", moderator=self.bob)
        self.assertEqual(self.featured(), [])
        self.assertEqual(self.list_comments().json()["comments"], [])
