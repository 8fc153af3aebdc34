from unittest import mock

from django.test import override_settings

from commentdesk.comments.actions import do_submit_comment
from commentdesk.notifications import outbox
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.test import BaseTestCase

DESK = "https://comments.example.org"


@override_settings(COMMENTDESK_URL=DESK)
class NotificationsTestCase(BaseTestCase):
    """Comments stay pending until a test decides them, and an email put in the outbox is
    attempted at once, so Django's test outbox holds the emails as soon as a decision is
    committed."""

    dispatch_at_once = True

    def setUp(self):
        super().setUp()
        patches = [("commentdesk.moderation.actions._publish", {})]
        if self.dispatch_at_once:
            patches.append(("commentdesk.notifications.outbox.dispatch", {"side_effect": outbox.do_attempt}))
        for target, kwargs in patches:
            patcher = mock.patch(target, **kwargs)
            patcher.start()
            self.addCleanup(patcher.stop)

    def subscribe(self, text="My own words.", *, email="carol@example.org", name="Carol", **kw):
        with self.captureOnCommitCallbacks(execute=True):
            return do_submit_comment(
                self.article, author_name=name, author_email=email, text=text, notify=True, **kw
            )

    def approve(self, comment, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return do_approve_comment(comment, **(kwargs or {"moderator": self.bob}))

    def reject(self, comment, guideline="personal_attack", **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return do_reject_comment(comment, guideline, **(kwargs or {"moderator": self.bob}))
