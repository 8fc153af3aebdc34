"""run_pipeline(comment): the phases, in order, until one decides.

The order lives in phases/__init__.py; docs/moderation.md links to it.
"""

from dataclasses import dataclass

from commentdesk.moderation.models import Policy
from commentdesk.moderation.pipeline.context import PhaseContext, Verdict
from commentdesk.moderation.pipeline.machine import machine_result, machine_results
from commentdesk.moderation.pipeline.phases import PHASES

__all__ = ["Outcome", "machine_results", "run_pipeline"]


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    reasons: list
    evidence: list
    scores: dict
    explanation: str
    lang: str
    model_version: str


def run_pipeline(comment, machine=None) -> Outcome:
    """machine: the classifier's result when the caller scored a batch at once."""
    policy = Policy.for_site(comment.article.site)
    context = PhaseContext(comment=comment, policy=policy, machine=machine)
    verdict = _first_verdict(context)
    if policy.mode == Policy.Mode.HUMAN_ONLY and verdict.outcome != "review":
        context.note(f"Human-only mode: the machine suggested {verdict.outcome}.")
        verdict = Verdict("review", verdict.guideline)
    # Moderators see the classifier's scores even when a rule decided first.
    machine = machine_result(context)
    return Outcome(
        verdict=verdict,
        reasons=context.reasons,
        evidence=context.evidence,
        scores=machine["scores"],
        explanation=context.reasons[-1] if context.reasons else machine["explanation"],
        lang=machine["lang"],
        model_version=machine["model_version"],
    )


def _first_verdict(context):
    for phase in PHASES:
        verdict = phase(context)
        if verdict is not None:
            return verdict
    raise RuntimeError("The last phase must always decide.")
