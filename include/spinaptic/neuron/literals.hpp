// spinaptic/neuron/literals.hpp: the unit literals of neuroscience that spinaptic/units.hpp does
// not define: conductances in nS and uS, currents in pA and nA, resistances in MOhm.
#pragma once

#include "spinaptic/units.hpp"

namespace spinaptic::literals {
// clang-format off
/// Conductance in nanosiemens: `6.0_nS`.
constexpr units::conductance operator""_nS(long double v) { return detail_literals::make<units::conductance>(v, 1e-9); }
/// Conductance in microsiemens.
constexpr units::conductance operator""_uS(long double v) { return detail_literals::make<units::conductance>(v, 1e-6); }
/// Current in picoamperes: `16.2_pA`.
constexpr units::current operator""_pA(long double v) { return detail_literals::make<units::current>(v, 1e-12); }
/// Current in nanoamperes.
constexpr units::current operator""_nA(long double v) { return detail_literals::make<units::current>(v, 1e-9); }
/// Resistance in megaohms: `100.0_MOhm`.
constexpr units::resistance operator""_MOhm(long double v) { return detail_literals::make<units::resistance>(v, 1e6); }
// clang-format on
}  // namespace spinaptic::literals
