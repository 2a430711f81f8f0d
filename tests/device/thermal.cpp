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
