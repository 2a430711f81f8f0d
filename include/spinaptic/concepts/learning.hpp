// spinaptic/concepts/learning.hpp: learning rules: optimisers of the device controls.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>
#include <cstddef>

namespace spinaptic::learning {

/// An optimiser of a flat array of controls: `reset(n)` sizes its state (outside the training
/// step), `step(x, grad, n)` updates x in place without allocating.
template <class O>
concept optimizer = requires(O& o, double* x, const double* g, std::size_t n) {
  o.reset(n);
  o.step(x, g, n);
};

}  // namespace spinaptic::learning
