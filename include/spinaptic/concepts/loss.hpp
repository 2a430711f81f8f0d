// spinaptic/concepts/loss.hpp: losses on the outputs of a network (its logits), given labels.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>
#include <cstddef>

namespace spinaptic {

/// A loss: for one sample's outputs u (outputs() doubles) and its label y,
/// `sample(u, y, outputs, delta, sum)` adds L(u, y) to `sum` (an object of the loss's `sum_type`,
/// whose `value()` is the total), writes the gradient delta_l = dL/du_l and returns whether the
/// prediction argmax_l u_l equals y. A loss without the gradient is no loss for a trainer.
template <class F>
concept loss = requires(const F& f, const double* u, std::size_t label, std::size_t outputs, double* delta,
                        typename F::sum_type& sum) {
  { f.sample(u, label, outputs, delta, sum) } -> std::same_as<bool>;
  { sum.value() } -> std::convertible_to<double>;
};

}  // namespace spinaptic
