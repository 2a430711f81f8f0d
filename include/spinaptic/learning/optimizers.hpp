// spinaptic/learning/optimizers.hpp: gradient steps on the normalised device controls x = I/I_max.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <vector>

#include "spinaptic/concepts/learning.hpp"
#include "spinaptic/error.hpp"

namespace spinaptic::learning {

/// Mini-batch stochastic gradient descent, x <- x - eta g. The learning rate acts on the
/// normalised current x = I/I_max (so eta in A per unit loss gradient is eta I_max^2).
/// Paper reproduction default eta = 0.05 (docs/physics.md). A NaN, infinite or negative eta is
/// refused by reset(), which a trainer calls when it is constructed, and again at every step
/// (begin_step(), step()), since a schedule or a user may change it between steps.
struct sgd {
  double learning_rate = 0.05;  ///< eta >= 0

  /// Checks eta; SGD has no state.
  void reset(std::size_t) const { check(); }
  /// x_k <- x_k - eta g_k for k < n (after checking eta; x is untouched when it throws).
  void step(double* x, const double* grad, std::size_t n) const {
    begin_step();
    for (std::size_t k = 0; k < n; ++k) x[k] = update(x[k], grad[k], k);
  }
  /// Checks eta (invalid_parameter unless finite and >= 0); SGD has no other state.
  void begin_step() const { check(); }
  /// Throws invalid_parameter unless eta is finite and >= 0.
  void check() const { detail::require_non_negative("SGD learning rate eta", learning_rate); }
  /// x - eta g (the element-wise form a trainer fuses into its gradient pass).
  [[nodiscard]] double update(double x, double g, std::size_t) const noexcept { return x - learning_rate * g; }
};

/// Adam (Kingma & Ba, arXiv:1412.6980, Algorithm 1) on x = I/I_max:
///   m <- b1 m + (1-b1) g,  v <- b2 v + (1-b2) g^2,  x <- x - eta m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps).
/// reset() refuses eta outside [0, inf), b1 or b2 outside [0, 1) and eps outside (0, inf);
/// begin_step() checks eta again at every step (a schedule or a user may change it).
struct adam {
  double learning_rate = 1e-3;  ///< eta >= 0
  double beta1 = 0.9;           ///< b1 in [0, 1)
  double beta2 = 0.999;         ///< b2 in [0, 1)
  double epsilon = 1e-8;        ///< eps > 0

  // optimiser state (public so that adam stays an aggregate: adam{.learning_rate = 1e-3})
  std::vector<double> first_moment{};   ///< m
  std::vector<double> second_moment{};  ///< v
  std::size_t steps = 0;                ///< t
  double first_correction = 1.0;        ///< 1 - b1^t of the current step
  double second_correction = 1.0;       ///< 1 - b2^t of the current step

  /// Checks the hyper-parameters and zeroes the state for n parameters.
  void reset(std::size_t n) {
    check_rate();
    require_below_one("Adam beta1", beta1);
    require_below_one("Adam beta2", beta2);
    detail::require_positive("Adam epsilon", epsilon);
    first_moment.assign(n, 0.0);
    second_moment.assign(n, 0.0);
    steps = 0;
  }
  /// Checks eta (nothing changes when it throws), then t <- t + 1 and the bias corrections of
  /// this step.
  void begin_step() {
    check_rate();
    ++steps;
    first_correction = 1.0 - std::pow(beta1, double(steps));
    second_correction = 1.0 - std::pow(beta2, double(steps));
  }
  /// The update of parameter k (after begin_step()).
  [[nodiscard]] double update(double x, double g, std::size_t k) noexcept {
    first_moment[k] = beta1 * first_moment[k] + (1.0 - beta1) * g;
    second_moment[k] = beta2 * second_moment[k] + (1.0 - beta2) * g * g;
    return x - learning_rate * (first_moment[k] / first_correction) / (std::sqrt(second_moment[k] / second_correction) + epsilon);
  }
  /// begin_step() and update() of every parameter.
  void step(double* x, const double* grad, std::size_t n) {
    begin_step();
    for (std::size_t k = 0; k < n; ++k) x[k] = update(x[k], grad[k], k);
  }

 private:
  void check_rate() const { detail::require_non_negative("Adam learning rate eta", learning_rate); }
  static void require_below_one(const char* name, double b) {
    if (!std::isfinite(b) || b < 0.0 || b >= 1.0) throw invalid_parameter(name, b, "[0, 1) (1 divides by 1 - b^t = 0)");
  }
};

/// The whole-vector step of any optimizer: rule.step(x, grad, n) for a whole_vector_optimizer,
/// else begin_step() and x_k <- update(x_k, g_k, k) for k < n (the default an element-wise rule
/// need not write).
template <optimizer Rule>
void step(Rule& rule, double* x, const double* grad, std::size_t n) {
  if constexpr (elementwise_optimizer<Rule>) {
    rule.begin_step();
    for (std::size_t k = 0; k < n; ++k) x[k] = rule.update(x[k], grad[k], k);
  } else {
    rule.step(x, grad, n);
  }
}

static_assert(elementwise_optimizer<sgd>);
static_assert(elementwise_optimizer<adam>);
static_assert(rated_optimizer<sgd> && rated_optimizer<adam>);

}  // namespace spinaptic::learning
