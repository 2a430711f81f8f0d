"""What the network classifiers (spinaptic.Crossbar, spinaptic.OptoElectronicNetwork) share, in one
base class, PixelClassifier: the training and chip parameters and their checks, input validation
with scikit-learn's messages (when scikit-learn is installed), the full scale of the pixels, the
fitted check, predict/decision_function over the output column voltages, and the scikit-learn tags
that say which of its estimator checks cannot apply to a crossbar of lasers."""
from __future__ import annotations

import inspect

import numpy as np

from . import _core

try:  # scikit-learn is optional: with it, clone(), pipelines and cross_val_score work
    from sklearn.base import BaseEstimator, ClassifierMixin
except ImportError:  # pragma: no cover - exercised only without scikit-learn
    class BaseEstimator:  # the two methods of the estimator API that need no scikit-learn
        """Minimal get_params/set_params over the constructor's keyword arguments."""

        def get_params(self, deep=True):
            names = [p for p in inspect.signature(type(self).__init__).parameters if p != "self"]
            return {name: getattr(self, name) for name in names}

        def set_params(self, **params):
            valid = self.get_params()
            for key, value in params.items():
                if key not in valid:
                    raise ValueError(f"invalid parameter {key!r} for {type(self).__name__}")
                setattr(self, key, value)
            return self

    class ClassifierMixin:
        """score(X, y): the mean accuracy."""

        _estimator_type = "classifier"

        def score(self, X, y, sample_weight=None):
            return float(np.average(self.predict(X) == np.asarray(y), weights=sample_weight))

# The scikit-learn estimator checks that cannot apply to the one-layer crossbar, each with its reason
# (sklearn's `_xfail_checks` tag: check_estimator skips them by name and says why). The two-layer
# network passes every check.
CROSSBAR_XFAIL_CHECKS = {
    "check_classifiers_train":
        "asks for > 83 % training accuracy on three Gaussian blobs in 2-d; the crossbar has no bias "
        "(U_l = sum_j V_s(P_j, I_jl) vanishes at P = 0), so argmax_l U_l splits the plane into cones "
        "through the origin, and no such classifier reaches 83 % there (a logistic regression "
        "without intercept: 79 %)",
    "check_decision_proba_consistency":
        "fits blobs with negative features without the requires_positive_X shift; a pixel is a laser "
        "power P_j = P_max x_j / x_max >= 0, and negative pixels are refused",
}


def _sklearn_validation():
    try:
        from sklearn.utils.multiclass import check_classification_targets
        from sklearn.utils.validation import check_array, check_X_y
    except ImportError:  # pragma: no cover - exercised only without scikit-learn
        return None
    return check_array, check_X_y, check_classification_targets


def validate_fit(estimator, X, y):
    """(X as a 2-d float64 array, classes_, y as indices into classes_) for fit(X, y).

    With scikit-learn, its check_X_y and check_classification_targets give the messages its
    estimator checks expect (sparse, complex, NaN, empty, 2-d y, continuous y); every ValueError
    arrives as spinaptic.InvalidValueError. Pixel ranges are checked by the C++ core."""
    tools = _sklearn_validation()
    if tools is None:  # pragma: no cover
        X, y = np.asarray(X), np.asarray(y)
        if y.ndim != 1:
            raise _core.InvalidValueError(f"spinaptic: parameter 'y' has shape {y.shape}; allowed: 1-d labels")
    else:
        check_array, check_X_y, check_classification_targets = tools
        try:
            X, y = check_X_y(X, y, dtype=np.float64, estimator=estimator)
            check_classification_targets(y)
        except _core.Error:
            raise
        except ValueError as e:
            raise _core.InvalidValueError(str(e)) from e
    classes, y_index = np.unique(y, return_inverse=True)
    if len(classes) < 2:
        raise _core.InvalidValueError(
            f"spinaptic: parameter 'y' has {len(classes)} class; allowed: at least 2 classes")
    return X, classes, y_index


def check_fitted(estimator, attribute):
    """NotFittedError (scikit-learn's, else AttributeError) unless fit() has set `attribute`."""
    if not hasattr(estimator, attribute):
        try:
            from sklearn.exceptions import NotFittedError
        except ImportError:  # pragma: no cover
            NotFittedError = AttributeError
        raise NotFittedError(f"this {type(estimator).__name__} is not fitted yet; call fit() first")


def validate_predict(estimator, X):
    """X as a 2-d float64 array with the n_features_in_ of fit (scikit-learn's messages)."""
    tools = _sklearn_validation()
    if tools is not None:
        try:
            X = tools[0](X, dtype=np.float64, estimator=estimator)
        except ValueError as e:
            raise _core.InvalidValueError(str(e)) from e
    else:  # pragma: no cover
        X = np.asarray(X)
    if X.ndim == 2 and X.shape[1] != estimator.n_features_in_:
        raise _core.InvalidValueError(f"X has {X.shape[1]} features, but {type(estimator).__name__} is expecting "
                                      f"{estimator.n_features_in_} features as input")
    return X


def binary_scores(u):
    """scikit-learn's decision_function convention: U_1 - U_0 [V] for two classes, else U [samples, classes]."""
    return u[:, 1] - u[:, 0] if u.shape[1] == 2 else u


def more_tags(xfail_checks=None):
    """The scikit-learn tags of a pixel classifier: non-negative features (pixels are laser powers),
    and the checks that cannot apply, {name: reason}."""
    return {"requires_positive_X": True, "_xfail_checks": dict(xfail_checks or {})}


# The parameters both classifiers document the same way (placed into their docstrings).
SHARED_PARAMETERS_DOC = """threads : int
        Threads per batch (the result does not depend on it).
    random_state : int
        Seed of the one std::mt19937_64 (initial currents, chip, batch order, read noise), as --seed of
        tools/digits.
    spread, stuck, stuck_mode, read_noise_uV, bandwidth_Hz, current_bits, power_bits, crosstalk
        The chip's non-idealities (nonideal/hardware.hpp; the keys of the sweep files; all off by
        default): device-to-device relative sigma of the response coefficients; fraction of stuck
        junctions and how they fail ("parallel" or "zero"); amplifier read noise [uV rms] and the read
        bandwidth [Hz] of the columns' Johnson noise; current and laser DAC bits (0: ideal); laser
        crosstalk to each neighbouring row. The chip is realised once per fit and the training is
        hardware-aware (it sees the chip and its read noise), as tools/digits with the same flags;
        predict() reads the same chip without noise."""


class PixelClassifier(ClassifierMixin, BaseEstimator):
    """Base of the classifiers whose inputs are pixels driving lasers (P_j = P_max x_j / x_max) and
    whose class is argmax_l of output column voltages U_l. A subclass's __init__ stores its
    parameters (scikit-learn reads them from its signature); it provides _fit_core(X, y_index,
    classes, max_pixel, callback) -> the core's result dict, and column_voltages(X)."""

    _fitted_attribute = "classes_"  # set by fit(); a subclass names its own
    _xfail_checks: dict = {}

    def _chip(self):
        """The chip's non-idealities as _core takes them (the sweep files' keys)."""
        def bits(name):
            return self._integer(name, getattr(self, name), 0)
        return {"spread": float(self.spread), "stuck": float(self.stuck), "stuck_mode": str(self.stuck_mode),
                "read_noise_uV": float(self.read_noise_uV), "bandwidth_Hz": float(self.bandwidth_Hz),
                "current_bits": bits("current_bits"), "power_bits": bits("power_bits"),
                "crosstalk": float(self.crosstalk)}

    @staticmethod
    def _integer(name, value, minimum=1, what="an integer"):
        """`value` as an int >= minimum, or InvalidValueError naming the parameter (bool is refused)."""
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < minimum:
            raise _core.InvalidValueError(
                f"spinaptic: parameter '{name}' = {value!r} is invalid; allowed: {what} >= {minimum}")
        return int(value)

    def _store(self, arguments):
        """Stores the constructor's arguments (its locals()) as attributes of the same names, as
        scikit-learn asks of an __init__: no checks, no conversions (fit() checks them)."""
        for name, value in arguments.items():
            if name not in ("self", "__class__"):
                setattr(self, name, value)

    def _settings(self):
        """The training settings every _core fit takes, checked (keyword arguments of _core)."""
        count = self._integer
        return {"epochs": count("epochs", self.epochs), "learning_rate": float(self.learning_rate),
                "batch_size": count("batch_size", self.batch_size), "output_scale": float(self.output_scale),
                "optimizer": str(self.optimizer), "learning_rate_decay": float(self.learning_rate_decay),
                "weight_decay": float(self.weight_decay), "threads": count("threads", self.threads),
                "seed": self._integer("random_state", self.random_state, 0, "an integer seed"),
                "current_range": str(self.current_range), "chip": self._chip()}

    def fit(self, X, y, callback=None):
        """Trains on pixels X [samples, inputs] (>= 0) and labels y.

        callback(epoch, epochs, mean_loss, accuracy), if given, runs after every epoch (e.g. a
        tqdm update). Ctrl-C stops the training between epochs (KeyboardInterrupt).
        """
        X, classes, y_index = validate_fit(self, X, y)
        max_pixel = self.max_pixel
        if max_pixel is None:  # the largest pixel (a dtype that is not real: _core names it)
            real = np.issubdtype(X.dtype, np.integer) or np.issubdtype(X.dtype, np.floating)
            max_pixel = float(np.max(X)) if X.size and real else 1.0
        max_pixel = float(max_pixel)
        result = self._fit_core(X, y_index, classes, max_pixel, callback)
        self.classes_ = classes
        self.history_ = list(result["history"])
        self.max_pixel_ = max_pixel
        self.n_features_in_ = X.shape[1]
        return self

    def _check_fitted(self):
        check_fitted(self, self._fitted_attribute)

    def decision_function(self, X):
        """Output column voltages U_l [V], [samples, classes]; for two classes U_1 - U_0 [V], [samples]
        (scikit-learn's convention: positive for classes_[1])."""
        return binary_scores(self.column_voltages(X))

    def predict(self, X):
        """The class of argmax_l U_l for each row of X."""
        u = self.column_voltages(X)
        return self.classes_[np.argmax(u, axis=1)]

    def _more_tags(self):
        return more_tags(self._xfail_checks)


def with_shared_parameters(cls):
    """Places SHARED_PARAMETERS_DOC into the class docstring's `%(shared)s`."""
    cls.__doc__ = cls.__doc__.replace("%(shared)s", SHARED_PARAMETERS_DOC)
    return cls
