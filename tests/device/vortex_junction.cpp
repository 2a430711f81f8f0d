// Tests for spinaptic/device/vortex_junction.hpp: a junction with an analog (vortex) state has the
// resistance and thermovoltage of its own policies at the P and AP limits, and the parallel-channel
// closed forms in between.
#include <catch2/catch.hpp>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/vortex_junction.hpp>
#include <spinaptic/device/vortex_statics.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;
using analog_junction = device::mtj<preset::response_type, device::tmr_resistance, device::laser_heating, device::analog_fixed_state>;

namespace {
analog_junction junction(double m) {
  return {preset::response(), preset::resistance(), preset::heating(), preset::thermal(), device::analog_fixed_state{m}};
}
}  // namespace

TEST_CASE("analog resistance: R_P at m = +1, R_AP at m = -1, 2 R_P R_AP / (R_P + R_AP) at m = 0", "[vortex][junction]") {
  const auto i = 1.0_mA;
  const double rp = units::in_si(preset::junction(device::parallel).resistance(i));
  const double rap = units::in_si(preset::junction(device::antiparallel).resistance(i));
  CHECK(units::in_si(device::analog_resistance(junction(1.0), i)) == Approx(rp).epsilon(1e-12));
  CHECK(units::in_si(device::analog_resistance(junction(-1.0), i)) == Approx(rap).epsilon(1e-9));
  // at zero bias (no TMR roll-off) the midpoint is the harmonic mean of R_P and R_AP = 2 R_P
  const double r0 = units::in_si(device::analog_resistance(junction(0.0), 0.0_mA));
  const double rp0 = units::in_si(preset::resistance().parallel_resistance);
  CHECK(r0 == Approx(2.0 * rp0 * 2.0 * rp0 / (rp0 + 2.0 * rp0)).epsilon(1e-12));
  // monotonic between the limits
  CHECK(units::in_si(device::analog_resistance(junction(0.5), i)) < units::in_si(device::analog_resistance(junction(0.0), i)));
  CHECK_THROWS_AS(device::analog_resistance(junction(1.5), i), spinaptic::invalid_parameter);
}

TEST_CASE("analog thermovoltage: the P and AP values at the limits, the conductance-weighted mean between", "[vortex][junction]") {
  const auto p = 100.0_mW;
  const auto i = 2.0_mA;
  const auto jp = preset::junction(device::parallel), jap = preset::junction(device::antiparallel);
  const double vp = units::in_si(jp.thermovoltage(p, i)), vap = units::in_si(jap.thermovoltage(p, i));
  CHECK(units::in_si(device::analog_thermovoltage(junction(1.0), p, i)) == Approx(vp).epsilon(1e-12));
  CHECK(units::in_si(device::analog_thermovoltage(junction(-1.0), p, i)) == Approx(vap).epsilon(1e-12));
  const double gp = 1.0 / units::in_si(jp.resistance(i)), gap = 1.0 / units::in_si(jap.resistance(i));
  CHECK(units::in_si(device::analog_thermovoltage(junction(0.0), p, i)) == Approx((gp * vp + gap * vap) / (gp + gap)).epsilon(1e-12));
}

TEST_CASE("the vortex loop drives the junction: R analog at remanence-free fields, P-like at saturation", "[vortex][junction]") {
  const device::vortex_parameters disk{units::as<units::length>(400e-9), units::as<units::length>(9.2e-9),
                                       units::as<units::magnetic_field_strength>(8e5)};
  device::vortex_loop loop(disk, 300.0_K);
  const double h_an = units::in_si(loop.statics().annihilation_field());
  const double m_half = loop.apply(units::as<units::magnetic_field_strength>(0.5 * h_an));
  const double r_half = units::in_si(device::analog_resistance(junction(m_half), 1.0_mA));
  const double m_sat = loop.apply(units::as<units::magnetic_field_strength>(1.1 * h_an));
  CHECK(m_sat == 1.0);
  const double r_sat = units::in_si(device::analog_resistance(junction(m_sat), 1.0_mA));
  const double r_zero = units::in_si(device::analog_resistance(junction(0.0), 1.0_mA));
  CHECK(r_sat < r_half);
  CHECK(r_half < r_zero);
}
