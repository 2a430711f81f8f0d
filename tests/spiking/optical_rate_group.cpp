// Optical-rate input groups (network/spiking/optical_rate_group.hpp): the pixel -> power -> rate
// map, Poisson pulse counts against their binomial mean and variance, periodic trains counted
// exactly, the jittered train's interval variance J^2/6 and neighbour covariance -J^2/12 of
// uniform jitter, and parameter errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "spinaptic/network/spiking/optical_rate_group.hpp"
#include "spinaptic/network/spiking/poisson_group.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace ss = spinaptic::network::spiking;

namespace {

/// Spike steps of every member over `steps` steps.
template <class Group>
std::vector<std::vector<std::uint64_t>> trains(Group& g, std::size_t steps) {
  std::vector<std::uint8_t> fired(g.size());
  std::vector<std::vector<std::uint64_t>> t(g.size());
  for (std::uint64_t s = 0; s < steps; ++s) {
    g.update(0, g.size(), s, fired.data());
    for (std::size_t i = 0; i < g.size(); ++i)
      if (fired[i]) t[i].push_back(s);
  }
  return t;
}

ss::optical_rate_parameters laser(ss::pulse_timing timing, units::time jitter = 0.0_s) {
  // 0.15 mW mean at 200 Hz: pulses of 150 mW for 5 us (the paper device's P_max, 0.75 uJ each)
  return {units::as<units::power>(0.15e-3), 200.0_Hz, timing, jitter};
}

}  // namespace

TEST_CASE("optical rate group: a pixel sets P = P_max x / x_max and the pulse rate f_max P / P_max") {
  ss::optical_rate_group g(3, laser(ss::pulse_timing::poisson));
  const std::vector<double> pixels{0.0, 51.0, 255.0};
  g.set_pixels(pixels.data(), 255.0);
  CHECK(units::in_si(g.pulse_energy()) == Approx(0.75e-6).epsilon(1e-12));  // 150 mW x 5 us
  CHECK(units::in_si(g.power(0)) == 0.0);
  CHECK(units::in_si(g.power(1)) == Approx(0.03e-3).epsilon(1e-12));         // a fifth of 0.15 mW
  CHECK(units::in_si(g.rate(1)) == Approx(40.0).epsilon(1e-12));             // a fifth of 200 Hz
  CHECK(units::in_si(g.rate(2)) == Approx(200.0).epsilon(1e-12));
  g.set_power(0, units::as<units::power>(0.075e-3));
  CHECK(units::in_si(g.rate(0)) == Approx(100.0).epsilon(1e-12));
  g.set_dark();
  CHECK(units::in_si(g.rate(2)) == 0.0);
}

TEST_CASE("optical rate group, Poisson pulses: counts have the binomial mean and variance") {
  // 2000 lasers at half scale (100 Hz), dt = 0.1 ms, 1 s: count ~ Binomial(10^4, 0.01),
  // mean 100, variance 99.
  const std::size_t n = 2000, steps = 10000;
  ss::optical_rate_group g(n, laser(ss::pulse_timing::poisson));
  std::vector<double> half(n, 0.5);
  g.set_pixels(half.data(), 1.0);
  g.prepare(1e-4, 11);
  const auto t = trains(g, steps);
  double sum = 0.0, sum2 = 0.0;
  for (const auto& train : t) {
    sum += static_cast<double>(train.size());
    sum2 += static_cast<double>(train.size() * train.size());
  }
  const double members = static_cast<double>(n), mean = sum / members,
               var = (sum2 - members * mean * mean) / (members - 1.0);
  CHECK(std::abs(mean - 100.0) < 4.0 * std::sqrt(99.0 / members));
  CHECK(std::abs(var - 99.0) < 4.0 * 99.0 * std::sqrt(2.0 / (members - 1.0)));
  // the same seed and rates draw the trains of a poisson_group (one stream for both)
  ss::poisson_group p(n);
  p.set_rate_all(100.0_Hz);
  p.prepare(1e-4, 11);
  ss::optical_rate_group again(n, laser(ss::pulse_timing::poisson));
  again.set_pixels(half.data(), 1.0);
  again.prepare(1e-4, 11);
  CHECK(trains(p, 2000) == trains(again, 2000));
}

TEST_CASE("optical rate group, periodic pulses: a regular train is counted exactly") {
  // without jitter a laser of rate nu fires floor(phi + nu T) pulses in T, phi in [0, 1): exactly
  // nu T for whole nu T, with intervals of 1/nu (to one step)
  const std::size_t n = 50, steps = 10000;  // 1 s at dt = 0.1 ms
  ss::optical_rate_group g(n, laser(ss::pulse_timing::periodic));
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(i % 5);  // 0, 50, 100, 150, 200 Hz
  g.set_pixels(x.data(), 4.0);
  g.prepare(1e-4, 5);
  const auto t = trains(g, steps);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t expected = 50 * (i % 5);
    CHECK(t[i].size() == expected);
    for (std::size_t k = 1; k < t[i].size(); ++k) {
      const auto isi = t[i][k] - t[i][k - 1], period = 10000 / expected;  // steps
      CHECK((isi + 1 >= period && isi <= period + 1));
    }
  }
}

TEST_CASE("optical rate group, periodic pulses with jitter: interval variance J^2/6, neighbour covariance -J^2/12") {
  // 100 Hz (10 ms period), uniform jitter of full width J = 4 ms, dt = 0.01 ms (its quantisation
  // adds dt^2/6 ~ 6e-6 of J^2/6); 400 lasers for 2 s: ~80000 intervals
  const std::size_t n = 400, steps = 200000;
  const double dt = 1e-5, J = 4e-3;
  ss::optical_rate_group g(n, laser(ss::pulse_timing::periodic, units::as<units::time>(J)));
  std::vector<double> half(n, 0.5);
  g.set_pixels(half.data(), 1.0);
  g.prepare(dt, 21);
  const auto t = trains(g, steps);
  double sum = 0.0, sum2 = 0.0, lag = 0.0;
  std::size_t count = 0, pairs = 0;
  for (const auto& train : t) {
    for (std::size_t k = 1; k < train.size(); ++k) {
      const double isi = static_cast<double>(train[k] - train[k - 1]) * dt - 0.01;
      sum += isi;
      sum2 += isi * isi;
      ++count;
      if (k >= 2) {
        lag += isi * (static_cast<double>(train[k - 1] - train[k - 2]) * dt - 0.01);
        ++pairs;
      }
    }
  }
  REQUIRE(count > 70000);
  const double c = static_cast<double>(count), m = sum / c, var = sum2 / c - m * m,
               cov = lag / static_cast<double>(pairs) - m * m;
  CHECK(std::abs(m) < 1e-5);                                 // mean interval 1/nu (to 0.1 % of it)
  CHECK(var == Approx(J * J / 6.0).epsilon(0.05));           // relative standard error ~1 %
  CHECK(cov == Approx(-J * J / 12.0).epsilon(0.05));
}

TEST_CASE("optical rate group: parameter errors name the parameter") {
  CHECK_THROWS_AS(ss::optical_rate_group(4, {0.0_W, 200.0_Hz}), invalid_parameter);
  CHECK_THROWS_AS(ss::optical_rate_group(4, {1.0_mW, 0.0_Hz}), invalid_parameter);
  ss::optical_rate_group g(4, laser(ss::pulse_timing::periodic, 5.0_ms));
  CHECK_THROWS_WITH(g.set_power(0, 1.0_mW), Catch::Contains("laser power P"));
  const std::vector<double> too_bright{0.0, 1.0, 2.0, 3.0};
  CHECK_THROWS_WITH(g.set_pixels(too_bright.data(), 2.0), Catch::Contains("pixel value"));
  CHECK_THROWS_WITH(g.prepare(1e-4, 1), Catch::Contains("jitter"));  // 5 ms + 0.1 ms > 1/200 Hz
}
