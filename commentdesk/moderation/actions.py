"""Every change to a comment's status goes through these functions, and nothing else."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, F, Q, When
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError

from commentdesk.comments.models import Comment
from commentdesk.comments.signals import comment_status_changed, comment_status_deciding
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import Decision, LabelledExample, ModerationJob

logger = logging.getLogger(__name__)


class DecisionError(ValueError):
    pass


UNDO_WINDOW = timedelta(seconds=30)
DECISION_FIELDS = ["status", "guideline", "decided_at", "decided_by"]


def do_approve_comment(comment: Comment, *, moderator=None, machine: str = "", scores=None):
    return _decide(comment, Decision.Outcome.APPROVED, "", moderator, machine, scores)


def do_reject_comment(
    comment: Comment, guideline: str, *, moderator=None, machine: str = "", scores=None
):
    if guideline not in Guideline.values:
        raise DecisionError(f"A rejection must cite a guideline, not {guideline!r}.")
    return _decide(comment, Decision.Outcome.REJECTED, guideline, moderator, machine, scores)


def _decide(comment, outcome, guideline, moderator, machine, scores, *, claimed=False):
    """claimed: the caller's moderation run locked the comment's row when it claimed the job,
    and loaded it then; otherwise it is locked and read again here."""
    if bool(moderator) == bool(machine):
        raise DecisionError("A decision is made either by one moderator or by one machine.")
    # Inside the machine's verdict transaction a savepoint buys nothing: all or nothing is wanted.
    with transaction.atomic(savepoint=False):
        locked = comment if claimed else Comment.objects.select_for_update().get(pk=comment.pk)
        if machine and not locked.is_pending:
            # A human (or an earlier run) already decided; a late machine verdict must not win.
            return None
        locked.status = outcome
        locked.guideline = guideline
        locked.decided_at = timezone.now()
        locked.decided_by = moderator
        locked.save(update_fields=DECISION_FIELDS)
        decision = Decision.objects.create(
            comment=locked,
            outcome=outcome,
            guideline=guideline,
            moderator=moderator,
            machine=machine,
            scores=scores or {},
        )
        if moderator:
            _label_if_machine_disagreed(locked, decision)
            # A moderator has judged the comment again: its readers' reports are answered.
            locked.reports.filter(resolved_at__isnull=True).update(resolved_at=decision.created_at)
        _notify_status_changed(locked, comment.article if Comment.article.is_cached(comment) else None)
    for field in DECISION_FIELDS:
        setattr(comment, field, getattr(locked, field))
    return decision


def do_undo_decision(decision: Decision, *, moderator) -> Comment:
    """Take back a moderator's own latest decision within the undo window.

    The decision stays in the audit log, marked undone; the comment returns to the state the
    decision before it left (pending when there was none).
    """
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=decision.comment_id)
        latest = comment.decisions.filter(undone_at__isnull=True).last()
        if latest != decision or decision.moderator != moderator:
            raise DecisionError(_("Only your own latest decision on a comment can be undone."))
        if timezone.now() - decision.created_at > UNDO_WINDOW:
            raise DecisionError(_("The undo window has passed; decide the comment again instead."))
        decision.undone_at = timezone.now()
        decision.save(update_fields=["undone_at"])
        LabelledExample.objects.filter(comment=comment, created_at__gte=decision.created_at).delete()
        # The reports that decision settled are open again: the comment returns to the queue.
        comment.reports.filter(resolved_at=decision.created_at).update(resolved_at=None)
        previous = comment.decisions.filter(undone_at__isnull=True).last()
        comment.status = previous.outcome if previous else Comment.Status.PENDING
        comment.guideline = previous.guideline if previous else ""
        comment.decided_at = previous.created_at if previous else None
        comment.decided_by = previous.moderator if previous else None
        comment.save(update_fields=["status", "guideline", "decided_at", "decided_by"])
        _notify_status_changed(comment)
    return comment


def _notify_status_changed(comment, article=None):
    """Tell the listeners that store something with the change (the commenters' emails) now,
    and the others (the embed's cache, webhooks) once the new status is committed; with the
    article when the caller has it, which spares each listener a query."""
    ids = {"comment_id": comment.pk, "article_id": comment.article_id, "status": comment.status}
    if article is not None:
        ids["article"] = article
    comment_status_deciding.send(sender=Comment, **ids)
    transaction.on_commit(lambda: comment_status_changed.send(sender=Comment, **ids))


def _label_if_machine_disagreed(comment, decision):
    """A human verdict on a comment the machine held or decided otherwise is a labelled example."""
    job = ModerationJob.objects.filter(comment=comment, completed_at__isnull=False).first()
    if job is None or not job.verdict:
        return
    human = "approve" if decision.outcome == Decision.Outcome.APPROVED else "reject"
    if job.verdict == human and (human == "approve" or job.guideline == decision.guideline):
        return
    LabelledExample.objects.create(
        comment=comment,
        label=decision.guideline or "ok",
        machine_verdict=job.verdict,
        machine_guideline=job.guideline,
        moderator=decision.moderator,
    )


def do_schedule_moderation(comment: Comment) -> ModerationJob:
    """Write the outbox row with the comment; the task is sent once both are committed.

    The row already says "sent once, now", so posting costs one commit: if the broker turns
    out to be down, the sweep sends the task again after MODERATION_SWEEP_AFTER seconds.
    """
    job = ModerationJob.objects.create(comment=comment, enqueued_at=timezone.now(), attempts=1)
    # Robust: whatever sending raises beyond a broker error (a broker client's own bug), Django
    # logs it and the reader still gets their answer; the comment is committed either way.
    transaction.on_commit(lambda: _publish(comment.pk), robust=True)
    return job


def send_moderation_tasks(comment_ids) -> int:
    """Send one task per comment again; a broker that is down leaves them to the next sweep."""
    sent = 0
    for comment_id in comment_ids:
        ModerationJob.objects.filter(comment_id=comment_id).update(
            enqueued_at=timezone.now(), attempts=F("attempts") + 1
        )
        if not _publish(comment_id):
            break
        sent += 1
    return sent


def _publish(comment_id) -> bool:
    from commentdesk.moderation.engine import in_process_engine, uses_moderation_thread
    from commentdesk.moderation.tasks import moderate_comment

    if uses_moderation_thread():
        in_process_engine.wake()
        return True
    try:
        moderate_comment.delay(comment_id)
    except (BrokerError, OSError):
        logger.warning("Broker unavailable; comment %s waits for the sweep.", comment_id)
        return False
    return True


def do_moderate_comment(comment_id: int):
    """Moderate this comment and, where the database can skip rows another worker holds, up to
    MODERATION_BATCH others that wait: one classifier call and one commit for them all.

    Returns this comment's completed job, or None when there was nothing left to do.
    """
    with transaction.atomic():
        jobs = _claim_jobs(comment_id)
        _complete_jobs(jobs)
    return next((job for job in jobs if job.comment_id == comment_id), None)


def do_moderate_waiting(*, skip=()) -> list[int]:
    """Moderate the oldest waiting comments, up to MODERATION_BATCH, in one transaction: the
    in-process engine's unit of work. Returns the ids of the comments whose jobs completed."""
    with transaction.atomic():
        waiting = _waiting_jobs().exclude(comment_id__in=skip)
        if connection.features.has_select_for_update_skip_locked:
            waiting = waiting.select_for_update(skip_locked=True, of=CLAIMED_ROWS)
        # On SQLite the transaction itself is the lock: it begins IMMEDIATE (see settings).
        jobs = list(waiting.order_by("created_at")[: settings.MODERATION_BATCH])
        _complete_jobs(jobs)
    return [job.comment_id for job in jobs]


def waiting_comment_ids(*, skip=()) -> list[int]:
    waiting = _waiting_jobs().exclude(comment_id__in=skip).order_by("created_at")
    return list(waiting.values_list("comment_id", flat=True)[: settings.MODERATION_BATCH])


def _complete_jobs(jobs):
    from commentdesk.moderation.pipeline import machine_results, run_pipeline

    pending = [job for job in jobs if job.comment.is_pending]
    machines = machine_results([job.comment for job in pending])
    for job in jobs:
        outcome = run_pipeline(job.comment, machines[job.comment_id]) if job in pending else None
        _record_verdict(job, outcome)


# A run locks the jobs it completes and their comments, so a moderator deciding one of them
# meanwhile waits (or, with SKIP LOCKED, the run leaves that comment to a later one).
CLAIMED_ROWS = ("self", "comment")


def _waiting_jobs():
    return ModerationJob.objects.select_related("comment__article__site__moderation_policy").filter(
        completed_at__isnull=True
    )


def _claim_jobs(comment_id):
    """Lock the jobs this run completes: this comment's first, then the oldest waiting ones."""
    jobs = _waiting_jobs()
    batch = 1 if settings.CELERY_TASK_ALWAYS_EAGER else settings.MODERATION_BATCH
    if batch == 1 or not connection.features.has_select_for_update_skip_locked:
        # Without SKIP LOCKED two workers would take the same batch: one comment a run.
        return list(jobs.select_for_update(of=CLAIMED_ROWS).filter(comment_id=comment_id))
    this_first = Case(When(comment_id=comment_id, then=0), default=1)
    claimed = jobs.select_for_update(skip_locked=True, of=CLAIMED_ROWS)
    return list(claimed.order_by(this_first, "created_at")[:batch])


def _record_verdict(job, outcome):
    """Complete the job with the machine's verdict and apply it, inside the caller's
    transaction; a comment someone decided meanwhile only has its job completed."""
    job.completed_at = timezone.now()
    if outcome is None:
        job.save(update_fields=["completed_at"])
        return
    verdict = outcome.verdict
    job.verdict, job.guideline = verdict.outcome, verdict.guideline
    job.scores, job.explanation = outcome.scores, outcome.explanation
    job.reasons, job.evidence = outcome.reasons, outcome.evidence
    job.lang, job.model_version = outcome.lang, outcome.model_version
    job.save()
    machine = f"classifier {outcome.model_version}"
    if verdict.outcome == "approve":
        _decide(job.comment, Decision.Outcome.APPROVED, "", None, machine, outcome.scores, claimed=True)
    elif verdict.outcome == "reject":
        guideline = verdict.guideline
        _decide(job.comment, Decision.Outcome.REJECTED, guideline, None, machine, outcome.scores, claimed=True)


def do_sweep_stale_moderation(older_than: int | None = None) -> int:
    """Send again the moderation of comments whose job has not completed in time."""
    age = settings.MODERATION_SWEEP_AFTER if older_than is None else older_than
    cutoff = timezone.now() - timedelta(seconds=age)
    stale = ModerationJob.objects.filter(completed_at__isnull=True).filter(
        Q(enqueued_at__isnull=True, created_at__lte=cutoff) | Q(enqueued_at__lte=cutoff)
    )
    comment_ids = list(stale.order_by("created_at").values_list("comment_id", flat=True))
    return send_moderation_tasks(comment_ids)

