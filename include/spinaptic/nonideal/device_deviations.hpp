// spinaptic/nonideal/device_deviations.hpp: the realised deviations of each junction of a
// crossbar from the ideal device (filled by the device_spread and stuck_devices policies).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spinaptic::nonideal {

/// How a stuck junction fails (stuck_devices.hpp).
enum class stuck_mode : std::uint8_t {
  none = 0,           ///< works
  parallel = 1,       ///< free layer pinned in the P state: responds with V_P(P, I)
  zero_current = 2,   ///< open bias line: I = 0 whatever the trained current
};

/// Per-junction deviations of a crossbar, device index d = j * outputs + l. Empty vectors mean
/// "ideal". `coefficient_factors` holds `factors_per_device` multiplicative factors per device:
/// M x 4 factors on the c_mk of a polynomial response, or 1 gain on V for any other response.
struct device_deviations {
  std::size_t factors_per_device = 0;       ///< M x 4 (polynomial response) or 1
  std::vector<double> coefficient_factors;  ///< [device * factors_per_device + m * 4 + k]
  std::vector<stuck_mode> stuck;            ///< [device]

  /// Whether a spread has been realised.
  [[nodiscard]] bool has_spread() const noexcept { return !coefficient_factors.empty(); }
  /// Whether a stuck map has been realised.
  [[nodiscard]] bool has_stuck() const noexcept { return !stuck.empty(); }
};

}  // namespace spinaptic::nonideal
