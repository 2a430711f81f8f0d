// spinaptic/device/thermal_stack.hpp: the steady temperatures of a pillar heated by a laser, by
// Joule heat and by Peltier heat, from the barrier's conductivity and the series thermal
// resistances of its leads and substrate (a two-node thermal network; docs/physics.md section 2).
#pragma once

#include <cmath>
#include <numbers>

#include "spinaptic/device/thermal.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Thermal resistance of the barrier of a pillar, R_B = t / (kappa A) [K/W], with kappa the
/// effective barrier conductivity of barrier_conductivity() (Oberbauer et al., Commun. Phys. 2025:
/// kappa = [kappa_B^-1 + (kappa_I t)^-1]^-1) and A [m^2] the pillar area. For the paper's
/// kappa_B = 4.0 W m^-1 K^-1, kappa_I = 2.5e7 W m^-2 K^-1, t = 2 nm and an 800 nm disk,
/// R_B = 4.05e-8 m^2 K/W / 5.03e-13 m^2 = 8.06e4 K/W.
[[nodiscard]] inline units::thermal_resistance barrier_thermal_resistance(
    units::thermal_conductivity kappa_bulk, units::interface_conductance kappa_interface,
    units::length thickness, units::area pillar_area) {
  detail::require_positive("pillar area A [m^2]", units::in_si(pillar_area));
  return barrier_thermal_resistivity(kappa_bulk, kappa_interface, thickness) / pillar_area;
}

/// Centre temperature rise per watt of a Gaussian laser spot absorbed at the surface of a
/// semi-infinite substrate, in steady state,
///   dT / P = a / (sqrt(2 pi) k w)   [K/W]
/// for the intensity I(r) = (2P / (pi w^2)) exp(-2 r^2 / w^2), i.e. w the 1/e^2 *intensity* radius
/// (the radius a beam profiler reports); a the absorptance, k [W m^-1 K^-1] the substrate
/// conductivity. It is the integral of the point-source rise 1/(2 pi k r) over the spot
/// (M. Lax, J. Appl. Phys. 48, 3919 (1977), with Lax's 1/e radius w/sqrt(2)). This is the rise of
/// the heat sink under the pillar (leads and substrate).
[[nodiscard]] inline units::thermal_resistance gaussian_spot_heating(double absorptance,
                                                                     units::thermal_conductivity substrate,
                                                                     units::length beam_radius) {
  detail::require_in_range("absorptance a", absorptance, 0.0, 1.0);
  const double k = detail::require_positive("substrate conductivity k [W/m/K]", units::in_si(substrate));
  const double w = detail::require_positive("beam radius w [m]", units::in_si(beam_radius));
  return units::as<units::thermal_resistance>(absorptance / (std::sqrt(2.0 * std::numbers::pi) * k * w));
}

/// Thermal diffusivity D = k / (rho c) [m^2/s] of a material of conductivity k [W m^-1 K^-1] and
/// volumetric heat capacity rho c [J m^-3 K^-1].
[[nodiscard]] inline units::thermal_diffusivity thermal_diffusivity_of(units::thermal_conductivity k,
                                                                       double volumetric_heat_capacity) {
  const double kk = detail::require_positive("conductivity k [W/m/K]", units::in_si(k));
  const double c = detail::require_positive("volumetric heat capacity rho c [J/m^3/K]", volumetric_heat_capacity);
  return units::as<units::thermal_diffusivity>(kk / c);
}

/// Fraction of a Gaussian beam's power absorbed by a pillar of area A at the beam centre,
///   eta = a 2A / (pi w^2)   (peak intensity 2P/(pi w^2) times A, times the absorptance a).
[[nodiscard]] inline double gaussian_spot_pillar_fraction(double absorptance, units::area pillar_area,
                                                          units::length beam_radius) {
  detail::require_in_range("absorptance a", absorptance, 0.0, 1.0);
  const double a = detail::require_positive("pillar area A [m^2]", units::in_si(pillar_area));
  const double w = detail::require_positive("beam radius w [m]", units::in_si(beam_radius));
  const double eta = absorptance * 2.0 * a / (std::numbers::pi * w * w);
  if (eta > 1.0) throw invalid_parameter("pillar fraction 2 a A / (pi w^2)", eta, "<= 1 (beam narrower than the pillar)");
  return eta;
}

/// Linear steady-state response of the two-node network, raw SI [K/W], computed once: the mean
/// electrode temperature rise and the barrier temperature difference per watt injected at the top
/// or bottom electrode, and the laser's two channels (docs/physics.md section 2).
struct thermal_coefficients {
  double mean_per_top = 0.0;           ///< d((T_top + T_bottom)/2) / dQ_top [K/W]
  double mean_per_bottom = 0.0;        ///< d((T_top + T_bottom)/2) / dQ_bottom [K/W]
  double difference_per_top = 0.0;     ///< d(T_top - T_bottom) / dQ_top [K/W]
  double difference_per_bottom = 0.0;  ///< d(T_top - T_bottom) / dQ_bottom [K/W] (negative)
  double laser_top_fraction = 0.0;     ///< eta: watts absorbed in the top electrode per laser watt
  double laser_sink_rise = 0.0;        ///< heat-sink rise per laser watt [K/W]
};

/// Heating policy from the stack: two electrode nodes (top: laser side, bottom: substrate side)
/// joined by the barrier's thermal resistance R_B, each tied to the heat sink by a documented
/// series resistance (R_top: top contact and ITO window; R_bottom: bottom lead and substrate).
/// Heat inputs: the laser deposits eta P in the top electrode and raises the sink by r_s P
/// (Gaussian-spot heating of the surroundings); Joule heat I^2 R splits equally between the two
/// electrodes; a Peltier policy adds -Pi I at the top and +Pi I at the bottom (thermal_stack
/// accepts any such heat pair through temperatures()). Steady state of the network
/// (G the conductances 1/R, D = G_t G_B + G_t G_b + G_B G_b):
///   T_top - T_bottom = (G_b Q_top - G_t Q_bottom) / D
///   (T_top + T_bottom)/2 - T_sink = [(2 G_B + G_b) Q_top + (2 G_B + G_t) Q_bottom] / (2 D)
/// For the laser alone this is the series-resistance closed form
///   dT_B = eta P R_B R_top / (R_top + R_B + R_bottom).
struct thermal_stack {
  units::thermal_resistance barrier_resistance;  ///< R_B = t / (kappa A) [K/W]
  units::thermal_resistance top_resistance;      ///< R_top: top electrode to sink [K/W]
  units::thermal_resistance bottom_resistance;   ///< R_bottom: bottom electrode to sink [K/W]
  double laser_top_fraction;                     ///< eta: fraction of P absorbed in the top electrode
  units::thermal_resistance laser_sink_heating;  ///< r_s: sink rise per laser watt [K/W]

  /// R_B, R_top, R_bottom > 0 [K/W], eta in [0, 1], r_s >= 0 [K/W].
  thermal_stack(units::thermal_resistance r_barrier, units::thermal_resistance r_top,
                units::thermal_resistance r_bottom, double eta, units::thermal_resistance r_sink)
      : barrier_resistance(r_barrier), top_resistance(r_top), bottom_resistance(r_bottom),
        laser_top_fraction(eta), laser_sink_heating(r_sink) {
    detail::require_positive("barrier thermal resistance R_B [K/W]", units::in_si(r_barrier));
    detail::require_positive("top thermal resistance R_top [K/W]", units::in_si(r_top));
    detail::require_positive("bottom thermal resistance R_bottom [K/W]", units::in_si(r_bottom));
    detail::require_in_range("laser top fraction eta", eta, 0.0, 1.0);
    detail::require_non_negative("laser sink heating r_s [K/W]", units::in_si(r_sink));
    const double gt = 1.0 / units::in_si(r_top), gb = 1.0 / units::in_si(r_bottom),
                 gB = 1.0 / units::in_si(r_barrier);
    const double d = gt * gB + gt * gb + gB * gb;
    c_ = thermal_coefficients{(2.0 * gB + gb) / (2.0 * d), (2.0 * gB + gt) / (2.0 * d), gb / d, -gt / d, eta,
                              units::in_si(r_sink)};
  }

  /// The network's linear coefficients (raw SI), what the derived response's hot loop uses.
  [[nodiscard]] const thermal_coefficients& coefficients() const noexcept { return c_; }

  /// Barrier temperature difference T_top - T_bottom [K] for heat Q_top, Q_bottom [W].
  [[nodiscard]] units::temperature temperature_difference(units::power q_top, units::power q_bottom) const {
    return units::as<units::temperature>(c_.difference_per_top * units::in_si(q_top) +
                                         c_.difference_per_bottom * units::in_si(q_bottom));
  }
  /// Mean electrode temperature rise above the sink [K] for heat Q_top, Q_bottom [W].
  [[nodiscard]] units::temperature mean_temperature_rise(units::power q_top, units::power q_bottom) const {
    return units::as<units::temperature>(c_.mean_per_top * units::in_si(q_top) +
                                         c_.mean_per_bottom * units::in_si(q_bottom));
  }

  /// heating_model: dT_B [K] from laser power P and Joule heat I^2 R (split equally):
  ///   dT_B = eta P R_B R_top / (R_top + R_B + R_bottom) + (dT_B per top W + per bottom W) I^2 R / 2.
  [[nodiscard]] units::temperature temperature_difference(units::power laser_power, units::current i,
                                                          units::resistance r) const {
    detail::require_non_negative("laser power P [W]", units::in_si(laser_power));
    detail::require_finite("bias current I [A]", units::in_si(i));
    const double joule = units::in_si(i) * units::in_si(i) * units::in_si(r);
    return units::as<units::temperature>(c_.difference_per_top * (c_.laser_top_fraction * units::in_si(laser_power) +
                                                                  0.5 * joule) +
                                         c_.difference_per_bottom * 0.5 * joule);
  }
  /// heating_model: the laser power whose top-electrode absorption alone gives dT_B.
  [[nodiscard]] units::power equivalent_laser_power(units::temperature dT) const {
    const double per_watt = c_.difference_per_top * c_.laser_top_fraction;
    if (!(per_watt > 0.0)) throw invalid_parameter("laser top fraction eta", c_.laser_top_fraction, "> 0");
    return units::as<units::power>(units::in_si(dT) / per_watt);
  }
  /// Mean junction temperature rise [K] above the ambient for laser power P and Joule heat I^2 R:
  /// the sink rise r_s P plus the network's mean rise.
  [[nodiscard]] units::temperature junction_temperature_rise(units::power laser_power, units::current i,
                                                             units::resistance r) const {
    const double joule = units::in_si(i) * units::in_si(i) * units::in_si(r);
    const double p = units::in_si(laser_power);
    return units::as<units::temperature>(c_.laser_sink_rise * p +
                                         c_.mean_per_top * (c_.laser_top_fraction * p + 0.5 * joule) +
                                         c_.mean_per_bottom * 0.5 * joule);
  }

 private:
  thermal_coefficients c_{};
};

/// Peltier policy: no Peltier heat (Pi = 0).
struct no_peltier {
  /// Pi [V] = 0 for any Seebeck coefficient and temperature.
  [[nodiscard]] units::voltage peltier_coefficient(units::seebeck_coefficient, units::temperature) const noexcept {
    return units::as<units::voltage>(0.0);
  }
};

/// Peltier policy from the second Kelvin relation Pi = S T [V = W/A] (Onsager reciprocity; for
/// MTJs see Liebing et al., PRL 107, 177201 (2011) and arXiv:1304.4798). A current I carries the
/// heat Pi I across the barrier: -Pi I at the top electrode and +Pi I at the bottom, odd in I.
struct kelvin_peltier {
  /// Pi = S T [V].
  [[nodiscard]] units::voltage peltier_coefficient(units::seebeck_coefficient s, units::temperature t) const {
    return s * t;
  }
};

}  // namespace spinaptic::device
