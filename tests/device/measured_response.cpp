// Tests for spinaptic/device/measured_response.hpp: a user's CSV sweep, interpolated.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <spinaptic/device/measured_response.hpp>
#include <spinaptic/device/presets.hpp>
#include <string>

using namespace spinaptic;
using namespace spinaptic::literals;
using Catch::Matchers::Contains;

namespace {
std::filesystem::path write_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "spinaptic_measured_response_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}

// A bilinear function of (P, I), which bilinear interpolation must reproduce everywhere.
double bilinear(double p, double i) { return 0.001 + 0.05 * p + 2.0 * i + 30.0 * p * i; }

std::string bilinear_sweep() {
  std::string csv = "# a synthetic sweep\nstate,power_W,current_A,voltage_V\n";
  char line[128];
  for (double p : {0.0, 0.05, 0.1, 0.15})
    for (double i : {-0.003, -0.001, 0.0, 0.002, 0.003}) {
      std::snprintf(line, sizeof line, "AP,%.17g,%.17g,%.17g\n", p, i, bilinear(p, i));
      csv += line;
      std::snprintf(line, sizeof line, "P,%.17g,%.17g,%.17g\n", p, i, 0.5 * bilinear(p, i));
      csv += line;
    }
  return csv;
}

const device::response_scale unit_scale(1.0_V, 1.0_A, 1.0_W);
}  // namespace

TEST_CASE("table interpolation reproduces the grid points exactly", "[measured]") {
  const auto path = write_file("grid.csv", bilinear_sweep());
  const auto r = device::measured_tms::from_csv(path.string(), unit_scale);
  for (double p : {0.0, 0.05, 0.1, 0.15})
    for (double i : {-0.003, -0.001, 0.0, 0.002, 0.003}) {
      CHECK(units::in_si(r.thermovoltage(device::antiparallel, units::as<units::power>(p),
                                         units::as<units::current>(i))) == bilinear(p, i));
      CHECK(units::in_si(r.thermovoltage(device::parallel, units::as<units::power>(p),
                                         units::as<units::current>(i))) == 0.5 * bilinear(p, i));
    }
}

TEST_CASE("table interpolation reproduces a bilinear function and its derivatives to 1e-12", "[measured]") {
  const auto path = write_file("bilinear.csv", bilinear_sweep());
  const auto r = device::measured_tms::from_csv(path.string());  // scale taken from the data
  CHECK(units::in_si(r.max_current()) == 0.003);
  CHECK(units::in_si(r.max_power()) == 0.15);
  CHECK(units::in_si(r.max_voltage()) == Approx(bilinear(0.15, 0.003)).epsilon(1e-15));
  for (double p : {0.003, 0.071, 0.149})
    for (double i : {-0.0029, -0.0004, 0.00123, 0.0029}) {
      const auto pq = units::as<units::power>(p);
      const auto iq = units::as<units::current>(i);
      CHECK(units::in_si(r.thermovoltage(device::antiparallel, pq, iq)) == Approx(bilinear(p, i)).epsilon(1e-12));
      CHECK(units::in_si(r.dV_dI(device::antiparallel, pq, iq)) == Approx(2.0 + 30.0 * p).epsilon(1e-12));
      CHECK(units::in_si(r.dV_dP(device::antiparallel, pq, iq)) == Approx(0.05 + 30.0 * i).epsilon(1e-12));
    }
}

TEST_CASE("a table sampled from the preset surface approximates it", "[measured]") {
  // Sample the paper's cubic surface on a fine grid; bilinear error is bounded by h^2/8 max|f''|.
  const auto surface = device::presets::hybrid_mgo_800nm::response();
  std::string csv = "state,power_W,current_A,voltage_V\n";
  char line[128];
  for (int a = 0; a <= 10; ++a)
    for (int b = -60; b <= 60; ++b) {
      const double p = 0.015 * a, i = 0.00005 * b;
      std::snprintf(line, sizeof line, "AP,%.17g,%.17g,%.17g\n", p, i,
                    units::in_si(surface.thermovoltage(device::antiparallel, units::as<units::power>(p),
                                                       units::as<units::current>(i))));
      csv += line;
    }
  const auto r = device::measured_tms::from_csv(write_file("sampled.csv", csv).string());
  // |f_xx| <= V_max (2 c2 + 6 c3) / I_max^2, h_I = 50 uA -> error <= 23.35 mV * 3.2 * (1/60)^2 / 8.
  const double bound = 23.35e-3 * 3.2 / (60.0 * 60.0) / 8.0;
  for (double i : {-0.00291, 0.00117, 0.00248}) {
    const double exact = units::in_si(surface.thermovoltage(device::antiparallel, 0.1_W, units::as<units::current>(i)));
    CHECK(std::abs(units::in_si(r.thermovoltage(device::antiparallel, 0.1_W, units::as<units::current>(i))) - exact) <=
          bound);
  }
  CHECK_FALSE(r.has_state(device::parallel));
  CHECK_THROWS_WITH(r.thermovoltage(device::parallel, 0.1_W, 1.0_mA), Contains("no data for the P state"));
}

TEST_CASE("malformed sweeps are refused with file, line and column", "[measured][errors]") {
  SECTION("missing column") {
    const auto path = write_file("missing.csv", "state,power_W,voltage_V\nAP,0.1,0.02\n");
    CHECK_THROWS_AS(device::measured_tms::from_csv(path.string()), spinaptic::file_error);
    CHECK_THROWS_WITH(device::measured_tms::from_csv(path.string()),
                      Contains("missing.csv") && Contains("line 1") && Contains("current_A"));
  }
  SECTION("a non-number names line and column") {
    const auto path = write_file("nonnumber.csv",
                                 "state,power_W,current_A,voltage_V\nAP,0,0,0\nAP,0.1,0.0o3,0.02\n");
    CHECK_THROWS_WITH(device::measured_tms::from_csv(path.string()),
                      Contains("nonnumber.csv") && Contains("line 3, column 8") && Contains("0.0o3"));
  }
  SECTION("an unknown state") {
    const auto path = write_file("state.csv", "state,power_W,current_A,voltage_V\nup,0,0,0\n");
    CHECK_THROWS_WITH(device::measured_tms::from_csv(path.string()), Contains("line 2, column 1"));
  }
  SECTION("a row with too few fields") {
    const auto path = write_file("short.csv", "state,power_W,current_A,voltage_V\nAP,0,0\n");
    CHECK_THROWS_WITH(device::measured_tms::from_csv(path.string()),
                      Contains("line 2") && Contains("expected 4 columns"));
  }
  SECTION("an incomplete grid") {
    const auto path = write_file("holes.csv",
                                 "state,power_W,current_A,voltage_V\nAP,0,0,0\nAP,0,1,1\nAP,1,0,1\n");
    CHECK_THROWS_WITH(device::measured_tms::from_csv(path.string()), Contains("not a full grid"));
  }
  SECTION("a negative power") {
    const auto path = write_file("negative.csv", "state,power_W,current_A,voltage_V\nAP,-0.1,0,0\n");
    CHECK_THROWS_WITH(device::measured_tms::from_csv(path.string()), Contains("line 2, column 4"));
  }
  SECTION("a file that does not exist") {
    CHECK_THROWS_WITH(device::measured_tms::from_csv("/nonexistent/sweep.csv"),
                      Contains("/nonexistent/sweep.csv") && Contains("cannot open"));
  }
  SECTION("a drive outside the measured range") {
    const auto r = device::measured_tms::from_csv(write_file("range.csv", bilinear_sweep()).string());
    CHECK_THROWS_WITH(r.thermovoltage(device::antiparallel, 0.2_W, 1.0_mA), Contains("laser power"));
    CHECK_THROWS_WITH(r.dV_dI(device::antiparallel, 0.1_W, 4.0_mA), Contains("bias current"));
  }
}
