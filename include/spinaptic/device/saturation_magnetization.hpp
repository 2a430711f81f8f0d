// spinaptic/device/saturation_magnetization.hpp: the temperature dependence of the saturation
// magnetization shared by the macrospin and the vortex free layer (docs/magnetization.md,
// docs/vortex.md):
//   Ms(T) = Ms(0) [1 - (T/T_C)^(3/2)]   (Bloch's T^(3/2) law; Kittel, Introduction to Solid State
//                                         Physics, ch. 11), 0 at and above T_C.
#pragma once

#include <algorithm>
#include <cmath>

namespace spinaptic::device {

/// Bloch-law Ms(T) [A/m] from Ms(0) [A/m], the Curie temperature T_C [K] and T [K] (header
/// comment); T_C <= 0 switches the law off (Ms(T) = Ms(0)).
[[nodiscard]] inline double bloch_saturation_magnetization(double ms0, double curie_kelvin, double kelvin) noexcept {
  if (curie_kelvin <= 0.0) return ms0;
  const double r = std::min(kelvin / curie_kelvin, 1.0);
  return ms0 * (1.0 - r * std::sqrt(r));
}

}  // namespace spinaptic::device
