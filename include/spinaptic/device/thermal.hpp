// spinaptic/device/thermal.hpp: laser heating of the MgO barrier, Joule heating, and the
// first-order thermal response of the temperature difference across the barrier.
#pragma once

#include <cmath>
#include <utility>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Effective thermal conductivity of a thin barrier with interface (Kapitza) resistance,
///   kappa = [kappa_B^-1 + (kappa_I t)^-1]^-1
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
///   dT = zeta P + R_J I^2 R
/// zeta [K/W]: calibrated linear laser coefficient (absorbed fraction times the thermal
/// resistance seen by the heated electrode); R_J [K/W]: the share of Joule power I^2 R that
/// builds a gradient across the barrier. Both are device calibrations, not first principles
/// (docs/physics.md section 2.2).
struct laser_heating {
  units::thermal_resistance laser_coefficient;  ///< zeta [K/W]
  units::thermal_resistance joule_coefficient;  ///< R_J [K/W]

  /// zeta and R_J [K/W], both >= 0.
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

  /// tau > 0 [s].
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

/// Two-time-constant thermal response of a laser-heated pillar (docs/physics.md section 2.3): the
/// barrier and the pillar's electrodes follow the laser with tau_fast = C_top R_par (ns: the top
/// electrode's heat capacity against its resistance to the sink, R_par = R_top || (R_B + R_bottom)),
/// the leads and substrate under the spot with tau_slow = w^2 / (4 D) (us: diffusion over the beam
/// radius w in the SiO2 matrix of diffusivity D). Each channel is a first-order lag of the laser
/// power, advanced with the exact exponential step, so after a step of P at t = 0:
///   P_fast(t) = P (1 - e^{-t/tau_fast}),   P_slow(t) = P (1 - e^{-t/tau_slow}).
/// A single exponential for the 3D diffusion into the substrate is an approximation (its true
/// tail is ~t^-1/2), documented as such.
struct two_time_constant_response {
  units::time fast_time_constant;  ///< tau_fast [s]
  units::time slow_time_constant;  ///< tau_slow [s]

  /// tau_fast, tau_slow > 0 [s].
  two_time_constant_response(units::time tau_fast, units::time tau_slow)
      : fast_time_constant(tau_fast), slow_time_constant(tau_slow) {
    detail::require_positive("fast thermal time constant tau_fast [s]", units::in_si(tau_fast));
    detail::require_positive("slow thermal time constant tau_slow [s]", units::in_si(tau_slow));
  }

  /// Lagged powers (P_fast, P_slow) [W], one exact step of length h towards the present power P.
  [[nodiscard]] std::pair<units::power, units::power> step(std::pair<units::power, units::power> lagged,
                                                           units::power p, units::time h) const {
    detail::require_non_negative("time step h [s]", units::in_si(h));
    const double ef = std::exp(-units::in_si(h) / units::in_si(fast_time_constant));
    const double es = std::exp(-units::in_si(h) / units::in_si(slow_time_constant));
    return {p + (lagged.first - p) * ef, p + (lagged.second - p) * es};
  }

  /// Lagged powers at time t after the laser steps from 0 to P.
  [[nodiscard]] std::pair<units::power, units::power> step_response(units::power p, units::time t) const {
    return step({0.0 * units::watt, 0.0 * units::watt}, p, t);
  }
};

/// Heat capacity C = c_v A t [J/K] of a layer of volumetric heat capacity c_v [J m^-3 K^-1], area A,
/// thickness t (metals: c_v ~ 3.5e6 J m^-3 K^-1, the Dulong-Petit value of NiFe, Ta, Ru, Co).
[[nodiscard]] inline units::heat_capacity layer_heat_capacity(double volumetric_heat_capacity, units::area a,
                                                              units::length thickness) {
  detail::require_positive("volumetric heat capacity c_v [J/m^3/K]", volumetric_heat_capacity);
  detail::require_positive("area A [m^2]", units::in_si(a));
  detail::require_positive("thickness t [m]", units::in_si(thickness));
  return units::as<units::heat_capacity>(volumetric_heat_capacity * units::in_si(a) * units::in_si(thickness));
}

/// Diffusion time of heat over a length w, tau = w^2 / (4 D) [s], D [m^2/s] the thermal diffusivity
/// (Carslaw & Jaeger, Conduction of Heat in Solids, 2nd ed. (1959): the time at which the diffusion
/// length 2 sqrt(D t) reaches w).
[[nodiscard]] inline units::time diffusion_time(units::length w, units::thermal_diffusivity d) {
  detail::require_positive("length w [m]", units::in_si(w));
  detail::require_positive("thermal diffusivity D [m^2/s]", units::in_si(d));
  return w * w / (4.0 * d);
}

}  // namespace spinaptic::device
