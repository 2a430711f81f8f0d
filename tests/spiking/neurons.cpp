// LIF populations (neuron/lif_current.hpp, neuron/lif_conductance.hpp, neuron/threshold.hpp):
// firing rates against the analytic f-I curve, the PSP peak time of the exact propagator, the
// steady state under a held conductance, the homeostatic threshold, and parameter errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "spinaptic/neuron/lif_conductance.hpp"
#include "spinaptic/neuron/lif_current.hpp"
#include "spinaptic/neuron/literals.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;

namespace {

const neuron::lif_parameters membrane{20.0_ms, -70.0_mV, -50.0_mV, -65.0_mV, 2.0_ms};
constexpr double dt = 1e-5;  // 0.01 ms

/// Analytic LIF period for constant current I: t_ref + tau_m ln((R I - (V_r - E_L)) / (R I - (V_th - E_L)))
/// (Gerstner et al., Neuronal Dynamics, eq. 1.11).
double analytic_period(double r_times_i) {
  return 2e-3 + 20e-3 * std::log((r_times_i - 5e-3) / (r_times_i - 20e-3));
}

/// Mean inter-spike interval of each neuron over `steps` steps (0 when it fired fewer than twice).
template <class Population>
std::vector<double> mean_isi(Population& pop, std::size_t steps) {
  const std::size_t n = pop.size();
  std::vector<std::uint8_t> fired(n);
  std::vector<double> first(n, -1.0), last(n, -1.0);
  std::vector<std::size_t> count(n, 0);
  for (std::size_t s = 0; s < steps; ++s) {
    pop.update(0, n, s, fired.data());
    for (std::size_t i = 0; i < n; ++i)
      if (fired[i]) {
        if (count[i] == 0) first[i] = static_cast<double>(s) * dt;
        last[i] = static_cast<double>(s) * dt;
        ++count[i];
      }
  }
  std::vector<double> isi(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    if (count[i] >= 2) isi[i] = (last[i] - first[i]) / static_cast<double>(count[i] - 1);
  return isi;
}

}  // namespace

TEST_CASE("current-based LIF fires at the analytic f-I rate for constant input (within one step dt)") {
  const std::vector<double> currents{0.19e-9, 0.21e-9, 0.25e-9, 0.4e-9, 1.0e-9, 3.0e-9};  // R I = 19 .. 300 mV
  neuron::lif_current_based<> pop(membrane, {100.0_MOhm, {5.0_ms, 10.0_ms}}, currents.size());
  for (std::size_t i = 0; i < currents.size(); ++i) pop.set_bias_current(i, units::as<units::current>(currents[i]));
  pop.prepare(dt, 0);
  const auto isi = mean_isi(pop, 200000);  // 2 s
  CHECK(isi[0] == 0.0);  // below rheobase (R I = 19 mV < V_th - E_L = 20 mV): silent
  for (std::size_t i = 1; i < currents.size(); ++i) {
    const double t = analytic_period(1e8 * currents[i]);
    INFO("I = " << currents[i] << " A: simulated period " << isi[i] << " s, analytic " << t << " s");
    CHECK(std::abs(isi[i] - t) <= dt * 1.0001);  // the threshold is checked once per step
  }
}

TEST_CASE("conductance-based LIF without synaptic input follows the same f-I curve with R = 1/g_L") {
  const std::vector<double> currents{0.21e-9, 0.3e-9, 1.0e-9};
  neuron::lif_conductance_based<> pop(membrane, {10.0_nS, {0.0_mV, -80.0_mV}, {5.0_ms, 10.0_ms}}, currents.size());
  for (std::size_t i = 0; i < currents.size(); ++i) pop.set_bias_current(i, units::as<units::current>(currents[i]));
  pop.prepare(dt, 0);
  const auto isi = mean_isi(pop, 100000);
  for (std::size_t i = 0; i < currents.size(); ++i) {
    const double t = analytic_period(1e8 * currents[i]);
    INFO("I = " << currents[i] << " A: simulated " << isi[i] << " s, analytic " << t << " s");
    CHECK(std::abs(isi[i] - t) <= dt * 1.0001);
  }
}

TEST_CASE("exact current-based PSP peaks at tau_m tau_s ln(tau_m/tau_s) / (tau_m - tau_s)") {
  // one synaptic current jump at t = 0, membrane from rest; the peak time is a closed form
  neuron::lif_current_based<> pop(membrane, {100.0_MOhm, {5.0_ms, 10.0_ms}}, 1);
  pop.prepare(dt, 0);
  pop.input(0)[0] = 10e-12;
  std::uint8_t fired = 0;
  double best = -1.0, v_prev = -1.0;
  for (std::size_t s = 1; s <= 5000; ++s) {
    pop.update(0, 1, s, &fired);
    const double v = units::in_si(pop.membrane_potential(0));
    if (v < v_prev && best < 0.0) best = static_cast<double>(s - 1) * dt;
    v_prev = v;
  }
  const double tm = 20e-3, ts = 5e-3;
  CHECK(std::abs(best - tm * ts * std::log(tm / ts) / (tm - ts)) <= dt);
}

TEST_CASE("a held conductance pulls V to the conductance-weighted mean of the reversal potentials") {
  // tau_exc = 1e6 s: g_exc is constant over the run; V_inf = (g_L E_L + g E_exc) / (g_L + g)
  neuron::lif_parameters quiet = membrane;
  quiet.threshold = 100.0_mV;  // never fires
  neuron::lif_conductance_based<> pop(quiet, {10.0_nS, {0.0_mV, -80.0_mV}, {units::as<units::time>(1e6), 10.0_ms}}, 1);
  pop.prepare(1e-4, 0);
  pop.input(0)[0] = 5e-9;
  std::uint8_t fired = 0;
  for (std::size_t s = 0; s < 10000; ++s) pop.update(0, 1, s, &fired);  // 1 s = 50 tau_eff
  const double g = 5e-9 * std::exp(-1.0 / 1e6);
  CHECK(units::in_si(pop.membrane_potential(0)) == Approx((10e-9 * -70e-3 + g * 0.0) / (10e-9 + g)).epsilon(1e-7));
}

TEST_CASE("the adaptive threshold rises by theta_plus per spike and slows the neuron; frozen, it stays") {
  neuron::adaptive_threshold rule({1.0_mV, units::as<units::time>(1e7)});
  neuron::lif_current_based<neuron::adaptive_threshold> pop(membrane, {100.0_MOhm, {5.0_ms, 10.0_ms}}, 1, rule);
  pop.set_bias_current(0, 0.4_nA);
  pop.prepare(dt, 0);
  std::uint8_t fired = 0;
  std::size_t spikes = 0, early = 0;
  for (std::size_t s = 0; s < 100000; ++s) {
    pop.update(0, 1, s, &fired);
    spikes += fired;
    if (s < 50000) early += fired;
  }
  REQUIRE(spikes > 10);
  CHECK(pop.variable(3)[0] == Approx(1e-3 * static_cast<double>(spikes)).epsilon(1e-6));
  CHECK(spikes - early < early);  // the second half has fewer spikes
  pop.threshold_rule().set_learning(false);
  const double theta = pop.variable(3)[0];
  for (std::size_t s = 0; s < 10000; ++s) pop.update(0, 1, s, &fired);
  CHECK(pop.variable(3)[0] == theta);
}

TEST_CASE("LIF parameters out of range are rejected with the parameter's name") {
  neuron::lif_parameters bad = membrane;
  bad.membrane_time_constant = -20.0_ms;
  CHECK_THROWS_WITH(neuron::lif_current_based<>(bad, {100.0_MOhm, {5.0_ms, 10.0_ms}}, 1),
                    Catch::Contains("tau_m"));
  CHECK_THROWS_WITH(neuron::lif_conductance_based<>(membrane, {0.0_nS, {0.0_mV, -80.0_mV}, {5.0_ms, 10.0_ms}}, 1),
                    Catch::Contains("g_L"));
  CHECK_THROWS_AS(neuron::lif_current_based<>(membrane, {100.0_MOhm, {5.0_ms, 10.0_ms}}, 0), invalid_parameter);
}

TEST_CASE("a spike of weight w delivers the charge w tau_c (E_c - V): exactly with the step-mean conductance") {
  // Leak negligible (tau_m = 1e4 s, E_L = V_0 = -65 mV), a small weight w = 0.1 nS on the
  // excitatory channel (E = 0, tau = 1 ms): after 40 tau, Delta V = w tau (E - V_0) / C to
  // O(Delta V / 65 mV) ~ 1e-6 (continuous model). Holding g at the start of each step delivers
  // (dt/tau) / (1 - e^{-dt/tau}) times that charge (1.2707 at dt = tau/2).
  const neuron::lif_parameters slow{units::as<units::time>(1e4), -65.0_mV, 100.0_mV, -65.0_mV, 0.0_ms};
  const double c = 1e4 * 1e-9, w = 0.1e-9, tau = 1e-3, exact = w * tau * 65e-3 / c;
  for (const double h : {0.5e-3, 0.05e-3}) {
    for (const auto hold : {neuron::conductance_hold::step_mean, neuron::conductance_hold::start_of_step}) {
      neuron::lif_conductance_based<> pop(slow, {1.0_nS, {0.0_mV, -100.0_mV}, {1.0_ms, 2.0_ms}, hold}, 1);
      pop.prepare(h, 0);
      pop.input(0)[0] = w;
      std::uint8_t fired = 0;
      for (std::size_t s = 0; s < static_cast<std::size_t>(40e-3 / h + 0.5); ++s) pop.update(0, 1, s, &fired);
      const double dv = units::in_si(pop.membrane_potential(0)) + 65e-3;
      const double expected = hold == neuron::conductance_hold::step_mean ? 1.0 : (h / tau) / (1.0 - std::exp(-h / tau));
      CHECK(dv / exact == Approx(expected).epsilon(1e-4));
    }
  }
}

TEST_CASE("the adaptive threshold's lock-out: no inter-spike interval of t_lock or less; the LIF period when longer") {
  // Constant current, theta_plus = 0 (a fixed threshold). Free period T = t_ref + tau_m ln(...)
  // (analytic_period): 29.73 ms at R I = 25 mV, 5.437 ms at R I = 100 mV. A neuron may fire again
  // only at a step k with k dt > t_lock, so the interval is T (to one step) when T > t_lock;
  // when T < t_lock, V is above threshold when the lock-out ends and the neuron fires at the
  // first step after it: interval t_lock + dt.
  const std::vector<double> currents{0.25e-9, 1.0e-9};
  for (const double lock : {0.0, 10e-3, 50e-3}) {
    neuron::adaptive_threshold rule({0.0_mV, units::as<units::time>(1e7), units::as<units::time>(lock)});
    neuron::lif_current_based<neuron::adaptive_threshold> pop(membrane, {100.0_MOhm, {5.0_ms, 10.0_ms}},
                                                              currents.size(), rule);
    for (std::size_t i = 0; i < currents.size(); ++i) pop.set_bias_current(i, units::as<units::current>(currents[i]));
    pop.prepare(dt, 0);
    const auto isi = mean_isi(pop, 200000);  // 2 s
    for (std::size_t i = 0; i < currents.size(); ++i) {
      const double free = analytic_period(1e8 * currents[i]);
      INFO("t_lock = " << lock << " s, I = " << currents[i] << " A: interval " << isi[i] << " s, free period " << free);
      CHECK(isi[i] > lock);
      if (free > lock) {
        CHECK(std::abs(isi[i] - free) <= dt * 1.0001);
      } else {
        CHECK(isi[i] == Approx(lock + dt).epsilon(1e-9));
      }
    }
  }
}

TEST_CASE("the lock-out holds with the threshold frozen, and a negative one is rejected by name") {
  neuron::adaptive_threshold rule({0.05_mV, units::as<units::time>(1e7), 20.0_ms});
  neuron::lif_current_based<neuron::adaptive_threshold> pop(membrane, {100.0_MOhm, {5.0_ms, 10.0_ms}}, 1, rule);
  pop.set_bias_current(0, 1.0_nA);  // free period 5.437 ms
  pop.threshold_rule().set_learning(false);
  pop.prepare(dt, 0);
  CHECK(mean_isi(pop, 100000)[0] == Approx(20e-3 + dt).epsilon(1e-9));
  CHECK(pop.variable(3)[0] == 0.0);  // frozen: theta did not move
  CHECK_THROWS_WITH(neuron::adaptive_threshold({0.05_mV, units::as<units::time>(1e7), -1.0_ms}),
                    Catch::Contains("t_lock"));
  // a lock-out of 1e6 s at dt = 0.5 ms is 2e9 steps (fits 32 bits); 1e7 s, 2e10 steps, does not
  neuron::adaptive_threshold long_lock({0.05_mV, units::as<units::time>(1e7), units::as<units::time>(1e6)});
  CHECK_NOTHROW(long_lock.prepare(0.5e-3));
  neuron::adaptive_threshold too_long({0.05_mV, units::as<units::time>(1e7), units::as<units::time>(1e7)});
  CHECK_THROWS_WITH(too_long.prepare(0.5e-3), Catch::Contains("threshold lock-out t_lock [s]") && Catch::Contains("4294967293 steps"));
}
