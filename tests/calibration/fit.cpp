// Tests for spinaptic/calibration (optional, Eigen): fits of synthetic sweeps generated from known
// parameters plus seeded Gaussian noise recover those parameters within their standard errors,
// and the residual RMS estimates the noise.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <random>
#include <string>

#include "spinaptic/calibration.hpp"
#include "spinaptic/device/presets.hpp"
#include "../support/temp_dir.hpp"

using namespace spinaptic;
using device::magnetic_state;

namespace {
/// 7 powers x 13 currents per state, the sweep a lock-in measurement would take.
template <class Model>
device::measured_sweep synthetic(const Model& voltage, double sigma, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::normal_distribution<double> noise(0.0, sigma);
  device::measured_sweep s;
  for (auto state : {magnetic_state::parallel, magnetic_state::antiparallel})
    for (int i = 0; i <= 6; ++i)
      for (int k = -6; k <= 6; ++k) {
        const double p = 0.025 * i, current = 0.5e-3 * k;
        s.add(state, p, current, voltage(state, p, current) + noise(engine));
      }
  return s;
}
}  // namespace

TEST_CASE("linear least squares recovers the polynomial surface within its standard errors", "[calibration]") {
  using surface = device::bias_enhanced_tms<1>;
  const device::response_scale scale(units::as<units::voltage>(23.35e-3), units::as<units::current>(3e-3),
                                     units::as<units::power>(0.15));
  const surface truth(scale, {{{0.01, 0.12, 0.03, 0.15}}}, {{{0.02, 0.4, 0.1, 0.5}}});
  const double sigma = 50e-6;
  const auto sweep = synthetic(
      [&](magnetic_state s, double p, double i) {
        return units::in_si(truth.thermovoltage(s, units::as<units::power>(p), units::as<units::current>(i)));
      },
      sigma, 11);
  const auto result = calibration::fit_polynomial_surface<1>(sweep, scale);
  REQUIRE(result.fit.values.size() == 8);
  const std::array<double, 8> expected{0.01, 0.12, 0.03, 0.15, 0.02, 0.4, 0.1, 0.5};
  for (int n = 0; n < 8; ++n) {
    INFO(result.fit.names[std::size_t(n)]);
    CHECK(std::abs(result.fit.values[n] - expected[std::size_t(n)]) < 3.0 * result.fit.standard_errors[n]);
    CHECK(result.fit.standard_errors[n] > 0.0);
  }
  // The RMS residual estimates sigma (182 points, 8 parameters: within 15 %).
  CHECK(result.fit.rms_residual == Approx(sigma).epsilon(0.15));
  CHECK(result.response.coefficients(device::antiparallel)[0][3] == Approx(result.fit.values[7]));
}

TEST_CASE("Levenberg-Marquardt recovers the physics parameters within their standard errors", "[calibration]") {
  using physics = device::presets::physics_mgo_800nm;
  // Truth: the preset's stack with other thermoelectric and temperature coefficients.
  Eigen::VectorXd truth(5);
  truth << -45e-6, -65e-6, -1.2e-3, 3.5e-3, 1.2e-2;
  const auto which = calibration::all_physics_parameters();
  const auto truth_junction = calibration::detail_physics_fit::with(physics::junction(), which, truth);
  const double sigma = 20e-6;  // 20 uV lock-in noise
  const auto sweep = synthetic(
      [&](magnetic_state s, double p, double i) {
        return units::in_si(truth_junction.response.thermovoltage(s, units::as<units::power>(p), units::as<units::current>(i),
                                                             truth_junction.resistance_model, truth_junction.heating));
      },
      sigma, 5);
  // Through the CSV format, as a user's file would come in.
  spinaptic::testing::temp_dir dir;
  const std::string path = dir.file("sweep.csv");
  device::write_sweep(path, sweep);
  const auto loaded = device::read_sweep(path);
  REQUIRE(loaded.size() == sweep.size());

  const auto result = calibration::fit_physics_response(loaded, physics::junction());  // start: the preset
  for (Eigen::Index n = 0; n < 5; ++n) {
    INFO(result.fit.names[std::size_t(n)] << " = " << result.fit.values[n] << " +- " << result.fit.standard_errors[n]
                                          << ", truth " << truth[n]);
    CHECK(std::abs(result.fit.values[n] - truth[n]) < 3.0 * result.fit.standard_errors[n]);
    CHECK(result.fit.standard_errors[n] < 0.05 * std::abs(truth[n]));  // and the data pin them down
  }
  CHECK(result.fit.rms_residual == Approx(sigma).epsilon(0.15));
  CHECK(result.fit.iterations > 0);
}

TEST_CASE("a malformed sweep file names the file, line and column", "[calibration]") {
  spinaptic::testing::temp_dir dir;
  const std::string path = dir.write("bad.csv", "state,power_W,current_A,voltage_V\nAP,0.1,0.001,0.002\nXP,0.1,0.002,0.003\n");
  try {
    (void)device::read_sweep(path);
    FAIL("no exception");
  } catch (const file_error& e) {
    CHECK(std::string(e.what()).find("line 3") != std::string::npos);
    CHECK(std::string(e.what()).find("XP") != std::string::npos);
  }
}

namespace {
/// Fraction of |z| below 1 and below 1.96 over all parameters and seeds, z = (fit - truth) / standard error.
struct coverage {
  std::size_t inside_1 = 0, inside_196 = 0, total = 0;
  void add(const calibration::fit_result& f, const Eigen::VectorXd& truth) {
    for (Eigen::Index n = 0; n < truth.size(); ++n) {
      const double z = std::abs(f.values[n] - truth[n]) / f.standard_errors[n];
      inside_1 += z < 1.0;
      inside_196 += z < 1.96;
      ++total;
    }
  }
};
}  // namespace

TEST_CASE("the polynomial fit's standard errors cover the truth at their nominal rate over 400 seeds",
          "[calibration][coverage]") {
  // Linear least squares with Gaussian noise: z is Student-t with n - k = 174 degrees of freedom, so
  // P(|z| < 1) = 0.681 and P(|z| < 1.96) = 0.948. 3200 z values (8 per seed, correlated within a seed):
  // the binomial standard deviation of the rates is below 0.009 (independent) and the tolerance 0.03.
  using surface = device::bias_enhanced_tms<1>;
  const device::response_scale scale(units::as<units::voltage>(23.35e-3), units::as<units::current>(3e-3),
                                     units::as<units::power>(0.15));
  const surface truth(scale, {{{0.01, 0.12, 0.03, 0.15}}}, {{{0.02, 0.4, 0.1, 0.5}}});
  Eigen::VectorXd expected(8);
  expected << 0.01, 0.12, 0.03, 0.15, 0.02, 0.4, 0.1, 0.5;
  coverage c;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    const auto sweep = synthetic(
        [&](magnetic_state s, double p, double i) {
          return units::in_si(truth.thermovoltage(s, units::as<units::power>(p), units::as<units::current>(i)));
        },
        50e-6, seed);
    c.add(calibration::fit_polynomial_surface<1>(sweep, scale).fit, expected);
  }
  CHECK(double(c.inside_1) / double(c.total) == Approx(0.681).margin(0.03));
  CHECK(double(c.inside_196) / double(c.total) == Approx(0.948).margin(0.03));
}

TEST_CASE("the physics fit's standard errors cover the truth at their nominal rate over 200 seeds",
          "[calibration][coverage]") {
  // Levenberg-Marquardt from the preset on 56 points (4 powers x 7 currents x 2 states, 20 uV noise):
  // with the model nearly linear in its five parameters over their standard errors, z is close to
  // Student-t with 51 degrees of freedom: P(|z| < 1) = 0.678, P(|z| < 1.96) = 0.944. 1000 z values;
  // tolerance 0.04 (the binomial standard deviation is 0.015 and 0.007 for independent z).
  using physics = device::presets::physics_mgo_800nm;
  Eigen::VectorXd truth(5);
  truth << -45e-6, -65e-6, -1.2e-3, 3.5e-3, 1.2e-2;
  const auto which = calibration::all_physics_parameters();
  const auto truth_junction = calibration::detail_physics_fit::with(physics::junction(), which, truth);
  coverage c;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> noise(0.0, 20e-6);
    device::measured_sweep s;
    for (auto state : {magnetic_state::parallel, magnetic_state::antiparallel})
      for (int i = 1; i <= 4; ++i)
        for (int k = -3; k <= 3; ++k) {
          const double p = 0.0375 * i, current = 1e-3 * k;
          s.add(state, p, current,
                units::in_si(truth_junction.response.thermovoltage(state, units::as<units::power>(p),
                                                                    units::as<units::current>(current),
                                                                    truth_junction.resistance_model,
                                                                    truth_junction.heating)) +
                    noise(engine));
        }
    c.add(calibration::fit_physics_response(s, physics::junction()).fit, truth);
  }
  CHECK(double(c.inside_1) / double(c.total) == Approx(0.678).margin(0.04));
  CHECK(double(c.inside_196) / double(c.total) == Approx(0.944).margin(0.04));
}
