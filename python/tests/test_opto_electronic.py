"""The two-layer opto-electronic network: bit-identical currents to examples/digits --hidden H for
the same seed and data, scikit-learn conventions, and a closed form of the forward pass."""
import os
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


def test_currents_are_bit_identical_to_the_cpp_example(repository_root, tmp_path, digits):
    exe = os.environ.get("SPINAPTIC_DIGITS_EXE", str(repository_root / "build" / "release" / "examples" / "digits"))
    assert os.path.exists(exe), f"build the example first: {exe}"
    subprocess.run([exe, "--data", "digits", "--hidden", "12", "--epochs", "3", "--seed", "2", "--no-plots",
                    "--eval-every", "0", "--out", str(tmp_path)], check=True, capture_output=True)
    X, y, max_pixel = digits
    train, _ = spinaptic.stratified_split(y, 10, 0.3, 2)
    net = spinaptic.OptoElectronicNetwork(hidden=12, epochs=3, random_state=2, max_pixel=max_pixel).fit(X[train], y[train])
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
