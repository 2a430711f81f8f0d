// Tests for spinaptic/device/vortex_readout.hpp: two binary magnetic degrees of freedom read by the
// DC and thermoelectric channels give four distinct levels, ordered as the channels' P/AP contrasts
// predict, and separated by more than a stated Johnson-noise margin.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/vortex_presets.hpp>
#include <spinaptic/device/vortex_readout.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;
using analog_junction = device::mtj<preset::response_type, device::tmr_resistance, device::laser_heating, device::analog_fixed_state>;

namespace {
analog_junction junction() {
  return {preset::response(), preset::resistance(), preset::heating(), preset::thermal(), device::analog_fixed_state{0.0}};
}
struct setup {
  device::vortex_parameters disk = device::presets::vortex_800nm::disk();
  units::temperature t = 295.0_K;
  double h_n = units::in_si(device::vortex_statics(disk, t).nucleation_field());
  double h_an = units::in_si(device::vortex_statics(disk, t).annihilation_field());
  units::magnetic_field_strength h_b = units::as<units::magnetic_field_strength>(0.5 * (h_n + h_an));
};
}  // namespace

TEST_CASE("four-level readout: the bistable window holds both free-layer states, reached along the loop", "[vortex][readout]") {
  const setup s;
  const device::vortex_four_level_readout readout(s.disk, s.t, s.h_b);
  // the vortex branch (coming up from zero field) and the single-domain branch (coming down from saturation)
  device::vortex_loop up(s.disk, s.t), down(s.disk, s.t);
  const double m_up = up.apply(s.h_b);
  down.apply(units::as<units::magnetic_field_strength>(1.1 * s.h_an));
  const double m_down = down.apply(s.h_b);
  CHECK(m_down == 1.0);
  CHECK(readout.vortex_magnetization() == Approx(m_up).epsilon(1e-12));
  CHECK(readout.vortex_magnetization() > 0.0);
  CHECK(readout.vortex_magnetization() < 1.0);
  // the four relative states are -1, -m_v, +m_v, +1
  std::array<double, 4> m{};
  for (std::size_t k = 0; k < 4; ++k) m[k] = readout.relative_magnetization(device::vortex_four_level_readout::configurations[k]);
  CHECK(m[0] == -1.0);
  CHECK(m[1] == -m_up);
  CHECK(m[2] == m_up);
  CHECK(m[3] == 1.0);
  // outside the window only one state is stable: refused
  CHECK_THROWS_AS(device::vortex_four_level_readout(s.disk, s.t, units::as<units::magnetic_field_strength>(0.5 * s.h_n)),
                  spinaptic::invalid_parameter);
  CHECK_THROWS_AS(device::vortex_four_level_readout(s.disk, s.t, units::as<units::magnetic_field_strength>(1.01 * s.h_an)),
                  spinaptic::invalid_parameter);
}

TEST_CASE("four-level readout: each channel's levels follow the parallel-channel closed form of its P/AP contrast", "[vortex][readout]") {
  const setup s;
  const device::vortex_four_level_readout readout(s.disk, s.t, s.h_b);
  const auto p = 100.0_mW;
  const auto i = 1.0_mA;
  const auto jp = preset::junction(device::parallel), jap = preset::junction(device::antiparallel);
  const double rp = units::in_si(jp.resistance(i)), rap = units::in_si(jap.resistance(i));
  const double vp = units::in_si(jp.thermovoltage(p, i)), vap = units::in_si(jap.thermovoltage(p, i));
  REQUIRE(rap > rp);  // the DC channel's contrast: TMR > 0
  REQUIRE(vp != vap);  // the thermoelectric channel's contrast
  const double gp = 1.0 / rp, gap = 1.0 / rap;
  const double gp0 = 1.0 / units::in_si(jp.resistance(1e-3_mA)), gap0 = 1.0 / units::in_si(jap.resistance(1e-3_mA));
  std::array<double, 4> dc{}, ac{};
  for (std::size_t k = 0; k < 4; ++k) {
    const auto lv = readout.level(junction(), device::vortex_four_level_readout::configurations[k], p, i);
    const double m = lv.relative_magnetization;
    dc[k] = units::in_si(lv.dc_voltage);
    ac[k] = units::in_si(lv.thermovoltage);
    const double wp = 0.5 * (1.0 + m), wap = 0.5 * (1.0 - m);
    // closed forms from the binary junction's R_P, R_AP, V_P, V_AP; the DC one at a read current small
    // enough (1 uA, V ~ 30 uV) that the TMR's bias roll-off is below 1e-6
    const auto lv0 = readout.level(junction(), device::vortex_four_level_readout::configurations[k], p, 1e-3_mA);
    CHECK(units::in_si(lv0.dc_voltage) == Approx(1e-6 / (0.5 * (gp0 + gap0) + 0.5 * (gp0 - gap0) * m)).epsilon(1e-6));
    CHECK(ac[k] == Approx((wp * gp * vp + wap * gap * vap) / (wp * gp + wap * gap)).epsilon(1e-6));
  }
  // ordering predicted by the contrasts: V_DC falls with m (TMR > 0); V_AC runs with sign(V_P - V_AP)
  for (std::size_t k = 0; k + 1 < 4; ++k) {
    CHECK(dc[k + 1] < dc[k]);
    CHECK((ac[k + 1] - ac[k]) * (vp - vap) > 0.0);
  }
  // the limits are the binary junction's own P and AP readings
  CHECK(dc[3] == Approx(units::in_si(i) * rp).epsilon(1e-12));
  CHECK(dc[0] == Approx(units::in_si(i) * rap).epsilon(1e-9));
  CHECK(ac[3] == Approx(vp).epsilon(1e-12));
  CHECK(ac[0] == Approx(vap).epsilon(1e-12));
  // the two channels switch together (same configurations) with different relative contrasts
  const double tmr = (rap - rp) / rp, tms = (vp - vap) / vp;
  CHECK(std::abs(tmr) != Approx(std::abs(tms)).epsilon(0.05));
}

TEST_CASE("four-level readout: levels separated by more than 6 Johnson-noise sigma at 1 MHz bandwidth", "[vortex][readout]") {
  // margin: a threshold midway between adjacent levels misreads with probability Q(3) ~ 1.3e-3 at d = 6
  const setup s;
  const device::vortex_four_level_readout readout(s.disk, s.t, s.h_b);
  const double d = readout.minimum_separation(junction(), 100.0_mW, 1.0_mA, s.t, 1.0_MHz);
  CHECK(d > 6.0);
  // the Johnson noise itself: sqrt(4 k_B T R B) = 1.2872e-10 V for 1 ohm at 300 K in 1 Hz
  CHECK(units::in_si(device::johnson_noise(units::as<units::resistance>(1.0), 300.0_K, 1.0_Hz)) == Approx(1.2872e-10).epsilon(1e-4));
  CHECK_THROWS_AS(device::johnson_noise(units::as<units::resistance>(-1.0), 300.0_K, 1.0_Hz), spinaptic::invalid_parameter);
  CHECK_THROWS_AS(readout.minimum_separation(junction(), 100.0_mW, 0.0_mA, s.t, 1.0_MHz), spinaptic::invalid_parameter);
}
