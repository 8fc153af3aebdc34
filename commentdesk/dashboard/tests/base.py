"""The shared test base plus what the desk's tests need: a machine verdict on a comment."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import ModerationJob
from commentdesk.test import PASSWORD, BaseTestCase

MACHINE = "classifier test-1"
# Stands in for the trained model's thresholds, so no test depends on the model artifact.
SHIPPED = {g.value: (0.2, 0.9) for g in Guideline}


def scores(**overrides):
    return {g.value: 0.01 for g in Guideline} | overrides


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class DeskTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # carol reads and comments; she has an account but no role on the desk.
        cls.carol = get_user_model().objects.create_user("carol", password=PASSWORD)

    def setUp(self):
        super().setUp()
        patcher = mock.patch(
            "commentdesk.dashboard.thresholds.shipped_thresholds", return_value=SHIPPED
        )
        patcher.start()
        self.addCleanup(patcher.stop)

    def judge(self, comment, verdict="review", guideline="", **fields):
        """Record a machine verdict on the comment's job, as the pipeline would."""
        fields.setdefault("scores", scores(**({guideline: 0.7} if guideline else {})))
        fields.setdefault("lang", "en")
        ModerationJob.objects.filter(comment=comment).update(
            verdict=verdict,
            guideline=guideline,
            completed_at=timezone.now(),
            model_version="test-1",
            **fields,
        )
        return ModerationJob.objects.get(comment=comment)

    def machine_approve(self, comment, **fields):
        self.judge(comment, "approve", **fields)
        return do_approve_comment(comment, machine=MACHINE, scores=scores())

    def machine_reject(self, comment, guideline="profanity", **fields):
        self.judge(comment, "reject", guideline, **fields)
        return do_reject_comment(comment, guideline, machine=MACHINE, scores=scores())
