// spinaptic/detail/constants.hpp: physical constants as raw SI doubles for hot loops
// (CODATA 2018; e, hbar, k_B exact since the 2019 SI redefinition).
#pragma once

namespace spinaptic::detail::constants {
inline constexpr double elementary_charge = 1.602176634e-19;   ///< e [C]
inline constexpr double reduced_planck = 1.054571817e-34;      ///< hbar [J s]
inline constexpr double boltzmann = 1.380649e-23;              ///< k_B [J/K]
inline constexpr double vacuum_permeability = 1.25663706212e-6;  ///< mu0 [T m/A]
/// Free-electron gyromagnetic ratio |gamma_e| [rad s^-1 T^-1].
inline constexpr double electron_gyromagnetic_ratio = 1.76085963023e11;
/// One oersted in A/m: 1000 / (4 pi).
inline constexpr double oersted = 79.57747154594767;
}  // namespace spinaptic::detail::constants
