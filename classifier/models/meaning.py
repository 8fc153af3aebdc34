"""What a comment means, read from multilingual sentence embeddings, and its
blend with the linear heads.

The linear heads know words: they miss a threat with no violent word, an
insult with no swear word, and sentences in the languages they have few
examples of. A sentence encoder trained on a hundred languages places
comments that mean the same thing close together whatever their words, so a
small network on its embeddings, trained on our own news comments, reads
what the words alone do not say. Neither model decides alone: per head, a
logistic regression fitted on data neither was trained on weighs the two and
gives the calibrated probability the thresholds are chosen on.
"""

import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

from classifier.base import BaseClassifier
from classifier.models.guideline import HEADS, UNKNOWN

LABELS = ("ok", "profanity", "threat", "personal_attack", "vulgarity", "identity_abuse", "promotion", "off_topic")
KINDS = LABELS[1:6]
SMALLEST = 1e-6


class MeaningModel(BaseClassifier):
    """One-hidden-layer network from sentence embeddings to one of LABELS.

    X is an (n_samples, dimensions) array of embeddings, y the label of each
    comment; our own examples carry exactly one label each.
    """

    def __init__(self, *, hidden=256, alpha=1e-3, max_iter=200, random_state=0):
        self.hidden = hidden
        self.alpha = alpha
        self.max_iter = max_iter
        self.random_state = random_state

    def fit(self, X, y):
        network = MLPClassifier(hidden_layer_sizes=(self.hidden,), alpha=self.alpha, max_iter=self.max_iter,
                                early_stopping=True, random_state=self.random_state)
        network.fit(np.asarray(X, dtype=np.float32), [LABELS.index(label) for label in y])
        self.classes_ = [LABELS[i] for i in network.classes_]
        self.network_ = network
        return self

    def predict_proba(self, X):
        """(n_samples, len(LABELS)) probability of each label; a label never seen in training gets 0."""
        self.check_is_fitted()
        proba = np.zeros((len(X), len(LABELS)))
        if len(X):
            proba[:, [LABELS.index(c) for c in self.classes_]] = self.network_.predict_proba(np.asarray(X, dtype=np.float32))
        return proba

    def head_logits(self, X, heads=HEADS):
        """Log-odds per guideline head; ``abusive`` is any of the five kinds of abuse."""
        proba = self.predict_proba(X)
        by_head = {label: proba[:, i] for i, label in enumerate(LABELS)}
        by_head["abusive"] = proba[:, [LABELS.index(kind) for kind in KINDS]].sum(axis=1)
        p = np.clip(np.column_stack([by_head[head] for head in heads]), SMALLEST, 1 - SMALLEST)
        return np.log(p / (1 - p))


class HeadBlend(BaseClassifier):
    """Per head, a logistic regression on the linear head's decision value and
    the meaning model's log-odds. X is (n_samples, 2 * n_heads): the linear
    decisions, then the meaning log-odds; Y as for GuidelineModel."""

    def __init__(self, *, heads=HEADS, C=1e4):
        self.heads = heads
        self.C = C

    def fit(self, X, Y):
        X, n = np.asarray(X, dtype=np.float64), len(self.heads)
        Y = np.asarray(Y).reshape(len(X), n)
        self.coef_ = np.tile([1.0, 0.0], (n, 1))
        self.intercept_ = np.zeros(n)
        for j, column in enumerate(Y.T):
            known = column != UNKNOWN
            if len(set(column[known])) < 2:
                continue
            platt = LogisticRegression(C=self.C).fit(X[known][:, [j, n + j]], column[known])
            self.coef_[j], self.intercept_[j] = platt.coef_[0], platt.intercept_[0]
        return self

    def predict_proba(self, X):
        """(n_samples, n_heads) calibrated probability that each head applies."""
        self.check_is_fitted()
        X, n = np.asarray(X, dtype=np.float64), len(self.heads)
        return expit(X[:, :n] * self.coef_[:, 0] + X[:, n:] * self.coef_[:, 1] + self.intercept_)
