"""Contract checks every classifier model passes (after scikit-learn's
estimator_checks). Each takes an unfitted model and training data X, y."""

import pickle

import numpy as np

from classifier.base import NotFittedError, __version__


def check_init_stores_params(model, X, y):
    params = model.get_params()
    assert params, "a model declares its parameters in __init__"
    assert type(model)(**params).get_params() == params


def check_unfitted_raises(model, X, y):
    try:
        model.predict_proba(X)
    except NotFittedError:
        return
    raise AssertionError("predict_proba on an unfitted model must raise NotFittedError")


def check_fit_returns_self(model, X, y):
    assert model.fit(X, y) is model


def check_fit_leaves_params_alone(model, X, y):
    before = repr(model.get_params())
    model.fit(X, y)
    assert repr(model.get_params()) == before


def check_proba_in_unit_interval(model, X, y):
    proba = np.asarray(model.fit(X, y).predict_proba(X))
    assert proba.shape[0] == len(X)
    assert np.all((proba >= 0) & (proba <= 1))


def check_pickle_roundtrip(model, X, y):
    model.fit(X, y)
    state = pickle.dumps(model)
    assert __version__.encode() in state, "the pickle carries the package version"
    restored = pickle.loads(state)
    assert restored._loaded_version == __version__
    np.testing.assert_allclose(restored.predict_proba(X), model.predict_proba(X))


CONTRACT_CHECKS = (
    check_init_stores_params,
    check_unfitted_raises,
    check_fit_returns_self,
    check_fit_leaves_params_alone,
    check_proba_in_unit_interval,
    check_pickle_roundtrip,
)
