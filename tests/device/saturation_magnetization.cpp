// Tests for spinaptic/device/saturation_magnetization.hpp: Bloch's law at points where it has exact
// values, and the macrospin and the vortex free layer reading the same law.
#include <catch2/catch.hpp>

#include <spinaptic/device/macrospin.hpp>
#include <spinaptic/device/saturation_magnetization.hpp>
#include <spinaptic/device/vortex_statics.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

TEST_CASE("Bloch law: Ms(0) at 0 K, 7/8 Ms(0) at T_C/4, 0 at and above T_C, constant when T_C = 0", "[device][magnetization]") {
  CHECK(device::bloch_saturation_magnetization(8e5, 800.0, 0.0) == 8e5);
  CHECK(device::bloch_saturation_magnetization(8e5, 800.0, 200.0) == Approx(0.875 * 8e5).epsilon(1e-15));
  CHECK(device::bloch_saturation_magnetization(8e5, 800.0, 800.0) == 0.0);
  CHECK(device::bloch_saturation_magnetization(8e5, 800.0, 1200.0) == 0.0);
  CHECK(device::bloch_saturation_magnetization(8e5, 0.0, 500.0) == 8e5);
}

TEST_CASE("Bloch law: the macrospin and the vortex free layer give the same Ms(T)", "[device][magnetization]") {
  device::macrospin_parameters m{};
  m.saturation_magnetization = units::as<units::magnetic_field_strength>(1.1e6);
  m.curie_temperature = 850.0_K;
  device::vortex_parameters v{units::as<units::length>(400e-9), units::as<units::length>(9e-9),
                              units::as<units::magnetic_field_strength>(1.1e6)};
  v.curie_temperature = 850.0_K;
  for (double t : {0.0, 77.0, 295.0, 400.0, 849.0, 900.0}) {
    CHECK(m.saturation_magnetization_at(t) == v.saturation_magnetization_at(t));
    CHECK(m.saturation_magnetization_at(t) == device::bloch_saturation_magnetization(1.1e6, 850.0, t));
  }
}
