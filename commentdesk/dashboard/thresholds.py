"""The classifier's thresholds as a site runs them, and what other thresholds would have done.

The classifier package loads numpy and the model, so it is imported inside the functions that
need it: the desk's other pages, and a cold server's first request, do not pay for it.
"""

from dataclasses import dataclass

from commentdesk.dashboard.agreement import standing_human_decisions
from commentdesk.moderation.models import Decision, ModerationJob

PREVIEW_SAMPLE = 200
PREVIEW_SAMPLE_MAX = 2000


def shipped_thresholds() -> dict:
    """{guideline: (approve_below, reject_above)} from the trained model's bundle, for the
    scores it gives (with or without its sentence encoder)."""
    import classifier

    return {g: tuple(pair) for g, pair in classifier.shipped_thresholds().items()}


def effective_thresholds(overrides) -> dict:
    from classifier.decide import merge_thresholds

    return merge_thresholds(shipped_thresholds(), overrides)


def overrides_from(thresholds: dict) -> dict:
    """Only the pairs that differ from the shipped ones, so a retrained model's new defaults
    still reach every guideline an editor did not change."""
    shipped = shipped_thresholds()
    return {
        g: [float(a), float(r)]
        for g, (a, r) in thresholds.items()
        if (float(a), float(r)) != tuple(map(float, shipped[g]))
    }


@dataclass
class Preview:
    sample: int = 0
    approved: int = 0
    rejected: int = 0
    held: int = 0
    compared: int = 0  # comments a moderator decided in the end
    auto_decided: int = 0  # of those, how many these thresholds would decide without a moderator
    approved_but_moderator_rejected: int = 0
    rejected_but_moderator_approved: int = 0
    other_guideline: int = 0

    @property
    def disagreements(self):
        return (
            self.approved_but_moderator_rejected
            + self.rejected_but_moderator_approved
            + self.other_guideline
        )


def scored_jobs(sample):
    return list(
        ModerationJob.objects.filter(completed_at__isnull=False)
        .exclude(scores={})
        .order_by("-completed_at", "-pk")
        .only("comment_id", "scores", "lang")[:sample]
    )


def preview(thresholds: dict, sample: int = PREVIEW_SAMPLE) -> Preview:
    """Replay the latest scored comments through `thresholds` (effective, all seven guidelines).

    Word lists, links and commenter history are the site's own rules and are not replayed:
    this answers what the thresholds alone would have done. Comments in Kurdish get the
    classifier's caution for thin-data languages, as they did when scored; the caution for a
    language detected with little confidence is not replayed (the job keeps no confidence).
    """
    from classifier.decide import decide, doubtful_thresholds
    from classifier.langid import KURDISH

    cautious = doubtful_thresholds(thresholds)
    jobs = scored_jobs(sample)
    humans = _human_outcomes([job.comment_id for job in jobs])
    result = Preview(sample=len(jobs))
    for job in jobs:
        limits = cautious if job.lang in KURDISH else thresholds
        verdict, guideline = decide(_complete(job.scores), limits)
        _count(result, verdict, guideline or "", humans.get(job.comment_id))
    return result


def _complete(scores):
    from classifier.decide import GUIDELINES

    return {g: float(scores.get(g, 0.0)) for g in GUIDELINES}


def _human_outcomes(comment_ids):
    decisions = Decision.objects.filter(comment_id__in=comment_ids)
    return {
        row["comment_id"]: (row["outcome"], row["guideline"])
        for row in standing_human_decisions(decisions)
    }


def _count(result, verdict, guideline, human):
    if verdict == "approve":
        result.approved += 1
    elif verdict == "reject":
        result.rejected += 1
    else:
        result.held += 1
    if human is None:
        return
    result.compared += 1
    if verdict == "review":
        return
    result.auto_decided += 1
    outcome, human_guideline = human
    if verdict == "approve" and outcome == Decision.Outcome.REJECTED:
        result.approved_but_moderator_rejected += 1
    elif verdict == "reject" and outcome == Decision.Outcome.APPROVED:
        result.rejected_but_moderator_approved += 1
    elif verdict == "reject" and guideline != human_guideline:
        result.other_guideline += 1
