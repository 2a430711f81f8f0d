// Tests for spinaptic/calibration (optional, Eigen): fits of synthetic sweeps generated from known
// parameters plus seeded Gaussian noise recover those parameters within their standard errors,
// and the residual RMS estimates the noise.
#include <catch2/catch.hpp>

#include <cmath>
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
