"""classify() and classify_many(): scores, decision, guideline and evidence."""

import os
from functools import lru_cache
from dataclasses import asdict, dataclass, field
from pathlib import Path

import joblib
import numpy as np

from classifier.decide import GUIDELINES, KINDS_OF_ABUSE, decide, doubtful_thresholds, explain, merge_thresholds
from classifier.langid import KURDISH, LANGUAGES, detect
from classifier.models import encoder
from classifier.normalize import normalize

DEFAULT_ARTIFACT = Path(__file__).resolve().parent / "artifacts" / "commentdesk-classifier.joblib"
LANGUAGE_NAMES = {"ckb": "Sorani Kurdish", "kmr": "Kurmanji Kurdish"}
UNSURE_LANGUAGE = 0.34
# The sentence encoder publishes a few fewer violations but costs about 40 ms a
# comment on one core (p95 over 120 ms, against 5 ms for the linear heads), far past
# the speed targets, so an operator turns it on (docs/technical/classifier.md).
ENCODER_SETTING = "COMMENTDESK_CLASSIFIER_ENCODER"
EVIDENCE_WORDS = 3
_loaded = {}


@dataclass(frozen=True)
class Article:
    """The article a comment hangs on; relevance to it decides off_topic."""

    headline: str
    body: str = ""

    @classmethod
    def from_text(cls, text):
        """An article from plain text whose first line is the headline."""
        headline, _, body = text.strip().partition("\n")
        return cls(headline.strip(), body.strip())

    @property
    def text(self):
        # The headline says what the story is about, so it counts twice.
        return f"{self.headline}\n{self.headline}\n{self.body}"


@dataclass(frozen=True)
class Result:
    decision: str
    guideline: str | None
    scores: dict
    explanation: str
    evidence: list = field(default_factory=list)
    lang: str = "en"
    model_version: str = ""

    def to_dict(self):
        return {**asdict(self), "evidence": [list(span) for span in self.evidence]}


def artifact_path():
    return Path(os.environ.get("COMMENTDESK_CLASSIFIER_MODEL") or DEFAULT_ARTIFACT)


def meaning_path(path):
    """The meaning model's file beside a bundle: the encoder is optional, and the two files
    together would pass 5 MB."""
    return path.with_name(f"{path.stem}-meaning{path.suffix}")


def load_model(path=None):
    """The trained bundle, with the meaning model when its file is there, loaded once per process and path."""
    path = Path(path or artifact_path())
    if path not in _loaded:
        bundle = joblib.load(path)
        if meaning_path(path).exists():
            bundle.update(joblib.load(meaning_path(path)))
        _loaded[path] = bundle
    return _loaded[path]


def reads_meaning(bundle):
    """Whether comments get the sentence encoder's reading: the artifact has
    the meaning model and the operator turned the encoder on."""
    return "meaning" in bundle and os.environ.get(ENCODER_SETTING, "off").strip().lower() in ("on", "1", "true", "yes")


def shipped_thresholds(bundle=None):
    """{guideline: (approve_below, reject_above)} the artifact ships for the scores it gives."""
    bundle = bundle or load_model()
    return bundle["thresholds"] if reads_meaning(bundle) else bundle.get("linear_thresholds", bundle["thresholds"])


def model_version(bundle):
    """The artifact's version, marked when its encoder is off: the scores then come from the linear heads alone."""
    off = "meaning" in bundle and not reads_meaning(bundle)
    return f"{bundle['model_version']}-encoder-off" if off else bundle["model_version"]


def head_probabilities(bundle, texts, normalised):
    """(n, heads) calibrated probabilities: the linear heads blended with the
    meaning model's reading of the texts as written, or the linear heads alone."""
    linear = bundle["guidelines"]
    if not reads_meaning(bundle):
        return linear.predict_proba(normalised)
    meaning = bundle["meaning"].head_logits(encoder.embed(texts), linear.heads)
    return bundle["blend"].predict_proba(np.hstack([linear.decision_function(normalised), meaning]))


def classify(text, *, lang=None, article=None, thresholds=None):
    """Decide one comment: approve, reject or review, with the reason."""
    return classify_many([{"text": text, "lang": lang}], article=article, thresholds=thresholds)[0]


def classify_many(texts_or_items, *, article=None, thresholds=None):
    """Decide many comments at once; items are strings or {"text", "lang"} mappings."""
    bundle = load_model()
    limits = merge_thresholds(shipped_thresholds(bundle), thresholds)
    items = [{"text": item} if isinstance(item, str) else item for item in texts_or_items]
    texts = [item["text"] for item in items]
    normalised = [normalize(text) for text in texts]
    languages = [_language(item) for item in items]
    head_scores = head_probabilities(bundle, texts, [n.text for n in normalised]) if items else []
    off_topic = off_topic_scores(bundle["relevance"], normalised, [lang for lang, _ in languages], article)
    return [
        _result(bundle, text, norm, lang, confidence, heads, off, limits)
        for text, norm, (lang, confidence), heads, off in zip(texts, normalised, languages, head_scores, off_topic)
    ]


def _language(item):
    """The given language when it is one we support, else the detected one."""
    given = (item.get("lang") or "").lower()
    return (given, 1.0) if given in LANGUAGES else detect(item["text"])


@lru_cache(maxsize=256)
def _article_language_and_text(text):
    """An article is read once, not once per comment: a busy story gets thousands."""
    return detect(text)[0], normalize(text).text


def off_topic_scores(relevance, normalised, languages, article):
    """Relevance of each comment to the article; 0 without an article or in another language."""
    scores = np.zeros(len(normalised))
    if article is None:
        return scores
    article_lang, article_text = _article_language_and_text(article.text)
    same = [i for i, lang in enumerate(languages) if lang == article_lang]
    if same:
        scores[same] = relevance.predict_proba([(normalised[i].text, article_text) for i in same])
    return scores


def guideline_scores(heads, off_topic, head_names):
    """Per-guideline scores from the model heads.

    When a comment is surely abusive but the data could not say which kind,
    the abusive head's probability goes to the most likely kind.
    """
    by_head = dict(zip(head_names, map(float, heads)))
    scores = {g: by_head[g] for g in GUIDELINES if g in by_head}
    likeliest = max(KINDS_OF_ABUSE, key=scores.get)
    scores[likeliest] = max(scores[likeliest], by_head["abusive"])
    scores["off_topic"] = float(off_topic)
    return {g: round(scores[g], 4) for g in GUIDELINES}


def _result(bundle, text, norm, lang, confidence, heads, off_topic, limits):
    model = bundle["guidelines"]
    scores = guideline_scores(heads, off_topic, model.heads)
    doubtful = lang in KURDISH or confidence < UNSURE_LANGUAGE
    decision, guideline = decide(scores, doubtful_thresholds(limits) if doubtful else limits)
    evidence = _evidence(model, norm, guideline, heads) if decision != "approve" else []
    quotes = [f"“{text[start:end]}”" for start, end in evidence]
    thin = LANGUAGE_NAMES.get(lang) if doubtful else None
    explanation = explain(decision, guideline, scores, quotes, thin)
    return Result(decision, guideline, scores, explanation, evidence, lang, model_version(bundle))


def _evidence(model, norm, guideline, heads):
    """Original-text spans of the words that pushed the deciding head most."""
    if guideline == "off_topic":
        return []
    by_head = dict(zip(model.heads, heads))
    head = "abusive" if guideline in KINDS_OF_ABUSE and by_head["abusive"] > by_head[guideline] else guideline
    contributions = model.word_contributions(norm.text, head)
    ranked = sorted(range(len(contributions)), key=lambda i: -contributions[i])
    top = [i for i in ranked[:EVIDENCE_WORDS] if contributions[i] > 0.3 * contributions[ranked[0]] > 0]
    word_spans = norm.word_spans()
    return _merge([norm.original_span(*word_spans[i]) for i in sorted(top)])


def _merge(spans):
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
