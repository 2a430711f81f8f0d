// spinaptic/device/thermal.hpp: laser heating of the MgO barrier, Joule heating, and the
// first-order thermal response of the temperature difference across the barrier.
#pragma once

#include <cmath>
#include <cstddef>
#include <numbers>
#include <utility>
#include <vector>

#include "spinaptic/detail/dawson.hpp"
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

/// The fractions of a laser step that the barrier (fast) and the heat sink (slow) have seen a
/// time t after it (thermal_dynamics_model).
struct thermal_step_fractions {
  double fast = 0.0;  ///< g_fast(t) in [0, 1]
  double slow = 0.0;  ///< g_slow(t) in [0, 1]
};

/// One decaying mode of a thermal step response: weight a and rate r [1/s] of a term a exp(-r t).
struct thermal_mode {
  double weight = 0.0;  ///< a, dimensionless
  double rate = 0.0;    ///< r [1/s]
};

/// A thermal dynamics written as decaying modes for samples h apart (modal_thermal_dynamics): for
/// t >= h, 1 - g_c(t) = sum_j a_j exp(-r_j t) in each channel c, to within max_error. Modes too fast
/// to outlive one sample are lumped into an instantaneous part, so g_c(inf) = 1 exactly.
struct thermal_modes {
  std::vector<thermal_mode> fast;  ///< modes of the barrier channel
  std::vector<thermal_mode> slow;  ///< modes of the heat-sink channel
  double max_error = 0.0;          ///< bound on |g_c(t) - modal g_c(t)| for t >= h
};

/// First-order thermal response, tau d(dT)/dt = dT_ss - dT, advanced with the exact
/// exponential dT(t+h) = dT_ss + (dT(t) - dT_ss) exp(-h/tau): stable and exact for a
/// piecewise-constant dT_ss at any step h. As a thermal_dynamics_model it is one channel,
/// g(t) = 1 - exp(-t/tau): the lag of a calibrated surface measured quasi-statically.
struct thermal_response {
  /// One lag for the barrier and the sink.
  static constexpr std::size_t channels = 1;
  units::time time_constant;  ///< tau [s]

  /// tau > 0 [s].
  explicit thermal_response(units::time tau) : time_constant(tau) {
    detail::require_positive("thermal time constant tau [s]", units::in_si(tau));
  }

  /// Raw kernel: decay factor exp(-h/tau) for a step h [s].
  [[nodiscard]] double decay(double step_seconds) const noexcept {
    return std::exp(-step_seconds / units::in_si(time_constant));
  }

  /// thermal_dynamics_model: g(t) = 1 - exp(-t/tau) for both channels (0 for t <= 0).
  [[nodiscard]] thermal_step_fractions step_fractions(double t) const noexcept {
    const double g = t > 0.0 ? -std::expm1(-t / units::in_si(time_constant)) : 0.0;
    return {g, g};
  }

  /// One exact step of length h towards the steady state dT_ss.
  [[nodiscard]] units::temperature step(units::temperature current_dT,
                                        units::temperature steady_state_dT,
                                        units::time h) const {
    detail::require_non_negative("time step h [s]", units::in_si(h));
    return steady_state_dT + (current_dT - steady_state_dT) * decay(units::in_si(h));
  }
};

/// Thermal response of a laser-heated pillar on a half-space substrate (docs/physics.md
/// section 2.3). Two channels:
///  * the barrier and the pillar's electrodes follow the laser as a first-order lag,
///    g_fast(t) = 1 - exp(-t/tau_fast), tau_fast = C_top R_top || (R_B + R_bottom) (ns);
///  * the heat sink under the spot is the surface centre of a half-space (conductivity k,
///    diffusivity D) heated by a Gaussian spot of 1/e^2 radius w switched on at t = 0, whose rise
///    is (Carslaw & Jaeger, Conduction of Heat in Solids, 2nd ed. (1959), section 10.5; Lax,
///    J. Appl. Phys. 48, 3919 (1977))
///      g_slow(t) = (2/pi) atan( sqrt(8 D t) / w ),
///    a slow tail ~ 1 - (2/pi) w / sqrt(8 D t): 99 % is reached at t = (w^2 / 8D) tan^2(0.99 pi/2).
/// A drive's power history enters by superposition (the heat equation is linear). For a sampled
/// drive, modes() writes both channels as decaying exponentials (the half-space tail is completely
/// monotone), so mtj::simulate() costs O(modes) per sample, about 80 modes, whatever the drive.
struct pillar_half_space_response {
  /// Barrier (fast) and heat sink (slow).
  static constexpr std::size_t channels = 2;
  units::time fast_time_constant;               ///< tau_fast [s]
  units::length beam_radius;                    ///< w, 1/e^2 radius of the spot [m]
  units::thermal_diffusivity substrate_diffusivity;  ///< D of the substrate [m^2/s]

  /// tau_fast > 0 [s], w > 0 [m], D > 0 [m^2/s].
  pillar_half_space_response(units::time tau_fast, units::length w, units::thermal_diffusivity d)
      : fast_time_constant(tau_fast), beam_radius(w), substrate_diffusivity(d) {
    detail::require_positive("fast thermal time constant tau_fast [s]", units::in_si(tau_fast));
    detail::require_positive("beam radius w [m]", units::in_si(w));
    detail::require_positive("substrate diffusivity D [m^2/s]", units::in_si(d));
  }

  /// thermal_dynamics_model: g_fast(t) = 1 - exp(-t/tau_fast), g_slow(t) = (2/pi) atan(sqrt(8 D t)/w);
  /// 0 for t <= 0.
  [[nodiscard]] thermal_step_fractions step_fractions(double t) const noexcept {
    if (!(t > 0.0)) return {};
    const double w = units::in_si(beam_radius), d = units::in_si(substrate_diffusivity);
    return {-std::expm1(-t / units::in_si(fast_time_constant)),
            2.0 / std::numbers::pi * std::atan(std::sqrt(8.0 * d * t) / w)};
  }

  /// The modes of both channels for samples h [s] apart (modal_thermal_dynamics), |error| <= 1e-7
  /// for t >= h. The fast channel is its one exponential. The slow tail, with tau_s = w^2 / (8D),
  /// is an exact mixture of exponentials (Laplace pair L{e^-t erfi(sqrt t)} = 1/(sqrt(s) (s + 1))),
  ///   1 - g_slow(t) = (2/pi) atan(sqrt(tau_s / t)) = (4 / pi^(3/2)) int exp(-e^(2u) t / tau_s) D(e^u) du,
  /// D Dawson's integral; the trapezoidal rule in u (step 1/4, u >= -17) gives the modes
  /// a_k = (4 / pi^(3/2)) D(e^(u_k)) / 4, r_k = e^(2 u_k) / tau_s, and modes with r_k h > 40 are
  /// lumped into the instantaneous part (docs/physics.md section 2.3).
  [[nodiscard]] thermal_modes modes(double h) const {
    detail::require_positive("sample spacing h [s]", h);
    const double w = units::in_si(beam_radius), d = units::in_si(substrate_diffusivity);
    const double tau_s = w * w / (8.0 * d);
    constexpr double step = 0.25, lowest = -17.0;
    thermal_modes m;
    m.max_error = 1e-7;
    m.fast.push_back({1.0, 1.0 / units::in_si(fast_time_constant)});
    const double highest = 0.5 * std::log(40.0 * tau_s / h);
    const double norm = 4.0 / (std::numbers::pi * std::sqrt(std::numbers::pi)) * step;
    for (int k = 0; lowest + step * k <= highest; ++k) {
      const double u = lowest + step * k;
      m.slow.push_back({norm * detail::dawson(std::exp(u)), std::exp(2.0 * u) / tau_s});
    }
    return m;
  }

  /// Lagged powers (P_fast, P_slow) [W] at time t after the laser steps from 0 to P.
  [[nodiscard]] std::pair<units::power, units::power> step_response(units::power p, units::time t) const {
    const auto g = step_fractions(units::in_si(t));
    return {g.fast * p, g.slow * p};
  }

  /// The time [s] at which the heat sink reaches `fraction` of its steady rise,
  /// t = (w^2 / 8D) tan^2(fraction pi / 2); fraction in (0, 1).
  [[nodiscard]] units::time slow_settling_time(double fraction) const {
    detail::require_in_range("settled fraction", fraction, 0.0, 1.0);
    if (!(fraction > 0.0 && fraction < 1.0)) throw invalid_parameter("settled fraction", fraction, "(0, 1)");
    const double w = units::in_si(beam_radius), d = units::in_si(substrate_diffusivity);
    const double x = std::tan(0.5 * std::numbers::pi * fraction);
    return units::as<units::time>(w * w / (8.0 * d) * x * x);
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
