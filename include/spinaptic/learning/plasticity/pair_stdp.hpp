// spinaptic/learning/plasticity/pair_stdp.hpp: pair-based spike-timing-dependent plasticity with
// all-to-all or nearest-neighbour pairing (Song, Miller & Abbott, Nat. Neurosci. 3, 919 (2000);
// Morrison, Diesmann & Gerstner, Biol. Cybern. 98, 459 (2008)).
//
// For a presynaptic spike at t_pre and a postsynaptic spike at t_post, Delta t = t_post - t_pre:
//   Delta w = +A_plus exp(-Delta t / tau_plus)     for Delta t > 0 (potentiation),
//   Delta w = -A_minus exp(Delta t / tau_minus)    for Delta t < 0 (depression),
// implemented with a presynaptic trace x (tau_plus) and a postsynaptic trace y (tau_minus):
// at a presynaptic spike w <- w - A_minus y, then x responds; at a postsynaptic spike
// w <- w + A_plus x, then y responds (traces.hpp: +1 for all-to-all, set to 1 for nearest).
// Additive, clipped to [w_min, w_max]. Weights and amplitudes are in the weight's unit W (siemens
// for conductance-based targets, amperes for current-based ones).
#pragma once

#include <algorithm>
#include <cstddef>

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/plasticity/traces.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning::plasticity {

/// Parameters of pair STDP; W is the weight's quantity type.
template <class W = units::conductance>
struct pair_stdp_parameters {
  W potentiation;                                       ///< A_plus
  W depression;                                         ///< A_minus
  units::time potentiation_time_constant = units::as<units::time>(20e-3);  ///< tau_plus [s]
  units::time depression_time_constant = units::as<units::time>(20e-3);    ///< tau_minus [s]
  W min_weight = units::as<W>(0.0);                     ///< w_min
  W max_weight;                                         ///< w_max
  pairing mode = pairing::all_to_all;                   ///< trace response

  /// Throws invalid_parameter unless A_plus, A_minus >= 0 and w_min <= w_max.
  [[nodiscard]] pair_stdp_parameters validated() const {
    detail::require_non_negative("STDP potentiation amplitude A_plus", units::in_si(potentiation));
    detail::require_non_negative("STDP depression amplitude A_minus", units::in_si(depression));
    detail::require_finite("STDP minimum weight w_min", units::in_si(min_weight));
    if (!(units::in_si(max_weight) >= units::in_si(min_weight)))
      throw invalid_parameter("STDP maximum weight w_max", units::in_si(max_weight), ">= w_min");
    return *this;
  }
};

/// Pair-based STDP (see the file comment).
template <class W = units::conductance>
class pair_stdp {
 public:
  /// The rule with the given parameters (validated).
  explicit pair_stdp(const pair_stdp_parameters<W>& p) : p_(p.validated()) {}

  /// Sizes the traces and precomputes their decay over dt [s].
  void prepare(double dt, std::size_t n_pre, std::size_t n_post) {
    pre_.resize(n_pre, p_.potentiation_time_constant, p_.mode);
    post_.resize(n_post, p_.depression_time_constant, p_.mode);
    pre_.prepare(dt);
    post_.prepare(dt);
  }
  /// Advances every trace by one step.
  void decay() noexcept {
    pre_.decay();
    post_.decay();
  }
  /// Presynaptic spike of i: depression of row i by the postsynaptic traces, then x_i responds.
  void on_pre(std::size_t i, double* row, std::size_t n_post) noexcept {
    const double a = units::in_si(p_.depression), lo = units::in_si(p_.min_weight), hi = units::in_si(p_.max_weight);
    const double* y = post_.data();
    for (std::size_t j = 0; j < n_post; ++j) row[j] = std::clamp(row[j] - a * y[j], lo, hi);
    pre_.spike(i);
  }
  /// Postsynaptic spike of j: potentiation of column j by the presynaptic traces, then y_j responds.
  void on_post(std::size_t j, double* w, std::size_t n_pre, std::size_t stride) noexcept {
    const double a = units::in_si(p_.potentiation), lo = units::in_si(p_.min_weight), hi = units::in_si(p_.max_weight);
    const double* x = pre_.data();
    for (std::size_t i = 0; i < n_pre; ++i) w[i * stride + j] = std::clamp(w[i * stride + j] + a * x[i], lo, hi);
    post_.spike(j);
  }
  /// The parameters.
  [[nodiscard]] const pair_stdp_parameters<W>& parameters() const noexcept { return p_; }

 private:
  pair_stdp_parameters<W> p_;
  trace_set pre_, post_;
};

static_assert(plasticity_rule<pair_stdp<>>);

}  // namespace spinaptic::learning::plasticity
