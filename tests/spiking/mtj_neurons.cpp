// MTJ neurons (neuron/mtj_stochastic.hpp, neuron/mtj_spontaneous.hpp): the stochastic neuron
// fires with the Neel-Brown switching probability of its pulse (binomial error), and the
// spontaneously spiking junction's telegraph rate follows 1/(1/r_P + 1/r_AP) against bias
// current and temperature.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/neuron/literals.hpp"
#include "spinaptic/neuron/mtj_spontaneous.hpp"
#include "spinaptic/neuron/mtj_stochastic.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;

namespace {
/// A Neel-Brown junction with barrier `delta` k_B T at 300 K, tau0 = 1 ns, I_c0 = 100 uA.
device::neel_brown_parameters junction(double delta) {
  return device::neel_brown_parameters{units::as<units::energy>(delta * detail::constants::boltzmann * 300.0), 1.0_ns,
                                       100.0_uA, units::as<units::magnetic_field_strength>(1e5), 1.0,
                                       device::stt_polarity::positive_current_favours_parallel};
}
}  // namespace

TEST_CASE("the stochastic MTJ neuron fires with the device model's switching probability (binomial error)") {
  const auto nb = junction(40.0);
  for (const double ratio : {0.90, 0.93, 0.96}) {
    const std::size_t n = 2000, steps = 50;
    neuron::stochastic_mtj_neuron pop(nb, n, 10.0_ns, 300.0_K);
    pop.set_bias_current_all(units::as<units::current>(ratio * 100e-6));
    pop.prepare(1e-3, 11);
    std::vector<std::uint8_t> fired(n);
    std::size_t spikes = 0;
    for (std::size_t s = 0; s < steps; ++s) {
      pop.update(0, n, s, fired.data());
      for (auto f : fired) spikes += f;
    }
    // the device model: P = 1 - exp(-tau_p r_AP(I, T)) with r_AP from neel_brown_parameters
    const double p = 1.0 - std::exp(-10e-9 * nb.escape_rate(device::magnetic_state::antiparallel, ratio * 100e-6, 0.0, 300.0));
    const double trials = static_cast<double>(n * steps), measured = static_cast<double>(spikes) / trials;
    INFO("I/I_c0 = " << ratio << ": measured " << measured << ", device model " << p);
    REQUIRE(p > 0.05);
    REQUIRE(p < 0.95);
    CHECK(std::abs(measured - p) < 4.0 * std::sqrt(p * (1.0 - p) / trials));
  }
}

TEST_CASE("a spontaneously spiking junction's rate follows Neel-Brown against bias current and temperature") {
  const auto nb = junction(15.0);
  struct point {
    double current, kelvin;
  };
  std::vector<double> measured_rates;
  for (const auto& pt : {point{0.0, 300.0}, point{30e-6, 300.0}, point{0.0, 330.0}}) {
    const std::size_t n = 200, steps = 25000;
    const double dt = 2e-5;  // 0.5 s
    neuron::spontaneous_mtj_neuron pop(nb, n, units::as<units::temperature>(pt.kelvin));
    for (std::size_t i = 0; i < n; ++i) pop.set_bias_current(i, units::as<units::current>(pt.current));
    pop.prepare(dt, 21);
    std::vector<std::uint8_t> fired(n);
    std::size_t spikes = 0;
    for (std::size_t s = 0; s < steps; ++s) {
      pop.update(0, n, s, fired.data());
      for (auto f : fired) spikes += f;
    }
    // alternating renewal: nu = 1/(1/r_P + 1/r_AP); on the step grid the P -> AP transition rate
    // is nu (1 - exp(-x)) / x with x = (r_P + r_AP) dt (multiple flips within one step merge)
    const double rp = nb.escape_rate(device::magnetic_state::parallel, pt.current, 0.0, pt.kelvin);
    const double rap = nb.escape_rate(device::magnetic_state::antiparallel, pt.current, 0.0, pt.kelvin);
    const double x = (rp + rap) * dt;
    const double expected = 1.0 / (1.0 / rp + 1.0 / rap) * -std::expm1(-x) / x;
    CHECK(units::in_si(pop.stationary_rate(units::as<units::current>(pt.current), units::as<units::temperature>(pt.kelvin))) ==
          Approx(1.0 / (1.0 / rp + 1.0 / rap)));
    const double t = static_cast<double>(steps) * dt, count = static_cast<double>(spikes);
    const double expected_count = expected * t * static_cast<double>(n);
    INFO("I = " << pt.current << " A, T = " << pt.kelvin << " K: " << count / (t * double(n)) << " Hz, expected " << expected);
    // the first dwell starts in P, not in the stationary mixture: allow one spike per junction
    CHECK(std::abs(count - expected_count) < 4.0 * std::sqrt(expected_count) + static_cast<double>(n));
    measured_rates.push_back(count / (t * double(n)));
  }
  CHECK(measured_rates[1] < measured_rates[0]);  // tilting the barriers slows the alternation
  CHECK(measured_rates[2] > measured_rates[0]);  // hotter: faster
}
