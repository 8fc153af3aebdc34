"""Whether a comment is about its article.

Two kinds of evidence: how much the comment shares with the article (which
only works within one language, so the caller scores relevance only when
comment and article languages match), and whether its wording is about
everyday matters unrelated to news (recipes, sport, greetings), learned from
the project's own examples.
"""

import math
import re
from functools import lru_cache

import numpy as np
import scipy.sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

from classifier.base import BaseClassifier
from classifier.langid import COMMON_WORDS

STOPWORDS = frozenset().union(*COMMON_WORDS.values())
PREFIX = 4
# Talking about the article, its author or the outlet is on topic by definition.
META_PREFIXES = frozenset(word[:PREFIX] for word in (
    "article", "report", "reporter", "journalist", "journalism", "headline", "news", "story", "author",
    "writer", "press", "editor", "مقال", "مقاله", "خبر", "صحفی", "صحافه", "مراسل", "کاتب",
    "haber", "gazete", "gazeteci", "muhabir", "yazar", "manşet", "گزارش", "خبرنگار", "نویسنده", "روزنامه",
    "هەواڵ", "ڕۆژنامە", "پەیامنێر", "نووسەر", "nûçe", "rojname", "rojnamevan", "nûçegihan", "nivîskar",
))


def content_prefixes(normalised_text):
    words = re.findall(r"[^\W\d_]+", normalised_text)
    return [word[:PREFIX] for word in words if len(word) >= 3 and word not in STOPWORDS]


class RelevanceModel(BaseClassifier):
    """X is a list of (normalised comment, normalised article) pairs; y is 1
    when the comment is off topic for that article."""

    def __init__(self, *, n_features=2**16, C=1.0, cv=5):
        self.n_features = n_features
        self.C = C
        self.cv = cv

    def _vectorizer(self, ngram_range=(2, 5)):
        return HashingVectorizer(
            analyzer="char_wb", ngram_range=ngram_range, n_features=self.n_features,
            alternate_sign=False, lowercase=False,
        )

    def _overlap_features(self, pairs):
        comments, articles = zip(*pairs)
        vectorizer = self._vectorizer((3, 5))
        article_vectors = scipy.sparse.vstack([_article_vector(self.n_features, a) for a in articles])
        cosine = np.asarray(vectorizer.transform(comments).multiply(article_vectors).sum(axis=1)).ravel()
        counts = np.array([_shared_and_meta(c, a) for c, a in pairs]).reshape(len(pairs), 3)
        return np.column_stack([cosine, counts])

    def fit(self, X, y):
        y = np.asarray(y)
        wording = self._vectorizer().transform([comment for comment, _ in X])
        unrelated = LogisticRegression(C=self.C, class_weight="balanced", max_iter=1000)
        # Out-of-fold wording scores, so the combiner does not learn to trust
        # scores the wording model made on its own training comments.
        wording_scores = cross_val_predict(unrelated, wording, y, cv=self.cv, method="decision_function")
        features = np.column_stack([self._overlap_features(X), wording_scores])
        self.combiner_ = LogisticRegression(C=self.C, max_iter=1000).fit(features, y)
        self.unrelated_wording_ = unrelated.fit(wording, y)
        self.oof_proba_ = self.combiner_.predict_proba(features)[:, 1]
        return self

    def predict_proba(self, X):
        """(n_samples,) probability that each comment is off topic."""
        self.check_is_fitted()
        if not len(X):
            return np.zeros(0)
        wording = self.unrelated_wording_.decision_function(self._vectorizer().transform([c for c, _ in X]))
        return self.combiner_.predict_proba(np.column_stack([self._overlap_features(X), wording]))[:, 1]


@lru_cache(maxsize=256)
def _article_vector(n_features, article):
    # Every comment on a story is compared with the same article text: vectorise it once.
    return RelevanceModel(n_features=n_features)._vectorizer((3, 5)).transform([article])


@lru_cache(maxsize=256)
def _article_prefixes(article):
    return frozenset(content_prefixes(article))


def _shared_and_meta(comment, article):
    prefixes = content_prefixes(comment)
    article_prefixes = _article_prefixes(article)
    shared = sum(p in article_prefixes for p in prefixes) / max(1, len(prefixes))
    meta = float(any(p in META_PREFIXES for p in prefixes))
    return shared, meta, math.log1p(len(prefixes))
