// spinaptic/excitation/optical.hpp: optical drives, the absorbed laser power P(t) on a junction.
#pragma once

#include <cmath>
#include <numbers>

#include "spinaptic/concepts/excitation.hpp"
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
  /// Pulse energy over P_peak width: int shape(s) ds / width = 1.
  [[nodiscard]] static double energy_fraction() noexcept { return 1.0; }
};

/// Gaussian pulse with full width at half maximum `width`, centred at s = 2 width so that the
/// leading tail at s = 0 is 2^-16 of the peak: exp(-4 ln2 (s - 2 width)^2 / width^2).
/// A pulse occupies [0, 4 width) of its period.
struct gaussian_pulse {
  static constexpr double extent = 4.0;  ///< pulse duration in units of `width`
  /// Fraction of peak power exp(-4 ln2 (s - 2 w)^2 / w^2) at time s after the pulse start, FWHM w.
  [[nodiscard]] static double shape(double s, double width) noexcept {
    const double z = (s - 2.0 * width) / width;
    return std::exp(-4.0 * std::numbers::ln2 * z * z);
  }
  /// Laser-on window: within the FWHM around the centre.
  [[nodiscard]] static bool on(double s, double width) noexcept {
    return std::abs(s - 2.0 * width) <= 0.5 * width;
  }
  /// Pulse energy over P_peak width: int exp(-4 ln2 z^2) dz = sqrt(pi / (4 ln2)) (the tails beyond
  /// [0, 4 width) are below 2^-16 of the peak and left out of this closed form).
  [[nodiscard]] static double energy_fraction() noexcept { return std::sqrt(std::numbers::pi / (4.0 * std::numbers::ln2)); }
};

static_assert(pulse_shape<square_pulse>);
static_assert(pulse_shape<gaussian_pulse>);

/// A periodic laser pulse train, P(t) = P_peak * shape((t - delay) mod (1/f_rep)), t >= delay.
/// Peak power [W], pulse width [s] (square: duration; Gaussian: FWHM), repetition rate [Hz].
template <pulse_shape Shape = square_pulse>
struct laser_pulse_train {
  units::power peak_power;  ///< P_peak [W]
  units::time width;  ///< pulse width w [s]
  units::frequency repetition_rate;  ///< f_rep [Hz]
  units::time delay;  ///< t0 of the first pulse [s]

  /// Peak power, pulse width w, repetition rate f_rep and delay t0.
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

  /// 1 / f_rep [s].
  [[nodiscard]] units::time period() const noexcept { return 1.0 / repetition_rate; }
  /// Time since the start of the present period [s].
  [[nodiscard]] double phase_time(units::time t) const noexcept {
    const double s = units::in_si(t - delay);
    return s < 0.0 ? -1.0 : std::fmod(s, units::in_si(period()));
  }
  /// P(t) [W].
  [[nodiscard]] units::power power_at(units::time t) const noexcept {
    const double s = phase_time(t);
    return s < 0.0 ? 0.0 * units::watt : Shape::shape(s, units::in_si(width)) * peak_power;
  }
  /// True while the laser is "on" (the window a lock-in reference would mark).
  [[nodiscard]] bool laser_on(units::time t) const noexcept {
    const double s = phase_time(t);
    return s >= 0.0 && Shape::on(s, units::in_si(width));
  }
  /// Time-averaged power over one period [W]: P_peak w f times the shape's energy fraction
  /// (square: P_peak w f; Gaussian: P_peak w f sqrt(pi/(4 ln2))).
  [[nodiscard]] units::power average_power() const noexcept {
    const double duty = units::in_si(width) * units::in_si(repetition_rate);
    return peak_power * duty * Shape::energy_fraction();
  }
};

/// Continuous-wave laser: constant power.
struct cw_laser {
  units::power level;  ///< P [W]
  /// A continuous laser of power P >= 0.
  explicit cw_laser(units::power p) : level(p) { detail::require_non_negative("laser power [W]", units::in_si(p)); }
  /// P(t) = P [W].
  [[nodiscard]] units::power power_at(units::time) const noexcept { return level; }
  /// Always true.
  [[nodiscard]] bool laser_on(units::time) const noexcept { return units::in_si(level) > 0.0; }
};

}  // namespace spinaptic::excitation
