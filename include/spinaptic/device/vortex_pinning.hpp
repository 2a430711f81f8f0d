// spinaptic/device/vortex_pinning.hpp: spikes from physics in a field sweep. Barkhausen jumps
// as thermally activated hops of the vortex core between pinning sites, and the double switch as
// the depinning of the reference layer when its exchange bias H_ex(T) falls toward the blocking
// temperature. Equations, sources and limits: docs/vortex.md.
//
// Core hopping (kinetic Monte Carlo, one coordinate u along the core's path, <m_x> = xi u / R):
// pinning sites every d along u (grain boundaries, roughness), each a well of depth E_p; between
// sites the rigid-vortex energy (vortex_statics.hpp)
//   E(u) = kappa u^2/2 + kappa a u^4/(4 R^2) - (mu0 Ms V xi / R) H u
// tilts the washboard. A hop u -> u +- d has the barrier (linear tilt across one period)
//   E_+-(u) = max(0, E_p + [E(u +- d) - E(u)] / 2)
// and the Arrhenius rate r_+- = f_0 exp(-E_+- / k_B T) (Neel, Ann. Geophys. 5, 99 (1949); Brown,
// Phys. Rev. 130, 1677 (1963)); T is the free layer's laser-heated temperature. Events are drawn
// exactly (Gillespie, J. Comput. Phys. 22, 403 (1976)) with the rates held over each step.
// Outside the vortex state (|H| >= H_an) the layer is single-domain (<m_x> = +-1); it renucleates
// at the site nearest to the equilibrium when |H| < H_n.
//
// Reference layer: exchange bias H_ex(T) = H_ex0 (1 - T/T_B) below the blocking temperature T_B,
// 0 above (the linear fall near T_B; Nogues & Schuller, JMMM 192, 203 (1999)); its loop is
// centred at -H_ex(T) with half-width H_c: it reverses at H <= -H_ex(T) - H_c and returns at
// H >= -H_ex(T) + H_c.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// The pinning landscape of the core's path.
struct vortex_pinning_parameters {
  units::length site_spacing = units::as<units::length>(10e-9);  ///< d [m]: grain size (5-20 nm)
  units::energy pinning_energy = units::as<units::energy>(8.0e-20);  ///< E_p [J] (0.5 eV)
  units::frequency attempt_frequency = units::as<units::frequency>(1e9);  ///< f_0 [Hz]
  std::size_t max_hops_per_step = 10000;  ///< refuse a step with more events than this

  /// Throws invalid_parameter naming the first bad parameter.
  [[nodiscard]] vortex_pinning_parameters validated() const {
    detail::require_positive("pinning site spacing d [m]", units::in_si(site_spacing));
    detail::require_non_negative("pinning energy E_p [J]", units::in_si(pinning_energy));
    detail::require_positive("attempt frequency f_0 [Hz]", units::in_si(attempt_frequency));
    if (max_hops_per_step == 0) throw invalid_parameter("max hops per step", 0.0, ">= 1");
    return *this;
  }
};

/// Exchange-biased reference layer with a blocking temperature.
struct reference_layer_parameters {
  units::magnetic_field_strength exchange_bias = units::as<units::magnetic_field_strength>(8e4);  ///< H_ex0 [A/m] (1 kOe)
  units::temperature blocking_temperature = units::as<units::temperature>(500.0);  ///< T_B [K] (IrMn 450-550 K)
  units::magnetic_field_strength coercive_field = units::as<units::magnetic_field_strength>(4e3);  ///< H_c [A/m] (50 Oe)

  /// Throws invalid_parameter naming the first bad parameter.
  [[nodiscard]] reference_layer_parameters validated() const {
    detail::require_non_negative("exchange bias H_ex0 [A/m]", units::in_si(exchange_bias));
    detail::require_positive("blocking temperature T_B [K]", units::in_si(blocking_temperature));
    detail::require_non_negative("reference coercive field H_c [A/m]", units::in_si(coercive_field));
    return *this;
  }
  /// H_ex(T) = H_ex0 (1 - T/T_B) for T < T_B, else 0 [A/m].
  [[nodiscard]] units::magnetic_field_strength exchange_bias_at(units::temperature t) const {
    const double k = detail::require_non_negative("temperature T [K]", units::in_si(t));
    const double tb = units::in_si(blocking_temperature);
    return units::as<units::magnetic_field_strength>(k < tb ? units::in_si(exchange_bias) * (1.0 - k / tb) : 0.0);
  }
};

/// N junctions whose vortex cores hop between pinning sites and whose reference layers depin,
/// under a common parameter set and per-junction field and temperature. Counter-based randomness
/// keyed by (seed, junction, step): results do not depend on the order junctions are visited.
class vortex_pinning_ensemble {
 public:
  /// `count` junctions at the disk centre (u = 0), reference along +x.
  vortex_pinning_ensemble(const vortex_parameters& disk, const vortex_pinning_parameters& pinning,
                          const reference_layer_parameters& reference, std::size_t count, std::uint64_t seed)
      : disk_(disk.validated()), pin_(pinning.validated()), ref_(reference.validated()), n_(count), seed_(seed) {
    if (count == 0) throw invalid_parameter("junction count", 0.0, ">= 1");
    const double r = units::in_si(disk_.radius), d = units::in_si(pin_.site_spacing);
    if (!(d < r)) throw invalid_parameter("pinning site spacing d [m]", d, "< disk radius R");
    for (auto* a : {&field_, &temperature_}) {
      a->resize({n_});
      a->fill(0.0);
    }
    temperature_.fill(300.0);
    for (auto* a : {&site_, &hops_, &reference_, &phase_}) {
      a->resize({n_});
      a->fill(0);
    }
    reference_.fill(1);
  }

  /// Number of junctions.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// In-plane field along x of junction j [A/m].
  void set_field(std::size_t j, units::magnetic_field_strength h) {
    check(j);
    field_(j) = detail::require_finite("applied field H [A/m]", units::in_si(h));
  }
  /// Field of every junction [A/m].
  void set_field_all(units::magnetic_field_strength h) {
    for (std::size_t j = 0; j < n_; ++j) set_field(j, h);
  }
  /// Free-layer temperature of junction j (ambient plus laser and Joule heating) [K].
  void set_temperature(std::size_t j, units::temperature t) {
    check(j);
    const double k = detail::require_positive("temperature T [K]", units::in_si(t));
    if (!(disk_.saturation_magnetization_at(k) > 0.0))
      throw invalid_parameter("temperature T [K] (Ms(T) vanishes at or above T_C)", k, "< Curie temperature");
    temperature_(j) = k;
  }
  /// Temperature of every junction [K].
  void set_temperature_all(units::temperature t) {
    for (std::size_t j = 0; j < n_; ++j) set_temperature(j, t);
  }

  /// Core site index of junction j (u = index d).
  [[nodiscard]] long site(std::size_t j) const { check(j); return site_(j); }
  /// Number of core hops (Barkhausen jumps) of junction j so far.
  [[nodiscard]] long hops(std::size_t j) const { check(j); return hops_(j); }
  /// Hop counts, one per junction.
  [[nodiscard]] const xt::xtensor<long, 1>& hop_counts() const noexcept { return hops_; }
  /// Free-layer \<m_x\>: xi u / R in the vortex state, +-1 when single-domain.
  [[nodiscard]] double free_magnetization(std::size_t j) const {
    check(j);
    if (phase_(j) != 0) return double(phase_(j));
    return vortex_parameters::xi * double(site_(j)) * units::in_si(pin_.site_spacing) / units::in_si(disk_.radius);
  }
  /// Reference direction +-1 along x of junction j.
  [[nodiscard]] int reference_direction(std::size_t j) const { check(j); return int(reference_(j)); }
  /// \<m_x\> relative to the reference, the quantity the analog resistance follows.
  [[nodiscard]] double relative_magnetization(std::size_t j) const { return free_magnetization(j) * reference_direction(j); }

  /// Hop barrier E_+-(u) of junction j at its present site, field and temperature [J] (header comment).
  [[nodiscard]] units::energy barrier(std::size_t j, int direction) const {
    check(j);
    if (direction != 1 && direction != -1) throw invalid_parameter("hop direction", direction, "+1 or -1");
    return units::as<units::energy>(barrier_si(j, double(site_(j)), direction));
  }

  /// Advances every junction by `steps` steps of dt: the reference layer and the vortex/single-
  /// domain branch follow the field, then the core hops with the Arrhenius rates (exact events,
  /// rates held over the step). Throws when a step would need more than max_hops_per_step events.
  void advance(units::time dt, std::size_t steps = 1) {
    const double h = detail::require_positive("time step dt [s]", units::in_si(dt));
    for (std::size_t s = 0; s < steps; ++s) {
      for (std::size_t j = 0; j < n_; ++j) step_junction(j, h, steps_ + s);
    }
    steps_ += steps;
  }

 private:
  void check(std::size_t j) const {
    if (j >= n_) throw index_out_of_range("junction index", j, n_);
  }
  /// E(u) of the header comment at site index u (raw SI) [J].
  [[nodiscard]] double energy_si(std::size_t j, double u_sites) const {
    const double t = temperature_(j), r = units::in_si(disk_.radius);
    const double u = u_sites * units::in_si(pin_.site_spacing), k = disk_.stiffness_si(t);
    const double lever = detail::constants::vacuum_permeability * disk_.saturation_magnetization_at(t) * disk_.volume_si() *
                         vortex_parameters::xi / r;
    return 0.5 * k * u * u + 0.25 * k * disk_.nonlinear_stiffness * u * u * u * u / (r * r) - lever * field_(j) * u;
  }
  [[nodiscard]] double barrier_si(std::size_t j, double u, int dir) const {
    return std::max(0.0, units::in_si(pin_.pinning_energy) + 0.5 * (energy_si(j, u + dir) - energy_si(j, u)));
  }

  void step_junction(std::size_t j, double dt, std::uint64_t step) {
    const double t = temperature_(j), hv = field_(j);
    // reference layer: loop centred at -H_ex(T), half-width H_c
    const double hex = units::in_si(ref_.exchange_bias_at(units::as<units::temperature>(t)));
    const double hc = units::in_si(ref_.coercive_field);
    if (reference_(j) > 0 && hv <= -hex - hc) reference_(j) = -1;
    else if (reference_(j) < 0 && hv >= -hex + hc) reference_(j) = 1;
    // free layer branch
    const vortex_statics st(disk_, units::as<units::temperature>(t));
    const double h_an = units::in_si(st.annihilation_field()), h_n = units::in_si(st.nucleation_field());
    const double r = units::in_si(disk_.radius), d = units::in_si(pin_.site_spacing);
    if (hv >= h_an) phase_(j) = 1;
    else if (hv <= -h_an) phase_(j) = -1;
    else if (phase_(j) != 0 && (std::abs(hv) < h_n || (phase_(j) > 0) != (hv > 0.0))) {
      phase_(j) = 0;  // renucleate at the site nearest the equilibrium
      const double u_eq = (hv < 0.0 ? -1.0 : 1.0) * st.displacement(units::as<units::magnetic_field_strength>(hv)) * r;
      site_(j) = std::lround(u_eq / d);
    }
    if (phase_(j) != 0) return;
    // Gillespie events over [0, dt) with the rates at the current site
    detail::counter_rng g(detail::stream_key(seed_, j, step));
    const double f0 = units::in_si(pin_.attempt_frequency), kt = detail::constants::boltzmann * t;
    const long max_site = static_cast<long>(std::floor(r / d)) - 1;
    double left = dt;
    for (std::size_t k = 0;; ++k) {
      if (k >= pin_.max_hops_per_step)
        throw invalid_parameter("core hops in one step (pinning too weak for dt: raise E_p or lower dt)",
                                double(k), "<= max_hops_per_step");
      const double u = double(site_(j));
      const double rp = site_(j) < max_site ? f0 * std::exp(-barrier_si(j, u, 1) / kt) : 0.0;
      const double rm = site_(j) > -max_site ? f0 * std::exp(-barrier_si(j, u, -1) / kt) : 0.0;
      const double rate = rp + rm;
      if (!(rate > 0.0)) return;
      const double wait = detail::standard_exponential(g) / rate;
      if (wait >= left) return;
      left -= wait;
      site_(j) += g.uniform() * rate < rp ? 1 : -1;
      ++hops_(j);
    }
  }

  vortex_parameters disk_;
  vortex_pinning_parameters pin_;
  reference_layer_parameters ref_;
  std::size_t n_;
  std::uint64_t seed_;
  std::uint64_t steps_ = 0;
  xt::xtensor<double, 1> field_, temperature_;
  xt::xtensor<long, 1> site_, hops_, reference_, phase_;
};

}  // namespace spinaptic::device
