"""The in-process engine: without a broker, a thread in each web process moderates the comments
that wait, in batches, so posting costs the reader one commit and nothing more.

The outbox (ModerationJob) is the queue: a post wakes the thread, the thread completes every job
it finds, and it also looks every MODERATION_SWEEP_INTERVAL seconds, so jobs left by a process
that died (or posted from a management command) are finished by whichever process runs next.
"""

import logging

from django.conf import settings

from commentdesk.lib.background import BackgroundThread

logger = logging.getLogger(__name__)


def uses_moderation_thread() -> bool:
    return settings.CELERY_TASK_ALWAYS_EAGER and settings.MODERATION_IN_PROCESS == "thread"


class InProcessEngine(BackgroundThread):
    name = "commentdesk-moderation"
    seconds_after_error = 1.0

    def __init__(self):
        super().__init__()
        # Comments whose moderation raised; retried at the next periodic look, not on every post.
        self._failed = set()

    def work(self, woken: bool) -> float:
        from commentdesk.moderation import actions

        if not woken:
            self._failed.clear()
        while not self._stopping:
            try:
                if not actions.do_moderate_waiting(skip=self._failed):
                    break
            except Exception:
                logger.exception("Moderating a batch failed; moderating its comments one by one.")
                self._moderate_one_by_one(actions.waiting_comment_ids(skip=self._failed))
        return float(settings.MODERATION_SWEEP_INTERVAL)

    def _moderate_one_by_one(self, comment_ids):
        from commentdesk.moderation import actions

        for comment_id in comment_ids:
            try:
                actions.do_moderate_comment(comment_id)
            except Exception:
                logger.exception("Moderating comment %s failed; it is tried again later.", comment_id)
                self._failed.add(comment_id)


in_process_engine = InProcessEngine()


def start_in_process_engine():
    """Called once a web process is ready: without a broker, load the classifier now (so the
    first reader who posts does not wait for it) and start the moderation thread."""
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        return
    import classifier

    classifier.load_model()
    if uses_moderation_thread():
        in_process_engine.start()
