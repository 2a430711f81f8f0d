// spinaptic/excitation/electrical.hpp: electrical drives, the bias current I(t) through a junction.
#pragma once

#include <cmath>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::excitation {

/// A constant (DC) bias current.
struct dc_bias {
  /// The constant current I [A].
  units::current level;

  /// A constant bias I [A] (finite; invalid_parameter otherwise).
  explicit dc_bias(units::current i) : level(i) { detail::require_finite("DC bias current [A]", units::in_si(i)); }
  /// I(t) = I for every t.
  [[nodiscard]] units::current current_at(units::time) const noexcept { return level; }
};

/// A periodic train of rectangular current pulses on top of a DC offset:
///   I(t) = I_dc + I_pulse  for  (t - delay) mod period in [0, width), else I_dc  (t >= delay).
struct current_pulse_train {
  units::current offset;     ///< I_dc [A]
  units::current amplitude;  ///< I_pulse [A], added during a pulse
  units::time width;         ///< pulse width [s] > 0
  units::time period;        ///< repetition period [s] >= width
  units::time delay;         ///< time of the first pulse's rising edge [s] >= 0

  /// Pulses of height `i_pulse` [A] and width `w` [s] every `t_rep` [s] on a DC level `i_dc` [A].
  current_pulse_train(units::current i_dc, units::current i_pulse, units::time w, units::time t_rep,
                      units::time t0 = 0.0 * units::second)
      : offset(i_dc), amplitude(i_pulse), width(w), period(t_rep), delay(t0) {
    detail::require_finite("DC offset current [A]", units::in_si(i_dc));
    detail::require_finite("pulse amplitude [A]", units::in_si(i_pulse));
    detail::require_positive("pulse width [s]", units::in_si(w));
    if (!(units::in_si(t_rep) >= units::in_si(w)))
      throw invalid_parameter("pulse period [s]", units::in_si(t_rep), ">= pulse width");
    detail::require_non_negative("pulse delay [s]", units::in_si(t0));
  }

  /// True while a pulse is on at time t.
  [[nodiscard]] bool pulse_on(units::time t) const noexcept {
    const double s = units::in_si(t - delay);
    if (s < 0.0) return false;
    return std::fmod(s, units::in_si(period)) < units::in_si(width);
  }
  /// I(t) [A]: the DC level plus the pulse height while a pulse is on.
  [[nodiscard]] units::current current_at(units::time t) const noexcept {
    return pulse_on(t) ? offset + amplitude : offset;
  }
};

}  // namespace spinaptic::excitation
