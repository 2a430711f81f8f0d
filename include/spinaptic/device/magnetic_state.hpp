// spinaptic/device/magnetic_state.hpp: the two magnetic configurations of an MTJ and the
// simplest state policy, a junction held in one state.
#pragma once

#include <string_view>

namespace spinaptic::device {

/// Relative orientation of free and reference layer magnetisations.
/// parallel: low resistance (R_P); antiparallel: high resistance (R_AP = R_P (1 + TMR)).
enum class magnetic_state : unsigned char { parallel = 0, antiparallel = 1 };

inline constexpr magnetic_state parallel = magnetic_state::parallel;
inline constexpr magnetic_state antiparallel = magnetic_state::antiparallel;

[[nodiscard]] constexpr std::string_view to_string(magnetic_state s) noexcept {
  return s == magnetic_state::parallel ? "P" : "AP";
}

[[nodiscard]] constexpr magnetic_state opposite(magnetic_state s) noexcept {
  return s == magnetic_state::parallel ? magnetic_state::antiparallel : magnetic_state::parallel;
}

/// State policy: the junction stays in one magnetic state (the paper's network uses AP,
/// Oberbauer et al. 2025, Fig. 4d).
struct fixed_state {
  /// The fixed state (AP by default, as in the paper's network).
  magnetic_state value = magnetic_state::antiparallel;
  /// The fixed state.
  [[nodiscard]] constexpr magnetic_state state() const noexcept { return value; }
};

}  // namespace spinaptic::device
