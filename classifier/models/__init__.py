"""The learned models: one for the guidelines a comment's wording can break,
one for whether a comment is about its article."""

from classifier.models.guideline import HEADS, GuidelineModel
from classifier.models.relevance import RelevanceModel

__all__ = ["HEADS", "GuidelineModel", "RelevanceModel"]
