"""The two-layer opto-electronic network as a scikit-learn classifier (docs/network.md):
N x H crossbar -> transfer stage -> H x L crossbar. The first crossbar's column voltages u^(1)
drive, through an amplifier and laser driver p^(2)_k = s(G (U^(1)_k - U_0)), the lasers of the
second crossbar's rows; the class is argmax_l of its column voltages. Trained by the C++ trainer,
bit for bit as ``tools/digits --hidden H`` for the same seed and data, on the ideal chip or,
hardware-aware, on a chip with the crossbar's non-idealities in both layers and the link.
"""
from __future__ import annotations

import math

import numpy as np

from . import _core
from ._estimator import binary_scores, check_fitted, more_tags, validate_fit, validate_predict
from .crossbar import BaseEstimator, ClassifierMixin, Crossbar


class OptoElectronicNetwork(ClassifierMixin, BaseEstimator):
    """Two crossbars of hybrid_mgo_800nm junctions linked by a transfer stage.

    Parameters
    ----------
    hidden : int
        H, the hidden width (columns of the first crossbar, rows of the second).
    epochs, learning_rate, batch_size, output_scale, optimizer, learning_rate_decay, weight_decay,
    current_range, max_pixel, threads, random_state
        As for :class:`spinaptic.Crossbar`; defaults are tools/digits' for two layers on the
        8x8 digits (Adam 1e-2, beta 60 with logits beta U / (H V_max), 100 epochs).
    transfer_gain_W_per_V : float or None
        G = dP/dU of the laser drivers [W/V]; None: 4 P_max / (V_max sqrt(N)), the example's default.
    transfer_offset_V : float
        U_0, the drivers' half-power point [V].
    spread, stuck, stuck_mode, read_noise_uV, bandwidth_Hz, current_bits, power_bits, crosstalk
        The chip's non-idealities, as for :class:`spinaptic.Crossbar` (all off by default), on both
        crossbars (device spread, stuck junctions, current DAC), on the lasers (crosstalk and laser
        DAC of the pixel rows and of the transfer stage's drivers) and on the reads (amplifier read
        noise [uV rms] and Johnson noise over the read bandwidth [Hz], on the hidden columns of N
        junctions and the output columns of H junctions in series). The chip is realised once per fit
        and the training is hardware-aware, as ``tools/digits --hidden H`` with the same flags;
        predict() reads the same chip without noise.

    Attributes
    ----------
    classes_, first_currents_ [N, H], second_currents_ [H, L] (x = I / I_max), history_, max_pixel_.
    first_coefficient_factors_, first_stuck_, second_coefficient_factors_, second_stuck_,
    factors_per_device_ : the realised chip of each crossbar (per-device spread factors, stuck map).
    """

    def __init__(self, hidden=100, epochs=100, learning_rate=1e-2, batch_size=32, output_scale=60.0, optimizer="adam",
                 learning_rate_decay=1.0, weight_decay=0.0, transfer_gain_W_per_V=None, transfer_offset_V=0.0,
                 current_range="bipolar", max_pixel=None, threads=1, random_state=1, spread=0.0, stuck=0.0,
                 stuck_mode="parallel", read_noise_uV=0.0, bandwidth_Hz=0.0, current_bits=0, power_bits=0,
                 crosstalk=0.0):
        self.hidden = hidden
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.output_scale = output_scale
        self.optimizer = optimizer
        self.learning_rate_decay = learning_rate_decay
        self.weight_decay = weight_decay
        self.transfer_gain_W_per_V = transfer_gain_W_per_V
        self.transfer_offset_V = transfer_offset_V
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

    _chip = Crossbar._chip

    def _gain(self, inputs):
        if self.transfer_gain_W_per_V is not None:
            return float(self.transfer_gain_W_per_V)
        j = _core.Junction.preset()
        return 4.0 * j.max_power_W / (j.max_voltage_V * math.sqrt(float(inputs)))

    def fit(self, X, y, callback=None):
        """Trains both crossbars on pixels X [samples, inputs] and labels y; callback(epoch, epochs,
        mean_loss, accuracy) after every epoch; Ctrl-C stops between epochs."""
        X, classes, y_index = validate_fit(self, X, y)
        seed = self.random_state
        if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise _core.InvalidValueError(
                f"spinaptic: parameter 'random_state' = {seed!r} is invalid; allowed: an integer seed >= 0")
        max_pixel = self.max_pixel
        if max_pixel is None:
            real = np.issubdtype(X.dtype, np.integer) or np.issubdtype(X.dtype, np.floating)
            max_pixel = float(np.max(X)) if X.size and real else 1.0
        count = Crossbar._count
        result = _core.opto_electronic_fit(
            X, y_index, len(classes), count("hidden", self.hidden), float(max_pixel), count("epochs", self.epochs),
            float(self.learning_rate), count("batch_size", self.batch_size), float(self.output_scale),
            str(self.optimizer), float(self.learning_rate_decay), float(self.weight_decay), self._gain(X.shape[1]),
            float(self.transfer_offset_V), count("threads", self.threads), int(seed), str(self.current_range), self._chip(),
            callback)
        self.classes_ = classes
        self.first_currents_ = result["first_currents"]
        self.second_currents_ = result["second_currents"]
        self.history_ = list(result["history"])
        for layer in ("first", "second"):
            setattr(self, f"{layer}_coefficient_factors_", result[f"{layer}_coefficient_factors"])
            setattr(self, f"{layer}_stuck_", result[f"{layer}_stuck"])
        self.factors_per_device_ = int(result["first_factors_per_device"])
        self.max_pixel_ = float(max_pixel)
        self.n_features_in_ = X.shape[1]
        return self

    def _deployed(self):
        """The arguments after X of _core's readers: the fitted network on its realised chip."""
        check_fitted(self, "first_currents_")
        realised = {"first_coefficient_factors": self.first_coefficient_factors_, "first_stuck": self.first_stuck_,
                    "first_factors_per_device": self.factors_per_device_,
                    "second_coefficient_factors": self.second_coefficient_factors_, "second_stuck": self.second_stuck_,
                    "second_factors_per_device": self.factors_per_device_}
        return (self.max_pixel_, self._gain(self.n_features_in_), float(self.transfer_offset_V),
                str(self.current_range), self._chip(), realised)

    def _more_tags(self):
        return more_tags()

    def column_voltages(self, X):
        """Output column voltages U_l [V], [samples, classes], on the realised chip (no read noise)."""
        deployed = self._deployed()
        X = validate_predict(self, X)
        return _core.opto_electronic_outputs(self.first_currents_, self.second_currents_, X, *deployed)

    def decision_function(self, X):
        """Output column voltages U_l [V], [samples, classes]; for two classes U_1 - U_0 [V], [samples]
        (scikit-learn's convention: positive for classes_[1])."""
        return binary_scores(self.column_voltages(X))

    def predict(self, X):
        """The class of argmax_l U_l for each row of X."""
        u = self.column_voltages(X)
        return self.classes_[np.argmax(u, axis=1)]

    def energy_per_classification(self, X, laser_pulse_s=5e-6):
        """Mean energy [J] and latency [s] of one classification over the images X (energy/ledger.hpp,
        both layers as tools/digits --hidden H): laser_J = t_pulse P_max (sum_j p_j + sum_k p2_k) with
        p2_k the transfer stage's laser drives, joule_J = t_pulse R_AP (sum I1^2 + sum I2^2) [J],
        total_J, latency_s (t_pulse + t_conv per layer) [s], first_layer_J, second_layer_J."""
        deployed = self._deployed()
        X = validate_predict(self, X)
        return _core.opto_electronic_energy(self.first_currents_, self.second_currents_, X, *deployed,
                                            laser_pulse_s=float(laser_pulse_s))
