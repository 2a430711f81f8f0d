"""Neel-Brown switching probability: the Monte Carlo fraction against the closed-form two-state
solution (Neel 1949, Brown 1963; Koch, Katine & Sun, PRL 92, 088302 (2004)), within 5 binomial sigma."""
import numpy as np
import pytest

import spinaptic

K_B = 1.380649e-23  # J/K


def closed_form(current, width, p, temperature):
    """P(AP -> P within w) = r_AP / (r_AP + r_P) (1 - exp(-(r_AP + r_P) w)), r_s = f0 exp(-Delta (1 -+ i)^b)."""
    delta = p["barrier_J"] / (K_B * temperature)
    i = current / p["critical_current_A"]
    b = p["current_exponent"]
    r_ap = np.exp(-delta * np.maximum(1 - i, 0) ** b) / p["attempt_time_s"]
    r_p = np.exp(-delta * np.maximum(1 + i, 0) ** b) / p["attempt_time_s"]
    s = r_ap + r_p
    return r_ap / s * -np.expm1(-s * width)


def test_switching_probability_follows_the_two_state_solution():
    p = spinaptic.neel_brown_parameters(temperature_K=300.0)
    ic = p["critical_current_A"]
    current = np.linspace(0.0, 1.2, 13)[:, None] * ic
    width = np.array([1e-9, 1e-8, 1e-7])[None, :]
    n = 4000
    measured = spinaptic.switching_probability(current, width, junctions=n, temperature_K=300.0, seed=3)
    assert measured.shape == (13, 3)
    expected = closed_form(current, width, p, 300.0)
    sigma = np.sqrt(np.maximum(expected * (1 - expected), 1.0 / n) / n)
    assert np.all(np.abs(measured - expected) <= 5 * sigma)
    assert measured[0].max() == 0.0 and measured[-1].min() > 0.5  # no drive: no switch; above I_c0: most switch
    assert np.all(np.diff(measured[:, 2]) >= -5 * sigma[1:, 2])  # monotone in amplitude (within noise)


def test_bad_pulses_raise():
    with pytest.raises(spinaptic.InvalidValueError, match="pulse_width_s"):
        spinaptic.switching_probability(1e-4, -1e-9)
    with pytest.raises(ValueError, match="current_A"):
        spinaptic.switching_probability(np.nan, 1e-9)
    with pytest.raises(ValueError, match="temperature_K"):
        spinaptic.switching_probability(1e-4, 1e-9, temperature_K=0.0)
