// spinaptic/concepts/learning.hpp: learning rules: optimisers of the trainable parameters.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>
#include <cstddef>

namespace spinaptic {

/// An optimiser of a flat array of parameters: `reset(n)` checks its hyper-parameters (throws
/// spinaptic::error for NaN or out-of-range values) and sizes its state (outside the training
/// step), `step(x, grad, n)` updates x in place without allocating.
template <class O>
concept optimizer = requires(O& o, double* x, const double* g, std::size_t n) {
  o.reset(n);
  o.step(x, g, n);
};

/// An optimiser that also offers its update element by element: `begin_step()` once per step,
/// then `update(x_k, g_k, k)` returns the new x_k for parameter k (in any order of k, each once).
/// A trainer fuses this form into its gradient reduction (one pass over the parameters) for
/// every rule that offers it; `step` must equal begin_step() plus update() for k = 0..n-1.
template <class O>
concept elementwise_optimizer = optimizer<O> && requires(O& o, double x, double g, std::size_t k) {
  o.begin_step();
  { o.update(x, g, k) } -> std::same_as<double>;
};

/// An optimiser with one global step size eta: a public `double learning_rate` that a schedule
/// may set between steps (learning/learning_rate_schedule.hpp) and that decoupled weight decay
/// (learning/weight_decay.hpp) scales with.
template <class O>
concept rated_optimizer = optimizer<O> && requires(O& o) {
  { o.learning_rate } -> std::same_as<double&>;
};

}  // namespace spinaptic

// The names these concepts had before they moved to namespace spinaptic (CHANGELOG.md).
namespace spinaptic::learning {
using spinaptic::elementwise_optimizer;
using spinaptic::optimizer;
using spinaptic::rated_optimizer;
}  // namespace spinaptic::learning
