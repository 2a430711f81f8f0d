// Tests for spinaptic/units.hpp: literals, the SI boundary helpers, derived units.
#include <catch2/catch.hpp>

#include <sstream>
#include <spinaptic/units.hpp>
#include <spinaptic/units_io.hpp>
#include <type_traits>

using namespace spinaptic;
using namespace spinaptic::literals;

TEST_CASE("literals carry SI prefixes into SI base units", "[units]") {
  CHECK(units::in_si(3.0_mA) == 3.0e-3);
  CHECK(units::in_si(150.0_mW) == Approx(0.15).epsilon(1e-15));
  CHECK(units::in_si(23.35_mV) == Approx(0.02335).epsilon(1e-15));
  CHECK(units::in_si(800.0_nm) == Approx(8e-7).epsilon(1e-15));
  CHECK(units::in_si(1.0_us) == 1e-6);
  CHECK(units::in_si(100.0_kHz) == 1e5);
  CHECK(units::in_si(units::as<units::current>(0.25)) == 0.25);
}

TEST_CASE("products and quotients have the dimensions physics says", "[units]") {
  // Ohm's law and Joule power.
  static_assert(std::is_same_v<decltype(3.0_mA * 40.0_Ohm), units::voltage>);
  static_assert(std::is_same_v<decltype(3.0_mA * 3.0_mA * 40.0_Ohm), units::power>);
  static_assert(std::is_same_v<decltype(150.0_mW * 1.0_us), units::energy>);
  // kappa_I * t is a bulk conductivity; t / kappa a specific thermal resistance; (K/W) * W = K.
  static_assert(std::is_same_v<decltype(units::as<units::interface_conductance>(1.0) * 2.0_nm),
                               units::thermal_conductivity>);
  static_assert(std::is_same_v<decltype(2.0_nm / units::as<units::thermal_conductivity>(1.0)),
                               units::specific_thermal_resistance>);
  static_assert(std::is_same_v<decltype(units::as<units::thermal_resistance>(1.0) * 1.0_W), units::temperature>);
  static_assert(std::is_same_v<decltype(units::as<units::seebeck_coefficient>(1.0) * 1.0_K), units::voltage>);
  static_assert(std::is_same_v<decltype(units::as<units::area_resistance>(1.0) / units::as<units::area>(1.0)),
                               units::resistance>);
  static_assert(std::is_same_v<decltype(1.0_V / 1.0_W), units::responsivity>);
  const auto joule = 3.0_mA * 3.0_mA * 40.0_Ohm * 1.0_us;
  CHECK(units::in_si(joule) == Approx(9e-6 * 40.0 * 1e-6).epsilon(1e-15));
}

TEST_CASE("quantities print with their SI unit", "[units]") {
  std::ostringstream s;
  s << 2.0_K;
  CHECK(s.str() == "2 K");
}
