"""The two-layer opto-electronic network: bit-identical currents to tools/digits --hidden H for
the same seed and data (ideal and non-ideal chip), scikit-learn conventions, closed forms of the
forward pass and of the energy ledger."""
import pickle
import subprocess

import numpy as np
import pytest

import spinaptic

pytest.importorskip("sklearn")
from sklearn.base import clone  # noqa: E402


@pytest.fixture(scope="module")
def digits():
    return spinaptic.load_digits()


@pytest.mark.parametrize("seed, chip", [(2, False), (4, True)])
def test_currents_are_bit_identical_to_the_cpp_example(digits_exe, non_ideal_chip, tmp_path, digits, seed, chip):
    settings, flags = non_ideal_chip
    subprocess.run([digits_exe, "--data", "digits", "--hidden", "12", "--epochs", "3", "--seed", str(seed), "--no-plots",
                    "--eval-every", "0", "--out", str(tmp_path)] + (flags if chip else []), check=True, capture_output=True)
    X, y, max_pixel = digits
    train, _ = spinaptic.stratified_split(y, 10, 0.3, seed)
    net = spinaptic.OptoElectronicNetwork(hidden=12, epochs=3, random_state=seed, max_pixel=max_pixel,
                                          **(settings if chip else {})).fit(X[train], y[train])
    np.testing.assert_array_equal(net.first_currents_, spinaptic.load_checkpoint(str(tmp_path / "layer1.ckpt"))["normalized_currents"])
    np.testing.assert_array_equal(net.second_currents_, spinaptic.load_checkpoint(str(tmp_path / "layer2.ckpt"))["normalized_currents"])


def test_a_flat_transfer_stage_drives_every_hidden_laser_at_half_power(digits):
    # G -> 0 at U_0 = 0: p_k = s(0) = 1/2 for every hidden row, so the outputs are the second
    # crossbar's cubic at P_max / 2: U_l = V_max (1/2) sum_k (0.4 x + 0.1 x^2 + 0.5 x^3)_kl (Fig. 4d surface)
    X, y, max_pixel = digits
    net = spinaptic.OptoElectronicNetwork(hidden=6, epochs=2, max_pixel=max_pixel,
                                          transfer_gain_W_per_V=1e-12).fit(X[:200], y[:200])
    x = net.second_currents_
    expected = 23.35e-3 * 0.5 * np.sum(0.4 * x + 0.1 * x**2 + 0.5 * x**3, axis=0)
    u = net.decision_function(X[:5])
    np.testing.assert_allclose(u, np.broadcast_to(expected, u.shape), rtol=1e-9)


def test_learns_and_follows_sklearn_conventions(digits):
    X, y, max_pixel = digits
    net = spinaptic.OptoElectronicNetwork(hidden=20, epochs=15, max_pixel=max_pixel)
    assert clone(net).get_params() == net.get_params()
    net.fit(X[:1200], y[:1200])
    assert net.score(X[1200:], y[1200:]) > 0.8
    back = pickle.loads(pickle.dumps(net))
    np.testing.assert_array_equal(back.predict(X[1200:]), net.predict(X[1200:]))
    with pytest.raises(ValueError, match="hidden"):
        spinaptic.OptoElectronicNetwork(hidden=0).fit(X[:50], y[:50])


def test_a_chip_without_non_idealities_is_the_ideal_fit(digits, non_ideal_chip):
    # each setting at its no-effect value (stuck mode without stuck junctions, no read bandwidth):
    # the same engine draws as the default, ideal estimator, so the same currents bit for bit
    X, y, max_pixel = digits
    ideal = spinaptic.OptoElectronicNetwork(hidden=8, epochs=2, max_pixel=max_pixel, random_state=6).fit(X[:400], y[:400])
    zero = spinaptic.OptoElectronicNetwork(hidden=8, epochs=2, max_pixel=max_pixel, random_state=6, spread=0.0, stuck=0.0,
                                           stuck_mode="zero", read_noise_uV=0.0, bandwidth_Hz=0.0, current_bits=0,
                                           power_bits=0, crosstalk=0.0).fit(X[:400], y[:400])
    np.testing.assert_array_equal(zero.first_currents_, ideal.first_currents_)
    np.testing.assert_array_equal(zero.second_currents_, ideal.second_currents_)
    np.testing.assert_array_equal(zero.decision_function(X[400:450]), ideal.decision_function(X[400:450]))
    assert zero.first_stuck_.size == 0 and zero.first_coefficient_factors_.size == 0
    chip = spinaptic.OptoElectronicNetwork(hidden=8, epochs=2, max_pixel=max_pixel, random_state=6,
                                           **non_ideal_chip[0]).fit(X[:400], y[:400])
    assert not np.array_equal(chip.first_currents_, ideal.first_currents_)  # the chip reaches the training
    assert chip.first_stuck_.shape == (64 * 8,) and chip.second_stuck_.shape == (8 * 10,)
    back = pickle.loads(pickle.dumps(chip))  # the realised chip travels with the estimator
    np.testing.assert_array_equal(back.decision_function(X[400:450]), chip.decision_function(X[400:450]))


def test_an_open_second_layer_reads_zero(digits):
    X, y, max_pixel = digits
    net = spinaptic.OptoElectronicNetwork(hidden=5, epochs=1, max_pixel=max_pixel, stuck=1.0,
                                          stuck_mode="zero").fit(X[:100], y[:100])
    assert np.all(net.second_stuck_ == 2)  # every device: zero current
    np.testing.assert_array_equal(net.decision_function(X[:10]), 0.0)  # I = 0: no junction contributes


def test_energy_per_classification_is_the_ledger_closed_form(digits):
    # a flat transfer stage drives every hidden laser at P_max / 2, so
    # E_laser = t P_max (mean_i sum_j x_ij / x_max + H / 2), E_Joule = t R_AP I_max^2 (sum x1^2 + sum x2^2)
    X, y, max_pixel = digits
    H, t = 7, 2e-6
    net = spinaptic.OptoElectronicNetwork(hidden=H, epochs=2, max_pixel=max_pixel,
                                          transfer_gain_W_per_V=1e-12).fit(X[:300], y[:300])
    cost = net.energy_per_classification(X[:200], laser_pulse_s=t)
    r_ap = 2.0 * 10e-12 / (np.pi * (400e-9) ** 2)  # R_AP = R_P (1 + TMR0) at zero bias
    laser = t * 0.150 * (np.mean(X[:200].sum(axis=1) / max_pixel) + H / 2)
    joule = t * r_ap * 3e-3**2 * (np.sum(net.first_currents_**2) + np.sum(net.second_currents_**2))
    assert cost["laser_J"] == pytest.approx(laser, rel=1e-9)
    assert cost["joule_J"] == pytest.approx(joule, rel=1e-12)
    assert cost["total_J"] == pytest.approx(cost["first_layer_J"] + cost["second_layer_J"], rel=1e-12)
    assert cost["total_J"] == pytest.approx(laser + joule, rel=1e-9)
    assert cost["latency_s"] == pytest.approx(2 * (t + 1e-6), rel=1e-12)  # a pulse and a conversion per layer
