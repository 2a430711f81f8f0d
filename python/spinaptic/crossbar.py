"""The paper's optically driven MTJ crossbar as a scikit-learn classifier.

Oberbauer et al., Commun. Phys. 2025, Fig. 4: each input pixel x_j sets the laser power of
crossbar row j, P_j = P_max x_j / x_max; each junction's bias current I_jl is a trainable weight;
column l sums the junction thermovoltages, U_l = sum_j V_s(P_j, I_jl); the class is argmax_l U_l.
Training (softmax cross-entropy on logits beta U_l / (N_in V_max), SGD or Adam, mini-batches) runs
in the C++ trainer, bit for bit as ``tools/digits`` for the same seed and data.
"""
from __future__ import annotations

import numpy as np

from . import _core
from ._estimator import CROSSBAR_XFAIL_CHECKS, PixelClassifier, validate_predict, with_shared_parameters


@with_shared_parameters
class Crossbar(PixelClassifier):
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
    %(shared)s

    Attributes
    ----------
    classes_ : ndarray of the labels seen at fit (column l is classes_[l]).
    normalized_currents_ : ndarray [n_features, n_classes], x_jl = I_jl / I_max after training.
    currents_A_ : ndarray [n_features, n_classes], I_jl [A].
    history_ : list of (mean_loss, training accuracy) per epoch, as the batches were trained.
    max_pixel_ : float, the x_max in use.
    coefficient_factors_, stuck_ : the realised chip (per-device spread factors and stuck map).
    """

    _fitted_attribute = "normalized_currents_"
    _xfail_checks = CROSSBAR_XFAIL_CHECKS

    def __init__(self, epochs=300, learning_rate=0.05, batch_size=32, output_scale=200.0, optimizer="sgd",
                 learning_rate_decay=1.0, weight_decay=0.0, current_range="bipolar", max_pixel=None, threads=1,
                 random_state=1, spread=0.0, stuck=0.0, stuck_mode="parallel", read_noise_uV=0.0, bandwidth_Hz=0.0,
                 current_bits=0, power_bits=0, crosstalk=0.0):
        self._store(locals())

    def _fit_core(self, X, y_index, classes, max_pixel, callback):
        result = _core.crossbar_fit(X, y_index, len(classes), max_pixel, callback=callback, **self._settings())
        self.normalized_currents_ = result["normalized_currents"]
        self.currents_A_ = self.normalized_currents_ * _core.Junction.preset().max_current_A
        self.coefficient_factors_ = result["coefficient_factors"]
        self.factors_per_device_ = int(result["factors_per_device"])
        self.stuck_ = result["stuck"]
        return result

    def column_voltages(self, X):
        """Column voltages U_l [V], [samples, classes], on the realised chip (no read noise)."""
        self._check_fitted()
        X = validate_predict(self, X)
        return _core.crossbar_column_voltages(self.normalized_currents_, X, self.max_pixel_, str(self.current_range),
                                              self._chip(), self.coefficient_factors_, self.factors_per_device_,
                                              self.stuck_)

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
        self._check_fitted()
        X = validate_predict(self, X)
        return _core.crossbar_energy(self.normalized_currents_, X, self.max_pixel_, float(laser_pulse_s))
