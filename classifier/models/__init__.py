"""The learned models: the linear heads for the guidelines a comment's wording
can break, the meaning model on sentence embeddings and the blend of the two,
and one for whether a comment is about its article."""

from classifier.models.guideline import HEADS, GuidelineModel
from classifier.models.meaning import HeadBlend, MeaningModel
from classifier.models.relevance import RelevanceModel

__all__ = ["HEADS", "GuidelineModel", "HeadBlend", "MeaningModel", "RelevanceModel"]
