"""Readers get a clear 503 while the database is down (commentdesk/comments/outage.py).

Every query fails here, as with the server down; test_database_outage.py crashes a real one.
"""

from contextlib import contextmanager
from unittest import mock

from django.db import InterfaceError, OperationalError
from django.test import Client

from commentdesk.comments.models import Comment
from commentdesk.embed.tests.base import EmbedTestCase

SECRET = "could not connect to server: 10.0.0.7 port 5432"


@contextmanager
def database_down(error=OperationalError):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=error(SECRET)):
        yield


class DatabaseOutageTestCase(EmbedTestCase):
    def setUp(self):
        super().setUp()
        # A browser: gets the 500 handler's answer, as readers do, instead of the exception.
        self.client = Client(raise_request_exception=False)
        self.csrf_client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    def test_a_posting_reader_gets_their_text_back_in_the_form(self):
        self.client.get(self.article.get_absolute_url())  # the CSRF cookie, as a browser has it
        with database_down(), self.assertLogs("django.request", "ERROR"):
            r = self.post_comment(client=self.client, author_name="Carol <3", text="My long\ncomment")
        self.assertContains(r, "We could not save your comment right now", status_code=503)
        self.assertContains(r, "Your text is below", status_code=503)
        self.assertContains(r, 'value="Carol &lt;3"', status_code=503)
        self.assertContains(r, 'value="carol@example.org"', status_code=503)
        self.assertContains(r, ">\nMy long\ncomment</textarea>", status_code=503)
        self.assertContains(r, f'action="/articles/{self.article.slug}/comments/#post-comment"', status_code=503)
        self.assertContains(r, 'name="csrfmiddlewaretoken"', status_code=503)
        self.assertNotContains(r, "10.0.0.7", status_code=503)
        self.assertEqual(r["Retry-After"], "30")

    def test_the_form_on_the_outage_page_posts_once_the_database_is_back(self):
        with database_down(InterfaceError), self.assertLogs("django.request", "ERROR"):
            r = self.post_comment(client=self.csrf_client, text="Second try")
        token = r.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        r = self.post_comment(client=self.csrf_client, text="Second try", csrfmiddlewaretoken=token)
        self.assertEqual(r.status_code, 302)
        self.assertEqual(Comment.objects.get().text, "Second try")

    def test_a_page_answers_503_without_detail(self):
        with database_down(), self.assertLogs("django.request", "ERROR"):
            r = self.client.get(self.article.get_absolute_url())
        self.assertContains(r, "Temporarily unavailable", status_code=503)
        self.assertNotContains(r, "10.0.0.7", status_code=503)

    def test_the_api_answers_503_json(self):
        with database_down(), self.assertLogs("django.request", "ERROR"):
            r = self.api_post_comment(text="From the embed")
        self.assertEqual(r.status_code, 503)
        self.assertEqual(
            r.json(),
            {"error": "We could not save your comment right now; nothing was published. Please try again in a few minutes."},
        )
        with database_down(), self.assertLogs("django.request", "ERROR"):
            r = self.list_comments()
        self.assertEqual(r.status_code, 503)
        self.assertIn("temporarily unavailable", r.json()["error"])

    def test_other_errors_are_the_usual_500(self):
        with mock.patch("commentdesk.comments.views.do_submit_comment", side_effect=ValueError(SECRET)):
            with self.assertLogs("django.request", "ERROR"):
                r = self.post_comment()
        self.assertContains(r, "Server Error (500)", status_code=500)
