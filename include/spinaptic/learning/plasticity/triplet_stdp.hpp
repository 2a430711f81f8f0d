// spinaptic/learning/plasticity/triplet_stdp.hpp: triplet spike-timing-dependent plasticity
// (Pfister & Gerstner, J. Neurosci. 26, 9673 (2006)), all-to-all interactions.
//
// Presynaptic traces r1 (tau_plus), r2 (tau_x); postsynaptic traces o1 (tau_minus), o2 (tau_y);
// each grows by 1 at a spike of its neuron (after the weight update reads it). Then
//   presynaptic spike:  w <- w - o1 (A2_minus + A3_minus r2),   (r2 before its own increment)
//   postsynaptic spike: w <- w + r1 (A2_plus + A3_plus o2),     (o2 before its own increment)
// (Pfister & Gerstner 2006, eqs. 3-4), clipped to [w_min, w_max]. Amplitudes are in the weight's
// unit W. The defaults are the paper's minimal all-to-all fit to visual cortex (Table 4:
// tau_plus = 16.8 ms, tau_minus = 33.7 ms, tau_x = 101 ms, tau_y = 125 ms, A2_plus = 5e-10,
// A3_plus = 6.2e-3, A2_minus = 7e-3, A3_minus = 2.3e-4), for dimensionless weights (W = units::dimensionless) in units of w_max = 1.
// This rule reproduces the frequency dependence of Sjostrom, Turrigiano & Nelson, Neuron 32,
// 1149 (2001): pairings at +10 ms potentiate more at higher frequency.
#pragma once

#include <algorithm>
#include <cstddef>

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/plasticity/traces.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning::plasticity {

/// Parameters of triplet STDP; W is the weight's quantity type.
template <class W = units::dimensionless>
struct triplet_stdp_parameters {
  W pair_potentiation = units::as<W>(5e-10);    ///< A2_plus
  W triplet_potentiation = units::as<W>(6.2e-3);  ///< A3_plus
  W pair_depression = units::as<W>(7e-3);       ///< A2_minus
  W triplet_depression = units::as<W>(2.3e-4);  ///< A3_minus
  units::time tau_plus = units::as<units::time>(16.8e-3);  ///< r1 [s]
  units::time tau_minus = units::as<units::time>(33.7e-3);  ///< o1 [s]
  units::time tau_x = units::as<units::time>(101e-3);     ///< r2 [s]
  units::time tau_y = units::as<units::time>(125e-3);     ///< o2 [s]
  W min_weight = units::as<W>(0.0);  ///< w_min
  W max_weight = units::as<W>(1.0);  ///< w_max

  /// Throws invalid_parameter unless amplitudes >= 0 and w_min <= w_max.
  [[nodiscard]] triplet_stdp_parameters validated() const {
    for (const W& a : {pair_potentiation, triplet_potentiation, pair_depression, triplet_depression})
      detail::require_non_negative("triplet STDP amplitude", units::in_si(a));
    if (!(units::in_si(max_weight) >= units::in_si(min_weight)))
      throw invalid_parameter("triplet STDP maximum weight w_max", units::in_si(max_weight), ">= w_min");
    return *this;
  }
};

/// Triplet STDP (see the file comment).
template <class W = units::dimensionless>
class triplet_stdp {
 public:
  /// The rule with the given parameters (validated).
  explicit triplet_stdp(const triplet_stdp_parameters<W>& p = {}) : p_(p.validated()) {}

  /// Sizes the four trace sets and precomputes their decay over dt [s].
  void prepare(double dt, std::size_t n_pre, std::size_t n_post) {
    r1_.resize(n_pre, p_.tau_plus);
    r2_.resize(n_pre, p_.tau_x);
    o1_.resize(n_post, p_.tau_minus);
    o2_.resize(n_post, p_.tau_y);
    for (auto* t : {&r1_, &r2_, &o1_, &o2_}) t->prepare(dt);
  }
  /// Advances every trace by one step.
  void decay() noexcept {
    for (auto* t : {&r1_, &r2_, &o1_, &o2_}) t->decay();
  }
  /// Presynaptic spike of i: w_ij -= o1_j (A2_minus + A3_minus r2_i), then r1_i, r2_i grow.
  void on_pre(std::size_t i, double* row, std::size_t n_post) noexcept {
    const double a = units::in_si(p_.pair_depression) + units::in_si(p_.triplet_depression) * r2_[i];
    const double lo = units::in_si(p_.min_weight), hi = units::in_si(p_.max_weight);
    const double* o1 = o1_.data();
    for (std::size_t j = 0; j < n_post; ++j) row[j] = std::clamp(row[j] - a * o1[j], lo, hi);
    r1_.spike(i);
    r2_.spike(i);
  }
  /// Postsynaptic spike of j: w_ij += r1_i (A2_plus + A3_plus o2_j), then o1_j, o2_j grow.
  void on_post(std::size_t j, double* w, std::size_t n_pre, std::size_t stride) noexcept {
    const double a = units::in_si(p_.pair_potentiation) + units::in_si(p_.triplet_potentiation) * o2_[j];
    const double lo = units::in_si(p_.min_weight), hi = units::in_si(p_.max_weight);
    const double* r1 = r1_.data();
    for (std::size_t i = 0; i < n_pre; ++i) w[i * stride + j] = std::clamp(w[i * stride + j] + a * r1[i], lo, hi);
    o1_.spike(j);
    o2_.spike(j);
  }
  /// The parameters.
  [[nodiscard]] const triplet_stdp_parameters<W>& parameters() const noexcept { return p_; }

 private:
  triplet_stdp_parameters<W> p_;
  trace_set r1_, r2_, o1_, o2_;
};

static_assert(plasticity_rule<triplet_stdp<>>);
static_assert(plasticity_rule<triplet_stdp<units::conductance>>);

}  // namespace spinaptic::learning::plasticity
