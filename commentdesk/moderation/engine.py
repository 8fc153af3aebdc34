"""The in-process engine: without a broker, a thread in each web process moderates the comments
that wait, in batches, so posting costs the reader one commit and nothing more.

The outbox (ModerationJob) is the queue: a post wakes the thread, the thread completes every job
it finds, and it also looks every MODERATION_SWEEP_INTERVAL seconds, so jobs left by a process
that died (or posted from a management command) are finished by whichever process runs next.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


def uses_moderation_thread() -> bool:
    return settings.CELERY_TASK_ALWAYS_EAGER and settings.MODERATION_IN_PROCESS == "thread"


class InProcessEngine:
    def __init__(self):
        self._wake = threading.Event()
        self._start_lock = threading.Lock()
        self._thread = None
        self._stopping = False
        # Only a process that serves requests starts the thread; a management command that
        # posts leaves its jobs to the next look of a running one.
        self._enabled = False
        # Comments whose moderation raised; retried at the next periodic look, not on every post.
        self._failed = set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self):
        self._enabled = True
        with self._start_lock:
            if not self.running:
                self._stopping = False
                self._thread = threading.Thread(target=self._run, name="commentdesk-moderation", daemon=True)
                self._thread.start()
        self.wake()

    def wake(self):
        if self._enabled and not self.running and not self._stopping:
            # Started before a fork (gunicorn --preload): the thread stayed in the parent.
            self.start()
        self._wake.set()

    def stop(self, timeout=30):
        """Let the current batch finish, then end the thread (a process shutting down)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self):
        while not self._stopping:
            if not self._wake.wait(timeout=settings.MODERATION_SWEEP_INTERVAL):
                self._failed.clear()
            self._wake.clear()
            try:
                self._drain()
            except Exception:
                logger.exception("In-process moderation stopped; it resumes at the next post or look.")
                time.sleep(1)
            finally:
                connection.close()

    def _drain(self):
        from commentdesk.moderation import actions

        while not self._stopping:
            try:
                if not actions.do_moderate_waiting(skip=self._failed):
                    return
            except Exception:
                logger.exception("Moderating a batch failed; moderating its comments one by one.")
                self._moderate_one_by_one(actions.waiting_comment_ids(skip=self._failed))

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
