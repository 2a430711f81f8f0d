// spinaptic/concepts/excitation.hpp: the drive families: electrical, optical, hybrid.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>

#include "spinaptic/units.hpp"

namespace spinaptic {

/// An electrical drive: bias current as a function of time.
template <class D>
concept electrical_drive = requires(const D& d, units::time t) {
  { d.current_at(t) } -> std::same_as<units::current>;
};

/// An optical drive: absorbed laser power as a function of time, and the laser-on window.
template <class D>
concept optical_drive = requires(const D& d, units::time t) {
  { d.power_at(t) } -> std::same_as<units::power>;
  { d.laser_on(t) } -> std::convertible_to<bool>;
};

/// A hybrid drive: both.
template <class D>
concept hybrid_drive = electrical_drive<D> && optical_drive<D>;

}  // namespace spinaptic
