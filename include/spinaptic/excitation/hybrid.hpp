// spinaptic/excitation/hybrid.hpp: hybrid opto-electrical excitation (bias current + laser),
// and the lock-in style split of a voltage trace into V_DC and V_AC.
#pragma once

#include <cstddef>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::excitation {

/// Hybrid drive: an electrical drive and an optical drive acting on the same junction
/// (Oberbauer et al. 2025: DC bias current plus laser pulses through the ITO top contact).
template <electrical_drive Electrical, optical_drive Optical>
struct hybrid {
  Electrical electrical;  ///< the electrical drive
  Optical optical;  ///< the optical drive

  /// I(t) [A] of the electrical drive.
  [[nodiscard]] units::current current_at(units::time t) const { return electrical.current_at(t); }
  /// P(t) [W] of the optical drive.
  [[nodiscard]] units::power power_at(units::time t) const { return optical.power_at(t); }
  /// Whether the laser is on at t.
  [[nodiscard]] bool laser_on(units::time t) const { return optical.laser_on(t); }
};

template <class E, class O>
hybrid(E, O) -> hybrid<E, O>;

/// The two components a lock-in and a voltmeter see in a hybrid-driven trace.
struct ac_dc_components {
  units::voltage dc;  ///< V_DC: the mean of the trace
  units::voltage ac;  ///< V_AC: mean while the laser is on minus mean while it is off
};

/// Split a sampled voltage trace (SI volts) into V_DC = mean(V) and
/// V_AC = mean(V | laser on) - mean(V | laser off), as a lock-in referenced to the laser
/// modulation measures it (docs/physics.md section 1; Oberbauer et al., arXiv:2501.00813).
/// Throws size_mismatch if the mask and trace differ in length, and error if either window is empty.
[[nodiscard]] inline ac_dc_components split_ac_dc(const xt::xtensor<double, 1>& trace_volts,
                                                 const xt::xtensor<bool, 1>& laser_on) {
  if (trace_volts.size() != laser_on.size())
    throw size_mismatch("split_ac_dc: laser-on mask vs voltage trace", trace_volts.size(), laser_on.size());
  double sum = 0.0, sum_on = 0.0;
  std::size_t n_on = 0;
  const double* v = trace_volts.data();
  const bool* on = laser_on.data();
  for (std::size_t i = 0; i < trace_volts.size(); ++i) {
    sum += v[i];
    if (on[i]) {
      sum_on += v[i];
      ++n_on;
    }
  }
  const std::size_t n = trace_volts.size(), n_off = n - n_on;
  if (n_on == 0 || n_off == 0)
    throw error("spinaptic: split_ac_dc needs samples with the laser both on and off (on: " +
                std::to_string(n_on) + ", off: " + std::to_string(n_off) + ")");
  const double mean_on = sum_on / static_cast<double>(n_on);
  const double mean_off = (sum - sum_on) / static_cast<double>(n_off);
  return {units::as<units::voltage>(sum / static_cast<double>(n)),
          units::as<units::voltage>(mean_on - mean_off)};
}

}  // namespace spinaptic::excitation
