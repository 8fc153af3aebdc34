"""A daemon thread per process for work that must not hold up a request: the in-process
moderation engine and webhook sender, when no Celery broker is configured."""

import logging
import threading

from django.db import connection

logger = logging.getLogger(__name__)

MAX_SECONDS_AFTER_ERRORS = 60.0


class BackgroundThread:
    """Calls work() whenever woken, and otherwise after the seconds work() last returned.

    Each round closes its database connection, so a restarted database is met afresh. A
    round that raises is logged and retried after `seconds_after_error`, doubled after each
    further failure. A process forked
    after the thread started (gunicorn --preload) starts its own at the first wake.
    """

    name = "commentdesk-background"
    seconds_after_error = 5.0

    def __init__(self):
        self._wake = threading.Event()
        self._start_lock = threading.Lock()
        self._thread = None
        self._stopping = False
        self._enabled = False

    def work(self, woken: bool) -> float:
        """One round; returns the seconds to wait for the next when nobody wakes the thread."""
        raise NotImplementedError

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self):
        self._enabled = True
        with self._start_lock:
            if not self.running:
                self._stopping = False
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
        self._wake.set()

    def wake(self):
        if self._enabled and not self.running and not self._stopping:
            self.start()
        self._wake.set()

    def stop(self, timeout=30):
        """Let the current round finish, then end the thread (a process shutting down)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self):
        wait, failures = 0.0, 0
        while not self._stopping:
            woken = self._wake.wait(timeout=wait)
            self._wake.clear()
            try:
                wait, failures = self.work(woken), 0
            except Exception:
                # A database that is down fails every round: back off, up to a minute.
                failures += 1
                wait = min(self.seconds_after_error * 2 ** (failures - 1), MAX_SECONDS_AFTER_ERRORS)
                logger.exception("%s: a round failed; trying again in %.0f s.", self.name, wait)
            finally:
                connection.close()


def attempt_all_due(due_ids, attempt) -> int:
    """Attempt every row that due_ids() lists, until none is due (an outbox's sweep in this
    process); return how many attempts were made."""
    attempted = 0
    while ids := due_ids():
        for row_id in ids:
            attempt(row_id)
            attempted += 1
    return attempted
