// Tests for spinaptic/device/resistance.hpp against closed forms.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/resistance.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

TEST_CASE("R = RA / A for the paper's 800 nm pillar", "[resistance]") {
  const auto area = device::pillar_geometry::circular(800.0_nm).area();
  CHECK(units::in_si(area) == Approx(std::numbers::pi * 0.4e-6 * 0.4e-6).epsilon(1e-14));
  const auto r = device::resistance_from_area_product(units::as<units::area_resistance>(10e-12), area);
  CHECK(units::in_si(r) == Approx(10e-12 / (std::numbers::pi * 0.16e-12)).epsilon(1e-14));  // 19.89 ohm
}

TEST_CASE("Julliere: P1 = P2 = 0.577 gives TMR = 100 % within 1 %", "[resistance]") {
  CHECK(device::julliere_tmr(0.577, 0.577) == Approx(1.0).epsilon(0.01));
  // 2 P^2 / (1 - P^2) = 1 exactly at P = 1/sqrt(3).
  CHECK(device::julliere_tmr(1.0 / std::sqrt(3.0), 1.0 / std::sqrt(3.0)) == Approx(1.0).epsilon(1e-14));
  CHECK(device::julliere_tmr(0.0, 0.9) == 0.0);
}

TEST_CASE("bias-dependent TMR halves at V = V_h and is even in V", "[resistance]") {
  CHECK(device::bias_dependent_tmr(1.2, 0.5_V, 0.5_V) == Approx(0.6).epsilon(1e-15));
  CHECK(device::bias_dependent_tmr(1.2, -0.5_V, 0.5_V) == Approx(0.6).epsilon(1e-15));
  CHECK(device::bias_dependent_tmr(1.2, 0.0_V, 0.5_V) == 1.2);
}

TEST_CASE("angle dependence interpolates G_P (theta = 0) to G_AP (theta = pi)", "[resistance]") {
  const auto g_p = units::as<units::conductance>(0.05), g_ap = units::as<units::conductance>(0.025);
  CHECK(units::in_si(device::conductance_at_angle(g_p, g_ap, 0.0 * units::radian)) == Approx(0.05));
  CHECK(units::in_si(device::conductance_at_angle(g_p, g_ap, std::numbers::pi * units::radian)) ==
        Approx(0.025));
  CHECK(units::in_si(device::conductance_at_angle(g_p, g_ap, std::numbers::pi / 2 * units::radian)) ==
        Approx(0.0375));
}

TEST_CASE("self-consistent bias voltage solves V = I R_AP(V)", "[resistance]") {
  const device::tmr_resistance model(20.0_Ohm, 1.0, 0.5_V);
  const auto i = 3.0_mA;
  const auto v = model.bias_voltage(device::antiparallel, i);
  CHECK(units::in_si(v) == Approx(units::in_si(i * model.resistance(device::antiparallel, v))).epsilon(1e-13));
  CHECK(units::in_si(v) < 0.003 * 40.0);  // TMR drops with bias
  CHECK(units::in_si(model.bias_voltage(device::parallel, i)) == Approx(0.06).epsilon(1e-15));
}

TEST_CASE("resistance models refuse unphysical parameters, naming them", "[resistance][errors]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(device::resistance_from_area_product(units::as<units::area_resistance>(10e-12),
                                                         units::as<units::area>(-1e-12)),
                    Contains("junction area"));
  CHECK_THROWS_WITH(device::pillar_geometry::circular(-800.0_nm), Contains("diameter"));
  CHECK_THROWS_AS(device::julliere_tmr(1.0, 1.0), spinaptic::invalid_parameter);
  CHECK_THROWS_WITH(device::julliere_tmr(std::nan(""), 0.5), Contains("P1"));
  CHECK_THROWS_WITH(device::tmr_resistance(20.0_Ohm, 1.0, 0.0_V), Contains("V_h"));
}
