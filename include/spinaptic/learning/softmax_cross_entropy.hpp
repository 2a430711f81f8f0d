// spinaptic/learning/softmax_cross_entropy.hpp: the classification loss on the column voltages.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "spinaptic/concepts/loss.hpp"
#include "spinaptic/detail/math.hpp"
#include "spinaptic/detail/simd.hpp"

namespace spinaptic::learning {

/// The loss of one sample in two parts, L_b = log(partition) - label_margin.
struct sample_loss {
  double partition;     ///< sum_l exp(z_l - z_max), in [1, outputs]
  double label_margin;  ///< z_y - z_max
  bool correct;         ///< argmax_l u_l == y
};

/// A sum of sample losses with one log per ~100 samples instead of one per sample (the sum of
/// logs is the log of the product of the partitions, which stay in [1, outputs]).
class loss_sum {
 public:
  /// Adds one sample's loss.
  void add(const sample_loss& s) noexcept {
    product_ *= s.partition;
    margins_ += s.label_margin;
    if (product_ > 1e280) flush();
  }
  /// The sum of the losses added so far.
  [[nodiscard]] double value() noexcept {
    flush();
    return logs_ - margins_;
  }

 private:
  void flush() noexcept {
    logs_ += std::log(product_);
    product_ = 1.0;
  }
  double product_ = 1.0, margins_ = 0.0, logs_ = 0.0;
};

/// Softmax cross-entropy of one sample (see softmax_cross_entropy); Outputs, when not 0, is the
/// column count known at compile time (the loops then unroll), else `outputs` is used.
template <std::size_t Outputs = 0>
[[nodiscard]] inline sample_loss softmax_cross_entropy_sample(const double* u, std::size_t label, std::size_t outputs,
                                                              double logit_scale, double* delta) noexcept {
  const std::size_t L = Outputs ? Outputs : outputs;
  // branch-free: the extremes by max/min, then the first column holding the maximum
  double u_max = u[0], u_min = u[0];
  for (std::size_t l = 1; l < L; ++l) {
    u_max = u[l] > u_max ? u[l] : u_max;
    u_min = u[l] < u_min ? u[l] : u_min;
  }
  std::size_t best = 0;
  for (std::size_t l = L; l-- > 1;) best = u[l] == u_max ? l : best;
  best = u[0] == u_max ? 0 : best;
  // t_l = s u_l - z_max, s u_l fused where the target has FMA (detail::fused_msub: the same
  // rounding in this loop and in the loss's W-lane block form, whatever the compiler would fuse)
  const double z_max = logit_scale * u[best];
  auto logit = [&](double u_l) { return spinaptic::detail::fused_msub(logit_scale, u_l, z_max); };
  const sample_loss partial{0.0, logit(u[label]), best == label};
  // every exponent t_l is >= that of the smallest u (rounding is monotonic)
  const bool in_range = logit(u_min) >= -708.0;
  double sum = 0.0;
  if constexpr (Outputs != 0) {
    if (in_range) {  // local arrays, no compare in the loops: they vectorise
      std::array<double, Outputs> e, one_hot{};
      one_hot[label] = 1.0;  // stored long before it is loaded as vectors
      for (std::size_t l = 0; l < Outputs; ++l) e[l] = logit(u[l]);
      for (std::size_t l = 0; l < Outputs; ++l) e[l] = spinaptic::detail::exp_nonpositive(e[l]);
      for (std::size_t l = 0; l < Outputs; ++l) sum += e[l];
      for (std::size_t l = 0; l < Outputs; ++l) e[l] = logit_scale * (e[l] / sum - one_hot[l]);
      std::copy(e.begin(), e.end(), delta);
      return {sum, partial.label_margin, partial.correct};
    }
  }
  if (in_range)
    for (std::size_t l = 0; l < L; ++l) delta[l] = spinaptic::detail::exp_nonpositive(logit(u[l]));
  else
    for (std::size_t l = 0; l < L; ++l) delta[l] = spinaptic::detail::exp_nonpositive_clamped(logit(u[l]));
  for (std::size_t l = 0; l < L; ++l) sum += delta[l];
  const double label_probability = delta[label] / sum;
  for (std::size_t l = 0; l < L; ++l) delta[l] = logit_scale * (delta[l] / sum);
  delta[label] = logit_scale * (label_probability - 1.0);
  return {sum, partial.label_margin, partial.correct};
}

/// Softmax cross-entropy on the logits z_l = beta U_l / (N_in V_max) = s u_l, s = beta / N_in
/// (docs/physics.md; beta ~ 100-300, the output scale of the chip):
///   L_b = -log softmax(z_b)_{y_b},   dL_b/du_l = s (softmax(z_b)_l - [l == y_b]).
/// Writes delta[b][l] = dL_b/du_l (per sample, not averaged), returns sum_b L_b; counts the
/// correct argmax predictions into `correct` when given. Max-subtracted, no allocation.
inline double softmax_cross_entropy(const double* u, const std::uint8_t* labels, std::size_t batch,
                                    std::size_t outputs, double logit_scale, double* delta,
                                    std::size_t* correct = nullptr) noexcept {
  loss_sum loss;
  for (std::size_t b = 0; b < batch; ++b) {
    const auto s = softmax_cross_entropy_sample(u + b * outputs, labels[b], outputs, logit_scale, delta + b * outputs);
    if (correct && s.correct) ++*correct;
    loss.add(s);
  }
  return loss.value();
}

}  // namespace spinaptic::learning

namespace spinaptic::learning {

/// Softmax cross-entropy as a loss policy (concepts/loss.hpp) on logits z_l = s u_l:
///   L = -log softmax(z)_y,   dL/du_l = s (softmax(z)_l - [l == y]).
/// For the crossbar, s = beta / N_in with u_l = U_l / V_max (docs/physics.md).
struct softmax_cross_entropy_loss {
  double logit_scale = 1.0;  ///< s, logits per unit of normalised output
  /// The running sum of sample losses (one log per ~100 samples).
  using sum_type = loss_sum;
  /// Adds L(u, y) to `sum`, writes delta = dL/du, returns argmax_l u_l == y. Outputs, when not 0,
  /// is the output count known at compile time (the loops then unroll and vectorise).
  template <std::size_t Outputs = 0>
  bool sample(const double* u, std::size_t label, std::size_t outputs, double* delta, sum_type& sum) const noexcept {
    const auto s = softmax_cross_entropy_sample<Outputs>(u, label, outputs, logit_scale, delta);
    sum.add(s);
    return s.correct;
  }
  /// sample<Outputs>() of W samples at once, sample-major: uT[l W + b] is output l of sample b,
  /// labels[b] its label (b < count <= W; the other lanes are computed and ignored). Writes
  /// deltaT[l W + b] = dL_b/du_bl, adds the losses of samples 0 .. count-1 to `sum` in that order
  /// and returns how many of them are correct. Each lane does the operations of sample<Outputs>()
  /// in the same order (the clamp of exp's argument where that takes it), so the results are
  /// the same bits; the loops over the columns become W-wide vector operations.
  template <std::size_t Outputs, std::size_t W>
  std::size_t block(const double* uT, const std::size_t* labels, std::size_t count, double* deltaT,
                    sum_type& sum) const noexcept {
    using vec = spinaptic::detail::simd_double<W>;
    using lanes = std::conditional_t<W == 2, spinaptic::detail::simd_index2,
                                     std::conditional_t<W == 4, spinaptic::detail::simd_index4, spinaptic::detail::simd_index8>>;
    using bits = decltype(lanes{} == lanes{});
    constexpr std::size_t L = Outputs;
    const double scale = logit_scale;
    vec u[L];
    for (std::size_t l = 0; l < L; ++l) u[l] = spinaptic::detail::simd_load<W>(uT + l * W);
    lanes label{};
    for (std::size_t b = 0; b < count; ++b) label[b] = std::int64_t(labels[b]);
    vec u_max = u[0], u_min = u[0];
    for (std::size_t l = 1; l < L; ++l) {
      u_max = u[l] > u_max ? u[l] : u_max;
      u_min = u[l] < u_min ? u[l] : u_min;
    }
    lanes best{};  // the first column holding the maximum, and its value
    vec u_best = u[0];
    for (std::size_t l = L; l-- > 1;) {
      const bits at = u[l] == u_max;
      best = at ? std::int64_t(l) : best;
      u_best = at ? u[l] : u_best;
    }
    {
      const bits at = u[0] == u_max;
      best = at ? std::int64_t(0) : best;
      u_best = at ? u[0] : u_best;
    }
    const vec s = vec{} + scale, z_max = scale * u_best;
    auto logit = [&](vec u_l) { return spinaptic::detail::simd_fused_msub<W>(s, u_l, z_max); };  // as sample()
    vec u_label = u[0];
    for (std::size_t l = 1; l < L; ++l) u_label = label == std::int64_t(l) ? u[l] : u_label;
    const vec margin = logit(u_label);
    const bits in_range = logit(u_min) >= -708.0;
    vec e[L], total = vec{};
    for (std::size_t l = 0; l < L; ++l) {
      const vec t = logit(u[l]);
      e[l] = spinaptic::detail::exp_nonpositive_lanes<vec, lanes>(in_range ? t : (t < -708.0 ? vec{} - 708.0 : t));
    }
    for (std::size_t l = 0; l < L; ++l) total += e[l];
    for (std::size_t l = 0; l < L; ++l) {
      const vec one_hot = label == std::int64_t(l) ? vec{} + 1.0 : vec{};
      spinaptic::detail::simd_store<W>(deltaT + l * W, scale * (e[l] / total - one_hot));
    }
    std::size_t correct = 0;
    for (std::size_t b = 0; b < count; ++b) {
      const bool right = best[b] == label[b];
      sum.add({total[b], margin[b], right});
      correct += right;
    }
    return correct;
  }
};

static_assert(loss<softmax_cross_entropy_loss>);
static_assert(static_width_loss<softmax_cross_entropy_loss, 10>);
static_assert(scale_constructible_loss<softmax_cross_entropy_loss>);
static_assert(sample_major_loss<softmax_cross_entropy_loss, 10, detail::simd_width>);

}  // namespace spinaptic::learning
