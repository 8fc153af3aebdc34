from dataclasses import dataclass, field

from commentdesk.comments.models import Comment
from commentdesk.moderation.models import Policy


@dataclass(frozen=True)
class Verdict:
    """What a phase decided: approve, reject (citing a guideline) or review."""

    outcome: str
    guideline: str = ""


@dataclass
class PhaseContext:
    """Everything a phase may read, and where it records why it acted."""

    comment: Comment
    policy: Policy
    reasons: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    machine: dict | None = None  # the classifier's result, once a phase asked for it

    @property
    def article(self):
        return self.comment.article

    def note(self, reason: str, *spans):
        self.reasons.append(reason)
        self.evidence.extend(list(span) for span in spans)
