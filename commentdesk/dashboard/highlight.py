"""The comment text as HTML, with the machine's evidence spans wrapped in <mark>."""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString


def highlight_evidence(text: str, evidence) -> SafeString:
    """Every piece of the reader's text is escaped; only our own <mark> tags are markup."""
    html = SafeString("")
    position = 0
    for start, end in _clean_spans(evidence, len(text)):
        html += escape(text[position:start])
        html += format_html("<mark>{}</mark>", text[start:end])
        position = end
    return html + escape(text[position:])


def _clean_spans(evidence, length):
    """Valid spans in order, overlaps merged: the job's JSON is not trusted to be tidy."""
    merged = []
    for start, end in sorted(_valid_spans(evidence, length)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _valid_spans(evidence, length):
    for span in evidence or []:
        try:
            start, end = (max(0, min(int(n), length)) for n in span)
        except (TypeError, ValueError):
            continue
        if start < end:
            yield start, end
