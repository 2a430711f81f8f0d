// Tests for spinaptic/device/thermal.hpp against closed forms and the paper's number.
#include <catch2/catch.hpp>

#include <cmath>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/thermal.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

TEST_CASE("barrier conductivity of 2 nm MgO is the paper's 0.0494 W/m/K", "[thermal]") {
  const auto kappa = device::barrier_conductivity(preset::barrier_bulk_conductivity(),
                                                  preset::barrier_interface_conductance(), 2.0_nm);
  // kappa = 1 / (1/4 + 1/(2.5e7 * 2e-9)) = 1 / 20.25 (Oberbauer et al. 2025).
  CHECK(units::in_si(kappa) == Approx(0.0494).epsilon(0.005));
  CHECK(units::in_si(kappa) == Approx(1.0 / 20.25).epsilon(1e-12));
}

TEST_CASE("specific thermal resistance is 1/kappa_I + t/kappa_B", "[thermal]") {
  const auto r = device::barrier_thermal_resistivity(preset::barrier_bulk_conductivity(),
                                                     preset::barrier_interface_conductance(), 2.0_nm);
  CHECK(units::in_si(r) == Approx(4.0e-8 + 5.0e-10).epsilon(1e-12));
}

TEST_CASE("thermal step response reaches 1 - 1/e at t = tau for any step size", "[thermal]") {
  const device::thermal_response thermal(1.0_us);
  const auto target = 2.0_K;
  for (int steps : {1, 2, 7, 100, 1000}) {
    units::temperature dT = 0.0_K;
    const units::time h = 1.0_us / static_cast<double>(steps);
    for (int n = 0; n < steps; ++n) dT = thermal.step(dT, target, h);
    CHECK(units::in_si(dT) == Approx(2.0 * (1.0 - std::exp(-1.0))).epsilon(1e-12));
  }
}

TEST_CASE("laser heating: dT = zeta P + R_J I^2 R", "[thermal]") {
  const device::laser_heating heating(units::as<units::thermal_resistance>(10.0),
                                      units::as<units::thermal_resistance>(1000.0));
  const auto dT = heating.temperature_difference(150.0_mW, 3.0_mA, 40.0_Ohm);
  CHECK(units::in_si(dT) == Approx(10.0 * 0.15 + 1000.0 * 9e-6 * 40.0).epsilon(1e-14));
  CHECK(units::in_si(heating.equivalent_laser_power(1.5_K)) == Approx(0.15).epsilon(1e-14));
  // Joule heating is even in the current.
  CHECK(units::in_si(heating.temperature_difference(0.0_W, -3.0_mA, 40.0_Ohm)) ==
        units::in_si(heating.temperature_difference(0.0_W, 3.0_mA, 40.0_Ohm)));
}

TEST_CASE("thermal models refuse unphysical parameters, naming them", "[thermal][errors]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_AS(device::thermal_response(0.0_s), spinaptic::error);
  CHECK_THROWS_WITH(device::thermal_response(-1.0_us), Contains("thermal time constant"));
  CHECK_THROWS_WITH(device::barrier_conductivity(preset::barrier_bulk_conductivity(),
                                                 preset::barrier_interface_conductance(), -2.0_nm),
                    Contains("barrier thickness"));
  const device::laser_heating heating(units::as<units::thermal_resistance>(10.0),
                                      units::as<units::thermal_resistance>(0.0));
  CHECK_THROWS_WITH(heating.temperature_difference(units::as<units::power>(std::nan("")), 0.0_A, 1.0_Ohm),
                    Contains("laser power"));
  CHECK_THROWS_AS(device::laser_heating(units::as<units::thermal_resistance>(-1.0),
                                        units::as<units::thermal_resistance>(0.0)),
                  spinaptic::invalid_parameter);
}
