// Tests for the thermal dynamics of a junction (spinaptic/device/thermal.hpp, mtj::simulate,
// read_pulse_width, energy::read_timing::settled) and the Gaussian-spot heating of a half-space
// (thermal_stack.hpp), against independent numerical integrals of the heat equation's Green's
// functions (Carslaw & Jaeger 1959, sections 10.2 and 10.5).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>

#include "spinaptic/detail/dawson.hpp"
#include "spinaptic/device/presets.hpp"
#include "spinaptic/device/read_pulse.hpp"
#include "spinaptic/energy/ledger.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using physics = device::presets::physics_mgo_800nm;
using Catch::Matchers::Contains;

namespace {
/// Composite Simpson rule of f on [a, b] with n (even) intervals.
template <class F>
double simpson(F f, double a, double b, int n) {
  const double h = (b - a) / n;
  double s = f(a) + f(b);
  for (int k = 1; k < n; ++k) s += (k % 2 ? 4.0 : 2.0) * f(a + k * h);
  return s * h / 3.0;
}
constexpr double pi = std::numbers::pi;
}  // namespace

TEST_CASE("the Gaussian-spot rise equals the integral of the point-source rise over the spot", "[thermal]") {
  // Steady point source Q on a half-space surface: T(r) = Q / (2 pi k r). The spot's intensity is
  // (2P / (pi w^2)) exp(-2 r^2 / w^2) (w the 1/e^2 radius); its centre rise is the integral over rings.
  for (double k : {150.0, 1.4})
    for (double w : {3e-6, 10e-6}) {
      const double numeric = simpson(
          // ring of radius r: intensity x 2 pi r dr x 1/(2 pi k r) (the r's cancel; finite at r = 0)
          [&](double r) { return 2.0 / (pi * w * w) * std::exp(-2.0 * r * r / (w * w)) / k; },
          0.0, 8.0 * w, 4000);
      const double model = units::in_si(device::gaussian_spot_heating(1.0, units::as<units::thermal_conductivity>(k),
                                                                      units::as<units::length>(w)));
      CHECK(model == Approx(numeric).epsilon(1e-9));
    }
  // the numbers: 886.5 K/W at k = 150 W/m/K, w = 3 um
  CHECK(units::in_si(device::gaussian_spot_heating(1.0, 150.0_W / (1.0_m * 1.0_K), 3.0_um)) == Approx(886.6).epsilon(1e-3));
}

TEST_CASE("the half-space transient under a Gaussian spot is (2/pi) atan(sqrt(8 D t)/w)", "[thermal][dynamics]") {
  // Instantaneous surface point source of energy E on a half-space: T = 2 E / (rho c (4 pi D tau)^{3/2})
  // exp(-r^2 / (4 D tau)). Over the spot of power P this gives the rate 2 / (rho c (4 pi D tau)^{3/2})
  // x 2P / (2 + w^2 / (4 D tau)); integrated over tau from 0 to t (tau = u^2 removes the tau^-1/2 end).
  const auto d = physics::thermal_dynamics();
  const double w = 3e-6, k = 150.0, rho_c = 1.642e6, diff = k / rho_c;
  CHECK(units::in_si(d.substrate_diffusivity) == Approx(diff).epsilon(1e-12));
  const double steady = units::in_si(device::gaussian_spot_heating(1.0, units::as<units::thermal_conductivity>(k),
                                                                   units::as<units::length>(w)));
  for (double t : {1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 5e-5}) {
    const double numeric = simpson(
        [&](double u) {
          if (u == 0.0) return 32.0 * diff / (rho_c * std::pow(4.0 * pi * diff, 1.5) * w * w);  // the limit u -> 0
          const double tau = u * u;
          return 2.0 / (rho_c * std::pow(4.0 * pi * diff * tau, 1.5)) * 2.0 / (2.0 + w * w / (4.0 * diff * tau)) * 2.0 * u;
        },
        0.0, std::sqrt(t), 20000);
    CHECK(d.step_fractions(t).slow * steady == Approx(numeric).epsilon(1e-6));
  }
  // 99 % of the sink's rise takes ~50 us in Si (the slow tail), where one exponential would say 5 tau.
  CHECK(units::in_si(d.slow_settling_time(0.99)) == Approx(49.9e-6).epsilon(5e-3));
  CHECK(d.step_fractions(units::in_si(d.slow_settling_time(0.99))).slow == Approx(0.99).epsilon(1e-12));
}

TEST_CASE("the zero-bias transient is -S (T(t)/T0) dT_B(t) with the junction's two channels", "[thermal][dynamics]") {
  const auto j = physics::junction();
  const auto c = physics::heating().coefficients();
  const double p = 0.15, t0 = 295.0;
  for (double t : {2e-9, 2e-8, 1e-6, 1e-5}) {
    const auto g = j.thermal.step_fractions(t);
    const double dt_b = c.difference_per_top * c.laser_top_fraction * g.fast * p;
    const double temperature = t0 + c.mean_per_top * c.laser_top_fraction * g.fast * p + c.laser_sink_rise * g.slow * p;
    CHECK(units::in_si(j.step_thermovoltage(150.0_mW, 0.0_mA, units::as<units::time>(t))) ==
          Approx(60e-6 * temperature / t0 * dt_b).epsilon(1e-12));
  }
}

TEST_CASE("the read pulse: the Seebeck signal settles with the pillar, the bias-enhanced one with the sink's tail",
          "[thermal][dynamics]") {
  const auto j = physics::junction();
  const double tau_fast = units::in_si(j.thermal.fast_time_constant);
  // Zero bias: 85 % within a few tau_fast (only the Mott factor T/T0, 13 % of it, waits for the sink).
  CHECK(units::in_si(device::read_pulse_width(j, 150.0_mW, 0.0_mA, 0.85)) < 10.0 * tau_fast);
  // At 3 mA the signal is mostly I dR/dT of the sink's rise (about 3/4 of the mean temperature rise):
  // 99 % of it needs the sink between 95 % and 99.5 % settled.
  const double biased = units::in_si(device::read_pulse_width(j, 150.0_mW, 3.0_mA, 0.99));
  CHECK(biased > units::in_si(j.thermal.slow_settling_time(0.95)));
  CHECK(biased < units::in_si(j.thermal.slow_settling_time(0.995)));
  // the ledger's read pulse is that width
  const auto timing = energy::read_timing::settled(j, 150.0_mW, 3.0_mA, 0.99);
  CHECK(units::in_si(timing.laser_pulse) == Approx(biased).epsilon(1e-12));
  CHECK(units::in_si(timing.latency()) == Approx(biased + 1e-6).epsilon(1e-12));
  // the calibrated junction's single lag: 99 % at tau ln(100)
  const auto cal = device::presets::hybrid_mgo_800nm::junction();
  CHECK(units::in_si(device::read_pulse_width(cal, 150.0_mW, 3.0_mA, 0.99)) == Approx(1e-6 * std::log(100.0)).epsilon(1e-6));
}

namespace {
/// Laser off until t_on, then P; constant current.
struct step_drive {
  double t_on, power, current;
  units::current current_at(units::time) const { return units::as<units::current>(current); }
  units::power power_at(units::time t) const { return units::as<units::power>(units::in_si(t) >= t_on ? power : 0.0); }
  bool laser_on(units::time t) const { return units::in_si(t) >= t_on; }
};
}  // namespace

TEST_CASE("simulate() of the physics junction follows its own dynamics", "[thermal][dynamics][mtj]") {
  const auto j = physics::junction();
  const step_drive drive{1e-6, 0.15, 2e-3};
  const double dt = 0.5e-6;
  const auto tr = j.simulate(drive, units::as<units::time>(dt), 200);
  const double vb = units::in_si(j.bias_voltage(2.0_mA));
  // the power steps at sample 2 (t = 1 us), so its lag starts at t_1 = 0.5 us
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{10}, std::size_t{199}}) {
    const double expected = n < 2 ? 0.0
                                   : units::in_si(j.step_thermovoltage(150.0_mW, 2.0_mA,
                                                                       units::as<units::time>((double(n) - 1.0) * dt)));
    // the half-space tail is stepped as modes, within 1e-7 of the step's size (thermal_modes)
    CHECK(tr.voltage(n) - vb == Approx(expected).margin(1e-7 * 0.025));
  }
  // the tail: at 100 us the signal is still short of the steady value by the half-space's slow approach
  CHECK(std::abs(tr.voltage(199) - vb) < std::abs(units::in_si(j.thermovoltage(150.0_mW, 2.0_mA))));
}

TEST_CASE("simulate() refuses a step count whose trace cannot exist with a spinaptic::error", "[mtj]") {
  const auto j = device::presets::hybrid_mgo_800nm::junction();
  const step_drive drive{0.0, 0.15, 1e-3};
  CHECK_THROWS_AS(j.simulate(drive, 1.0_ns, std::numeric_limits<std::size_t>::max()), invalid_parameter);
  CHECK_THROWS_WITH(j.simulate(drive, 1.0_ns, std::size_t{1} << 50), Contains("simulate steps"));
  CHECK_THROWS_AS(j.simulate(drive, 1.0_ns, 0), invalid_parameter);
}

TEST_CASE("Dawson's integral against its tabulated values and its maximum", "[thermal][dynamics]") {
  // Abramowitz & Stegun, Table 7.5: D(1) = 0.5380795069; D'(x) = 1 - 2 x D(x) vanishes at the
  // maximum x = 0.9241388730, D = 0.5410442246; D(x) ~ (1/2x)(1 + 1/(2x^2) + 3/(4x^4)) for large x
  CHECK(detail::dawson(1.0) == Approx(0.5380795069127684).epsilon(1e-12));
  CHECK(detail::dawson(0.9241388730) == Approx(0.5410442246).epsilon(1e-9));
  CHECK(detail::dawson(0.9241388730) == Approx(1.0 / (2.0 * 0.9241388730)).epsilon(1e-9));
  // (the next asymptotic term, 15/(8x^6), is 2e-12 relative at x = 100)
  CHECK(detail::dawson(100.0) == Approx(0.005 * (1.0 + 0.5e-4 + 0.75e-8)).epsilon(1e-11));
  CHECK(detail::dawson(1e-3) == Approx(1e-3 * (1.0 - 2e-6 / 3.0 + 4e-12 / 15.0)).epsilon(1e-14));
  // the series and the sampling sum meet at x = 1e-2 (D' = 1 - 2 x D ~ 1 there)
  CHECK(detail::dawson(std::nextafter(1e-2, 0.0)) == Approx(detail::dawson(1e-2)).epsilon(1e-13));
}

TEST_CASE("the half-space modes reproduce the closed-form tail over twelve decades", "[thermal][dynamics]") {
  const device::pillar_half_space_response d(1.0_ns, units::as<units::length>(3e-6),
                                              units::as<units::thermal_diffusivity>(8.8e-5));
  const double tau_s = 9e-12 / (8.0 * 8.8e-5);
  for (double h : {1e-15, 1e-12, 1e-9, 1e-7, 1e-5}) {
    const auto m = d.modes(h);
    REQUIRE(m.fast.size() == 1);
    CHECK(m.slow.size() < 250);
    double worst = 0.0;
    for (int k = 0; k <= 600; ++k) {
      const double t = h * std::pow(10.0, k / 50.0);
      double tail = 0.0;
      for (const auto& mode : m.slow) tail += mode.weight * std::exp(-mode.rate * t);
      worst = std::max(worst, std::abs(tail - 2.0 / pi * std::atan(std::sqrt(tau_s / t))));
    }
    CHECK(worst <= m.max_error);
  }
  CHECK_THROWS_AS(d.modes(0.0), invalid_parameter);
}

namespace {
/// A Gaussian laser pulse P exp(-(t - t0)^2 / (2 s^2)) at constant current.
struct gaussian_pulse {
  double t0, sigma, power, current;
  units::current current_at(units::time) const { return units::as<units::current>(current); }
  units::power power_at(units::time t) const {
    const double z = (units::in_si(t) - t0) / sigma;
    return units::as<units::power>(power * std::exp(-0.5 * z * z));
  }
  bool laser_on(units::time t) const { return units::in_si(power_at(t)) > 0.0; }
};
}  // namespace

TEST_CASE("simulate() of a Gaussian pulse through the half-space modes equals the superposition", "[thermal][dynamics][mtj]") {
  const auto j = physics::junction();
  const gaussian_pulse drive{20e-6, 5e-6, 0.15, 2e-3};
  const double dt = 0.1e-6;
  const std::size_t steps = 600;
  const auto tr = j.simulate(drive, units::as<units::time>(dt), steps);
  // the superposition of the closed-form step responses, written out here
  double variation = 0.0, worst = 0.0;
  for (std::size_t n = 1; n < steps; ++n) {
    double fast = units::in_si(drive.power_at(0.0_s)), slow = fast;
    for (std::size_t k = 1; k <= n; ++k) {
      const double dp = units::in_si(drive.power_at(double(k) * units::as<units::time>(dt))) -
                        units::in_si(drive.power_at(double(k - 1) * units::as<units::time>(dt)));
      const auto g = j.thermal.step_fractions(double(n - k + 1) * dt);
      fast += dp * g.fast;
      slow += dp * g.slow;
      if (n == steps - 1) variation += std::abs(dp);
    }
    const double v = units::in_si(j.bias_voltage(2.0_mA) +
                                  j.transient_thermovoltage(units::as<units::power>(std::max(fast, 0.0)),
                                                            units::as<units::power>(std::max(slow, 0.0)), 2.0_mA));
    worst = std::max(worst, std::abs(tr.voltage(n) - v));
  }
  // |dV| <= 1e-7 x (total power variation) x |dV/dP|, with a factor 2 for the curvature of V(P)
  const double bound = 2e-7 * variation * std::abs(units::in_si(j.dV_dP(150.0_mW, 2.0_mA)));
  CHECK(variation == Approx(0.30).epsilon(1e-3));
  CHECK(worst <= bound);
  CHECK(worst > 0.0);  // the two paths are computed differently
}
