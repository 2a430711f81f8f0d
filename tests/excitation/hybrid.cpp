// Tests for spinaptic/excitation/*: drives and the lock-in style V_AC / V_DC split.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/excitation/electrical.hpp>
#include <spinaptic/excitation/hybrid.hpp>
#include <spinaptic/excitation/optical.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using Catch::Matchers::Contains;

TEST_CASE("the V_AC/V_DC split recovers the components of a synthetic trace", "[excitation]") {
  // V(t) = V0 + A s(t) + ripple(t): s a 30 % duty square wave, ripple a zero-mean sine whose
  // period divides both laser windows, so mean(on) - mean(off) = A and mean = V0 + 0.3 A.
  const std::size_t n = 10000, period = 100, on_samples = 30;
  auto trace = xt::xtensor<double, 1>::from_shape({n});
  auto on = xt::xtensor<bool, 1>::from_shape({n});
  const double v0 = 0.0834, a = 0.0172;
  for (std::size_t k = 0; k < n; ++k) {
    on(k) = k % period < on_samples;
    const double ripple = 1e-3 * std::sin(2.0 * std::numbers::pi * static_cast<double>(k % 10) / 10.0);
    trace(k) = v0 + (on(k) ? a : 0.0) + ripple;
  }
  const auto parts = excitation::split_ac_dc(trace, on);
  CHECK(units::in_si(parts.ac) == Approx(a).epsilon(1e-12));
  CHECK(units::in_si(parts.dc) == Approx(v0 + 0.3 * a).epsilon(1e-12));
}

TEST_CASE("split_ac_dc refuses mismatched sizes and a laser that is never off", "[excitation][errors]") {
  auto trace = xt::xtensor<double, 1>::from_shape({10});
  auto on = xt::xtensor<bool, 1>::from_shape({9});
  CHECK_THROWS_AS(excitation::split_ac_dc(trace, on), spinaptic::size_mismatch);
  auto always = xt::xtensor<bool, 1>::from_shape({10});
  always.fill(true);
  CHECK_THROWS_WITH(excitation::split_ac_dc(trace, always), Contains("off: 0"));
}

TEST_CASE("laser pulse trains: square and Gaussian average power", "[excitation]") {
  const excitation::laser_pulse_train<excitation::square_pulse> square(150.0_mW, 2.0_us, 100.0_kHz);
  const excitation::laser_pulse_train<excitation::gaussian_pulse> gauss(150.0_mW, 0.5_us, 100.0_kHz);
  CHECK(units::in_si(square.power_at(1.0_us)) == 0.15);
  CHECK(units::in_si(square.power_at(3.0_us)) == 0.0);
  CHECK(units::in_si(square.power_at(11.5_us)) == 0.15);
  CHECK(units::in_si(gauss.power_at(1.0_us)) == Approx(0.15));     // centre at 2 FWHM
  CHECK(units::in_si(gauss.power_at(1.25_us)) == Approx(0.075));   // half maximum at centre + FWHM/2
  // Riemann sums over one period against the closed forms P w f and P w f sqrt(pi / 4 ln 2).
  for (int which = 0; which < 2; ++which) {
    double sum = 0.0;
    const int n = 100000;
    for (int k = 0; k < n; ++k) {
      const auto t = (static_cast<double>(k) + 0.5) * 10.0_us / static_cast<double>(n);
      sum += units::in_si(which == 0 ? square.power_at(t) : gauss.power_at(t));
    }
    const double expected = units::in_si(which == 0 ? square.average_power() : gauss.average_power());
    CHECK(sum / n == Approx(expected).epsilon(1e-4));  // Gaussian tails beyond [0, 4 w): 2^-16
  }
}

TEST_CASE("current pulse trains and DC bias", "[excitation]") {
  const excitation::current_pulse_train pulses(1.0_mA, 2.0_mA, 10.0_ns, 100.0_ns, 5.0_ns);
  CHECK(units::in_si(pulses.current_at(0.0_ns)) == 1e-3);
  CHECK(units::in_si(pulses.current_at(6.0_ns)) == Approx(3e-3));
  CHECK(units::in_si(pulses.current_at(16.0_ns)) == Approx(1e-3));
  CHECK(units::in_si(pulses.current_at(107.0_ns)) == Approx(3e-3));
  CHECK(units::in_si(excitation::dc_bias(-2.0_mA).current_at(1.0_s)) == -2e-3);
  CHECK_THROWS_WITH(excitation::current_pulse_train(0.0_A, 1.0_mA, 10.0_ns, 5.0_ns), Contains("period"));
  CHECK_THROWS_WITH(excitation::laser_pulse_train<>(150.0_mW, 20.0_us, 100.0_kHz), Contains("overlap"));
  CHECK_THROWS_WITH(excitation::laser_pulse_train<>(units::as<units::power>(std::nan("")), 1.0_us, 1.0_kHz),
                    Contains("peak power"));
}

TEST_CASE("a hybrid-driven junction: V_AC approaches the thermovoltage for pulses >> tau", "[excitation][mtj]") {
  const auto junction = device::presets::hybrid_mgo_800nm::junction();
  // 50 us pulses, tau = 1 us: the lagged heating reaches steady state within each pulse except
  // for an initial transient of area tau (P_eff lags by exp(-t/tau)).
  const excitation::hybrid drive{excitation::dc_bias(2.0_mA),
                                 excitation::laser_pulse_train<>(100.0_mW, 50.0_us, 10.0_kHz, 10.0_us)};
  const std::size_t steps = 100000;  // 1 ms at 10 ns
  const auto trace = junction.simulate(drive, 10.0_ns, steps);
  const auto parts = excitation::split_ac_dc(trace.voltage, trace.laser_on);
  const double v_th = units::in_si(junction.thermovoltage(100.0_mW, 2.0_mA));
  // Lag: during the 50 us on-window the response is short by tau/50us of v_th on average and
  // the off window gains the same area (spread over 50 us): V_AC = v_th (1 - 2 tau / 50 us).
  CHECK(units::in_si(parts.ac) == Approx(v_th * (1.0 - 2.0 * 1.0 / 50.0)).epsilon(2e-3));
  // V_DC = I R + the mean thermovoltage (duty 0.5).
  CHECK(units::in_si(parts.dc) ==
        Approx(units::in_si(junction.bias_voltage(2.0_mA)) + 0.5 * v_th).epsilon(1e-3));
}
