// spinaptic/device/neel_brown.hpp: thermally activated two-state switching (Neel-Brown), the
// cheap alternative to the macrospin for many junctions.
//
// Escape rate out of state s (docs/magnetization.md; Neel 1949, Brown 1963):
//   1/tau_s = f0 exp(-Delta_s),   Delta_s = (E_b / k_B T) (1 - h_s)^2 (1 - i_s)^b
// E_b = mu0 Ms H_K,eff V / 2 the zero-field barrier (macrospin_parameters::energy_barrier), f0 = 1/tau0 the attempt frequency, h_s the
// easy-axis field pushing out of s in units of H_K (Neel 1949, Brown 1963: the (1 - h)^2 barrier of
// the Stoner-Wohlfarth particle), i_s the current pushing out of s in units of I_c0 (Koch, Katine &
// Sun, PRL 92, 088302 (2004): b = 1; Taniguchi & Imamura, arXiv:1204.1190: b = 2). When a
// drive exceeds its critical value the barrier has vanished and Delta_s = 0 (rate f0): that is the
// physics of the model, not a clamp of the input.
//
// Sampling is exact: over a step dt with piecewise-constant drives the two-state Markov chain is
// propagated with its exact transition probability
//   P(s -> s') = r_s / (r_s + r_s') (1 - exp(-(r_s + r_s') dt)),
// never the small-rate approximation r dt; and dwell_time() draws the exponential waiting time.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/device/macrospin.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Parameters of a Neel-Brown two-state junction. The easy axis and the reference layer are
/// collinear; a positive easy-axis field points along the reference layer (favours P).
struct neel_brown_parameters {
  units::energy barrier;                                     ///< E_b [J]
  units::time attempt_time = units::as<units::time>(1e-9);   ///< tau0 = 1/f0 [s] (1 ns typical)
  units::current critical_current;                           ///< I_c0 [A]
  units::magnetic_field_strength anisotropy_field;           ///< H_K [A/m]
  double current_exponent = 1.0;                             ///< b (1 or 2)
  stt_polarity polarity = stt_polarity::positive_current_favours_parallel;  ///< which current sign favours P

  /// Throws invalid_parameter naming the first bad parameter; returns a copy.
  [[nodiscard]] neel_brown_parameters validated() const {
    detail::require_positive("energy barrier E_b [J]", units::in_si(barrier));
    detail::require_positive("attempt time tau0 [s]", units::in_si(attempt_time));
    detail::require_positive("critical current I_c0 [A]", units::in_si(critical_current));
    detail::require_positive("anisotropy field H_K [A/m]", units::in_si(anisotropy_field));
    detail::require_positive("current exponent b", current_exponent);
    return *this;
  }

  /// The same junction as a macrospin at temperature T: E_b = macrospin_parameters::energy_barrier(T)
  /// (with the shape anisotropy and Ms(T), the barrier of the macrospin's own energy()), the field
  /// scale H_K,eff(T) of the same barrier, and I_c0 from macrospin_parameters::critical_current().
  static neel_brown_parameters from_macrospin(const macrospin_parameters& m, units::temperature t,
                                              units::time tau0 = units::as<units::time>(1e-9)) {
    const auto v = m.validated();
    return neel_brown_parameters{v.energy_barrier(t), tau0, v.critical_current(), v.effective_anisotropy_field(t),
                                 1.0, v.polarity}
        .validated();
  }

  /// Brown's attempt time of a macrospin whose anisotropy is axially symmetric about its easy axis
  /// (N_y = N_z, e.g. a sphere), in the high-barrier limit (W. F. Brown, Phys. Rev. 130, 1677 (1963)):
  ///   1/tau0 = f0 = alpha gamma mu0 H_K,eff / (1 + alpha^2) sqrt(Delta / pi),   Delta = E_b / (k_B T),
  /// so that the escape rate out of a well at zero drive is f0 exp(-Delta). Corrections are O(1/Delta);
  /// tests/device/neel_brown.cpp checks rate and exponent against an sLLGS ensemble of the macrospin.
  /// A thin film (N_z >> N_y) is not axially symmetric: its prefactor differs, and this throws.
  [[nodiscard]] static units::time brown_attempt_time(const macrospin_parameters& m, units::temperature t) {
    const auto v = m.validated();
    if (std::abs(v.demag.y - v.demag.z) > 1e-9)
      throw invalid_parameter("demagnetizing factors N_y - N_z", v.demag.y - v.demag.z,
                              "0 (axially symmetric about the easy axis, Brown's uniaxial formula)");
    const double kelvin = detail::require_positive("temperature T [K]", units::in_si(t));
    const double delta = units::in_si(v.energy_barrier(t)) / (detail::constants::boltzmann * kelvin);
    const double f0 = v.damping * units::in_si(v.gamma) * detail::constants::vacuum_permeability *
                      units::in_si(v.effective_anisotropy_field(t)) / (1.0 + v.damping * v.damping) *
                      std::sqrt(delta / std::numbers::pi);
    return units::as<units::time>(1.0 / detail::require_positive("Brown attempt frequency f0 [1/s]", f0));
  }

  /// Raw kernel: escape rate [1/s] out of state s at current I [A], easy-axis field H [A/m],
  /// temperature T [K].
  [[nodiscard]] double escape_rate(magnetic_state s, double current, double field, double kelvin) const noexcept {
    const double out = s == magnetic_state::parallel ? -1.0 : 1.0;  // +1: pushes towards P
    const double pol = polarity == stt_polarity::positive_current_favours_parallel ? 1.0 : -1.0;
    const double h = out * field / units::in_si(anisotropy_field);
    const double i = out * pol * current / units::in_si(critical_current);
    const double fh = std::max(1.0 - h, 0.0), fi = std::max(1.0 - i, 0.0);
    const double delta = units::in_si(barrier) / (detail::constants::boltzmann * kelvin) * fh * fh *
                         std::pow(fi, current_exponent);
    return std::exp(-delta) / units::in_si(attempt_time);
  }
};

/// N independent Neel-Brown junctions (structure of arrays). Random numbers come from the
/// counter-based stream (seed, junction, step), so results do not depend on how they are visited.
class neel_brown_ensemble {
 public:
  /// `count` junctions, all in P, seeded by `seed`.
  neel_brown_ensemble(const neel_brown_parameters& params, std::size_t count, std::uint64_t seed)
      : p_(params.validated()), n_(count), seed_(seed) {
    if (count == 0) throw invalid_parameter("junction count", 0.0, ">= 1");
    state_.resize({n_});
    state_.fill(static_cast<unsigned char>(magnetic_state::parallel));
    for (auto* a : {&current_, &field_, &temperature_}) {
      a->resize({n_});
      a->fill(0.0);
    }
  }

  /// Number of junctions.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// The shared parameters.
  [[nodiscard]] const neel_brown_parameters& parameters() const noexcept { return p_; }
  /// Number of steps advanced so far.
  [[nodiscard]] std::uint64_t step_count() const noexcept { return steps_; }
  /// State of junction j.
  [[nodiscard]] magnetic_state state(std::size_t j) const {
    check_index(j);
    return static_cast<magnetic_state>(state_(j));
  }
  /// Sets the state of junction j.
  void set_state(std::size_t j, magnetic_state s) {
    check_index(j);
    state_(j) = static_cast<unsigned char>(s);
  }
  /// Bias current of junction j [A].
  void set_current(std::size_t j, units::current i) {
    check_index(j);
    current_(j) = detail::require_finite("bias current I [A]", units::in_si(i));
  }
  /// Bias current of every junction [A].
  void set_current_all(units::current i) {
    current_.fill(detail::require_finite("bias current I [A]", units::in_si(i)));
  }
  /// Easy-axis field; positive along the reference layer.
  void set_field(std::size_t j, units::magnetic_field_strength h) {
    check_index(j);
    field_(j) = detail::require_finite("easy-axis field H [A/m]", units::in_si(h));
  }
  /// Easy-axis field of every junction [A/m]; positive along the reference layer.
  void set_field_all(units::magnetic_field_strength h) {
    field_.fill(detail::require_finite("easy-axis field H [A/m]", units::in_si(h)));
  }
  /// Temperature of junction j [K].
  void set_temperature(std::size_t j, units::temperature t) {
    check_index(j);
    temperature_(j) = detail::require_positive("temperature T [K]", units::in_si(t));
  }
  /// Temperature of every junction [K].
  void set_temperature_all(units::temperature t) {
    temperature_.fill(detail::require_positive("temperature T [K]", units::in_si(t)));
  }

  /// Mean dwell time tau_s = 1 / escape rate in the junction's present state and drives.
  [[nodiscard]] units::time mean_dwell_time(std::size_t j) const {
    return units::as<units::time>(1.0 / rate(j, state(j)));
  }

  /// Advances all junctions by `steps` steps of dt with the exact two-state propagator.
  void advance(units::time dt, std::size_t steps) {
    const double h = detail::require_positive("time step dt [s]", units::in_si(dt));
    require_temperatures();
    for (std::size_t j = 0; j < n_; ++j) {
      const double r_p = rate(j, magnetic_state::parallel), r_ap = rate(j, magnetic_state::antiparallel);
      const double sum = r_p + r_ap;
      const double mix = -std::expm1(-sum * h);  // 1 - exp(-(r_P + r_AP) dt), exact for small args
      const double flip_from_p = r_p / sum * mix, flip_from_ap = r_ap / sum * mix;
      unsigned char s = state_(j);
      for (std::size_t k = 0; k < steps; ++k) {
        detail::counter_rng g(detail::stream_key(seed_, j, steps_ + k));
        if (g.uniform() < (s == 0 ? flip_from_p : flip_from_ap)) s = static_cast<unsigned char>(1 - s);
      }
      state_(j) = s;
    }
    steps_ += steps;
  }

  /// Exact event-driven sampling: the waiting time until junction j leaves its present state,
  /// exponential with mean tau_s (draw `draw` of the junction's event stream); the state flips.
  units::time switch_state(std::size_t j, std::uint64_t draw) {
    check_index(j);
    require_temperatures();
    detail::counter_rng g(detail::stream_key(~seed_, j, draw));
    const double t = detail::standard_exponential(g) / rate(j, state(j));
    state_(j) = static_cast<unsigned char>(1 - state_(j));
    return units::as<units::time>(t);
  }

 private:
  void check_index(std::size_t j) const {
    if (j >= n_) throw invalid_parameter("junction index", static_cast<double>(j), "< size()");
  }
  void require_temperatures() const {
    for (std::size_t j = 0; j < n_; ++j)
      if (!(temperature_(j) > 0.0))
        throw invalid_parameter("temperature T [K] (set_temperature before stepping)", temperature_(j),
                                "finite and > 0");
  }
  [[nodiscard]] double rate(std::size_t j, magnetic_state s) const noexcept {
    return p_.escape_rate(s, current_(j), field_(j), temperature_(j));
  }

  neel_brown_parameters p_;
  std::size_t n_;
  std::uint64_t seed_;
  std::uint64_t steps_ = 0;
  xt::xtensor<unsigned char, 1> state_;
  xt::xtensor<double, 1> current_, field_, temperature_;
};

}  // namespace spinaptic::device
