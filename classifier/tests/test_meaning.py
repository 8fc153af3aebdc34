"""The meaning model on sentence embeddings and its blend with the linear heads."""

import numpy as np
from scipy.special import logit

from classifier.models import HEADS, HeadBlend, MeaningModel
from classifier.models.meaning import KINDS, LABELS


def clusters(labels, seed=0):
    rng = np.random.default_rng(seed)
    centres = np.random.default_rng(1).normal(size=(len(LABELS), 16))
    return centres[[LABELS.index(label) for label in labels]] + 0.1 * rng.normal(size=(len(labels), 16)), centres


def test_the_meaning_model_finds_each_label():
    labels = [LABELS[i % len(LABELS)] for i in range(800)]
    X, centres = clusters(labels)
    model = MeaningModel(hidden=16, max_iter=500).fit(X, labels)
    assert list(model.predict_proba(centres).argmax(axis=1)) == list(range(len(LABELS)))


def test_a_label_never_trained_on_gets_no_probability():
    labels = [("ok", "threat", "promotion")[i % 3] for i in range(90)]
    X, centres = clusters(labels)
    proba = MeaningModel(hidden=8, max_iter=500).fit(X, labels).predict_proba(centres)
    assert proba.shape == (len(LABELS), len(LABELS))
    np.testing.assert_array_equal(proba[:, LABELS.index("vulgarity")], 0)
    np.testing.assert_allclose(proba.sum(axis=1), 1)


def test_the_abusive_head_is_any_kind_of_abuse():
    labels = [LABELS[i % len(LABELS)] for i in range(160)]
    X, centres = clusters(labels)
    model = MeaningModel(hidden=16, max_iter=500).fit(X, labels)
    proba = model.predict_proba(centres)
    logits = model.head_logits(centres)
    any_kind = proba[:, [LABELS.index(kind) for kind in KINDS]].sum(axis=1)
    np.testing.assert_allclose(logits[:, HEADS.index("abusive")], logit(np.clip(any_kind, 1e-6, 1 - 1e-6)), rtol=1e-6)
    np.testing.assert_allclose(logits[:, HEADS.index("threat")],
                               logit(np.clip(proba[:, LABELS.index("threat")], 1e-6, 1 - 1e-6)), rtol=1e-6)


def test_the_blend_weighs_the_informative_model_more():
    rng = np.random.default_rng(0)
    targets = (rng.random((400, len(HEADS))) < 0.5).astype(int)
    informative = (2 * targets - 1) + rng.normal(size=targets.shape)
    noise = rng.normal(size=targets.shape)
    blend = HeadBlend().fit(np.hstack([noise, informative]), targets)
    assert np.all(blend.coef_[:, 1] > 3 * np.abs(blend.coef_[:, 0]))


def test_the_blend_skips_unknown_targets_and_keeps_a_head_it_cannot_fit():
    rng = np.random.default_rng(0)
    targets = (rng.random((100, len(HEADS))) < 0.5).astype(int)
    targets[:, 0] = -1
    blend = HeadBlend().fit(rng.normal(size=(100, 2 * len(HEADS))), targets)
    assert blend.coef_[0].tolist() == [1.0, 0.0] and blend.intercept_[0] == 0

