"""In-process sweeps (the MPI tool's JSON schema): one row per point, the laser energy against
its closed form E_laser = t_pulse P_max mean_test(sum_j x_j / x_max), E = E_laser + E_Joule,
rows independent of the thread count, and bad files."""
import math

import numpy as np
import pytest

import spinaptic

SWEEP = {"data": "digits", "base": {"epochs": 10}, "grid": {"laser_power_mW": [100.0, 150.0]}, "seeds": [1, 2]}


def test_sweep_rows_and_their_energies():
    rows = spinaptic.run_sweep(SWEEP, threads=2, as_frame=False)
    assert [(r["laser_power_mW"], r["seed"]) for r in rows] == [(100.0, 1), (100.0, 2), (150.0, 1), (150.0, 2)]
    X, y, max_pixel = spinaptic.load_digits()
    r_ap = 2.0 * 10e-12 / (math.pi * (400e-9) ** 2)  # R_AP = R_P (1 + TMR0), RA = 10 ohm um^2, d = 800 nm
    for row in rows:
        _, test = spinaptic.stratified_split(y, 10, row["test_fraction"], row["seed"])
        t_pulse = row["laser_pulse_us"] * 1e-6
        laser = t_pulse * row["laser_power_mW"] * 1e-3 * np.mean(X[test].sum(axis=1) / max_pixel)
        assert row["laser_energy_J"] == pytest.approx(laser, rel=1e-9)
        assert row["energy_J"] == pytest.approx(row["laser_energy_J"] + row["joule_energy_J"], rel=1e-9)
        assert 0 < row["joule_energy_J"] <= t_pulse * r_ap * 640 * (row["max_current_mA"] * 1e-3) ** 2
        assert row["test_accuracy"] > 0.5  # 10 classes (chance 0.1), 10 epochs
    assert spinaptic.run_sweep(SWEEP, threads=1, as_frame=False) == rows


def test_sweep_as_a_data_frame(tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "sweep.json"
    path.write_text('{"base": {"epochs": 1}, "list": [{"batch": 16}, {"batch": 64}]}')
    frame = spinaptic.run_sweep(str(path))
    assert isinstance(frame, pd.DataFrame) and list(frame["batch"]) == [16, 64]


def test_bad_sweeps_are_file_errors(tmp_path):
    with pytest.raises(spinaptic.FileError, match="no_such_key"):
        spinaptic.run_sweep({"base": {"no_such_key": 1}})
    with pytest.raises(OSError, match="missing.json"):
        spinaptic.run_sweep(str(tmp_path / "missing.json"))
    with pytest.raises(spinaptic.Error, match="learning_rate"):
        spinaptic.run_sweep({"base": {"learning_rate": -1.0}})
    with pytest.raises(ValueError, match="threads"):
        spinaptic.run_sweep(SWEEP, threads=0)


def test_ctrl_c_stops_a_sweep(sigint_raises):
    import os
    import signal
    import threading
    import time

    many = {"base": {"epochs": 40}, "seeds": {"first": 1, "count": 200}}  # minutes of work if not stopped
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    start = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        spinaptic.run_sweep(many, threads=2)
    timer.join()
    assert time.perf_counter() - start < 30.0  # the running points finish, no new one starts
