"""What the network classifiers (spinaptic.Crossbar, spinaptic.OptoElectronicNetwork) share: input
validation with scikit-learn's messages (when scikit-learn is installed), the fitted check, and the
scikit-learn tags that say which of its estimator checks cannot apply to a crossbar of lasers."""
from __future__ import annotations

import numpy as np

from . import _core

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
