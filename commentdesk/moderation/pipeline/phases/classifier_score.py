from commentdesk.moderation.pipeline.context import Verdict
from commentdesk.moderation.pipeline.machine import machine_result


def decide_by_classifier(context):
    result = machine_result(context)
    context.note(result["explanation"], *result["evidence"])
    return Verdict(result["decision"], result["guideline"] or "")
