// spinaptic/nonideal/stuck_devices.hpp: a fraction of junctions that do not follow their control.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <numeric>
#include <random>
#include <vector>

#include "spinaptic/error.hpp"
#include "spinaptic/nonideal/device_deviations.hpp"

namespace spinaptic::nonideal {

/// Stuck junctions: round(fraction x devices) junctions, chosen uniformly without replacement,
/// fail in `mode`: either the free layer is stuck in the P state (the device answers with the
/// P-state response V_P(P, I), 0.3 x V_AP for the paper preset) or its bias line is open
/// (I = 0, it no longer learns). Off by default (fraction = 0).
struct stuck_devices {
  double fraction = 0.0;                   ///< in [0, 1]
  stuck_mode mode = stuck_mode::parallel;  ///< how they fail

  /// Whether any junction is stuck.
  [[nodiscard]] bool enabled() const noexcept { return fraction > 0.0; }

  /// Draws which of `devices` junctions are stuck into `d` (fraction checked in [0, 1]).
  template <std::uniform_random_bit_generator Engine>
  void realize(device_deviations& d, std::size_t devices, Engine& engine) const {
    detail::require_in_range("stuck device fraction", fraction, 0.0, 1.0);
    d.stuck.clear();
    if (!enabled()) return;
    d.stuck.assign(devices, stuck_mode::none);
    const auto count = static_cast<std::size_t>(std::llround(fraction * double(devices)));
    std::vector<std::size_t> order(devices);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t k = 0; k < count; ++k) {  // partial Fisher-Yates
      std::uniform_int_distribution<std::size_t> pick(k, devices - 1);
      std::swap(order[k], order[pick(engine)]);
      d.stuck[order[k]] = mode;
    }
  }
};

}  // namespace spinaptic::nonideal
