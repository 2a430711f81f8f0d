"""Field sweeps with their spikes: the hysteresis model's loop switches at its switching fields,
its plateaus are the junction's P and AP voltages, its Barkhausen jumps are a Poisson process of
the stated density, the spikes scale with laser power; the vortex sweep is single-domain exactly
beyond the C++ annihilation field, its reference layer repins at -H_ex(T) + H_c, and its core
hops faster under more laser power (Arrhenius). Same seed, same arrays; bad input raises."""
import numpy as np
import pytest

import spinaptic

OE = 1000.0 / (4.0 * np.pi)  # one oersted in A/m


def transitions(state):
    return int(np.count_nonzero(np.diff(state.astype(int))))


class TestHysteresis:
    def test_switches_at_the_switching_fields_without_spread(self):
        tr = spinaptic.field_sweep(0.150, 3e-3, switching_field_spread=0.0, seed=4)
        hc, hdep, hrep = 150 * OE, 1000 * OE, 500 * OE  # docs/physics.md section 7 defaults
        np.testing.assert_allclose(tr["free_switch_fields_A_per_m"], [-hc, hc], rtol=1e-12)
        np.testing.assert_allclose(tr["reference_switch_fields_A_per_m"], [-hdep, -hrep], rtol=1e-12)
        h, mf, mr = tr["field_A_per_m"], tr["free_layer"], tr["reference_layer"]
        n = len(h)
        assert n == 2 * round(2 * 2000 * OE / (2000 * OE) / 5e-4) + 1  # two branches of 2 H_max / rate / dt
        down = np.arange(n) < n // 2 + 1
        first = np.flatnonzero(down & (mf == -1.0))[0]  # free layer reversed on the way down
        assert h[first] <= -hc < h[first - 1]
        assert np.all(mf[down & (h > -hc)] > 0)  # Barkhausen jumps move it, but only the switch reverses it
        depinned = np.flatnonzero(mr == -1.0)
        assert h[depinned[0]] <= -hdep < h[depinned[0] - 1]
        assert h[depinned[-1]] < -hrep <= h[depinned[-1] + 1]  # repinned on the way up
        back = np.flatnonzero(~down & (mf == 1.0))[0]
        assert h[back] >= hc > h[back - 1]
        assert transitions(tr["state"]) == 4  # double switching: P -> AP -> P -> AP -> P

    def test_plateaus_are_the_junction_voltages(self):
        p, i = 0.120, 2e-3
        tr = spinaptic.field_sweep(p, i, seed=8)
        c = tr["free_layer"] * tr["reference_layer"]
        static = tr["v_ac_V"] - tr["spike_V"]
        for state, sign in (("parallel", 1.0), ("antiparallel", -1.0)):
            j = spinaptic.Junction.preset("hybrid_mgo_800nm", state)
            on = c == sign
            assert on.sum() > 100
            np.testing.assert_allclose(static[on], float(j.thermovoltage(p, i)), rtol=1e-12)
            np.testing.assert_allclose(tr["v_dc_V"][on], i * float(j.resistance(i)), rtol=1e-9)
        np.testing.assert_array_equal(tr["state"], np.where(c > 0, 0, 1))

    def test_barkhausen_jumps_are_a_poisson_process_of_the_stated_density(self):
        # rho = 0.05 / Oe on [H_onset, H_c) = [50, 150) Oe: Poisson with mean 5 per branch
        counts = np.concatenate([spinaptic.field_sweep(seed=11, trial=t, switching_field_spread=0.0)["jumps_per_branch"]
                                 for t in range(120)])
        assert counts.shape == (240,)
        sem = np.sqrt(5.0 / counts.size)
        assert abs(counts.mean() - 5.0) < 5 * sem
        assert 0.6 * 5.0 < counts.var(ddof=1) < 1.5 * 5.0  # Poisson: variance = mean (240 draws)

    def test_spikes_sit_at_the_jumps_with_the_model_amplitude(self):
        p, i = 0.150, 3e-3
        tr = spinaptic.field_sweep(p, i, seed=3, trial=1)
        dt, tau, gain = 5e-4, 1e-3, 10.0
        idx, times = tr["jump_indices"], tr["jump_times_s"]
        assert len(times) == tr["jumps_per_branch"].sum() > 0
        np.testing.assert_array_equal(idx, np.ceil(times / dt - 1e-9).astype(int))
        assert np.all((tr["time_s"][idx] >= times) & (tr["time_s"][idx - 1] < times))
        dv = abs(float(spinaptic.Junction.preset(state="antiparallel").thermovoltage(p, i))
                 - float(spinaptic.Junction.preset(state="parallel").thermovoltage(p, i)))
        s = tr["spike_V"]
        rise = s[idx] - s[idx - 1] * np.exp(-dt / tau)  # what the jumps of that sample added
        per_sample = np.bincount(idx, minlength=len(s))[idx]
        assert np.all(rise >= gain * 0.005 * dv * np.exp(-dt / tau) * per_sample * (1 - 1e-9))
        assert np.all(rise <= gain * 0.05 * dv * per_sample * (1 + 1e-9))
        quiet = np.setdiff1d(np.arange(1, len(s)), idx)  # no jump: pure exponential decay
        np.testing.assert_allclose(s[quiet], s[quiet - 1] * np.exp(-dt / tau), rtol=1e-12, atol=0)

    def test_spikes_scale_with_laser_power(self):
        # V_s = V_max (P / P_max) sum_k c_k x^k: |V_AP - V_P|, and so every spike, is linear in P
        full = spinaptic.field_sweep(0.150, 3e-3, seed=5)
        half = spinaptic.field_sweep(0.075, 3e-3, seed=5)
        dark = spinaptic.field_sweep(0.0, 3e-3, seed=5)
        assert full["spike_V"].max() > 0
        np.testing.assert_allclose(half["spike_V"], 0.5 * full["spike_V"], rtol=1e-12, atol=1e-18)
        np.testing.assert_array_equal(dark["spike_V"], 0.0)
        np.testing.assert_array_equal(half["jump_times_s"], full["jump_times_s"])  # the magnetic history is the same

    def test_same_seed_same_arrays_and_trials_differ(self):
        a = spinaptic.field_sweep(seed=9, trial=2, cycles=2)
        b = spinaptic.field_sweep(seed=9, trial=2, cycles=2)
        assert set(a) == set(b)
        for key in a:
            np.testing.assert_array_equal(a[key], b[key])
        assert transitions(a["state"]) == 8 and a["jumps_per_branch"].shape == (4,)
        c = spinaptic.field_sweep(seed=9, trial=3, cycles=2)
        assert not np.array_equal(a["jump_times_s"], c["jump_times_s"])

    def test_physics_junction_and_views(self):
        tr = spinaptic.field_sweep(0.1, 1e-3, junction="physics_mgo_800nm", sample_interval_s=2e-3)
        assert tr["time_s"].dtype == np.float64 and tr["state"].dtype == np.uint8
        assert tr["time_s"].base is not None  # a view of the C++ trace, not a copy
        assert np.all(np.isfinite(tr["v_ac_V"])) and transitions(tr["state"]) == 4

    def test_bad_input_raises(self):
        with pytest.raises(spinaptic.InvalidValueError, match="max_field_A_per_m"):
            spinaptic.field_sweep(max_field_A_per_m=-1.0)
        with pytest.raises(spinaptic.InvalidValueError, match="repinning"):
            spinaptic.field_sweep(reference_repinning_field_A_per_m=2000 * OE)
        with pytest.raises(ValueError, match="cycles"):
            spinaptic.field_sweep(cycles=0)
        with pytest.raises(ValueError, match="laser_power_W"):
            spinaptic.field_sweep(-0.1)
        with pytest.raises(ValueError, match="bias_A"):
            spinaptic.field_sweep(0.1, float("nan"))
        with pytest.raises(ValueError, match="junction"):
            spinaptic.field_sweep(junction="cofeb")
        with pytest.raises(ValueError, match="samples per sweep branch"):
            spinaptic.field_sweep(sample_interval_s=10.0)


class TestVortex:
    @pytest.fixture(scope="class")
    def sweep(self):
        return spinaptic.vortex_field_sweep(0.150, 3e-3, junctions=8, seed=3)

    def test_single_domain_exactly_beyond_the_annihilation_field(self, sweep):
        h, m = sweep["field_A_per_m"], sweep["free_layer"]
        h_an, h_n = sweep["annihilation_field_A_per_m"], sweep["nucleation_field_A_per_m"]
        assert 0 < h_n < h_an < h.max()
        beyond = np.abs(h) >= h_an
        assert beyond.sum() > 10
        np.testing.assert_array_equal(m[:, beyond], np.broadcast_to(np.sign(h[beyond]), m[:, beyond].shape))
        assert np.all(np.abs(m[:, np.abs(h) < h_n]) < 1.0)  # a vortex inside the nucleation field

    def test_reference_layer_follows_the_exchange_bias_of_its_temperature(self, sweep):
        t = sweep["temperature_K"]
        assert 295.0 < t < 500.0  # laser-heated, below T_B
        h_ex = 8e4 * (1 - t / 500.0)  # H_ex0 (1 - T/T_B), vortex_800nm defaults
        assert sweep["exchange_bias_A_per_m"] == pytest.approx(h_ex, rel=1e-12)
        h, ref = sweep["field_A_per_m"], sweep["reference_layer"]
        hc = 4e3
        assert np.all(ref[:, 0] == -1)  # settled at -H_max <= -H_ex - H_c
        up = np.flatnonzero(ref[0] == 1)[0]
        assert h[up] >= -h_ex + hc > h[up - 1]
        down = np.flatnonzero((np.arange(len(h)) > up) & (ref[0] == -1))[0]
        assert h[down] <= -h_ex - hc < h[down - 1]

    def test_spikes_are_the_hops(self, sweep):
        hops = sweep["hops"]
        assert hops.shape == sweep["free_layer"].shape == (8, len(sweep["time_s"]))
        assert np.all(np.diff(hops, axis=1) >= 0) and np.all(hops[:, 0] == 0)
        k, j = np.nonzero(np.diff(hops, axis=1).T)  # in time order, as a raster
        np.testing.assert_array_equal(sweep["spike_junction"], j)
        np.testing.assert_array_equal(sweep["spike_index"], k + 1)
        assert sweep["spike_hops"].sum() == hops[:, -1].sum() > 0
        np.testing.assert_allclose(sweep["spike_field_A_per_m"], sweep["field_A_per_m"][k + 1])
        np.testing.assert_allclose(sweep["spike_time_s"], sweep["time_s"][k + 1])

    def test_voltages_at_saturation_are_the_junction_voltages(self, sweep):
        m = sweep["relative_magnetization"]
        for state, sign in (("parallel", 1.0), ("antiparallel", -1.0)):
            on = m == sign
            assert on.sum() > 10
            v = float(spinaptic.Junction.preset("hybrid_mgo_800nm", state).thermovoltage(0.150, 3e-3))
            np.testing.assert_allclose(sweep["v_ac_V"][on], v, rtol=1e-12)

    def test_more_laser_power_more_hops(self):
        # Arrhenius: r = f_0 exp(-E / k_B T) grows with the laser-heated temperature
        def hops(power):
            s = spinaptic.vortex_field_sweep(power, 3e-3, junctions=8, seed=21, sample_interval_s=1e-3)
            return s["temperature_K"], s["hops"][:, -1].astype(float)
        (t0, cold), (t1, hot) = hops(0.0), hops(0.300)
        assert t1 > t0 + 50
        sem = np.sqrt(cold.var(ddof=1) / len(cold) + hot.var(ddof=1) / len(hot))
        assert hot.mean() - cold.mean() > 3 * sem

    def test_same_seed_same_arrays(self):
        a = spinaptic.vortex_field_sweep(0.1, 2e-3, junctions=3, seed=7, sample_interval_s=2e-3)
        b = spinaptic.vortex_field_sweep(0.1, 2e-3, junctions=3, seed=7, sample_interval_s=2e-3)
        for key in a:
            np.testing.assert_array_equal(a[key], b[key])

    def test_bad_input_raises(self):
        with pytest.raises(spinaptic.InvalidValueError, match="junctions"):
            spinaptic.vortex_field_sweep(junctions=0)
        with pytest.raises(ValueError, match="sample_interval_s"):
            spinaptic.vortex_field_sweep(sample_interval_s=0.0)
        with pytest.raises(ValueError, match="laser_power_W"):
            spinaptic.vortex_field_sweep(-1.0)
        with pytest.raises(ValueError, match="E_p|pinning"):
            spinaptic.vortex_field_sweep(pinning_energy_J=-1e-20)
        with pytest.raises(ValueError, match="spacing"):
            spinaptic.vortex_field_sweep(site_spacing_m=1e-6)  # wider than the disk radius
