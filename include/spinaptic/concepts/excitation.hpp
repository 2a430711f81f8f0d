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

/// The shape of the pulses of a laser pulse train (excitation::square_pulse, gaussian_pulse):
/// the fraction of peak power s seconds after a pulse starts, the laser-on window, the pulse's
/// duration in units of its width (`extent`) and its energy over P_peak times the width.
template <class S>
concept pulse_shape = requires(double s, double width) {
  { S::extent } -> std::convertible_to<double>;
  { S::shape(s, width) } -> std::same_as<double>;
  { S::on(s, width) } -> std::convertible_to<bool>;
  { S::energy_fraction() } -> std::same_as<double>;
};

/// A hybrid drive: both.
template <class D>
concept hybrid_drive = electrical_drive<D> && optical_drive<D>;

}  // namespace spinaptic
