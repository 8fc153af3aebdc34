"""Without a broker, a daemon thread per process sends webhooks and queue alerts, so posting
and deciding never wait for a publisher's server or the mail server.

It starts at the first event a process sends, then attempts due deliveries whenever woken and
at least every WEBHOOK_SWEEP_INTERVAL seconds (retries included; rows a stopped process left
pending too).
"""

import logging
import queue
import threading

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


class InProcessSender:
    def __init__(self):
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._jobs = queue.SimpleQueue()
        self._thread = None
        self._stopping = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wake(self):
        with self._lock:
            if not self.running:
                self._stopping = False
                self._thread = threading.Thread(
                    target=self._run, name="commentdesk-webhooks", daemon=True
                )
                self._thread.start()
        self._wake.set()

    def submit(self, function, *args):
        """Run function(*args) in the thread (a queue alert's email)."""
        self._jobs.put((function, args))
        self.wake()

    def stop(self, timeout=10):
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self):
        wait = 0.0
        while not self._stopping:
            self._wake.wait(timeout=wait)
            self._wake.clear()
            try:
                wait = self._work()
            except Exception:
                logger.exception("Sending webhooks failed; trying again shortly.")
                wait = 5.0
            finally:
                connection.close()

    def _work(self) -> float:
        from commentdesk.webhooks.delivery import do_deliver_due, seconds_to_next

        while not self._jobs.empty():
            function, args = self._jobs.get()
            try:
                function(*args)
            except Exception:
                logger.exception("A background job of the webhooks thread failed.")
        do_deliver_due()
        next_due = seconds_to_next()
        interval = float(settings.WEBHOOK_SWEEP_INTERVAL)
        return interval if next_due is None else min(max(next_due, 0.05), interval)


in_process_sender = InProcessSender()
