"""The guideline classifier: approve, reject or review a comment, and say why.

Plain Python with no Django import, so the site, the command line and the
benchmarks all share one implementation.
"""

from classifier.api import Article, Result, classify, classify_many, load_model, shipped_thresholds
from classifier.base import __version__
from classifier.decide import GUIDELINES

__all__ = ["GUIDELINES", "Article", "Result", "__version__", "classify", "classify_many", "load_model",
           "shipped_thresholds"]
