// Tests for spinaptic/device/vortex_storage.hpp: the resonance under the storage layer's exchange
// field against the simulated Thiele gyration around the displaced core, and the field-cooling
// write rule (tanh of the grains' Zeeman energy at T_B,s; nothing written below T_B,s).
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include <spinaptic/device/vortex_dynamics.hpp>
#include <spinaptic/device/vortex_storage.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
namespace c = spinaptic::detail::constants;

namespace {
units::magnetic_field_strength A_per_m(double v) { return units::as<units::magnetic_field_strength>(v); }
device::vortex_parameters disk() {
  device::vortex_parameters p{units::as<units::length>(400e-9), units::as<units::length>(9.0e-9), A_per_m(8.75e5)};
  return p;
}
}  // namespace

TEST_CASE("the shifted resonance is the simulated gyration around the displaced core", "[vortex][storage]") {
  const auto p = disk();
  const device::vortex_statics st(p, 300.0_K);
  for (double frac : {0.2, 0.5, 0.7}) {
    const double hs = frac * units::in_si(st.annihilation_field());
    device::vortex_ensemble<double> e(p, 1, 1);
    e.set_applied_field(0, A_per_m(hs), A_per_m(0.0));
    // start at the equilibrium (core along -C y for H along x, C = +1) plus a small kick
    const double r = units::in_si(p.radius), s0 = st.displacement(A_per_m(hs));
    e.set_core_position(0, units::as<units::length>(0.01 * r), units::as<units::length>(-s0 * r));
    const double w_expected = device::vortex_storage_layer::resonance_angular_frequency(p, 300.0_K, A_per_m(hs));
    const double dt = 2.0 * std::numbers::pi / w_expected / 400;
    std::vector<double> t;
    double prev = double(e.reduced_x()(0));
    for (int n = 1; n <= 400 * 15; ++n) {
      e.advance(units::as<units::time>(dt), 1);
      const double x = double(e.reduced_x()(0));
      if (prev < 0.0 && x >= 0.0) t.push_back((n - 1 + prev / (prev - x)) * dt);
      prev = x;
    }
    REQUIRE(t.size() > 10);
    const double w = 2.0 * std::numbers::pi * double(t.size() - 1) / (t.back() - t.front());
    INFO("H_s / H_an = " << frac << ", s0 = " << s0);
    // first order in the well's anisotropy and in D/G: 0.5 % at s0 = 0.7
    CHECK(w == Approx(w_expected).epsilon(5e-3));
  }
}

TEST_CASE("field cooling writes H_s,max tanh(mu0 mu_g H_cool / k_B T_B,s) only above T_B,s", "[vortex][storage]") {
  const device::vortex_storage_parameters sp;
  device::vortex_storage_layer s(sp);
  CHECK_FALSE(s.program(400.0_K, A_per_m(1e5)));  // below T_B,s = 450 K: nothing written
  CHECK(units::in_si(s.exchange_field()) == 0.0);
  // x = 1: the cooling field whose Zeeman energy per grain is k_B T_B,s
  const double h1 = c::boltzmann * 450.0 / (c::vacuum_permeability * sp.grain_moment);
  CHECK(s.program(460.0_K, A_per_m(h1)));
  CHECK(units::in_si(s.exchange_field()) == Approx(units::in_si(sp.max_exchange_field) * std::tanh(1.0)));
  CHECK(s.program(460.0_K, A_per_m(-h1)));
  CHECK(units::in_si(s.exchange_field()) == Approx(-units::in_si(sp.max_exchange_field) * std::tanh(1.0)));
  // the shift is even in H_s and grows with |H_s|; the inverse finds the cooling field
  const auto p = disk();
  const double shift = units::in_si(s.resonance_shift(p, 300.0_K));
  CHECK(shift > 0.0);
  const auto hc = s.cooling_field_for_shift(p, 300.0_K, units::as<units::frequency>(0.5 * shift));
  device::vortex_storage_layer s2(sp);
  REQUIRE(s2.program(500.0_K, hc));
  CHECK(units::in_si(s2.resonance_shift(p, 300.0_K)) == Approx(0.5 * shift).epsilon(1e-9));
  CHECK_THROWS_AS(s2.cooling_field_for_shift(p, 300.0_K, units::as<units::frequency>(1e9)), spinaptic::invalid_parameter);
}
