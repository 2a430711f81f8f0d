"""The paper's optically driven MTJ crossbar as a scikit-learn classifier.

Oberbauer et al., Commun. Phys. 2025, Fig. 4: each input pixel x_j sets the laser power of
crossbar row j, P_j = P_max x_j / x_max; each junction's bias current I_jl is a trainable weight;
column l sums the junction thermovoltages, U_l = sum_j V_s(P_j, I_jl); the class is argmax_l U_l.
Training (softmax cross-entropy on logits beta U_l / (N_in V_max), SGD or Adam, mini-batches) runs
in the C++ trainer, bit for bit as ``tools/digits`` for the same seed and data.
"""
from __future__ import annotations

import inspect

import numpy as np

from . import _core
from ._estimator import CROSSBAR_XFAIL_CHECKS, binary_scores, check_fitted, more_tags, validate_fit, validate_predict

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


class Crossbar(ClassifierMixin, BaseEstimator):
    """N x L crossbar of 800 nm CoFeB/MgO junctions (hybrid_mgo_800nm, AP state) as a classifier.

    Parameters
    ----------
    epochs : int
        Passes over the training set (tools/digits: 300 for the 8x8 digits).
    learning_rate : float
        eta on the normalised currents x = I / I_max (SGD 0.05, Adam 1e-3).
    batch_size : int
        Mini-batch size B.
    output_scale : float
        beta: logits z_l = beta U_l / (N_in V_max) (200 for the digits).
    optimizer : {"sgd", "adam"}
        The update rule.
    learning_rate_decay : float
        Factor on the learning rate after every epoch, in (0, 1].
    weight_decay : float
        Decoupled weight decay lambda >= 0 (each step shrinks x by the fraction eta lambda).
    current_range : {"bipolar", "non_negative"}
        Bias currents in [-I_max, I_max] or [0, I_max].
    max_pixel : float or None
        Full-scale pixel value x_max (the laser's P_max); None: the largest pixel of X at fit.
    threads : int
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
        hardware-aware (it sees the chip and its read noise); predict() reads the same chip without noise.

    Attributes
    ----------
    classes_ : ndarray of the labels seen at fit (column l is classes_[l]).
    normalized_currents_ : ndarray [n_features, n_classes], x_jl = I_jl / I_max after training.
    currents_A_ : ndarray [n_features, n_classes], I_jl [A].
    history_ : list of (mean_loss, training accuracy) per epoch, as the batches were trained.
    max_pixel_ : float, the x_max in use.
    coefficient_factors_, stuck_ : the realised chip (per-device spread factors and stuck map).
    """

    def __init__(self, epochs=300, learning_rate=0.05, batch_size=32, output_scale=200.0, optimizer="sgd",
                 learning_rate_decay=1.0, weight_decay=0.0, current_range="bipolar", max_pixel=None, threads=1,
                 random_state=1, spread=0.0, stuck=0.0, stuck_mode="parallel", read_noise_uV=0.0, bandwidth_Hz=0.0,
                 current_bits=0, power_bits=0, crosstalk=0.0):
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.output_scale = output_scale
        self.optimizer = optimizer
        self.learning_rate_decay = learning_rate_decay
        self.weight_decay = weight_decay
        self.current_range = current_range
        self.max_pixel = max_pixel
        self.threads = threads
        self.random_state = random_state
        self.spread = spread
        self.stuck = stuck
        self.stuck_mode = stuck_mode
        self.read_noise_uV = read_noise_uV
        self.bandwidth_Hz = bandwidth_Hz
        self.current_bits = current_bits
        self.power_bits = power_bits
        self.crosstalk = crosstalk

    def _chip(self):
        def bits(name):
            value = getattr(self, name)
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < 0:
                raise _core.InvalidValueError(
                    f"spinaptic: parameter '{name}' = {value!r} is invalid; allowed: an integer >= 0")
            return int(value)
        return {"spread": float(self.spread), "stuck": float(self.stuck), "stuck_mode": str(self.stuck_mode),
                "read_noise_uV": float(self.read_noise_uV), "bandwidth_Hz": float(self.bandwidth_Hz),
                "current_bits": bits("current_bits"), "power_bits": bits("power_bits"),
                "crosstalk": float(self.crosstalk)}

    @staticmethod
    def _count(name, value):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < 1:
            raise _core.InvalidValueError(
                f"spinaptic: parameter '{name}' = {value!r} is invalid; allowed: an integer >= 1")
        return int(value)

    def fit(self, X, y, callback=None):
        """Trains the crossbar on pixels X [samples, inputs] (>= 0) and labels y.

        callback(epoch, epochs, mean_loss, accuracy), if given, runs after every epoch (e.g. a
        tqdm update). Ctrl-C stops the training between epochs (KeyboardInterrupt).
        """
        X, classes, y_index = validate_fit(self, X, y)
        seed = self.random_state
        if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise _core.InvalidValueError(
                f"spinaptic: parameter 'random_state' = {seed!r} is invalid; allowed: an integer seed >= 0")
        max_pixel = self.max_pixel
        if max_pixel is None:
            real = np.issubdtype(X.dtype, np.integer) or np.issubdtype(X.dtype, np.floating)
            max_pixel = float(np.max(X)) if X.size and real else 1.0  # else _core names the dtype
        result = _core.crossbar_fit(
            X, y_index, len(classes), float(max_pixel), self._count("epochs", self.epochs), float(self.learning_rate),
            self._count("batch_size", self.batch_size), float(self.output_scale), str(self.optimizer),
            float(self.learning_rate_decay), float(self.weight_decay), self._count("threads", self.threads), int(seed),
            str(self.current_range), self._chip(), callback)
        self.classes_ = classes
        self.normalized_currents_ = result["normalized_currents"]
        self.currents_A_ = self.normalized_currents_ * _core.Junction.preset().max_current_A
        self.history_ = list(result["history"])
        self.coefficient_factors_ = result["coefficient_factors"]
        self.factors_per_device_ = int(result["factors_per_device"])
        self.stuck_ = result["stuck"]
        self.max_pixel_ = float(max_pixel)
        self.n_features_in_ = X.shape[1]
        return self

    def _more_tags(self):
        return more_tags(CROSSBAR_XFAIL_CHECKS)

    def column_voltages(self, X):
        """Column voltages U_l [V], [samples, classes], on the realised chip (no read noise)."""
        check_fitted(self, "normalized_currents_")
        X = validate_predict(self, X)
        return _core.crossbar_column_voltages(self.normalized_currents_, X, self.max_pixel_, str(self.current_range),
                                              self._chip(), self.coefficient_factors_, self.factors_per_device_,
                                              self.stuck_)

    def decision_function(self, X):
        """Column voltages U_l [V], [samples, classes]; for two classes U_1 - U_0 [V], [samples]
        (scikit-learn's convention: positive for classes_[1])."""
        return binary_scores(self.column_voltages(X))

    def predict(self, X):
        """The class of argmax_l U_l for each row of X."""
        u = self.column_voltages(X)
        return self.classes_[np.argmax(u, axis=1)]

    def predict_proba(self, X):
        """softmax of the training logits beta U_l / (N_in V_max), [samples, classes]."""
        v_max = _core.Junction.preset().max_voltage_V
        z = self.output_scale * self.column_voltages(X) / (self.n_features_in_ * v_max)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def energy_per_classification(self, X, laser_pulse_s=5e-6):
        """Mean energy [J] and latency [s] of one classification over the images X (energy/ledger.hpp):
        laser_J = t_pulse sum_j P_j, joule_J = t_pulse R_AP sum_jl I_jl^2, total_J, latency_s."""
        check_fitted(self, "normalized_currents_")
        X = validate_predict(self, X)
        return _core.crossbar_energy(self.normalized_currents_, X, self.max_pixel_, float(laser_pulse_s))
