"""Without a broker, a daemon thread per process sends webhooks, queue alerts and commenters'
emails (commentdesk/notifications), so posting and deciding never wait for a publisher's
server or the mail server.

It starts at the first event a process sends, then attempts due deliveries and emails
whenever woken and at least every WEBHOOK_SWEEP_INTERVAL seconds (retries included; rows a
stopped process left pending too).
"""

import logging
import queue

from django.conf import settings
from kombu.exceptions import OperationalError as BrokerError

from commentdesk.lib.background import BackgroundThread

logger = logging.getLogger(__name__)


class InProcessSender(BackgroundThread):
    name = "commentdesk-webhooks"

    def __init__(self):
        super().__init__()
        self._jobs = queue.SimpleQueue()

    def wake(self):
        # Unlike the moderation thread, any process that fires an event sends it.
        self.start()

    def submit(self, function, *args):
        """Run function(*args) in the thread (an email)."""
        self._jobs.put((function, args))
        self.wake()

    def work(self, woken: bool) -> float:
        from commentdesk.notifications import outbox
        from commentdesk.webhooks import delivery

        while not self._jobs.empty():
            function, args = self._jobs.get()
            try:
                function(*args)
            except Exception:
                logger.exception("A background job of the webhooks thread failed.")
        delivery.do_deliver_due()
        outbox.do_send_due()
        interval = float(settings.WEBHOOK_SWEEP_INTERVAL)
        due = [s for s in (delivery.seconds_to_next(), outbox.seconds_to_next()) if s is not None]
        return min([max(seconds, 0.05) for seconds in due] + [interval])


in_process_sender = InProcessSender()


def run_in_background(task, *args):
    """Run a Celery task: on a worker when a broker is configured, else in this thread (called
    directly, a task runs its body)."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        in_process_sender.submit(task, *args)
    else:
        task.delay(*args)


def attempt_in_background(task, row_id: int, what: str) -> None:
    """Have an outbox row (a webhook delivery, an email) attempted soon: by this process's
    thread, or by a worker running task(row_id). Never raises: with the broker down, the row
    waits for the next look for due ones."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        in_process_sender.wake()
        return
    try:
        task.delay(row_id)
    except (BrokerError, OSError):
        logger.warning("Broker unavailable; %s %s waits for the sweep.", what, row_id)
