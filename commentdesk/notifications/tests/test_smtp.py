"""A real send: the background sender thread hands the email to an SMTP server on loopback."""

import email
import socket
import time
from email import policy
from unittest import mock

from aiosmtpd.controller import Controller
from django.test import TransactionTestCase, override_settings

from commentdesk.articles.models import Site
from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import make_article
from commentdesk.webhooks.sender import in_process_sender


class Inbox:
    """aiosmtpd's handler: keeps each message it is handed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpTestCase(TransactionTestCase):
    def setUp(self):
        self.inbox = Inbox()
        self.server = Controller(self.inbox, hostname="127.0.0.1", port=free_port())
        self.server.start()
        self.addCleanup(self.server.stop)
        self.addCleanup(in_process_sender.stop)
        smtp = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.server.port,
            EMAIL_USE_TLS=False,
            COMMENTDESK_URL="https://comments.example.org",
        )
        smtp.enable()
        self.addCleanup(smtp.disable)
        self.article = make_article(site=Site.objects.get_current())

    def wait_for_mail(self, seconds=10):
        deadline = time.monotonic() + seconds
        while not self.inbox.messages and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.inbox.messages

    def test_a_decision_is_mailed_after_the_commit_by_the_sender_thread(self):
        with mock.patch("commentdesk.moderation.actions._publish"):  # The test decides.
            comment = do_submit_comment(
                self.article, author_name="Carol", author_email="carol@example.org",
                text="Hello.", notify=True,
            )
        do_approve_comment(comment, machine="classifier test")
        ((recipients, content),) = self.wait_for_mail()
        message = email.message_from_bytes(content, policy=policy.default)
        self.assertEqual(recipients, ["carol@example.org"])
        # Django folds long headers from their first line on; unfolding leaves a space.
        self.assertEqual(
            message["Subject"].strip(), "Your comment on “Strikes near the airbase” was published"
        )
        unsubscribe = message["List-Unsubscribe"].strip()
        self.assertTrue(unsubscribe.startswith("<https://comments.example.org/emails/unsubscribe/"))
        self.assertIn(unsubscribe.strip("<>"), message.get_content())
        self.assertIn(f"#comment-{comment.pk}", message.get_content())
