"""Training data: the shared public datasets plus the project's own examples.

Rows are split by a hash of their normalised text, so a text always lands in
the same part however the files are ordered or grown. The validation part is
never trained or calibrated on; the project's own examples never land in it.
Of the news sets, only those already read to judge an earlier model
(TRAINED_NEWS_SETS) are read here, as more of our own examples; the sets that
judge the current model never are.
"""

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from classifier.models.guideline import HEADS, UNKNOWN
from classifier.normalize import normalize

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA = PACKAGE_DIR.parent.parent / "shared" / "data"
# Our written examples, in parts of 10,000 rows read in name order (one file would pass 5 MB).
EXTRA_EXAMPLES = PACKAGE_DIR / "data" / "train_extra"
TRAIN_ARTICLES = PACKAGE_DIR / "data" / "train_articles.json"
NEWS_DIR = PACKAGE_DIR / "data"
# News sets written blind that have already judged a model: comments written from the
# labelling guide by people who read nothing else, the closest we have to real ones, so since
# the tenth issue-4 pass they train the next model, and newer sets judge it
# (docs/technical/classifier.md). A set joins only after its reading; the newest never does.
TRAINED_NEWS_SETS = (
    "news_eval", "news_holdout", "news_blind3", "news_blind4", "news_blind5", "news_blind6",
    "news_blind7", "news_blind8", "news_blind9", "news_blind10", "news_blind11", "news_blind12",
    "news_blind13", "news_blind14", "news_blind15", "news_blind16", "news_blind17",
    "news_blind18", "news_blind19", "news_blind20", "news_blind21", "news_blind22", "news_blind23",
    "news_blind24", "news_blind25", "news_blind26", "news_blind27", "news_blind28", "news_blind29",
    "news_blind30", "news_blind31", "news_blind32", "news_blind33", "news_blind34", "news_blind35",
    "news_blind36",
)

KINDS = ("profanity", "threat", "personal_attack", "vulgarity", "identity_abuse")
VALIDATION_BUCKETS = range(0, 10)
CALIBRATION_BUCKETS = range(10, 20)
EXTRA_CALIBRATION_BUCKETS = range(0, 15)
# Impermium's "not an insult" rows may still swear or abuse third parties.
ONLY_INSULT_LABELLED = {"kaggle_insults"}


@dataclass
class Example:
    text: str
    normalised: str
    lang: str
    guideline: str
    source: str
    targets: tuple
    article: str | None = None


def data_dir(path=None):
    return Path(path or os.environ.get("COMMENTDESK_DATA") or DEFAULT_DATA)


def bucket(normalised_text):
    return int(hashlib.sha1(normalised_text.encode()).hexdigest(), 16) % 100


def targets_for(guideline, source):
    """Per-head 1/0/UNKNOWN targets for a row's guideline, or None to skip it."""
    if guideline is None:
        return None
    if guideline in ("ok", "off_topic"):
        if source in ONLY_INSULT_LABELLED:
            return tuple(0 if head in ("personal_attack", "promotion") else UNKNOWN for head in HEADS)
        return (0,) * len(HEADS)
    if guideline == "promotion":
        return tuple(1 if head == "promotion" else 0 for head in HEADS)
    # The other kinds stay unknown: an insult may also swear.
    return tuple(1 if head in (guideline, "abusive") else 0 if head == "promotion" else UNKNOWN for head in HEADS)


def read_jsonl(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _example(row, source=None):
    source = source or row.get("source", "")
    targets = targets_for(row.get("guideline"), source)
    if targets is None:
        return None
    return Example(row["text"], normalize(row["text"]).text, row["lang"], row["guideline"], source, targets, row.get("article"))


def shared_examples(path=None):
    """Every usable row of the shared datasets, in file order."""
    examples = []
    for file in sorted(data_dir(path).glob("*.jsonl")):
        examples += filter(None, (_example(row) for row in read_jsonl(file)))
    return examples


def own_rows():
    """Our written examples, then the comments of the news sets we train on."""
    written = [row for part in sorted(EXTRA_EXAMPLES.glob("*.jsonl")) for row in read_jsonl(part)]
    return written + news_rows()


def news_rows():
    """The comments of TRAINED_NEWS_SETS as training rows, each under its set's article."""
    return [
        {"text": c["text"], "lang": c["lang"], "guideline": c["label"], "article": _news_article_key(name, c["article"])}
        for name in TRAINED_NEWS_SETS
        for c in read_jsonl(NEWS_DIR / f"{name}.jsonl")
    ]


def _news_article_key(name, key):
    return f"{name.removeprefix('news_')}-{key}"


NEWS_ARTICLE_PREFIXES = tuple(_news_article_key(name, "") for name in TRAINED_NEWS_SETS)


def from_news_set(example):
    """Whether an own example is a comment of a news set, not one of our written rows."""
    return (example.article or "").startswith(NEWS_ARTICLE_PREFIXES)


def own_examples():
    return [_example(row, "commentdesk_extra") for row in own_rows()]


def split_shared(examples):
    """(train, calibration, validation) parts of the shared examples."""
    parts = ([], [], [])
    for example in examples:
        b = bucket(example.normalised)
        parts[0 if b >= CALIBRATION_BUCKETS.stop else 1 if b in CALIBRATION_BUCKETS else 2].append(example)
    return parts


def split_own(examples):
    """(train, calibration) parts of the project's own examples."""
    calibration = [e for e in examples if bucket(e.normalised) in EXTRA_CALIBRATION_BUCKETS]
    train = [e for e in examples if bucket(e.normalised) not in EXTRA_CALIBRATION_BUCKETS]
    return train, calibration


def target_matrix(examples):
    return np.array([e.targets for e in examples], dtype=np.int8).reshape(len(examples), len(HEADS))


def train_articles():
    """Our own articles, then those of the news sets we train on."""
    with open(TRAIN_ARTICLES, encoding="utf-8") as file:
        articles = json.load(file)
    for name in TRAINED_NEWS_SETS:
        with open(NEWS_DIR / f"{name}_articles.json", encoding="utf-8") as file:
            articles.update({_news_article_key(name, key): article for key, article in json.load(file).items()})
    return articles
