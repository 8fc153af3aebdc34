"""The article page's comment list: sorting, pages of threads, featured comments."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from commentdesk.comments.actions import do_feature_comment, do_submit_comment
from commentdesk.comments.listing import THREADS_PER_PAGE
from commentdesk.moderation.actions import do_reject_comment
from commentdesk.test import BaseTestCase, publish_comments


class CommentOrderTestCase(BaseTestCase):
    def get_page(self, **params):
        return self.client.get(self.article.get_absolute_url(), params)

    def order_of(self, response, *texts):
        body = response.content.decode()
        return sorted(texts, key=lambda text: body.index(f"<p>{text}</p>"))

    def thread_of_three(self):
        """Comment 0 with no reply, Comment 1 with two, Comment 2 with one."""
        first, second, third = publish_comments(self.article, 3)
        later = third.created_at + datetime.timedelta(days=1)
        publish_comments(self.article, 2, text="Reply to 1", parent=second, start=later)
        publish_comments(self.article, 1, text="Reply to 2", parent=third, start=later)
        return first, second, third

    def test_oldest_first_by_default_newest_and_most_replies_on_request(self):
        self.thread_of_three()
        texts = ("Comment 0", "Comment 1", "Comment 2")
        self.assertEqual(self.order_of(self.get_page(), *texts), list(texts))
        newest, replies = self.get_page(sort="newest"), self.get_page(sort="replies")
        self.assertEqual(self.order_of(newest, *texts), ["Comment 2", "Comment 1", "Comment 0"])
        self.assertEqual(self.order_of(replies, *texts), ["Comment 1", "Comment 2", "Comment 0"])

    def test_replies_stay_under_their_comment_oldest_first_in_every_order(self):
        self.thread_of_three()
        response = self.get_page(sort="newest")
        self.assertEqual(
            self.order_of(response, "Comment 1", "Reply to 1 0", "Reply to 1 1", "Comment 0"),
            ["Comment 1", "Reply to 1 0", "Reply to 1 1", "Comment 0"],
        )

    def test_an_imported_reply_to_a_reply_joins_its_thread_in_time_order(self):
        (top,) = publish_comments(self.article, 1)
        start = top.created_at + datetime.timedelta(hours=1)
        first, second = publish_comments(self.article, 2, text="Direct", parent=top, start=start)
        middle = first.created_at + datetime.timedelta(seconds=30)
        publish_comments(self.article, 1, text="Deeper", parent=first, start=middle)
        texts = ("Comment 0", "Direct 0", "Deeper 0", "Direct 1")
        self.assertEqual(self.order_of(self.get_page(), *texts), list(texts))
        self.assertContains(self.get_page(), 'class="comment-list replies"', count=1)

    def test_most_replies_counts_only_approved_replies(self):
        first, _second, _third = self.thread_of_three()
        for n in range(3):
            do_submit_comment(
                self.article, author_name="Dan", author_email="dan@example.org",
                text=f"Pending reply {n}", parent_id=first.pk,
            )
        for reply in publish_comments(self.article, 3, text="Hidden", parent=first):
            do_reject_comment(reply, "promotion", moderator=self.bob)
        texts = ("Comment 0", "Comment 1", "Comment 2")
        order = self.order_of(self.get_page(sort="replies"), *texts)
        self.assertEqual(order, ["Comment 1", "Comment 2", "Comment 0"])

    def test_the_sort_links_work_without_javascript_and_mark_the_current_one(self):
        self.thread_of_three()
        response = self.get_page(sort="newest")
        for link in (
            '<a href="?sort=newest#comments" aria-current="true">Newest first</a>',
            '<a href="?#comments">Oldest first</a>',
            '<a href="?sort=replies#comments">Most replies</a>',
        ):
            self.assertContains(response, link, html=False)

    def test_an_unknown_sort_is_404(self):
        self.assertEqual(self.get_page(sort="best").status_code, 404)

    def test_threads_come_fifty_a_page_with_their_replies_and_links_between_pages(self):
        comments = publish_comments(self.article, THREADS_PER_PAGE + 1)
        last = comments[-1]
        publish_comments(self.article, 1, text="Late reply", parent=last, start=last.created_at)
        first = self.get_page(sort="newest")
        self.assertContains(first, f"<p>Comment {THREADS_PER_PAGE}</p>")
        self.assertNotContains(first, "<p>Comment 0</p>")
        next_link = '<a rel="next" href="?sort=newest&amp;page=2#comments">'
        self.assertContains(first, next_link, html=False)
        self.assertContains(first, "Page 1 of 2")
        second = self.get_page(sort="newest", page=2)
        self.assertContains(second, "<p>Comment 0</p>")
        previous_link = '<a rel="prev" href="?sort=newest&amp;page=1#comments">'
        self.assertContains(second, previous_link, html=False)
        self.assertNotContains(second, 'rel="next"')
        self.assertEqual(
            self.order_of(first, f"Comment {THREADS_PER_PAGE}", "Late reply 0"),
            [f"Comment {THREADS_PER_PAGE}", "Late reply 0"],
        )

    def test_the_reply_and_report_links_keep_the_page_and_order(self):
        publish_comments(self.article, THREADS_PER_PAGE + 1)
        response = self.get_page(sort="newest", page=2)
        self.assertContains(response, 'href="?sort=newest&amp;page=2&amp;report=', html=False)
        self.assertContains(response, 'href="?sort=newest&amp;page=2&amp;reply_to=', html=False)

    def test_a_report_from_page_two_comes_back_to_page_two(self):
        comments = publish_comments(self.article, THREADS_PER_PAGE + 1)
        url = f"/comments/{comments[0].pk}/reports/?sort=newest&page=2"
        refused = self.client.post(url, {"reason": ""})
        self.assertEqual(refused.status_code, 400)
        form = f'action="{url.replace("&", "&amp;")}"'
        self.assertContains(refused, form, status_code=400, html=False)
        response = self.client.post(url, {"reason": "spam"})
        self.assertRedirects(
            response,
            f"{self.article.get_absolute_url()}?sort=newest&page=2#comment-{comments[0].pk}",
            fetch_redirect_response=False,
        )

    def test_a_page_past_the_last_or_not_a_page_is_404(self):
        publish_comments(self.article, 3)
        for page in ("2", "0", "-1", "two", "١"):
            with self.subTest(page=page):
                self.assertEqual(self.get_page(page=page).status_code, 404)

    def test_page_one_of_an_article_without_comments_exists(self):
        self.assertContains(self.get_page(page=1), "No comments have been published yet.")

    def test_the_first_page_costs_the_same_queries_for_a_long_thread(self):
        comments = publish_comments(self.article, 3)
        publish_comments(self.article, 2, text="Reply", parent=comments[0])
        do_feature_comment(comments[1].pk, editor=self.alice)
        for sort in ("oldest", "newest", "replies"):
            with self.subTest(sort=sort):
                short = self.count_queries(sort=sort)
                self.assertLessEqual(short, 10)
        comments = publish_comments(self.article, 3 * THREADS_PER_PAGE)
        for comment in comments[::10]:
            publish_comments(self.article, 3, text="Reply", parent=comment)
        for sort in ("oldest", "newest", "replies"):
            with self.subTest(sort=sort):
                self.assertEqual(self.count_queries(sort=sort), short)

    def count_queries(self, **params):
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.get_page(**params).status_code, 200)
        return len(queries)


class FeaturedOnThePageTestCase(BaseTestCase):
    def get_page(self, **params):
        return self.client.get(self.article.get_absolute_url(), params)

    def test_featured_comments_come_first_on_page_one_only(self):
        comments = publish_comments(self.article, THREADS_PER_PAGE + 1)
        do_feature_comment(comments[-1].pk, editor=self.alice)
        first = self.get_page()
        self.assertContains(first, '<h3 id="featured-heading">Featured</h3>', html=False)
        body = first.content.decode()
        featured = f'id="featured-{comments[-1].pk}"'
        self.assertLess(body.index(featured), body.index('class="comment-list published-comments"'))
        self.assertNotContains(self.get_page(page=2), "featured-heading")

    def test_a_featured_comment_rejected_later_is_no_longer_shown(self):
        (comment,) = publish_comments(self.article, 1)
        do_feature_comment(comment.pk, editor=self.bob)
        self.assertContains(self.get_page(), "featured-heading")
        do_reject_comment(comment, "promotion", moderator=self.bob)
        response = self.get_page()
        self.assertNotContains(response, "featured-heading")
        self.assertNotContains(response, "Comment 0")
