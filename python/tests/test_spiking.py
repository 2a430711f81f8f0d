"""The Vogels-Abbott networks from Python (Brette et al. 2007): mean rate and ISI CV within 10 %
of Brian2 2.5.1 on the same network (COBA 18.890 Hz, CV 1.5371; CUBA 5.660 Hz, CV 0.5241; means over
seeds, docs/spiking.md), and the spike arrays consistent with the rate they report."""
import numpy as np
import pytest

import spinaptic


@pytest.mark.parametrize("kind, rate, cv", [("coba", 18.890, 1.5371), ("cuba", 5.660, 0.5241)])
def test_mean_rate_and_cv_match_brian2(kind, rate, cv):
    runs = [spinaptic.run_vogels_abbott(kind, 1.0, seed=seed) for seed in (1, 2, 3)]
    assert np.mean([r["mean_rate_Hz"] for r in runs]) == pytest.approx(rate, rel=0.10)
    assert np.mean([r["mean_isi_cv"] for r in runs]) == pytest.approx(cv, rel=0.10)
    r = runs[0]
    assert r["time_s"].shape == r["neuron"].shape and r["neurons"] == 4000
    assert r["mean_rate_Hz"] == pytest.approx(len(r["time_s"]) / (4000 * r["duration_s"]), rel=1e-12)
    assert r["time_s"].min() >= 0 and r["time_s"].max() < 1.0 and r["neuron"].max() < 4000
    assert np.all(np.diff(r["time_s"]) >= 0)  # recorded in time order


def test_same_seed_same_spikes_and_bad_input():
    a = spinaptic.run_vogels_abbott("cuba", 0.1, neurons=500, seed=4)
    b = spinaptic.run_vogels_abbott("cuba", 0.1, neurons=500, seed=4, threads=2)
    np.testing.assert_array_equal(a["time_s"], b["time_s"])
    np.testing.assert_array_equal(a["neuron"], b["neuron"])
    with pytest.raises(ValueError, match="kind"):
        spinaptic.run_vogels_abbott("hh")
    with pytest.raises(ValueError, match="duration"):
        spinaptic.run_vogels_abbott("coba", -1.0)
    with pytest.raises(ValueError, match="dt_s"):
        spinaptic.run_vogels_abbott("coba", 0.1, dt_s=0.0)
