// spinaptic/learning/optimizers.hpp: gradient steps on the normalised device controls x = I/I_max.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <vector>

#include "spinaptic/concepts/learning.hpp"

namespace spinaptic::learning {

/// Mini-batch stochastic gradient descent, x <- x - eta g. The learning rate acts on the
/// normalised current x = I/I_max (so eta in A per unit loss gradient is eta I_max^2).
/// Paper reproduction default eta = 0.05 (shared/research/paper.md section 6.5).
struct sgd {
  /// \f$\eta\f$, the step size.
  double learning_rate = 0.05;
  /// SGD keeps no state: nothing to reset.
  void reset(std::size_t) noexcept {}
  /// \f$x_k \leftarrow x_k - \eta\, g_k\f$ for the n parameters x and gradients g.
  void step(double* x, const double* grad, std::size_t n) const noexcept {
    for (std::size_t k = 0; k < n; ++k) x[k] -= learning_rate * grad[k];
  }
};

/// Adam (Kingma & Ba, arXiv:1412.6980, Algorithm 1) on x = I/I_max:
///   m <- b1 m + (1-b1) g,  v <- b2 v + (1-b2) g^2,  x <- x - eta m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps).
struct adam {
  /// \f$\eta\f$, the step size.
  double learning_rate = 1e-3;
  /// \f$\beta_1\f$, decay of the first-moment estimate.
  double beta1 = 0.9;
  /// \f$\beta_2\f$, decay of the second-moment estimate.
  double beta2 = 0.999;
  /// \f$\epsilon\f$, added to the denominator.
  double epsilon = 1e-8;

  // optimiser state (public so that adam stays an aggregate: adam{.learning_rate = 1e-3})
  /// @{
  /// The moment estimates m and v, one per parameter.
  std::vector<double> first_moment{}, second_moment{};
  /// @}
  /// t, the number of steps taken (for the bias corrections).
  std::size_t steps = 0;

  /// Zeroes the moments of n parameters and the step count.
  void reset(std::size_t n) {
    first_moment.assign(n, 0.0);
    second_moment.assign(n, 0.0);
    steps = 0;
  }
  /// One Adam step on the n parameters x with gradients g (the update above).
  void step(double* x, const double* grad, std::size_t n) noexcept {
    ++steps;
    const double c1 = 1.0 - std::pow(beta1, double(steps)), c2 = 1.0 - std::pow(beta2, double(steps));
    for (std::size_t k = 0; k < n; ++k) {
      first_moment[k] = beta1 * first_moment[k] + (1.0 - beta1) * grad[k];
      second_moment[k] = beta2 * second_moment[k] + (1.0 - beta2) * grad[k] * grad[k];
      x[k] -= learning_rate * (first_moment[k] / c1) / (std::sqrt(second_moment[k] / c2) + epsilon);
    }
  }
};

}  // namespace spinaptic::learning
