// spinaptic/concepts/learning.hpp: learning rules (optimisers of the trainable parameters) and the
// gradient reductions of a trainer.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>
#include <cstddef>
#include <utility>

namespace spinaptic {

/// An optimiser in the element-wise form a trainer fuses into its gradient pass (one pass over
/// the parameters; learning/update.hpp): `reset(n)` checks its hyper-parameters (throws
/// spinaptic::error for NaN or out-of-range values) and sizes its state for n parameters
/// (outside the training step); `begin_step()` once per step (it may check values a schedule
/// changed, and throw before anything changes); then `update(x_k, g_k, k)` returns the new x_k
/// for parameter k (in any order of k, each once), without allocating. The whole-vector step is
/// provided: learning::step(rule, x, g, n).
template <class O>
concept elementwise_optimizer = requires(O& o, double x, double g, std::size_t k) {
  o.reset(k);
  o.begin_step();
  { o.update(x, g, k) } -> std::same_as<double>;
};

/// An optimiser that needs the whole gradient at once (a rule that couples parameters):
/// `reset(n)` as above and `step(x, grad, n)`, which updates x in place without allocating. A
/// trainer then gathers the gradient and the parameters into flat vectors every step, which is
/// slower than the fused element-wise form, so the rule says that it means it:
/// `static constexpr bool whole_vector_update = true;`. A rule that was meant to be element-wise
/// but whose update() is slightly off satisfies neither form and is refused at compile time.
template <class O>
concept whole_vector_optimizer = requires(O& o, double* x, const double* g, std::size_t n) {
  o.reset(n);
  o.step(x, g, n);
  requires O::whole_vector_update;
};

/// An optimiser of a flat array of parameters: the element-wise form (preferred: fused into the
/// trainer's gradient pass) or the declared whole-vector form.
template <class O>
concept optimizer = elementwise_optimizer<O> || whole_vector_optimizer<O>;

/// An optimiser with one global step size eta: a public `double learning_rate` that a schedule
/// may set between steps (learning/learning_rate_schedule.hpp) and that decoupled weight decay
/// (learning/weight_decay.hpp) scales with.
template <class O>
concept rated_optimizer = optimizer<O> && requires(O& o) {
  { o.learning_rate } -> std::same_as<double&>;
};

/// How a trainer sums the gradients of the C chunks of a batch (learning/trainer.hpp):
/// `prepare(C, n)` sizes it for n parameters (outside the step); `local_chunks(C)` the chunks
/// [first, last) computed in this process; after they are computed, `gather<Blocks>(net,
/// kernels, accumulators, stride, C, chunk_loss, chunk_correct)` makes every chunk's loss and
/// count available and `tile<I, Blocks>(kernels, accumulators, stride, C, offset, d0, count, g)`
/// writes the batch gradient of a tile of block I, the chunks summed in order from zero.
/// `all_chunks_local`: whether every chunk is computed here (then a trainer may sum them its own
/// way, in the same order). `step_begun()` and `step_ended()` bracket a step (timing).
template <class R>
concept gradient_reduction = requires(R& r, const R& cr, std::size_t n) {
  { R::all_chunks_local } -> std::convertible_to<bool>;
  r.prepare(n, n);
  { cr.local_chunks(n) } -> std::same_as<std::pair<std::size_t, std::size_t>>;
  r.step_begun();
  r.step_ended();
};

}  // namespace spinaptic

// The names these concepts had before they moved to namespace spinaptic (CHANGELOG.md).
namespace spinaptic::learning {
using spinaptic::elementwise_optimizer;
using spinaptic::optimizer;
using spinaptic::rated_optimizer;
using spinaptic::whole_vector_optimizer;
}  // namespace spinaptic::learning
