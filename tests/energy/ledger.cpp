// Tests for spinaptic/energy/ledger.hpp against hand-computed energies.
#include <catch2/catch.hpp>

#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/network/crossbar.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

TEST_CASE("energy per classification: laser pulses plus Joule heating, latency pulse + conversion", "[energy]") {
  network::crossbar<4, 2, preset::response_type> layer(preset::response());
  for (std::size_t j = 0; j < 4; ++j) {
    layer.set_current(j, 0, 3.0_mA);
    layer.set_current(j, 1, -1.5_mA);
  }
  // sum I^2 = 4 (9 + 2.25) mA^2 = 45e-6 A^2
  CHECK(energy::ledger::sum_squared_current(layer) == Approx(45e-6).epsilon(1e-12));
  energy::ledger ledger(150.0_mW, 40.0_Ohm, energy::ledger::sum_squared_current(layer),
                        {.laser_pulse = 5.0_us, .conversion = 1.0_us});
  const std::vector<double> a{1.0, 0.5, 0.0, 0.5}, b{0.0, 0.0, 0.0, 1.0};
  ledger.add(a.data(), 4);
  ledger.add(b.data(), 4);
  const auto cost = ledger.mean();
  // laser: mean sum p = 1.5 -> 1.5 * 150 mW * 5 us = 1.125 uJ
  CHECK(units::in_si(cost.laser) == Approx(1.125e-6).epsilon(1e-12));
  CHECK(units::in_si(cost.laser_per_row_pulse) == Approx(1.125e-6 / 4).epsilon(1e-12));
  // Joule: 45e-6 A^2 * 40 ohm * 5 us = 9 nJ
  CHECK(units::in_si(cost.joule) == Approx(9e-9).epsilon(1e-12));
  CHECK(units::in_si(cost.total()) == Approx(1.134e-6).epsilon(1e-12));
  CHECK(units::in_si(cost.latency) == Approx(6e-6).epsilon(1e-12));
  CHECK(ledger.classifications() == 2);
}

TEST_CASE("the ledger refuses unphysical settings", "[energy]") {
  CHECK_THROWS_AS(energy::ledger(0.0_W, 40.0_Ohm, 1e-6), invalid_parameter);
  CHECK_THROWS_AS(energy::ledger(150.0_mW, -1.0_Ohm, 1e-6), invalid_parameter);
  energy::read_timing zero{.laser_pulse = 0.0_s};
  CHECK_THROWS_AS(zero.latency(), invalid_parameter);
}
