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
from ._estimator import PixelClassifier, validate_predict, with_shared_parameters


@with_shared_parameters
class OptoElectronicNetwork(PixelClassifier):
    """Two crossbars of hybrid_mgo_800nm junctions linked by a transfer stage.

    Parameters
    ----------
    hidden : int
        H, the hidden width (columns of the first crossbar, rows of the second).
    epochs, learning_rate, batch_size, output_scale, optimizer, learning_rate_decay, weight_decay,
    current_range, max_pixel
        As for :class:`spinaptic.Crossbar`; defaults are tools/digits' for two layers on the
        8x8 digits (Adam 1e-2, beta 60 with logits beta U / (H V_max), 100 epochs).
    transfer_gain_W_per_V : float or None
        G = dP/dU of the laser drivers [W/V]; None: 4 P_max / (V_max sqrt(N)), the example's default.
    transfer_offset_V : float
        U_0, the drivers' half-power point [V].
    %(shared)s
        Here they act on both crossbars (spread, stuck junctions, current DAC), on the lasers of the
        pixel rows and of the transfer stage's drivers (crosstalk, laser DAC) and on the reads of the
        hidden columns (N junctions in series) and the output columns (H junctions in series).

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
        self._store(locals())

    _fitted_attribute = "first_currents_"

    def _gain(self, inputs):
        if self.transfer_gain_W_per_V is not None:
            return float(self.transfer_gain_W_per_V)
        j = _core.Junction.preset()
        return 4.0 * j.max_power_W / (j.max_voltage_V * math.sqrt(float(inputs)))

    def _fit_core(self, X, y_index, classes, max_pixel, callback):
        result = _core.opto_electronic_fit(X, y_index, len(classes), self._integer("hidden", self.hidden), max_pixel,
                                           gain_W_per_V=self._gain(X.shape[1]), offset_V=float(self.transfer_offset_V),
                                           callback=callback, **self._settings())
        self.first_currents_ = result["first_currents"]
        self.second_currents_ = result["second_currents"]
        for layer in ("first", "second"):
            setattr(self, f"{layer}_coefficient_factors_", result[f"{layer}_coefficient_factors"])
            setattr(self, f"{layer}_stuck_", result[f"{layer}_stuck"])
        self.factors_per_device_ = int(result["first_factors_per_device"])
        return result

    def _deployed(self):
        """The arguments after X of _core's readers: the fitted network on its realised chip."""
        self._check_fitted()
        realised = {"first_coefficient_factors": self.first_coefficient_factors_, "first_stuck": self.first_stuck_,
                    "first_factors_per_device": self.factors_per_device_,
                    "second_coefficient_factors": self.second_coefficient_factors_, "second_stuck": self.second_stuck_,
                    "second_factors_per_device": self.factors_per_device_}
        return (self.max_pixel_, self._gain(self.n_features_in_), float(self.transfer_offset_V),
                str(self.current_range), self._chip(), realised)

    def column_voltages(self, X):
        """Output column voltages U_l [V], [samples, classes], on the realised chip (no read noise)."""
        deployed = self._deployed()
        X = validate_predict(self, X)
        return _core.opto_electronic_outputs(self.first_currents_, self.second_currents_, X, *deployed)

    def energy_per_classification(self, X, laser_pulse_s=5e-6):
        """Mean energy [J] and latency [s] of one classification over the images X (energy/ledger.hpp,
        both layers as tools/digits --hidden H): laser_J = t_pulse P_max (sum_j p_j + sum_k p2_k) with
        p2_k the transfer stage's laser drives, joule_J = t_pulse R_AP (sum I1^2 + sum I2^2) [J],
        total_J, latency_s (t_pulse + t_conv per layer) [s], first_layer_J, second_layer_J."""
        deployed = self._deployed()
        X = validate_predict(self, X)
        return _core.opto_electronic_energy(self.first_currents_, self.second_currents_, X, *deployed,
                                            laser_pulse_s=float(laser_pulse_s))
