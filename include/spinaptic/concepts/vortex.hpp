// spinaptic/concepts/vortex.hpp: analog magnetic states (a vortex free layer's <m_x> between the
// P and AP limits) and the dynamics that report them.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family).
#pragma once

#include <concepts>
#include <cstddef>

#include "spinaptic/concepts/device.hpp"

namespace spinaptic {

/// A magnetic-state policy that also reports the analog state: the free layer's average
/// magnetization along the reference layer, \<m_x\> in [-1, 1] (+1 = P, -1 = AP).
template <class S>
concept analog_state_model = state_model<S> && requires(const S& s) {
  { s.average_magnetization() } -> std::same_as<double>;
};

/// A magnetization-dynamics ensemble whose junctions have analog states \<m_x\> (vortex_ensemble).
template <class M>
concept analog_magnetization_dynamics = magnetization_dynamics<M> && requires(const M& m, std::size_t j) {
  { m.average_magnetization(j) } -> std::same_as<double>;
};

}  // namespace spinaptic
