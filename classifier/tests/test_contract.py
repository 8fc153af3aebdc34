"""Every model passes the shared estimator contract (classifier.checks)."""

import numpy as np
import pytest

from classifier.checks import CONTRACT_CHECKS
from classifier.models import HEADS, GuidelineModel, HeadBlend, MeaningModel, RelevanceModel
from classifier.models.meaning import LABELS

CLEAN = ["the strikes killed several fighters", "a good report on the talks", "the council met today"]
ABUSIVE = ["you are a stupid idiot", "shut up you moron", "idiot writer"]


def guideline_data():
    texts = (CLEAN + ABUSIVE) * 3
    targets = np.zeros((len(texts), len(HEADS)), dtype=int)
    targets[:, HEADS.index("personal_attack")] = [text in ABUSIVE for text in texts]
    targets[:, HEADS.index("abusive")] = targets[:, HEADS.index("personal_attack")]
    targets[:2, HEADS.index("promotion")] = 1  # every head needs both classes
    targets[:2, HEADS.index("vulgarity")] = -1  # unknown targets are skipped
    for head in ("profanity", "threat", "vulgarity", "identity_abuse"):
        targets[-3:, HEADS.index(head)] = 1
    return texts, targets


def relevance_data():
    article = "drone strikes hit militia depots near mosul"
    comments = ["the strikes on the depots", "mosul militia again", "lentil soup recipe please", "football final tonight"] * 3
    return [(c, article) for c in comments], [0, 0, 1, 1] * 3


def meaning_data():
    """Embedding-like vectors, one cluster per label."""
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(len(LABELS), 16))
    labels = [LABELS[i % len(LABELS)] for i in range(80)]
    return centres[[LABELS.index(label) for label in labels]] + 0.1 * rng.normal(size=(80, 16)), labels


def blend_data():
    """Linear decisions and meaning log-odds that both lean towards the targets."""
    rng = np.random.default_rng(0)
    targets = (rng.random((60, len(HEADS))) < 0.4).astype(int)
    targets[:3, 0] = -1
    signal = 2 * targets - 1
    return np.hstack([signal + rng.normal(size=targets.shape), signal + rng.normal(size=targets.shape)]), targets


MODELS = [
    (lambda: GuidelineModel(n_features=2**10), guideline_data),
    (lambda: RelevanceModel(n_features=2**10, cv=2), relevance_data),
    (lambda: MeaningModel(hidden=8, max_iter=300), meaning_data),
    (lambda: HeadBlend(), blend_data),
]


@pytest.mark.parametrize("check", CONTRACT_CHECKS, ids=lambda check: check.__name__)
@pytest.mark.parametrize("make_model, make_data", MODELS, ids=["GuidelineModel", "RelevanceModel", "MeaningModel", "HeadBlend"])
def test_model_follows_the_contract(make_model, make_data, check):
    check(make_model(), *make_data())


def test_guideline_model_learns_the_positive_class():
    texts, targets = guideline_data()
    proba = GuidelineModel(n_features=2**10).fit(texts, targets).predict_proba(["you stupid idiot", "the council met"])
    column = HEADS.index("personal_attack")
    assert proba[0, column] > proba[1, column]


# Punctuation inside a whitespace word makes several word tokens of it, and a
# repeated word repeats its unigram and bigrams.
@pytest.mark.parametrize("text", ["shut up you stupid idiot", "you,stupid idiot! idiot-idiot ... stupid"])
def test_word_contributions_add_up_to_the_decision(text):
    texts, targets = guideline_data()
    model = GuidelineModel(n_features=2**10, word_features=2**10).fit(texts, targets)
    column = HEADS.index("personal_attack")
    total = sum(model.word_contributions(text, "personal_attack")) + model.intercept_[column]
    assert total == pytest.approx(model.decision_function([text])[0, column], rel=1e-4)


def test_weights_below_min_weight_are_dropped_and_the_rest_kept():
    texts, targets = guideline_data()
    full = GuidelineModel(n_features=2**10, word_features=2**10, min_weight=0).fit(texts, targets)
    pruned = GuidelineModel(n_features=2**10, word_features=2**10, min_weight=0.05).fit(texts, targets)
    small = np.abs(full.coef_.astype(np.float32)) < 0.05
    assert small.any() and (~small & (full.coef_ != 0)).any()
    assert (pruned.coef_[small] == 0).all()
    assert (pruned.coef_[~small] == full.coef_[~small]).all()
