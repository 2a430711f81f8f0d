// spinaptic/learning/mean_squared_error.hpp: squared error of the column voltages against a
// one-hot target, for an analogue readout that compares voltages with a reference.
#pragma once

#include <cstddef>

#include "spinaptic/concepts/loss.hpp"

namespace spinaptic::learning {

/// The plain sum of sample losses.
struct plain_sum {
  double total = 0.0;  ///< sum so far
  /// Adds one sample's loss.
  void add(double loss) noexcept { total += loss; }
  /// The sum.
  [[nodiscard]] double value() const noexcept { return total; }
};

/// Mean squared error on the scaled outputs z_l = s u_l against the one-hot target t_l = [l == y]:
///   L = 1/2 sum_l (s u_l - t_l)^2,   dL/du_l = s (s u_l - t_l).
/// A hardware designer may prefer it for an analogue readout: it asks the label's column for the
/// voltage V_max N_in / beta (s = beta / N_in) and every other column for 0 V, instead of only
/// the largest voltage on the label's column (softmax_cross_entropy_loss). Prediction: argmax_l u_l.
struct mean_squared_error_loss {
  double output_scale = 1.0;  ///< s
  /// A plain sum.
  using sum_type = plain_sum;
  /// Adds L(u, y) to `sum`, writes delta = dL/du, returns argmax_l u_l == y (ties: lowest column).
  bool sample(const double* u, std::size_t label, std::size_t outputs, double* delta, sum_type& sum) const noexcept {
    double loss = 0.0;
    std::size_t best = 0;
    for (std::size_t l = 0; l < outputs; ++l) {
      const double e = output_scale * u[l] - (l == label ? 1.0 : 0.0);
      loss += 0.5 * e * e;
      delta[l] = output_scale * e;
      best = u[l] > u[best] ? l : best;
    }
    sum.add(loss);
    return best == label;
  }
};

static_assert(loss<mean_squared_error_loss>);
static_assert(scale_constructible_loss<mean_squared_error_loss>);

}  // namespace spinaptic::learning
