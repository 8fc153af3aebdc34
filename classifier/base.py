"""The estimator contract every classifier model follows (after scikit-learn).

Parameters are set in ``__init__`` and only stored; ``fit`` learns state into
attributes ending in ``_`` and returns self; prediction on an unfitted model
raises NotFittedError; pickles carry the package version they were made with.
"""

import inspect
import warnings

__version__ = "0.1.0"


class NotFittedError(ValueError, AttributeError):
    """Raised when a model is used before fit."""


class VersionMismatchWarning(UserWarning):
    """A pickled model was made by another version of the classifier package."""


class BaseClassifier:
    """Shared parameter handling, fitted-state check and version stamping."""

    @classmethod
    def _param_names(cls):
        signature = inspect.signature(cls.__init__)
        return sorted(name for name in signature.parameters if name != "self")

    def get_params(self):
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params):
        for name, value in params.items():
            if name not in self._param_names():
                raise ValueError(f"{type(self).__name__} has no parameter {name!r}")
            setattr(self, name, value)
        return self

    def __repr__(self):
        params = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({params})"

    def __getstate__(self):
        return {**self.__dict__, "_classifier_version": __version__}

    def __setstate__(self, state):
        version = state.pop("_classifier_version", None)
        if version != __version__:
            warnings.warn(
                f"{type(self).__name__} was pickled by classifier {version}, loaded by {__version__}",
                VersionMismatchWarning,
                stacklevel=2,
            )
        self.__dict__.update(state)
        self._loaded_version = version

    def check_is_fitted(self):
        if not any(name.endswith("_") and not name.startswith("_") for name in vars(self)):
            raise NotFittedError(f"{type(self).__name__} is not fitted yet; call fit first")
