"""Junctions over numpy arrays, against independently known values:
the 23.35 mV corner of Oberbauer et al. 2025 (Fig. 4d), the surface's cubic form, central
differences for the analytic derivatives, R_AP = R_P (1 + TMR0) at zero bias, and bad input."""
import math

import numpy as np
import pytest

import spinaptic

P_MAX, I_MAX, V_MAX = 0.150, 3e-3, 23.35e-3  # W, A, V (Fig. 4d axis scales)


@pytest.fixture(params=["hybrid_mgo_800nm", "physics_mgo_800nm"])
def junction(request):
    return spinaptic.Junction.preset(request.param)


def test_corner_of_fig_4d_is_23_35_mV():
    calibrated = spinaptic.Junction.preset("hybrid_mgo_800nm")
    assert calibrated.thermovoltage(P_MAX, I_MAX) == pytest.approx(V_MAX, rel=1e-12)
    physics = spinaptic.Junction.preset("physics_mgo_800nm")
    # a_sub is calibrated to five digits so that |V_AC(AP, P_max, I_max)| = 23.35 mV
    assert abs(float(physics.thermovoltage(P_MAX, I_MAX))) == pytest.approx(V_MAX, rel=1e-4)


def test_calibrated_surface_is_the_cubic_of_docs_physics():
    # V = V_max p (0.4 x + 0.1 x^2 + 0.5 x^3), AP state; P state 0.3 x AP (docs/physics.md 5.1)
    p = np.linspace(0.0, P_MAX, 7)[:, None]
    i = np.linspace(-I_MAX, I_MAX, 13)[None, :]
    x = i / I_MAX
    expected = V_MAX * (p / P_MAX) * (0.4 * x + 0.1 * x**2 + 0.5 * x**3)
    ap = spinaptic.Junction.preset("hybrid_mgo_800nm")
    np.testing.assert_allclose(ap.thermovoltage(p, i), expected, rtol=1e-13, atol=1e-18)
    par = spinaptic.Junction.preset("hybrid_mgo_800nm", state="parallel")
    np.testing.assert_allclose(par.thermovoltage(p, i), 0.3 * expected, rtol=1e-13, atol=1e-18)


def test_broadcasting_follows_numpy(junction):
    p = np.linspace(0.01, P_MAX, 5).reshape(5, 1)
    i = np.linspace(-I_MAX, I_MAX, 4)
    v = junction.thermovoltage(p, i)
    assert v.shape == (5, 4) and v.dtype == np.float64
    for a in range(5):
        for b in range(4):
            assert v[a, b] == junction.thermovoltage(float(p[a, 0]), float(i[b]))
    # non-contiguous views and integer arrays give the same numbers
    np.testing.assert_array_equal(junction.thermovoltage(p[::-1], i[::-1]), v[::-1, ::-1])
    grid = np.asfortranarray(np.broadcast_to(p, (5, 4)))
    np.testing.assert_array_equal(junction.thermovoltage(grid, np.broadcast_to(i, (5, 4))), v)
    # (integer powers stay at 0 W: 1 W heats the physics junction past the range of its linear
    # temperature coefficients, which the library refuses)
    np.testing.assert_array_equal(junction.thermovoltage(np.array([0, 0]), np.array([0, 0])),
                                  junction.thermovoltage([0.0, 0.0], [0.0, 0.0]))
    np.testing.assert_array_equal(junction.thermovoltage(np.float32([0.0, 0.125]), 0.0),
                                  junction.thermovoltage([0.0, 0.125], 0.0))


@pytest.mark.parametrize("which", ["dV_dI", "dV_dP"])
def test_derivatives_match_central_differences(junction, which):
    p = np.linspace(0.02, 0.14, 6)[:, None]
    i = np.linspace(-2.8e-3, 2.8e-3, 9)[None, :]
    analytic = getattr(junction, which)(p, i)
    if which == "dV_dI":
        h = 1e-7  # A
        numeric = (junction.thermovoltage(p, i + h) - junction.thermovoltage(p, i - h)) / (2 * h)
    else:
        h = 1e-5  # W
        numeric = (junction.thermovoltage(p + h, i) - junction.thermovoltage(p - h, i)) / (2 * h)
    scale = np.max(np.abs(analytic))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-6 * scale)


def test_zero_bias_resistance_is_r_p_times_one_plus_tmr():
    j = spinaptic.Junction.preset("hybrid_mgo_800nm")
    r_p = 10e-12 / (math.pi * (400e-9) ** 2)  # RA / A, RA = 10 ohm um^2, d = 800 nm
    assert j.resistance(0.0) == pytest.approx(2.0 * r_p, rel=1e-12)
    assert spinaptic.Junction.preset("hybrid_mgo_800nm", "parallel").resistance(0.0) == pytest.approx(r_p, rel=1e-12)
    r = j.resistance(np.array([-3e-3, 0.0, 3e-3]))
    assert r.shape == (3,) and r[0] < r[1] and r[2] < r[1]  # TMR falls with bias (V_h = 0.5 V)


def test_calibrated_from_si_numbers_matches_the_preset_and_scales():
    preset = spinaptic.Junction.preset()
    same = spinaptic.Junction.calibrated()
    p, i = np.linspace(0, P_MAX, 4)[:, None], np.linspace(-I_MAX, I_MAX, 5)
    np.testing.assert_array_equal(same.thermovoltage(p, i), preset.thermovoltage(p, i))
    doubled = spinaptic.Junction.calibrated(max_voltage_V=2 * V_MAX)
    np.testing.assert_allclose(doubled.thermovoltage(p, i), 2 * preset.thermovoltage(p, i), rtol=1e-15)
    linear = spinaptic.Junction.calibrated(antiparallel_coefficients=(0.0, 1.0, 0.0, 0.0))
    assert linear.thermovoltage(P_MAX / 2, I_MAX / 4) == pytest.approx(V_MAX / 8, rel=1e-14)
    assert same.max_current_A == I_MAX and same.max_power_W == P_MAX and same.max_voltage_V == V_MAX


def test_simulate_a_laser_that_never_turns_off():
    j = spinaptic.Junction.preset()
    # pulse width = period: the laser is on from t = 0, the lagged power starts at P: V = I R + V_s
    t = j.simulate(current_A=2e-3, laser_peak_power_W=0.1, pulse_width_s=1e-3, repetition_rate_Hz=1e3,
                   dt_s=1e-7, steps=50)
    assert set(t) == {"time_s", "current_A", "laser_power_W", "temperature_difference_K", "voltage_V", "laser_on"}
    np.testing.assert_allclose(t["time_s"], np.arange(50) * 1e-7, rtol=1e-15)
    assert t["laser_on"].dtype == np.bool_ and t["laser_on"].all()
    expected = 2e-3 * j.resistance(2e-3) + j.thermovoltage(0.1, 2e-3)
    np.testing.assert_allclose(t["voltage_V"], expected, rtol=1e-12)


def test_simulate_thermal_lag_is_first_order():
    j = spinaptic.Junction.preset()  # tau_th = 1 us
    t0 = 1.005e-6  # the pulse starts between two samples
    t = j.simulate(current_A=3e-3, laser_peak_power_W=0.15, pulse_width_s=5e-6, repetition_rate_Hz=1e5,
                   dt_s=1e-8, steps=600, delay_s=t0)
    dark = 3e-3 * j.resistance(3e-3)
    first = int(np.argmax(t["laser_on"]))  # the first sample with the laser on
    assert t["time_s"][first - 1] < t0 <= t["time_s"][first]
    # sampled drive: the power steps up over (t[first-1], t[first]]; then dP_eff/dt = (P - P_eff)/tau
    since = t["time_s"][first:] - t["time_s"][first - 1]
    np.testing.assert_allclose(t["voltage_V"][first:] - dark, V_MAX * (1.0 - np.exp(-since / 1e-6)), rtol=1e-9)
    np.testing.assert_allclose(t["voltage_V"][:first], dark, rtol=1e-12)


class TestBadInput:
    j = spinaptic.Junction.preset()

    def test_wrong_dtype(self):
        for bad in (np.array([1 + 2j]), np.array(["a"]), np.array([True]), "text"):
            with pytest.raises(spinaptic.InvalidValueError, match="laser_power_W"):
                self.j.thermovoltage(bad, 1e-3)

    def test_shapes_that_do_not_broadcast(self):
        with pytest.raises(ValueError, match="broadcast"):
            self.j.dV_dI(np.zeros(3), np.zeros(4))

    def test_nan_and_negative_power_name_the_parameter(self):
        with pytest.raises(ValueError, match=r"laser power P \[W\]' = -1"):
            self.j.thermovoltage(np.array([0.1, -1.0]), 1e-3)
        with pytest.raises(ValueError, match="bias current"):
            self.j.dV_dP(0.1, np.array([np.nan]))
        with pytest.raises(ValueError, match="current_A"):
            self.j.resistance(np.inf)

    def test_bad_names_and_sizes(self):
        with pytest.raises(ValueError, match="allowed: hybrid_mgo_800nm, physics_mgo_800nm"):
            spinaptic.Junction.preset("nope")
        with pytest.raises(ValueError, match="state"):
            spinaptic.Junction.preset(state="sideways")
        with pytest.raises(ValueError, match="steps"):
            self.j.simulate(current_A=1e-3, laser_peak_power_W=0.1, pulse_width_s=1e-6, repetition_rate_Hz=1e5,
                            dt_s=1e-8, steps=-1)
        with pytest.raises(ValueError, match="dt"):
            self.j.simulate(current_A=1e-3, laser_peak_power_W=0.1, pulse_width_s=1e-6, repetition_rate_Hz=1e5,
                            dt_s=0.0, steps=10)
        with pytest.raises(ValueError, match="diameter_m"):
            spinaptic.Junction.calibrated(diameter_m=-1.0)
