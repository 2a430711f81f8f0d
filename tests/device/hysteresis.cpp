// Tests for spinaptic/device/hysteresis.hpp: plateaus at the junction's own P and AP voltages,
// switching at the configured fields, double switching, and Barkhausen/spread statistics.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include <spinaptic/device/hysteresis.hpp>
#include <spinaptic/device/presets.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
device::hysteresis_parameters deterministic() {
  device::hysteresis_parameters p;
  p.switching_field_spread = 0.0;
  p.barkhausen_density = units::as<device::field_event_density>(0.0);
  return p;
}
// first sample index of a descending branch whose field is <= h
std::size_t first_at_or_below(const device::sweep_trace& tr, double h) {
  std::size_t i = 0;
  while (tr.field(i) > h) ++i;
  return i;
}
}  // namespace

TEST_CASE("descending sweep: P plateau, AP at -H_c, P again at -H_dep (double switching)", "[hysteresis]") {
  const auto junction = preset::junction();
  const device::field_sweep sweep(deterministic(), 1);
  const auto tr = sweep.run(junction, 150.0_mW, 3.0_mA, {});
  const double oe = spinaptic::detail::constants::oersted;
  const double vp = units::in_si(preset::junction(device::parallel).thermovoltage(150.0_mW, 3.0_mA));
  const double vap = units::in_si(preset::junction(device::antiparallel).thermovoltage(150.0_mW, 3.0_mA));
  const double rp = units::in_si(preset::junction(device::parallel).resistance(3.0_mA));
  const double rap = units::in_si(preset::junction(device::antiparallel).resistance(3.0_mA));
  const double dh = 2.0 * 2000.0 * oe / double(tr.time.size() / 2);  // field step
  // plateau values are the junction's own voltages
  CHECK(tr.v_ac(0) == Approx(vp).epsilon(1e-12));
  CHECK(tr.v_dc(0) == Approx(3e-3 * rp).epsilon(1e-12));
  const std::size_t i_free = first_at_or_below(tr, -150.0 * oe);
  const std::size_t i_ref = first_at_or_below(tr, -1000.0 * oe);
  CHECK(tr.state(i_free - 1) == 0);
  CHECK(tr.state(i_free) == 1);
  CHECK(tr.v_ac(i_free) == Approx(vap).epsilon(1e-12));
  CHECK(tr.v_dc(i_free) == Approx(3e-3 * rap).epsilon(1e-12));
  CHECK(tr.state(i_ref - 1) == 1);
  CHECK(tr.state(i_ref) == 0);  // double switching: reference depinned
  CHECK(tr.field(i_free) >= -150.0 * oe - 1.5 * dh);  // within one field step
  // ascending branch: repinning at -500 Oe (AP), free switch at +150 Oe (P)
  std::size_t i = tr.time.size() / 2;
  while (tr.field(i) < -500.0 * oe) ++i;
  CHECK(tr.state(i - 1) == 0);
  CHECK(tr.state(i) == 1);
  while (tr.field(i) < 150.0 * oe) ++i;
  CHECK(tr.state(i - 1) == 1);
  CHECK(tr.state(i) == 0);
  CHECK(tr.state(tr.time.size() - 1) == 0);
}

TEST_CASE("a sweep below the depinning field shows single switching only", "[hysteresis]") {
  const device::field_sweep sweep(deterministic(), 1);
  device::sweep_protocol prot;
  prot.max_field = device::oersted(800.0);
  const auto tr = sweep.run(preset::junction(), 150.0_mW, 3.0_mA, prot);
  CHECK(tr.reference_switch_fields.empty());
  CHECK(tr.free_switch_fields.size() == 2);
  std::size_t transitions = 0;
  for (std::size_t i = 1; i < tr.state.size(); ++i) transitions += tr.state(i) != tr.state(i - 1);
  CHECK(transitions == 2);
}

TEST_CASE("Barkhausen jumps are Poisson in H and switching fields scatter by the configured spread",
          "[hysteresis]") {
  device::hysteresis_parameters p;  // defaults: 0.05 jumps per Oe over [50, 150] Oe, sigma 3 %
  const device::field_sweep sweep(p, 77);
  device::sweep_protocol prot;
  prot.cycles = 100;
  prot.sample_interval = units::as<units::time>(2e-3);
  const auto tr = sweep.run(preset::junction(), 150.0_mW, 3.0_mA, prot);
  // mean count per free-layer reversal: rho (H_c - H_onset) = 0.05 * 100 = 5 (exact in
  // sigma: E[H_c] = 150 Oe; the count is linear in H_c), Poisson standard error sqrt(5 / 200)
  const auto& j = tr.jumps_per_branch;
  const double mean = std::accumulate(j.begin(), j.end(), 0.0) / double(j.size());
  CHECK(j.size() == 200);
  CHECK(std::abs(mean - 5.0) < 3.0 * std::sqrt(5.0 / 200.0));
  double var = 0.0;
  for (auto c : j) var += (double(c) - mean) * (double(c) - mean) / double(j.size() - 1);
  CHECK(var == Approx(5.0).epsilon(0.3));  // Poisson: variance = mean (+ small spread term)
  // switching fields: mean 150 Oe within 3 SE, relative sd 3 % within 20 %
  double m = 0.0, s2 = 0.0;
  for (double h : tr.free_switch_fields) m += std::abs(h) / double(tr.free_switch_fields.size());
  for (double h : tr.free_switch_fields) s2 += (std::abs(h) - m) * (std::abs(h) - m) / double(tr.free_switch_fields.size() - 1);
  const double hc = 150.0 * spinaptic::detail::constants::oersted;
  CHECK(std::abs(m - hc) < 3.0 * 0.03 * hc / std::sqrt(200.0));
  CHECK(std::sqrt(s2) / hc == Approx(0.03).epsilon(0.2));
  CHECK(tr.jump_times.size() == std::accumulate(j.begin(), j.end(), std::size_t{0}));
}

TEST_CASE("same seed and trial reproduce a sweep; another trial differs", "[hysteresis]") {
  const device::field_sweep sweep({}, 5);
  const auto a = sweep.run(preset::junction(), 150.0_mW, 3.0_mA, {}, 0);
  const auto b = sweep.run(preset::junction(), 150.0_mW, 3.0_mA, {}, 0);
  const auto c = sweep.run(preset::junction(), 150.0_mW, 3.0_mA, {}, 1);
  CHECK(a.v_ac == b.v_ac);
  CHECK(a.jump_times == b.jump_times);
  CHECK(a.jump_times != c.jump_times);
}

TEST_CASE("bad hysteresis parameters throw invalid_parameter naming the parameter", "[hysteresis]") {
  device::hysteresis_parameters p;
  p.reference_repinning_field = device::oersted(2000.0);  // above depinning
  CHECK_THROWS_WITH(p.validated(), Catch::Contains("reference repinning field"));
  p = {};
  p.max_jump = 0.001;  // below min_jump
  CHECK_THROWS_AS(p.validated(), invalid_parameter);
  p = {};
  p.free_switching_field = device::oersted(-1.0);
  CHECK_THROWS_WITH(p.validated(), Catch::Contains("free-layer switching field"));
}

TEST_CASE("a sweep too long to record is refused before anything is allocated", "[hysteresis]") {
  // 2 H_max / rate / dt = 2e14 samples per branch: was an unchecked llround (issue 19).
  device::sweep_protocol protocol;
  protocol.sample_interval = units::as<units::time>(1e-15);
  const device::field_sweep sweep({}, 5);
  CHECK_THROWS_WITH(sweep.run(preset::junction(), 150.0_mW, 3.0_mA, protocol, 0),
                    Catch::Contains("sweep branch duration"));
  protocol = {};
  protocol.cycles = std::size_t{1} << 40;
  CHECK_THROWS_WITH(sweep.run(preset::junction(), 150.0_mW, 3.0_mA, protocol, 0),
                    Catch::Contains("sweep cycles"));
}
