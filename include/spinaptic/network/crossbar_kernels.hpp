// spinaptic/network/crossbar_kernels.hpp: the prepared kernels of a crossbar, chosen by its
// response: tables of a polynomial surface (polynomial_kernels.hpp) or junction by junction
// (pointwise_kernels.hpp).
#pragma once

#include <type_traits>

#include "spinaptic/network/pointwise_kernels.hpp"
#include "spinaptic/network/polynomial_kernels.hpp"

namespace spinaptic::network {

/// The kernels of `Crossbar` (its `kernels_type`): polynomial_crossbar_kernels when the column
/// sums factorise (Crossbar::factorized, a polynomial_response), else pointwise_crossbar_kernels.
/// Both compute the model of docs/network.md; the first offers the lit-row, paired, sample-major,
/// refreshable and tiled forms a trainer's fast paths use (concepts/layer.hpp).
template <class Crossbar>
using crossbar_kernels = std::conditional_t<Crossbar::factorized, polynomial_crossbar_kernels<Crossbar>,
                                            pointwise_crossbar_kernels<Crossbar>>;

}  // namespace spinaptic::network
