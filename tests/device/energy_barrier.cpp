// Tests for the energy barrier of spinaptic/device/macrospin.hpp and its use by
// neel_brown_parameters::from_macrospin: the barrier is the macrospin's own energy() difference
// between the saddle (m along y) and the minimum (m along x), with the shape anisotropy and Ms(T),
// and the Neel-Brown occupancies it implies are the Boltzmann weights of energy().
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include <spinaptic/device/demagnetization.hpp>
#include <spinaptic/device/macrospin.hpp>
#include <spinaptic/device/neel_brown.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using device::macrospin_ensemble;
using device::macrospin_parameters;
using device::neel_brown_parameters;
namespace c = spinaptic::detail::constants;

namespace {
/// The 100 x 50 x 2 nm ellipse of the macrospin tests, Ms = 8e5 A/m, H_K = 1e4 A/m.
macrospin_parameters ellipse(double curie_kelvin = 0.0) {
  macrospin_parameters p{units::as<units::magnetic_field_strength>(8e5), units::as<units::magnetic_field_strength>(1e4),
                         0.02, std::numbers::pi / 4.0 * 100.0_nm * 50.0_nm * 2.0_nm};
  p.demag = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 2.0_nm);
  p.curie_temperature = units::as<units::temperature>(curie_kelvin);
  return p;
}

/// E(m = y) - E(m = x) from the macrospin's energy() at zero field and temperature T.
double energy_difference(const macrospin_parameters& p, double kelvin) {
  macrospin_ensemble<double> e(p, 2, 1);
  e.set_temperature_all(units::as<units::temperature>(kelvin));
  e.set_magnetization(0, 1.0, 0.0, 0.0);
  e.set_magnetization(1, 0.0, 1.0, 0.0);
  return units::in_si(e.energy(1)) - units::in_si(e.energy(0));
}
}  // namespace

TEST_CASE("the barrier equals energy(m = y) - energy(m = x) on the 100 x 50 x 2 nm ellipse", "[barrier]") {
  for (double curie : {0.0, 1000.0}) {  // Ms constant, and the Bloch law Ms(T)
    const auto p = ellipse(curie);
    for (double kelvin : {300.0, 400.0}) {
      const double eb = units::in_si(p.energy_barrier(units::as<units::temperature>(kelvin)));
      CHECK(eb == Approx(energy_difference(p, kelvin)).epsilon(1e-12));
      CHECK(p.thermal_stability(units::as<units::temperature>(kelvin)) ==
            Approx(energy_difference(p, kelvin) / (c::boltzmann * kelvin)).epsilon(1e-12));
    }
  }
  // With the shape term the barrier is ~39 k_B T at 300 K, four times the shape-blind mu0 Ms H_K V / 2
  // (9.5 k_B T): (H_K + (N_y - N_x) Ms) / H_K = (1e4 + 0.0382 * 8e5) / 1e4.
  const auto p = ellipse();
  const double delta = p.thermal_stability(300.0_K);
  const double shape_blind = c::vacuum_permeability * 8e5 * 1e4 * units::in_si(p.volume) / (2.0 * c::boltzmann * 300.0);
  CHECK(shape_blind == Approx(9.5).margin(0.05));
  CHECK(delta / shape_blind == Approx(1.0 + (p.demag.y - p.demag.x) * 8e5 / 1e4).epsilon(1e-12));
  CHECK(delta > 35.0);
}

TEST_CASE("from_macrospin takes the same barrier and the same Ms(T)", "[barrier][neel_brown]") {
  const auto p = ellipse(900.0);
  const auto nb = neel_brown_parameters::from_macrospin(p, 350.0_K);
  CHECK(units::in_si(nb.barrier) == Approx(energy_difference(p, 350.0)).epsilon(1e-12));
  CHECK(units::in_si(nb.critical_current) == Approx(units::in_si(p.critical_current())).epsilon(1e-14));
}

TEST_CASE("Neel-Brown occupancies from the macrospin barrier are the Boltzmann weights of energy()",
          "[barrier][neel_brown]") {
  // A small junction (Delta ~ 4) under an easy-axis field H: the two-state chain's stationary
  // occupancy P_AP / P_P = r(P -> AP) / r(AP -> P) = exp(-(Delta_P - Delta_AP)) must equal the
  // Boltzmann ratio exp(-(E(-x) - E(+x)) / k_B T) of the macrospin's energies, with Ms(T).
  auto p = ellipse(800.0);
  p.volume = 0.1 * p.volume;
  const double kelvin = 300.0, field = 2e3;  // A/m, along +x (favours P)
  const auto nb = neel_brown_parameters::from_macrospin(p, units::as<units::temperature>(kelvin));
  macrospin_ensemble<double> m(p, 2, 1);
  m.set_temperature_all(units::as<units::temperature>(kelvin));
  m.set_applied_field_all({units::as<units::magnetic_field_strength>(field), 0.0 * units::ampere_per_meter,
                           0.0 * units::ampere_per_meter});
  m.set_magnetization(0, 1.0, 0.0, 0.0);
  m.set_magnetization(1, -1.0, 0.0, 0.0);
  const double de = units::in_si(m.energy(1)) - units::in_si(m.energy(0));
  const double boltzmann_ap = 1.0 / (1.0 + std::exp(de / (c::boltzmann * kelvin)));

  constexpr std::size_t n = 40000;
  device::neel_brown_ensemble e(nb, n, 7);
  e.set_temperature_all(units::as<units::temperature>(kelvin));
  e.set_field_all(units::as<units::magnetic_field_strength>(field));
  e.advance(1.0_ms, 3);  // >> 1 / (r_P + r_AP): each step mixes completely
  std::size_t ap = 0;
  for (std::size_t j = 0; j < n; ++j) ap += e.state(j) == device::antiparallel;
  const double fraction = double(ap) / double(n);
  const double sigma = std::sqrt(boltzmann_ap * (1.0 - boltzmann_ap) / double(n));
  CHECK(boltzmann_ap > 0.05);  // a measurable minority
  CHECK(std::abs(fraction - boltzmann_ap) < 4.0 * sigma);
}

TEST_CASE("the saddle is searched, not assumed: the lowest pass between the minima is at m = +-y", "[barrier]") {
  // Every path on the unit sphere from m = +x to m = -x crosses the circle m_x = 0, so the barrier is
  // at least min over that circle of E - E(+x); the meridian through the minimiser attains it when
  // its energy peaks there. Both are searched numerically from the macrospin's energy().
  const auto p = ellipse();
  macrospin_ensemble<double> e(p, 1, 1);
  e.set_temperature_all(300.0_K);
  auto energy = [&](double x, double y, double z) {
    e.set_magnetization(0, x, y, z);
    return units::in_si(e.energy(0));
  };
  const double e_min = energy(1.0, 0.0, 0.0);
  auto on_circle = [&](double phi) { return energy(0.0, std::cos(phi), std::sin(phi)); };
  double best_phi = 0.0, best = on_circle(0.0);
  constexpr int samples = 3600;
  for (int k = 1; k < samples; ++k) {
    const double phi = 2.0 * std::numbers::pi * k / samples;
    if (const double v = on_circle(phi); v < best) best = v, best_phi = phi;
  }
  // golden-section refinement of the minimiser within one grid step
  double lo = best_phi - 2.0 * std::numbers::pi / samples, hi = best_phi + 2.0 * std::numbers::pi / samples;
  const double g = 0.5 * (std::sqrt(5.0) - 1.0);
  for (int it = 0; it < 100; ++it) {
    const double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
    (on_circle(a) < on_circle(b) ? hi : lo) = (on_circle(a) < on_circle(b) ? b : a);
  }
  best_phi = 0.5 * (lo + hi);
  best = on_circle(best_phi);
  CHECK(std::abs(std::sin(best_phi)) < 1e-6);  // in the film plane: m = +-y
  // the meridian from +x through the minimiser to -x peaks at the crossing: the bound is attained
  double peak = -1.0e300;
  for (int k = 0; k <= 2000; ++k) {
    const double theta = std::numbers::pi * k / 2000.0;
    peak = std::max(peak, energy(std::cos(theta), std::sin(theta) * std::cos(best_phi), std::sin(theta) * std::sin(best_phi)));
  }
  CHECK(peak == Approx(best).epsilon(1e-12));
  CHECK(best - e_min == Approx(units::in_si(p.energy_barrier(300.0_K))).epsilon(1e-9));
}
