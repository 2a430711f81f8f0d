// spinaptic/device/thermal.hpp: laser heating of the MgO barrier, Joule heating, and the
// first-order thermal response of the temperature difference across the barrier.
#pragma once

#include <cmath>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Effective thermal conductivity of a thin barrier with interface (Kapitza) resistance,
/// \f[ \kappa = \left[\kappa_B^{-1} + (\kappa_I t)^{-1}\right]^{-1} \f]
/// kappa_B [W m^-1 K^-1] bulk conductivity, kappa_I [W m^-2 K^-1] interface conductance,
/// t [m] barrier thickness. Oberbauer et al., Commun. Phys. 2025 ("Device architecture"):
/// kappa_B = 4.0, kappa_I = 2.5e7, t = 2 nm gives kappa = 0.0494 W m^-1 K^-1.
[[nodiscard]] inline units::thermal_conductivity barrier_conductivity(
    units::thermal_conductivity kappa_bulk, units::interface_conductance kappa_interface,
    units::length thickness) {
  detail::require_positive("kappa_B [W/m/K]", units::in_si(kappa_bulk));
  detail::require_positive("kappa_I [W/m^2/K]", units::in_si(kappa_interface));
  detail::require_positive("barrier thickness t [m]", units::in_si(thickness));
  const double inv = 1.0 / units::in_si(kappa_bulk) +
                     1.0 / (units::in_si(kappa_interface) * units::in_si(thickness));
  return units::as<units::thermal_conductivity>(1.0 / inv);
}

/// Specific thermal resistance of the barrier, r_th = t / kappa = 1/kappa_I + t/kappa_B
/// [m^2 K W^-1]; 4.05e-8 for the paper's constants at 2 nm.
[[nodiscard]] inline units::specific_thermal_resistance barrier_thermal_resistivity(
    units::thermal_conductivity kappa_bulk, units::interface_conductance kappa_interface,
    units::length thickness) {
  return thickness / barrier_conductivity(kappa_bulk, kappa_interface, thickness);
}

/// Heating policy: quasi-static temperature difference across the barrier,
/// \f[ \Delta T = \zeta P + R_J I^2 R \f]
/// zeta [K/W]: calibrated linear laser coefficient (absorbed fraction times the thermal
/// resistance seen by the heated electrode); R_J [K/W]: the share of Joule power I^2 R that
/// builds a gradient across the barrier. Both are device calibrations, not first principles
/// (shared/research/paper.md section 4.3).
struct laser_heating {
  units::thermal_resistance laser_coefficient;  ///< zeta [K/W]
  units::thermal_resistance joule_coefficient;  ///< R_J [K/W]

  /// Laser heating dT = zeta P plus Joule heating dT = R_J I^2 R; both coefficients [K/W] >= 0.
  laser_heating(units::thermal_resistance zeta, units::thermal_resistance r_joule)
      : laser_coefficient(zeta), joule_coefficient(r_joule) {
    detail::require_non_negative("laser heating coefficient zeta [K/W]", units::in_si(zeta));
    detail::require_non_negative("Joule heating coefficient R_J [K/W]", units::in_si(r_joule));
  }

  /// Steady-state dT [K] for absorbed laser power P, bias current I through resistance R.
  [[nodiscard]] units::temperature temperature_difference(units::power laser_power,
                                                          units::current i,
                                                          units::resistance r) const {
    detail::require_non_negative("laser power P [W]", units::in_si(laser_power));
    detail::require_finite("bias current I [A]", units::in_si(i));
    return laser_coefficient * laser_power + joule_coefficient * (i * i * r);
  }

  /// The laser power that alone would give dT (inverse of the laser term).
  [[nodiscard]] units::power equivalent_laser_power(units::temperature dT) const {
    return dT / laser_coefficient;
  }
};

/// First-order thermal response, tau d(dT)/dt = dT_ss - dT, advanced with the exact
/// exponential dT(t+h) = dT_ss + (dT(t) - dT_ss) exp(-h/tau): stable and exact for a
/// piecewise-constant dT_ss at any step h.
struct thermal_response {
  units::time time_constant;  ///< tau [s]

  /// A first-order thermal lag with time constant `tau` [s] > 0.
  explicit thermal_response(units::time tau) : time_constant(tau) {
    detail::require_positive("thermal time constant tau [s]", units::in_si(tau));
  }

  /// Raw kernel: decay factor exp(-h/tau) for a step h [s].
  [[nodiscard]] double decay(double step_seconds) const noexcept {
    return std::exp(-step_seconds / units::in_si(time_constant));
  }

  /// One exact step of length h towards the steady state dT_ss.
  [[nodiscard]] units::temperature step(units::temperature current_dT,
                                        units::temperature steady_state_dT,
                                        units::time h) const {
    detail::require_non_negative("time step h [s]", units::in_si(h));
    return steady_state_dT + (current_dT - steady_state_dT) * decay(units::in_si(h));
  }
};

}  // namespace spinaptic::device
