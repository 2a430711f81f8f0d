// Tests for spinaptic/device/vortex_pinning.hpp: Arrhenius escape rates of the vortex core from a
// pinning site give back the model's barrier; field sweeps show Barkhausen hops whose number grows
// with temperature; the reference layer depins as H_ex(T) falls toward T_B.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include <spinaptic/device/vortex_pinning.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using device::reference_layer_parameters;
using device::vortex_parameters;
using device::vortex_pinning_ensemble;
using device::vortex_pinning_parameters;
namespace c = spinaptic::detail::constants;

namespace {
units::magnetic_field_strength A_per_m(double v) { return units::as<units::magnetic_field_strength>(v); }

vortex_parameters disk() {
  return {units::as<units::length>(400e-9), units::as<units::length>(9.2e-9), A_per_m(8e5)};
}
}  // namespace

TEST_CASE("Arrhenius: escape rates at several T give back the barrier E_p + kappa d^2/4", "[vortex][pinning]") {
  const auto p = disk();
  const vortex_pinning_parameters pin;  // d = 10 nm, E_p = 0.5 eV, f_0 = 1 GHz
  const double ep = units::in_si(pin.pinning_energy), d = units::in_si(pin.site_spacing), f0 = units::in_si(pin.attempt_frequency);
  // at H = 0 both neighbours of the centre lie kappa d^2/2 higher: barrier E_p + kappa d^2 / 4
  const double expected = ep + 0.25 * p.stiffness_si(300.0) * d * d;
  std::vector<double> inv_kt, log_rate;
  const std::size_t n = 20000;
  for (double t : {250.0, 300.0, 350.0, 400.0}) {
    vortex_pinning_ensemble e(p, pin, {}, n, 17);
    e.set_temperature_all(units::as<units::temperature>(t));
    const double kt = c::boltzmann * t;
    const double window = 0.12 / (f0 * std::exp(-ep / kt));  // ~20 % escape; the design, not the answer
    e.advance(units::as<units::time>(window), 1);
    std::size_t escaped = 0;
    for (std::size_t j = 0; j < n; ++j) escaped += e.hops(j) > 0 ? 1 : 0;
    const double frac = double(escaped) / double(n);
    REQUIRE(frac > 0.05);
    REQUIRE(frac < 0.5);
    inv_kt.push_back(1.0 / kt);
    log_rate.push_back(std::log(-std::log(1.0 - frac) / window));  // total escape rate 2 r
  }
  // least-squares line ln(2 r) = ln(2 f0) - E / (k_B T)
  const double m = double(inv_kt.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < inv_kt.size(); ++i) {
    sx += inv_kt[i];
    sy += log_rate[i];
    sxx += inv_kt[i] * inv_kt[i];
    sxy += inv_kt[i] * log_rate[i];
  }
  const double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx), intercept = (sy - slope * sx) / m;
  // statistical error of ln(rate) ~ 1.6 % per point (binomial, N = 2e4): slope within ~0.5 %
  CHECK(-slope == Approx(expected).epsilon(0.02));
  CHECK(std::exp(intercept) == Approx(2.0 * f0).epsilon(0.3));
}

TEST_CASE("barrier: at the centre E_+- = E_p + [kappa d^2/2 + kappa a d^4/(4R^2) -+ (mu0 Ms V xi/R) H d]/2", "[vortex][pinning]") {
  const auto p = disk();
  const vortex_pinning_parameters pin;
  vortex_pinning_ensemble e(p, pin, {}, 1, 1);
  const double h = 2000.0, d = units::in_si(pin.site_spacing), r = units::in_si(p.radius);
  e.set_field(0, A_per_m(h));
  const double lever = c::vacuum_permeability * 8e5 * p.volume_si() * (2.0 / 3.0) / r;
  const double k = p.stiffness_si(300.0), conf = 0.25 * k * d * d + k * p.nonlinear_stiffness * d * d * d * d / (8.0 * r * r);
  CHECK(units::in_si(e.barrier(0, 1)) == Approx(units::in_si(pin.pinning_energy) + conf - 0.5 * lever * h * d).epsilon(1e-9));
  CHECK(units::in_si(e.barrier(0, -1)) == Approx(units::in_si(pin.pinning_energy) + conf + 0.5 * lever * h * d).epsilon(1e-9));
  CHECK_THROWS_AS(e.barrier(0, 2), spinaptic::invalid_parameter);
}

TEST_CASE("field sweep: the core follows in Barkhausen hops, more of them when hotter; annihilation at H_an", "[vortex][pinning]") {
  const auto p = disk();
  vortex_pinning_parameters pin;
  pin.pinning_energy = units::as<units::energy>(2.0e-19);  // 1.25 eV: thermally blocked at 300 K without a field
  auto sweep_hops = [&](double t, double& m_top) {
    vortex_pinning_ensemble e(p, pin, {}, 200, 3);
    e.set_temperature_all(units::as<units::temperature>(t));
    const device::vortex_statics st(p, units::as<units::temperature>(t));
    const double h_max = 1.05 * units::in_si(st.annihilation_field());
    for (int k = 0; k <= 200; ++k) {
      e.set_field_all(A_per_m(h_max * k / 200.0));
      e.advance(units::as<units::time>(1e-3), 1);
    }
    m_top = e.free_magnetization(0);
    double total = 0;
    for (std::size_t j = 0; j < e.size(); ++j) total += double(e.hops(j));
    return total / double(e.size());
  };
  double m300 = 0, m400 = 0;
  const double h300 = sweep_hops(300.0, m300), h400 = sweep_hops(400.0, m400);
  CHECK(m300 == 1.0);  // annihilated at H >= H_an: single domain
  CHECK(m400 == 1.0);
  CHECK(h300 > 5.0);   // the core moved in hops
  CHECK(h400 > h300);  // hotter: more back-and-forth (telegraph) hops on top
}

TEST_CASE("reference depinning: H_ex(T) = H_ex0 (1 - T/T_B); double switching only near T_B", "[vortex][pinning]") {
  const reference_layer_parameters ref;  // 1 kOe, T_B = 500 K, H_c = 50 Oe
  CHECK(units::in_si(ref.exchange_bias_at(250.0_K)) == Approx(0.5 * units::in_si(ref.exchange_bias)));
  CHECK(units::in_si(ref.exchange_bias_at(600.0_K)) == 0.0);
  const auto p = disk();
  auto min_reference = [&](double t) {
    vortex_pinning_ensemble e(p, {}, ref, 1, 5);
    e.set_temperature_all(units::as<units::temperature>(t));
    int lowest = 1;
    for (double h : {0.0, -1e4, -2e4, -3e4, -2e4, 0.0}) {  // sweep to -377 Oe and back
      e.set_field_all(A_per_m(h));
      e.advance(units::as<units::time>(1e-6), 1);
      lowest = std::min(lowest, e.reference_direction(0));
    }
    return std::pair{lowest, e.reference_direction(0)};
  };
  CHECK(min_reference(300.0).first == 1);    // H_ex(300 K) = 400 Oe: pinned
  const auto hot = min_reference(450.0);     // H_ex(450 K) = 100 Oe: depins at -150 Oe, returns at -50 Oe
  CHECK(hot.first == -1);
  CHECK(hot.second == 1);
}

TEST_CASE("pinning parameters are validated with their names", "[vortex][pinning]") {
  vortex_pinning_parameters pin;
  pin.site_spacing = units::as<units::length>(-1e-9);
  CHECK_THROWS_WITH(pin.validated(), Catch::Matchers::Contains("pinning site spacing d"));
  reference_layer_parameters ref;
  ref.blocking_temperature = units::as<units::temperature>(0.0);
  CHECK_THROWS_WITH(ref.validated(), Catch::Matchers::Contains("blocking temperature T_B"));
}
