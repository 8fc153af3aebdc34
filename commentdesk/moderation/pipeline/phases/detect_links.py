import re

from classifier.normalize import EMAIL, PHONE, URL

from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import Policy
from commentdesk.moderation.pipeline.context import Verdict

CONTACT = re.compile(
    "|".join([URL, EMAIL, PHONE, r"\b(?:whats ?app|telegram|t\.me|wa\.me|viber|signal)\b"]),
    re.IGNORECASE,
)


def moderate_links_and_contacts(context):
    action = context.policy.links
    if action == Policy.LinkAction.ALLOW:
        return None
    spans = [m.span() for m in CONTACT.finditer(context.comment.text)]
    if not spans:
        return None
    context.note("It contains a link or contact details.", *spans)
    if action == Policy.LinkAction.REJECT:
        return Verdict("reject", Guideline.PROMOTION)
    return Verdict("review")
