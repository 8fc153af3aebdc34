"""Calibrated linear models over character and word n-grams, one head per guideline.

Character n-grams of the normalised text carry across spelling variants,
inflections and the six languages without a tokenizer per language; word
unigrams and bigrams beside them tell "witch" from "bitch" and "kill switch"
from "kill him", which share their letters. The extra ``abusive`` head learns
"offensive, kind unknown" from the datasets that never say which guideline
was broken (Turkish, Persian, most Arabic).
"""

import re
from bisect import bisect_right
from collections import Counter

import numpy as np
import scipy.sparse
from scipy.special import expit
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize as l2_normalize
from sklearn.utils import murmurhash3_32

from classifier.base import BaseClassifier

HEADS = ("profanity", "threat", "personal_attack", "vulgarity", "identity_abuse", "promotion", "abusive")
UNKNOWN = -1
WORD = re.compile(r"\w+")


def word_ngrams(text):
    """Word unigrams and bigrams, joined as scikit-learn's word analyzer joins them."""
    return unigrams_and_bigrams(WORD.findall(text))


def unigrams_and_bigrams(tokens):
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


class GuidelineModel(BaseClassifier):
    """Multi-head classifier: X is a list of normalised texts, Y an
    (n_samples, n_heads) array of 1 (breaks), 0 (does not) or -1 (unknown)."""

    def __init__(self, *, heads=HEADS, n_features=2**18, ngram_range=(2, 5), word_features=2**18, word_weight=0.5,
                 C=4.0, max_positive_weight=50.0, max_iter=200, min_weight=0.08):
        self.heads = heads
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.word_features = word_features
        self.word_weight = word_weight
        self.C = C
        self.max_positive_weight = max_positive_weight
        self.max_iter = max_iter
        self.min_weight = min_weight

    def _vectorizer(self):
        return HashingVectorizer(
            analyzer="char_wb", ngram_range=self.ngram_range, n_features=self.n_features,
            alternate_sign=False, norm=None, lowercase=False, dtype=np.float32,
        )

    def _word_vectorizer(self):
        return HashingVectorizer(analyzer=word_ngrams, n_features=self.word_features, alternate_sign=False, norm=None,
                                 dtype=np.float32)

    def _features(self, texts):
        characters = l2_normalize(self._vectorizer().transform(texts))
        words = l2_normalize(self._word_vectorizer().transform(texts))
        return scipy.sparse.hstack([characters, self.word_weight * words]).tocsr()

    def fit(self, X, Y, sample_weight=None):
        features = self._features(X)
        Y = np.asarray(Y).reshape(len(X), len(self.heads))
        weights = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight)
        coefs, intercepts = [], []
        for column in Y.T:
            known = column != UNKNOWN
            head = LogisticRegression(
                C=self.C, class_weight=self._class_weight(column[known]), max_iter=self.max_iter,
                solver="liblinear", random_state=0,
            )
            head.fit(features[known], column[known], sample_weight=weights[known])
            coefs.append(head.coef_[0])
            intercepts.append(head.intercept_[0])
        # Zeroed small weights compress to almost nothing and float16 halves the
        # rest: 7.6 MB became 4.9 MB, and 99 % of calibration scores moved by
        # less than 0.005 (docs/technical/classifier.md, sixth issue-4 pass). The
        # threshold rose from 0.06 to 0.08 in the fifteenth to make room under 5 MB
        # for more examples.
        coef = np.vstack(coefs).T
        coef[np.abs(coef) < self.min_weight] = 0
        self.coef_ = coef.astype(np.float16)
        self.intercept_ = np.asarray(intercepts)
        self.calibration_ = np.tile([1.0, 0.0], (len(self.heads), 1))
        return self

    def _class_weight(self, targets):
        """Up-weight the rarer positives, but only so far: a head with a few
        dozen positives must not turn every n-gram they share into evidence."""
        positives = max(1, int((targets == 1).sum()))
        return {0: 1.0, 1: min(self.max_positive_weight, max(1.0, (len(targets) - positives) / positives))}

    def calibrate(self, X, Y):
        """Platt-scale each head on data it was not fitted on."""
        self.check_is_fitted()
        decisions = self.decision_function(X)
        Y = np.asarray(Y).reshape(len(X), len(self.heads))
        for j in range(len(self.heads)):
            known = Y[:, j] != UNKNOWN
            if len(set(Y[known, j])) < 2:
                continue
            platt = LogisticRegression(C=1e4).fit(decisions[known, j : j + 1], Y[known, j])
            self.calibration_[j] = platt.coef_[0, 0], platt.intercept_[0]
        return self

    def decision_function(self, X):
        self.check_is_fitted()
        return np.asarray(self._features(X) @ self._coef32()) + self.intercept_

    def predict_proba(self, X):
        """(n_samples, n_heads) calibrated probability that each head applies."""
        decisions = self.decision_function(X)
        return expit(decisions * self.calibration_[:, 0] + self.calibration_[:, 1])

    def word_contributions(self, text, head):
        """Each whitespace-separated word's share of the head's decision value.

        char_wb n-grams never cross a space, so the character block splits
        exactly by word; a word unigram belongs to the word it lies in, and a
        bigram counts half to each of its two words.
        """
        self.check_is_fitted()
        words = list(re.finditer(r"\S+", text))
        if not words:
            return []
        coef = self._coef32()[:, self.heads.index(head)]
        return list(self._character_shares(text, coef[: self.n_features]) + self._word_shares(text, words, coef[self.n_features :]))

    def _character_shares(self, text, coef):
        counts = self._vectorizer().transform(text.split())
        norm = np.sqrt((np.asarray(counts.sum(axis=0)) ** 2).sum()) or 1.0
        return np.asarray(counts @ coef).ravel() / norm

    def _word_shares(self, text, words, coef):
        starts = [word.start() for word in words]
        tokens = [(m.group(), bisect_right(starts, m.start()) - 1) for m in WORD.finditer(text)]
        owners = [[(owner, 1.0)] for _, owner in tokens] + [[(i, 0.5), (j, 0.5)] for (_, i), (_, j) in zip(tokens, tokens[1:])]
        shares = np.zeros(len(words))
        if not owners:
            return shares
        columns = [self._word_column(feature) for feature in unigrams_and_bigrams([token for token, _ in tokens])]
        norm = np.sqrt(sum(count * count for count in Counter(columns).values()))
        for column, parts in zip(columns, owners):
            for owner, part in parts:
                shares[owner] += part * coef[column] * self.word_weight / norm
        return shares

    def _word_column(self, feature):
        """The column HashingVectorizer gives a word n-gram, without its per-call overhead."""
        return abs(murmurhash3_32(feature, seed=0)) % self.word_features

    def _coef32(self):
        if getattr(self, "_coef_cache", None) is None:
            self._coef_cache = self.coef_.astype(np.float32)
        return self._coef_cache

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_coef_cache", None)
        return state
