"""How often the machine and the moderators reach the same decision on a comment.

The machine's call is its verdict; for a comment it held, the rejection it suggested (the queue
preselects that guideline). They agree when the moderator's final decision has the same outcome
and, for a rejection, cites the same guideline.
"""

from collections import defaultdict
from dataclasses import dataclass

from commentdesk.moderation.models import Decision

NO_GUIDELINE = ""
JOB = "comment__moderation_job__"


@dataclass
class Agreement:
    compared: int = 0
    agreed: int = 0

    @property
    def share(self):
        return self.agreed / self.compared if self.compared else None


def agrees(verdict, machine_guideline, outcome, human_guideline) -> bool:
    if outcome == Decision.Outcome.APPROVED:
        return verdict == "approve"
    return verdict != "approve" and machine_guideline == human_guideline


def standing_human_decisions(decisions=None):
    """The decision that stands on each comment, where a moderator made it, with the machine's
    verdict on that comment alongside: one query, in the order decisions were made."""
    decisions = Decision.objects.all() if decisions is None else decisions
    rows = (
        decisions.filter(undone_at__isnull=True)
        .order_by("created_at", "pk")
        .values(
            "comment_id",
            "outcome",
            "guideline",
            "machine",
            f"{JOB}verdict",
            f"{JOB}guideline",
            f"{JOB}lang",
            f"{JOB}completed_at",
        )
    )
    standing = {row["comment_id"]: row for row in rows}
    return [row for row in standing.values() if not row["machine"]]


def agreement_table():
    """(by the guideline the machine flagged, by language, overall)."""
    by_guideline, by_lang, overall = defaultdict(Agreement), defaultdict(Agreement), Agreement()
    for row in standing_human_decisions():
        verdict = row[f"{JOB}verdict"]
        if not verdict or row[f"{JOB}completed_at"] is None:
            continue
        flagged = row[f"{JOB}guideline"] if verdict != "approve" else NO_GUIDELINE
        agreed = agrees(verdict, row[f"{JOB}guideline"], row["outcome"], row["guideline"])
        for tally in (by_guideline[flagged or NO_GUIDELINE], by_lang[row[f"{JOB}lang"]], overall):
            tally.compared += 1
            tally.agreed += agreed
    return dict(by_guideline), dict(sorted(by_lang.items())), overall
