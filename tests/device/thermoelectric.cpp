// Tests for spinaptic/device/thermoelectric.hpp and response_surface.hpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/response_surface.hpp>
#include <spinaptic/device/thermoelectric.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

TEST_CASE("the preset gives V_AP = 23.35 mV at (P_max, I_max) (Oberbauer 2025, Fig. 4d)", "[tms]") {
  const auto junction = preset::junction();
  CHECK(units::in_si(junction.thermovoltage(150.0_mW, 3.0_mA)) == Approx(23.35e-3).epsilon(1e-12));
  CHECK(units::in_si(preset::response().thermovoltage(device::parallel, 150.0_mW, 3.0_mA)) ==
        Approx(0.3 * 23.35e-3).epsilon(1e-12));
  // No laser, no thermovoltage (every term carries p^m, m >= 1).
  CHECK(units::in_si(junction.thermovoltage(0.0_mW, 3.0_mA)) == 0.0);
}

TEST_CASE("odd-in-I terms flip sign with the current, even terms do not", "[tms]") {
  const auto r = preset::response();
  for (double p_mw : {10.0, 75.0, 150.0})
    for (double i_ma : {0.3, 1.1, 2.9}) {
      const auto p = units::as<units::power>(p_mw * 1e-3);
      const auto i = units::as<units::current>(i_ma * 1e-3);
      const double v_plus = units::in_si(r.thermovoltage(device::antiparallel, p, i));
      const double v_minus = units::in_si(r.thermovoltage(device::antiparallel, p, -i));
      const double x = i_ma / 3.0, pp = p_mw / 150.0;
      // odd part: V_max p (c1 x + c3 x^3); even part: V_max p (c0 + c2 x^2)
      CHECK(0.5 * (v_plus - v_minus) == Approx(23.35e-3 * pp * (0.4 * x + 0.5 * x * x * x)).epsilon(1e-12));
      CHECK(0.5 * (v_plus + v_minus) == Approx(23.35e-3 * pp * (0.1 * x * x)).epsilon(1e-12));
    }
}

TEST_CASE("analytic dV/dI and dV/dP agree with central differences to 1e-6", "[tms]") {
  // A non-separable M = 2 surface with all coefficients nonzero, both states.
  using response = device::bias_enhanced_tms<2>;
  const response r(device::response_scale(23.35_mV, 3.0_mA, 150.0_mW),
                   {{{0.01, 0.2, -0.05, 0.3}, {0.02, -0.1, 0.15, 0.2}}},
                   {{{0.02, 0.4, 0.1, 0.5}, {-0.01, 0.3, -0.2, 0.1}}});
  for (auto s : {device::parallel, device::antiparallel})
    for (double p_mw : {15.0, 80.0, 140.0})
      for (double i_ma : {-2.5, -0.7, 0.4, 2.8}) {
        const auto p = units::as<units::power>(p_mw * 1e-3);
        const auto i = units::as<units::current>(i_ma * 1e-3);
        const auto hi = 1e-7 * units::ampere;
        const auto hp = 1e-6 * units::watt;
        const double dvdi_fd = units::in_si(r.thermovoltage(s, p, i + hi) - r.thermovoltage(s, p, i - hi)) /
                               (2.0 * units::in_si(hi));
        const double dvdp_fd = units::in_si(r.thermovoltage(s, p + hp, i) - r.thermovoltage(s, p - hp, i)) /
                               (2.0 * units::in_si(hp));
        CHECK(units::in_si(r.dV_dI(s, p, i)) == Approx(dvdi_fd).epsilon(1e-6));
        CHECK(units::in_si(r.dV_dP(s, p, i)) == Approx(dvdp_fd).epsilon(1e-6));
      }
}

TEST_CASE("zero-bias Seebeck thermovoltage V = -S dT and the TMS ratio", "[tms]") {
  const device::tunnel_magneto_seebeck seebeck;
  // S_AP = -60 uV/K and dT = 1.5 K (preset zeta = 10 K/W at 150 mW): +90 uV (Huebner 2017's MgO value).
  const auto dT = preset::heating().temperature_difference(150.0_mW, 0.0_A, 20.0_Ohm);
  CHECK(units::in_si(seebeck.thermovoltage(device::antiparallel, dT)) == Approx(90e-6).epsilon(1e-12));
  CHECK(device::tms_ratio(seebeck.seebeck_parallel, seebeck.seebeck_antiparallel) == Approx(0.2).epsilon(1e-12));
}

TEST_CASE("response scales refuse I_max = 0, NaN and negative power, naming them", "[tms][errors]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_AS(device::response_scale(23.35_mV, 0.0_A, 150.0_mW), spinaptic::invalid_parameter);
  CHECK_THROWS_WITH(device::response_scale(23.35_mV, 0.0_A, 150.0_mW), Contains("I_max"));
  CHECK_THROWS_WITH(device::response_scale(23.35_mV, 3.0_mA, -1.0_W), Contains("P_max"));
  CHECK_THROWS_WITH(device::response_scale(0.0_V, 3.0_mA, 1.0_W), Contains("V_max"));
  const auto r = preset::response();
  CHECK_THROWS_WITH(r.thermovoltage(device::antiparallel, units::as<units::power>(std::nan("")), 1.0_mA),
                    Contains("laser power"));
  CHECK_THROWS_WITH(r.thermovoltage(device::antiparallel, -1.0_mW, 1.0_mA), Contains("laser power"));
  CHECK_THROWS_WITH(r.dV_dI(device::antiparallel, 1.0_mW, units::as<units::current>(std::nan(""))),
                    Contains("bias current"));
  using response = device::bias_enhanced_tms<1>;
  CHECK_THROWS_WITH(response(device::response_scale(23.35_mV, 3.0_mA, 150.0_mW), {{{0, 0, 0, 0}}},
                             {{{0, std::nan(""), 0, 0}}}),
                    Contains("coefficient"));
}
