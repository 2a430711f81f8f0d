// Tests for the two-time-constant thermal response (spinaptic/device/thermal.hpp) and the
// transient lock-in signal of the derived response: the time constants from the stack, the step
// response against its closed form, and the read-pulse width it implies.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "spinaptic/device/presets.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using physics = device::presets::physics_mgo_800nm;

TEST_CASE("the stack's thermal time constants: nanoseconds for the pillar, microseconds for the sink",
          "[thermal][dynamics]") {
  const auto d = physics::thermal_dynamics();
  const double a = std::numbers::pi * 400e-9 * 400e-9;
  const double rb = 4.05e-8 / a, r_par = 2.0e4 * (rb + 1.0e4) / (2.0e4 + rb + 1.0e4);
  CHECK(units::in_si(d.fast_time_constant) == Approx(3.5e6 * a * 141.2e-9 * r_par).epsilon(1e-6));
  CHECK(units::in_si(d.slow_time_constant) == Approx(9e-12 / (4.0 * 8.4e-7)).epsilon(1e-12));
  CHECK(units::in_si(d.fast_time_constant) > 1e-9);
  CHECK(units::in_si(d.fast_time_constant) < 1e-8);
  CHECK(units::in_si(d.slow_time_constant) > 1e-6);
  CHECK(units::in_si(d.slow_time_constant) < 1e-5);
}

TEST_CASE("exact steps of the lagged powers reproduce the closed-form step response", "[thermal][dynamics]") {
  const auto d = physics::thermal_dynamics();
  std::pair<units::power, units::power> lagged{0.0_W, 0.0_W};
  const auto h = 0.37_ns;
  for (int n = 0; n < 5000; ++n) lagged = d.step(lagged, 150.0_mW, h);
  const double t = 5000 * 0.37e-9;
  CHECK(units::in_si(lagged.first) == Approx(0.15 * (1 - std::exp(-t / units::in_si(d.fast_time_constant)))).epsilon(1e-12));
  CHECK(units::in_si(lagged.second) == Approx(0.15 * (1 - std::exp(-t / units::in_si(d.slow_time_constant)))).epsilon(1e-12));
}

TEST_CASE("the zero-bias transient is -S (T(t)/T0) dT_B(t) with the two lags", "[thermal][dynamics]") {
  const auto r = physics::response();
  const auto d = physics::thermal_dynamics();
  const auto c = physics::heating().coefficients();
  const double p = 0.15, t0 = 295.0;
  for (double t : {2e-9, 2e-8, 1e-6, 1e-5}) {
    const auto [fast, slow] = d.step_response(units::as<units::power>(p), units::as<units::time>(t));
    const double pf = units::in_si(fast), ps = units::in_si(slow);
    const double dt_b = c.difference_per_top * c.laser_top_fraction * pf;
    const double temperature = t0 + c.mean_per_top * c.laser_top_fraction * pf + c.laser_sink_rise * ps;
    CHECK(units::in_si(r.transient_voltage(device::antiparallel, fast, slow, 0.0_mA)) ==
          Approx(60e-6 * temperature / t0 * dt_b).epsilon(1e-12));
  }
}

TEST_CASE("the read pulse: the Seebeck signal settles with the pillar, the bias-enhanced one with the sink",
          "[thermal][dynamics]") {
  const auto r = physics::response();
  const auto d = physics::thermal_dynamics();
  const double tau_fast = units::in_si(d.fast_time_constant), tau_slow = units::in_si(d.slow_time_constant);
  // Zero bias: 85 % within a few tau_fast (only the Mott factor T/T0, 13 % of it, waits for the sink).
  const double zero_bias = units::in_si(device::read_pulse_width(r, device::antiparallel, 150.0_mW, 0.0_mA, d, 0.85));
  CHECK(zero_bias < 10.0 * tau_fast);
  // At 3 mA the signal is mostly I dR/dT of the sink's rise: microseconds.
  const double biased = units::in_si(device::read_pulse_width(r, device::antiparallel, 150.0_mW, 3.0_mA, d, 0.99));
  CHECK(biased > tau_slow);
  CHECK(biased < 10.0 * tau_slow);
}
