// spinaptic/excitation/optical.hpp: optical drives, the absorbed laser power P(t) on a junction.
#pragma once

#include <cmath>
#include <numbers>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::excitation {

/// Pulse shapes of a laser pulse train; each maps the time since a pulse's start, s, to the
/// fraction of peak power.
struct square_pulse {
  static constexpr double extent = 1.0;  ///< pulse duration in units of `width`
  /// 1 for s in [0, width), else 0.
  [[nodiscard]] static double shape(double s, double width) noexcept { return s >= 0.0 && s < width ? 1.0 : 0.0; }
  /// Laser-on window used by a lock-in style split: the pulse itself.
  [[nodiscard]] static bool on(double s, double width) noexcept { return s >= 0.0 && s < width; }
};

/// Gaussian pulse with full width at half maximum `width`, centred at s = 2 width so that the
/// leading tail at s = 0 is 2^-16 of the peak: exp(-4 ln2 (s - 2 width)^2 / width^2).
/// A pulse occupies [0, 4 width) of its period.
struct gaussian_pulse {
  static constexpr double extent = 4.0;  ///< pulse duration in units of `width`
  /// The pulse at time s [s] after its start, as a fraction of the peak:
  /// \f$\exp(-4\ln 2\,(s - 2w)^2 / w^2)\f$ with w the FWHM `width` [s].
  [[nodiscard]] static double shape(double s, double width) noexcept {
    const double z = (s - 2.0 * width) / width;
    return std::exp(-4.0 * std::numbers::ln2 * z * z);
  }
  /// Laser-on window: within the FWHM around the centre.
  [[nodiscard]] static bool on(double s, double width) noexcept {
    return std::abs(s - 2.0 * width) <= 0.5 * width;
  }
};

/// A periodic laser pulse train, P(t) = P_peak * shape((t - delay) mod (1/f_rep)), t >= delay.
/// Peak power [W], pulse width [s] (square: duration; Gaussian: FWHM), repetition rate [Hz].
template <class Shape = square_pulse>
struct laser_pulse_train {
  /// P_peak [W], the top of each pulse.
  units::power peak_power;
  /// w [s], the pulse width (FWHM).
  units::time width;
  /// f_rep [Hz], pulses per second.
  units::frequency repetition_rate;
  /// t_0 [s], the start of the first pulse.
  units::time delay;

  /// Pulses of peak `p_peak` [W] >= 0 and width `w` [s] > 0 at rate `f_rep` [Hz] > 0 from `t0` [s]
  /// >= 0; a pulse must fit its period (invalid_parameter otherwise).
  laser_pulse_train(units::power p_peak, units::time w, units::frequency f_rep,
                    units::time t0 = 0.0 * units::second)
      : peak_power(p_peak), width(w), repetition_rate(f_rep), delay(t0) {
    detail::require_non_negative("laser peak power [W]", units::in_si(p_peak));
    detail::require_positive("laser pulse width [s]", units::in_si(w));
    detail::require_positive("laser repetition rate [Hz]", units::in_si(f_rep));
    if (!(Shape::extent * units::in_si(w) * units::in_si(f_rep) <= 1.0))
      throw invalid_parameter("laser pulse duration x repetition rate",
                              Shape::extent * units::in_si(w) * units::in_si(f_rep),
                              "<= 1 (pulses must not overlap)");
    detail::require_non_negative("laser pulse delay [s]", units::in_si(t0));
  }

  /// T = 1 / f_rep [s].
  [[nodiscard]] units::time period() const noexcept { return 1.0 / repetition_rate; }
  /// Time since the start of the current period [s] at t, or -1 before the first pulse.
  [[nodiscard]] double phase_time(units::time t) const noexcept {
    const double s = units::in_si(t - delay);
    return s < 0.0 ? -1.0 : std::fmod(s, units::in_si(period()));
  }
  /// P(t) [W]: P_peak times the pulse shape at phase_time(t) (0 outside a pulse).
  [[nodiscard]] units::power power_at(units::time t) const noexcept {
    const double s = phase_time(t);
    return s < 0.0 ? 0.0 * units::watt : Shape::shape(s, units::in_si(width)) * peak_power;
  }
  /// True while the laser is "on" (the window a lock-in reference would mark).
  [[nodiscard]] bool laser_on(units::time t) const noexcept {
    const double s = phase_time(t);
    return s >= 0.0 && Shape::on(s, units::in_si(width));
  }
  /// Time-averaged power over one period [W] (square: P_peak w f; Gaussian: P_peak w f sqrt(pi/(4 ln2))).
  [[nodiscard]] units::power average_power() const noexcept {
    const double duty = units::in_si(width) * units::in_si(repetition_rate);
    if constexpr (std::is_same_v<Shape, gaussian_pulse>)
      return peak_power * duty * std::sqrt(std::numbers::pi / (4.0 * std::numbers::ln2));
    else
      return peak_power * duty;
  }
};

/// Continuous-wave laser: constant power.
struct cw_laser {
  /// The constant laser power P [W].
  units::power level;
  /// A continuous-wave laser of power P [W] >= 0 (invalid_parameter otherwise).
  explicit cw_laser(units::power p) : level(p) { detail::require_non_negative("laser power [W]", units::in_si(p)); }
  /// P(t) = P for every t.
  [[nodiscard]] units::power power_at(units::time) const noexcept { return level; }
  /// True when P > 0.
  [[nodiscard]] bool laser_on(units::time) const noexcept { return units::in_si(level) > 0.0; }
};

}  // namespace spinaptic::excitation
