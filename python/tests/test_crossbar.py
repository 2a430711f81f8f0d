"""The crossbar estimator: bit-identical to tools/digits for the same seed and data, the
scikit-learn conventions that apply (clone, get_params, cross_val_score, pickle), Ctrl-C and bad input."""
import os
import pickle
import signal
import subprocess

import numpy as np
import pytest

import spinaptic

sklearn = pytest.importorskip("sklearn")
from sklearn.base import clone  # noqa: E402
from sklearn.model_selection import cross_val_score  # noqa: E402


@pytest.fixture(scope="module")
def digits():
    X, y, max_pixel = spinaptic.load_digits()  # the cache of scripts/fetch-data, as the example reads it
    assert X.shape == (1797, 64) and max_pixel == 16.0
    return X, y, max_pixel


@pytest.mark.parametrize("seed, optimizer, range_, chip", [(7, "sgd", "bipolar", False), (3, "adam", "non_negative", False),
                                                           (5, "sgd", "bipolar", True)])
def test_trained_currents_are_bit_identical_to_the_cpp_example(digits_exe, non_ideal_chip, tmp_path, digits, seed,
                                                               optimizer, range_, chip):
    exe = digits_exe
    CHIP, CHIP_FLAGS = non_ideal_chip
    epochs = 4
    lr = 0.05 if optimizer == "sgd" else 1e-3
    subprocess.run([exe, "--data", "digits", "--epochs", str(epochs), "--seed", str(seed), "--optimizer", optimizer,
                    "--range", range_, "--no-plots", "--eval-every", "0", "--out", str(tmp_path)]
                   + (CHIP_FLAGS if chip else []), check=True, capture_output=True)
    cpp = spinaptic.load_checkpoint(str(tmp_path / "currents.ckpt"))
    X, y, max_pixel = digits
    train, _ = spinaptic.stratified_split(y, 10, 0.3, seed)
    est = spinaptic.Crossbar(epochs=epochs, random_state=seed, optimizer=optimizer, learning_rate=lr,
                             current_range=range_, max_pixel=max_pixel, **(CHIP if chip else {})).fit(X[train], y[train])
    assert cpp["current_range"] == range_
    assert est.normalized_currents_.shape == (64, 10)
    np.testing.assert_array_equal(est.normalized_currents_, cpp["normalized_currents"])


def test_energy_per_classification_is_the_ledger_closed_form(digits):
    X, y, max_pixel = digits
    est = spinaptic.Crossbar(epochs=2, max_pixel=max_pixel).fit(X, y)
    cost = est.energy_per_classification(X[:300], laser_pulse_s=2e-6)
    r_ap = 2.0 * 10e-12 / (np.pi * (400e-9) ** 2)  # R_AP = R_P (1 + TMR0) at zero bias
    assert cost["laser_J"] == pytest.approx(2e-6 * 0.150 * np.mean(X[:300].sum(axis=1) / max_pixel), rel=1e-12)
    assert cost["joule_J"] == pytest.approx(2e-6 * r_ap * np.sum(est.currents_A_ ** 2), rel=1e-12)
    assert cost["total_J"] == pytest.approx(cost["laser_J"] + cost["joule_J"], rel=1e-15)
    assert cost["latency_s"] >= 2e-6


def test_a_chip_whose_every_junction_is_open_reads_zero(digits):
    X, y, max_pixel = digits
    est = spinaptic.Crossbar(epochs=1, max_pixel=max_pixel, stuck=1.0, stuck_mode="zero").fit(X[:200], y[:200])
    assert est.stuck_.shape == (640,) and np.all(est.stuck_ == 2)  # every device: zero_current
    np.testing.assert_array_equal(est.decision_function(X[:20]), 0.0)  # I = 0: no junction contributes


def test_run_time_extent_learns_a_small_problem():
    # 3 inputs, 3 classes (run-time extent): class k lights pixel k only
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 300)
    X = np.eye(3)[y] * rng.uniform(0.5, 1.0, (300, 1))
    est = spinaptic.Crossbar(epochs=30, max_pixel=1.0).fit(X, y)
    assert est.normalized_currents_.shape == (3, 3)
    assert est.score(X, y) == 1.0


def test_sklearn_conventions(digits):
    X, y, _ = digits
    est = spinaptic.Crossbar(epochs=3, learning_rate=0.04, random_state=5)
    params = est.get_params()
    assert params["epochs"] == 3 and params["learning_rate"] == 0.04 and params["random_state"] == 5
    again = spinaptic.Crossbar().set_params(**params)
    assert again.get_params() == params
    copy = clone(est)
    assert copy is not est and copy.get_params() == params
    scores = cross_val_score(spinaptic.Crossbar(epochs=8, max_pixel=16.0), X, y, cv=3)
    assert scores.shape == (3,) and scores.min() > 0.6  # 10 classes: chance is 0.1


def test_predict_pickle_and_probabilities(digits):
    X, y, _ = digits
    est = spinaptic.Crossbar(epochs=5, max_pixel=16.0).fit(X[:1000], y[:1000])
    back = pickle.loads(pickle.dumps(est))
    np.testing.assert_array_equal(back.predict(X[1000:]), est.predict(X[1000:]))
    np.testing.assert_array_equal(back.normalized_currents_, est.normalized_currents_)
    u = est.decision_function(X[1000:1010])
    assert u.shape == (10, 10)
    assert np.abs(u).max() <= 64 * 23.35e-3  # |U_l| <= N V_max: every junction at most V_max
    proba = est.predict_proba(X[1000:1010])
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_array_equal(np.argmax(proba, axis=1), np.argmax(u, axis=1))
    # string labels: classes_ maps columns back
    labels = np.array(list("abcdefghij"))[y[:600]]
    named = spinaptic.Crossbar(epochs=3, max_pixel=16.0).fit(X[:600], labels)
    assert set(named.predict(X[600:700])) <= set("abcdefghij")


def test_progress_callback_and_ctrl_c(digits, sigint_raises):
    X, y, _ = digits
    seen = []
    est = spinaptic.Crossbar(epochs=3, max_pixel=16.0)
    est.fit(X, y, callback=lambda epoch, epochs, loss, accuracy: seen.append((epoch, epochs)))
    assert seen == [(1, 3), (2, 3), (3, 3)] and len(est.history_) == 3

    def interrupt(epoch, epochs, loss, accuracy):
        if epoch == 2:
            os.kill(os.getpid(), signal.SIGINT)

    stopped = []
    with pytest.raises(KeyboardInterrupt):
        spinaptic.Crossbar(epochs=50, max_pixel=16.0).fit(
            X, y, callback=lambda *a: (stopped.append(a[0]), interrupt(*a)))
    assert stopped == [1, 2]  # stopped right after the epoch that saw Ctrl-C


class TestBadInput:
    def test_bad_pixels_and_shapes(self, digits):
        X, y, _ = digits
        with pytest.raises(spinaptic.InvalidValueError, match="pixel"):
            spinaptic.Crossbar(epochs=1).fit(-X[:50], y[:50])
        bad = X[:50].copy()
        bad[3, 5] = np.nan
        # the estimator validates as scikit-learn does (its messages), the core names the pixel
        with pytest.raises(spinaptic.InvalidValueError, match="NaN"):
            spinaptic.Crossbar(epochs=1, max_pixel=16.0).fit(bad, y[:50])
        with pytest.raises(spinaptic.InvalidValueError, match=r"X\[3, 5\]"):
            spinaptic._core.crossbar_fit(bad, y[:50], 10, 16.0, 1, 0.05, 32, 200.0, "sgd", 1.0, 0.0, 1, 1, "bipolar")
        with pytest.raises(ValueError, match="inconsistent numbers of samples"):
            spinaptic.Crossbar(epochs=1).fit(X[:50], y[:40])
        with pytest.raises(ValueError, match="2D array"):
            spinaptic.Crossbar(epochs=1).fit(X[0], y[:64])
        with pytest.raises(ValueError, match="Complex data"):
            spinaptic.Crossbar(epochs=1).fit(X[:50].astype(complex), y[:50])
        est = spinaptic.Crossbar(epochs=1, max_pixel=16.0).fit(X[:100], y[:100])
        with pytest.raises(spinaptic.InvalidValueError, match="X has 32 features, but Crossbar is expecting 64"):
            est.predict(X[:5, :32])
        with pytest.raises(spinaptic.InvalidValueError, match="crossbar inputs"):
            spinaptic._core.crossbar_column_voltages(est.normalized_currents_, X[:5, :32], 16.0, "bipolar")

    def test_bad_hyper_parameters(self, digits):
        X, y, _ = digits
        for params, name in [({"epochs": 0}, "epochs"), ({"batch_size": -3}, "batch_size"),
                             ({"learning_rate": float("nan")}, ""), ({"optimizer": "lbfgs"}, "optimizer"),
                             ({"current_range": "both"}, "current_range"), ({"random_state": -1}, "random_state"),
                             ({"output_scale": 0.0}, "output_scale"), ({"spread": -0.1}, "spread"),
                             ({"stuck_mode": "open"}, "stuck_mode"), ({"current_bits": -2}, "current_bits"),
                             ({"read_noise_uV": float("nan")}, "read_noise_uV")]:
            with pytest.raises(ValueError, match=name):
                spinaptic.Crossbar(**params).fit(X[:50], y[:50])
