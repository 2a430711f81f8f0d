// spinaptic/learning/weight_decay.hpp: decoupled weight decay (L2 regularisation of the bias
// currents toward zero) around any element-wise optimiser.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>

#include "spinaptic/concepts/learning.hpp"
#include "spinaptic/error.hpp"

namespace spinaptic::learning {

/// Decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay Regularization",
/// ICLR 2019: SGDW, AdamW) around any element-wise rule with a learning rate eta:
///   x_k <- Rule(x_k, g_k) - eta lambda x_k,
/// i.e. the rule's step followed by a shrink of the normalised current x = I/I_max toward zero
/// current by the fraction eta lambda [1] per step. With a zero gradient SGD and Adam leave x
/// unchanged, so x_n = (1 - eta lambda)^n x_0 after n steps. For SGD it equals the L2 penalty
/// (lambda/2) |x|^2 added to the loss; for Adam it is not rescaled by the second moments (AdamW).
/// The decay uses the rule's current eta, so a learning-rate schedule scales it too. reset()
/// refuses a NaN, infinite or negative lambda and eta lambda > 1 (which would flip the sign of x).
/// With lambda = 0 the updates are bit-identical to those of the bare rule.
template <class Rule>
  requires elementwise_optimizer<Rule> && rated_optimizer<Rule>
struct decoupled_weight_decay {
  Rule rule{};          ///< the wrapped rule (its learning_rate is eta)
  double lambda = 0.0;  ///< decay per step per unit learning rate, >= 0

  double shrink = 0.0;  ///< eta lambda of the current step (set by begin_step())

  /// Checks lambda and eta lambda <= 1, then resets the rule for n parameters.
  void reset(std::size_t n) {
    rule.reset(n);
    check();
  }
  /// Checks eta lambda <= 1 for the rule's current eta (a schedule may have changed it; nothing
  /// is changed when it throws), then the rule's begin_step() and this step's shrink eta lambda.
  void begin_step() {
    check();
    rule.begin_step();
    shrink = rule.learning_rate * lambda;
  }
  /// Rule(x, g) - eta lambda x (exactly Rule(x, g) when lambda = 0).
  [[nodiscard]] double update(double x, double g, std::size_t k) noexcept {
    const double y = rule.update(x, g, k);
    return shrink == 0.0 ? y : y - shrink * x;
  }
  /// begin_step() and update() of every parameter (throws where begin_step() does; x is then
  /// untouched).
  void step(double* x, const double* grad, std::size_t n) {
    begin_step();
    for (std::size_t k = 0; k < n; ++k) x[k] = update(x[k], grad[k], k);
  }
  /// Throws invalid_parameter unless lambda is finite and >= 0 and eta lambda <= 1 for the
  /// rule's current eta (reset() and every begin_step() call it).
  void check() const {
    detail::require_non_negative("weight decay lambda", lambda);
    if (rule.learning_rate * lambda > 1.0)
    {
      std::ostringstream allowed;
      allowed.precision(17);
      allowed << "[0, 1/eta] = [0, " << 1.0 / rule.learning_rate << "] for eta = " << rule.learning_rate
              << " (eta lambda > 1 would flip the sign of the currents)";
      throw invalid_parameter("weight decay lambda", lambda, allowed.str());
    }
  }
};

}  // namespace spinaptic::learning
