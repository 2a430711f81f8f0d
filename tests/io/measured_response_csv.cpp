// Tests for the CSV reading of spinaptic/device/measured_response.hpp: values that overflow
// once divided by the scale are refused at their file, line and column.
#include <catch2/catch.hpp>

#include <string>

#include <spinaptic/device/measured_response.hpp>

#include "../support/temp_dir.hpp"

using namespace spinaptic;

TEST_CASE("measured response CSV: a voltage that overflows after scaling names its file, line and column",
          "[io][measured]") {
  // The scale is taken from the data: V_max = the AP value at (P_max, I_max) = 1e-300 V, so the
  // 1e300 V at line 3 becomes 1e600 V_max: beyond the largest double (1.8e308).
  const std::string text =
      "state,power_W,current_A,voltage_V\n"
      "AP,0,0,1e300\n"
      "AP,0,1,1\n"
      "AP,1,0,1\n"
      "AP,1,1,1e-300\n";
  testing::temp_dir dir;
  const auto path = dir.write("sweep.csv", text);
  CHECK_THAT(testing::file_error_message([&] { (void)device::measured_tms::from_csv(path); }),
             Catch::Contains("sweep.csv:line 2, column 8") && Catch::Contains("measured voltage / V_max = inf") &&
                 Catch::Contains("overflows after scaling"));
}

TEST_CASE("measured response CSV: a current that overflows under a given scale names its field", "[io][measured]") {
  using namespace spinaptic::literals;
  const auto table = io::parse_csv("state,power_W,current_A,voltage_V\nP,0,0,1\nP,0,1e300,1\nP,1,0,1\nP,1,1e300,1\n",
                                   "given.csv");
  const device::response_scale tiny(1.0_V, units::as<units::current>(1e-300), 1.0_W);
  CHECK_THAT(testing::file_error_message([&] { (void)device::measured_tms::from_table(table, tiny); }),
             Catch::Contains("given.csv:line 3, column 5") && Catch::Contains("measured current / I_max = inf"));
}

TEST_CASE("measured response CSV: finite +-1e308 voltages whose dV/dI overflows to -inf are refused", "[io][measured]") {
  // Every value is finite, but over one cell V falls from 1e308 V to -1e308 V across 1 A:
  // dV/dI = -2e308 ohm, beyond the largest double (issue 19, item 16).
  const std::string text =
      "state,power_W,current_A,voltage_V\n"
      "AP,0,0,1e308\n"
      "AP,0,1,-1e308\n"
      "AP,1,0,1e308\n"
      "AP,1,1,-1e308\n";
  testing::temp_dir dir;
  const auto path = dir.write("steep.csv", text);
  try {
    (void)device::measured_tms::from_csv(path);
    FAIL("an overflowing dV/dI was accepted");
  } catch (const spinaptic::error& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("dV/dI [ohm] = -inf") && Catch::Contains("P = 0 W, I = 0 A"));
  }
  // the same magnitudes with a gentle slope load and give the closed-form dV/dI = 0
  const auto flat = dir.write("flat.csv", "state,power_W,current_A,voltage_V\nAP,0,0,1e308\nAP,0,1,1e308\nAP,1,0,1e308\nAP,1,1,1e308\n");
  const auto m = device::measured_tms::from_csv(flat);
  using namespace spinaptic::literals;
  CHECK(units::in_si(m.dV_dI(device::magnetic_state::antiparallel, units::as<units::power>(0.5), units::as<units::current>(0.5))) == 0.0);
}
