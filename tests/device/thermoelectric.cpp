// Tests for spinaptic/device/thermoelectric.hpp and response_surface.hpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/response_surface.hpp>
#include <spinaptic/device/thermoelectric.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

TEST_CASE("the calibrated surface is a fit that ignores the junction's heating and resistance", "[tms]") {
  // A calibrated surface reports the measured V(P, I) whatever the stack: a junction with ten times
  // the laser heating and twice the resistance reads the same thermovoltage (docs/physics.md 5.1),
  // while its temperature difference follows the heating policy. The derived response is tested in
  // tests/device/derived_response.cpp.
  auto junction = preset::junction();
  const double before = units::in_si(junction.thermovoltage(150.0_mW, 3.0_mA));
  const double dT_before = units::in_si(junction.temperature_difference(150.0_mW, 0.0_mA));
  junction.heating = device::laser_heating(10.0 * preset::heating().laser_coefficient, preset::heating().joule_coefficient);
  junction.resistance_model.parallel_resistance = 2.0 * junction.resistance_model.parallel_resistance;
  CHECK(units::in_si(junction.thermovoltage(150.0_mW, 3.0_mA)) == before);
  CHECK(units::in_si(junction.temperature_difference(150.0_mW, 0.0_mA)) == Approx(10.0 * dT_before).epsilon(1e-12));
  // No laser, no thermovoltage (every term carries p^m, m >= 1).
  CHECK(units::in_si(junction.thermovoltage(0.0_mW, 3.0_mA)) == 0.0);
}

TEST_CASE("the M = 1 surface is cubic in I and linear in P (finite differences)", "[tms]") {
  // The 4th finite difference in I of a cubic vanishes and the 2nd in P of a linear function
  // does; the 3rd in I does not (the preset has a cubic term). Checked to rounding, without the
  // coefficients.
  const auto r = preset::response();
  auto v = [&](double p_mw, double i_ma) {
    return units::in_si(r.thermovoltage(device::antiparallel, units::as<units::power>(p_mw * 1e-3),
                                        units::as<units::current>(i_ma * 1e-3)));
  };
  for (double p_mw : {40.0, 150.0}) {
    const double h = 0.5;
    const double d3 = v(p_mw, 1.5 * h) - 3 * v(p_mw, 0.5 * h) + 3 * v(p_mw, -0.5 * h) - v(p_mw, -1.5 * h);
    const double d4 = v(p_mw, 2 * h) - 4 * v(p_mw, h) + 6 * v(p_mw, 0.0) - 4 * v(p_mw, -h) + v(p_mw, -2 * h);
    CHECK(std::abs(d3) > 1e-5);  // 6 c3 (h/I_max)^3 V_max p: 86 uV at 150 mW
    CHECK(std::abs(d4) < 1e-15);
    CHECK(v(p_mw + 20.0, 1.3) - 2 * v(p_mw, 1.3) + v(p_mw - 20.0, 1.3) == Approx(0.0).margin(1e-15));
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
