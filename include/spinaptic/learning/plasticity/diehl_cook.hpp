// spinaptic/learning/plasticity/diehl_cook.hpp: the STDP rule of Diehl & Cook's unsupervised
// digit-recognition network, with its weight normalisation.
//
// Diehl & Cook, Front. Comput. Neurosci. 9:99 (2015), eq. 3 and the published code: a presynaptic
// trace x_pre (tau_pre = 20 ms) and two postsynaptic traces x_post1 (20 ms), x_post2 (40 ms),
// each set to 1 at a spike of its neuron (nearest-neighbour). Then
//   presynaptic spike:  w <- w - nu_pre x_post1,
//   postsynaptic spike: w <- w + nu_post x_pre x_post2   (x_post2 read before it is set to 1),
// clipped to [0, w_max]; nu_pre = 1e-4, nu_post = 1e-2, w_max = 1 (in units of the weight, W).
// Normalisation (applied between presentations): the input weights of each postsynaptic neuron
// j are rescaled to sum to a fixed total (78 for 784 inputs in the paper):
//   w_ij <- w_ij * total / sum_i w_ij.
// The homeostatic threshold of the rule's neurons is neuron::adaptive_threshold.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/plasticity/traces.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning::plasticity {

/// Rescales each column j of w (n_pre x n_post, raw SI) so that sum_i w_ij = total (SI of the
/// weight); a column of zeros stays zero.
inline void normalize_columns(xt::xtensor<double, 2>& w, double total) {
  detail::require_positive("column weight total", total);
  const std::size_t n_pre = w.shape()[0], n_post = w.shape()[1];
  std::vector<double> sum(n_post, 0.0);
  for (std::size_t i = 0; i < n_pre; ++i)
    for (std::size_t j = 0; j < n_post; ++j) sum[j] += w(i, j);
  for (std::size_t j = 0; j < n_post; ++j) sum[j] = sum[j] > 0.0 ? total / sum[j] : 0.0;
  for (std::size_t i = 0; i < n_pre; ++i)
    for (std::size_t j = 0; j < n_post; ++j) w(i, j) *= sum[j];
}

/// Parameters of the Diehl & Cook rule; W is the weight's quantity type.
template <class W = units::conductance>
struct diehl_cook_parameters {
  W pre_rate = units::as<W>(1e-4 * 1e-9);   ///< nu_pre (1e-4 nS)
  W post_rate = units::as<W>(1e-2 * 1e-9);  ///< nu_post (1e-2 nS)
  W max_weight = units::as<W>(1e-9);        ///< w_max (1 nS)
  units::time tau_pre = units::as<units::time>(20e-3);    ///< x_pre [s]
  units::time tau_post1 = units::as<units::time>(20e-3);  ///< x_post1 [s]
  units::time tau_post2 = units::as<units::time>(40e-3);  ///< x_post2 [s]

  /// Throws invalid_parameter unless rates >= 0 and w_max > 0.
  [[nodiscard]] diehl_cook_parameters validated() const {
    detail::require_non_negative("Diehl & Cook rate nu_pre", units::in_si(pre_rate));
    detail::require_non_negative("Diehl & Cook rate nu_post", units::in_si(post_rate));
    detail::require_positive("Diehl & Cook maximum weight w_max", units::in_si(max_weight));
    return *this;
  }
};

/// The Diehl & Cook learning rule (see the file comment).
template <class W = units::conductance>
class diehl_cook_stdp {
 public:
  /// The rule with the given parameters (validated).
  explicit diehl_cook_stdp(const diehl_cook_parameters<W>& p = {}) : p_(p.validated()) {}

  /// Sizes the traces and precomputes their decay over dt [s].
  void prepare(double dt, std::size_t n_pre, std::size_t n_post) {
    pre_.resize(n_pre, p_.tau_pre, pairing::nearest_neighbour);
    post1_.resize(n_post, p_.tau_post1, pairing::nearest_neighbour);
    post2_.resize(n_post, p_.tau_post2, pairing::nearest_neighbour);
    for (auto* t : {&pre_, &post1_, &post2_}) t->prepare(dt);
  }
  /// Advances every trace by one step.
  void decay() noexcept {
    for (auto* t : {&pre_, &post1_, &post2_}) t->decay();
  }
  /// Presynaptic spike of i: w_ij -= nu_pre x_post1_j, then x_pre_i = 1.
  void on_pre(std::size_t i, double* row, std::size_t n_post) noexcept {
    const double a = units::in_si(p_.pre_rate), hi = units::in_si(p_.max_weight);
    const double* y = post1_.data();
    for (std::size_t j = 0; j < n_post; ++j) row[j] = std::clamp(row[j] - a * y[j], 0.0, hi);
    pre_.spike(i);
  }
  /// Postsynaptic spike of j: w_ij += nu_post x_pre_i x_post2_j, then x_post1_j = x_post2_j = 1.
  void on_post(std::size_t j, double* w, std::size_t n_pre, std::size_t stride) noexcept {
    const double a = units::in_si(p_.post_rate) * post2_[j], hi = units::in_si(p_.max_weight);
    const double* x = pre_.data();
    for (std::size_t i = 0; i < n_pre; ++i) w[i * stride + j] = std::clamp(w[i * stride + j] + a * x[i], 0.0, hi);
    post1_.spike(j);
    post2_.spike(j);
  }
  /// Clears every trace (between presentations, after the resting period).
  void clear() noexcept {
    for (auto* t : {&pre_, &post1_, &post2_}) t->clear();
  }
  /// The rule's weight normalisation (between presentations): normalize_columns(w, total).
  void normalize(xt::xtensor<double, 2>& w, double total) const { normalize_columns(w, total); }
  /// The parameters.
  [[nodiscard]] const diehl_cook_parameters<W>& parameters() const noexcept { return p_; }

 private:
  diehl_cook_parameters<W> p_;
  trace_set pre_, post1_, post2_;
};

static_assert(plasticity_rule<diehl_cook_stdp<>>);
static_assert(normalizing_plasticity_rule<diehl_cook_stdp<>, xt::xtensor<double, 2>>);

}  // namespace spinaptic::learning::plasticity
