"""The sentence encoder: unit vectors, the same whatever the batch, and multilingual."""

import numpy as np

from classifier.models import encoder

SENTENCES = [
    "The strikes killed several fighters near the base.",
    "الغارات قتلت عدداً من المقاتلين قرب القاعدة.",
    "Saldırılar üssün yakınında birkaç savaşçıyı öldürdü.",
    "A recipe for lentil soup with lemon and cumin.",
]


def test_embeddings_are_unit_vectors_of_the_encoder_size():
    vectors = encoder.embed(SENTENCES)
    assert vectors.shape == (len(SENTENCES), encoder.DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_no_texts_give_an_empty_array():
    assert encoder.embed([]).shape == (0, encoder.DIMENSIONS)


def test_a_text_embeds_the_same_alone_or_in_a_batch():
    """Training embeds in batches and a comment is classified alone: they must agree."""
    batch = encoder.embed(SENTENCES)
    alone = np.vstack([encoder.embed([text]) for text in SENTENCES])
    np.testing.assert_array_equal(batch, alone)


def test_a_translation_is_closer_than_another_subject():
    english, arabic, turkish, recipe = encoder.embed(SENTENCES)
    assert english @ arabic > english @ recipe
    assert english @ turkish > english @ recipe


def test_a_very_long_comment_is_read_from_its_opening():
    long_text = "The council voted again. " * 2000
    vector = encoder.embed([long_text])[0]
    np.testing.assert_array_equal(vector, encoder.embed([long_text[: encoder.MAX_CHARACTERS]])[0])
