// spinaptic/device/resistance.hpp: tunnel resistance and tunnel magnetoresistance (TMR).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Tunnel resistance from the resistance-area product: R = RA / A.
/// RA [ohm m^2], A [m^2]. Throws invalid_parameter for RA <= 0 or A <= 0.
[[nodiscard]] inline units::resistance resistance_from_area_product(units::area_resistance ra,
                                                                   units::area a) {
  detail::require_positive("resistance-area product RA [ohm m^2]", units::in_si(ra));
  detail::require_positive("junction area A [m^2]", units::in_si(a));
  return ra / a;
}

/// Julliere's model: TMR = (R_AP - R_P) / R_P = 2 P1 P2 / (1 - P1 P2),
/// with P1, P2 the spin polarisations of the two electrodes (M. Julliere, Phys. Lett. A 54,
/// 225 (1975)). P1 = P2 = 0.577 gives TMR = 1.0 (100 %).
[[nodiscard]] inline double julliere_tmr(double p1, double p2) {
  detail::require_in_range("spin polarisation P1", p1, 0.0, 1.0);
  detail::require_in_range("spin polarisation P2", p2, 0.0, 1.0);
  if (p1 * p2 >= 1.0) throw invalid_parameter("P1*P2", p1 * p2, "< 1 (TMR diverges at 1)");
  return 2.0 * p1 * p2 / (1.0 - p1 * p2);
}

/// Bias-dependent TMR, TMR(V) = TMR0 / (1 + V^2 / V_h^2), the common compact-model form
/// (e.g. Y. Zhang et al., IEEE TED 59, 819 (2012)); V_h is the bias at which TMR halves.
[[nodiscard]] inline double bias_dependent_tmr(double tmr0, units::voltage v, units::voltage v_half) {
  detail::require_non_negative("TMR0", tmr0);
  const double vh = detail::require_positive("V_h [V]", units::in_si(v_half));
  const double x = units::in_si(v) / vh;
  return tmr0 / (1.0 + x * x);
}

/// Angle dependence of the tunnel conductance (Slonczewski, PRB 39, 6995 (1989)):
/// G(theta) = (G_P + G_AP)/2 + (G_P - G_AP)/2 cos(theta), theta the angle between the layers.
[[nodiscard]] inline units::conductance conductance_at_angle(units::conductance g_p,
                                                            units::conductance g_ap,
                                                            units::plane_angle theta) {
  return 0.5 * (g_p + g_ap) + 0.5 * (g_p - g_ap) * std::cos(units::in_si(theta));
}

/// Resistance policy: R_P from RA and area, R_AP(V) = R_P (1 + TMR(V)).
struct tmr_resistance {
  units::resistance parallel_resistance;  ///< R_P [ohm]
  double tmr0;                            ///< zero-bias TMR (1.0 = 100 %)
  units::voltage half_tmr_bias;           ///< V_h [V]

  /// R_P > 0 [ohm], TMR0 >= 0, V_h > 0 [V].
  tmr_resistance(units::resistance r_p, double tmr_zero_bias, units::voltage v_half)
      : parallel_resistance(r_p), tmr0(tmr_zero_bias), half_tmr_bias(v_half) {
    detail::require_positive("R_P [ohm]", units::in_si(r_p));
    detail::require_non_negative("TMR0", tmr_zero_bias);
    detail::require_positive("V_h [V]", units::in_si(v_half));
  }

  /// R(state, V) [ohm] at junction bias V.
  [[nodiscard]] units::resistance resistance(magnetic_state s, units::voltage bias) const {
    if (s == magnetic_state::parallel) return parallel_resistance;
    return parallel_resistance * (1.0 + bias_dependent_tmr(tmr0, bias, half_tmr_bias));
  }

  /// V = I R(state, V), solved by fixed-point iteration (contracting for |dR/dV| I < 1, which
  /// holds for every physical MTJ bias: |dR/dV I| <= R_P TMR0 I / V_h).
  [[nodiscard]] units::voltage bias_voltage(magnetic_state s, units::current i) const {
    units::voltage v = i * resistance(s, 0.0 * units::volt);
    for (int it = 0; it < 50; ++it) {
      const units::voltage next = i * resistance(s, v);
      if (std::abs(units::in_si(next - v)) <= 1e-15 * std::abs(units::in_si(next))) return next;
      v = next;
    }
    return v;
  }
};

/// R and its partial derivatives at one (V, T) point, raw SI (ohm, ohm/V, ohm/K): what the
/// derived response's Newton solve and analytic derivatives use.
struct resistance_partials {
  double value = 0.0;  ///< R [ohm]
  double d_dv = 0.0;   ///< dR/dV [ohm/V]
  double d_dt = 0.0;   ///< dR/dT [ohm/K]
};

/// The temperatures [K] between which a model's linear temperature coefficients keep it physical,
/// raw SI: low < T < high (low may be 0, high may be +inf).
struct temperature_limits {
  double low = 0.0;   ///< lowest valid temperature [K] (exclusive)
  double high = 0.0;  ///< highest valid temperature [K] (exclusive)
};

/// Resistance policy with temperature: R(state, V, T). Around the reference temperature T0,
///   R_P(T)  = R_P [1 + beta_P (T - T0)],   TMR0(T) = TMR0 [1 - beta_TMR (T - T0)],
///   V_h(T)  = V_h [1 - beta_h (T - T0)],
///   R_AP(V, T) = R_P(T) [1 + TMR0(T) / (1 + V^2 / V_h(T)^2)],   R_P(V, T) = R_P(T).
/// TMR and V_h fall with temperature (magnon excitation: Shang et al., PRB 58, R2917 (1998));
/// the linear coefficients are documented defaults (docs/physics.md section 3). At T = T0 this is
/// tmr_resistance. The linear forms hold only while R_P(T) > 0, V_h(T) > 0 and TMR0(T) >= 0
/// (valid_temperatures()); a junction whose electrodes leave that range is refused by the derived
/// response with an error naming the limit.
struct thermal_tmr_resistance {
  units::resistance parallel_resistance;               ///< R_P at T0 [ohm]
  double tmr0;                                          ///< TMR0 at T0 (1.0 = 100 %)
  units::voltage half_tmr_bias;                        ///< V_h at T0 [V]
  units::temperature reference_temperature;            ///< T0 [K]
  units::temperature_coefficient parallel_coefficient;  ///< beta_P [1/K]
  units::temperature_coefficient tmr_coefficient;       ///< beta_TMR [1/K]
  units::temperature_coefficient half_bias_coefficient;  ///< beta_h [1/K]

  /// R_P > 0, TMR0 >= 0, V_h > 0 and T0 > 0 at the reference temperature, and the three temperature coefficients [1/K].
  thermal_tmr_resistance(units::resistance r_p, double tmr_zero_bias, units::voltage v_half,
                         units::temperature t0, units::temperature_coefficient beta_p,
                         units::temperature_coefficient beta_tmr, units::temperature_coefficient beta_h)
      : parallel_resistance(r_p), tmr0(tmr_zero_bias), half_tmr_bias(v_half), reference_temperature(t0),
        parallel_coefficient(beta_p), tmr_coefficient(beta_tmr), half_bias_coefficient(beta_h) {
    detail::require_positive("R_P [ohm]", units::in_si(r_p));
    detail::require_non_negative("TMR0", tmr_zero_bias);
    detail::require_positive("V_h [V]", units::in_si(v_half));
    detail::require_positive("reference temperature T0 [K]", units::in_si(t0));
    detail::require_finite("beta_P [1/K]", units::in_si(beta_p));
    detail::require_finite("beta_TMR [1/K]", units::in_si(beta_tmr));
    detail::require_finite("beta_h [1/K]", units::in_si(beta_h));
  }

  /// The open temperature interval [K] where R_P(T) > 0, TMR0(T) >= 0 and V_h(T) > 0:
  /// T0 - 1/beta for each negative coefficient bounds it below, T0 + 1/beta for each positive one
  /// above (the TMR0 bound is closed: TMR0(T) = 0 is the physical limit of no magnetoresistance).
  [[nodiscard]] temperature_limits valid_temperatures() const noexcept {
    const double t0 = units::in_si(reference_temperature);
    temperature_limits l{0.0, std::numeric_limits<double>::infinity()};
    auto bound = [&](double rising) {  // factor 1 + rising (T - T0) must stay positive
      if (rising > 0.0) l.low = std::max(l.low, t0 - 1.0 / rising);
      if (rising < 0.0) l.high = std::min(l.high, t0 - 1.0 / rising);
    };
    bound(units::in_si(parallel_coefficient));
    bound(-units::in_si(half_bias_coefficient));
    const double bt = units::in_si(tmr_coefficient);  // TMR0 (1 - beta_TMR dT) >= 0: closed bound, nudged open
    if (bt > 0.0) l.high = std::min(l.high, std::nextafter(t0 + 1.0 / bt, std::numeric_limits<double>::infinity()));
    if (bt < 0.0) l.low = std::max(l.low, std::nextafter(t0 - 1.0 / bt, 0.0));
    return l;
  }

  /// Which coefficient sets the upper limit of valid_temperatures() (for error messages).
  [[nodiscard]] const char* upper_limit_name() const noexcept {
    const double t0 = units::in_si(reference_temperature), hi = valid_temperatures().high;
    if (units::in_si(half_bias_coefficient) > 0.0 && hi >= t0 + 1.0 / units::in_si(half_bias_coefficient))
      return "V_h(T) = V_h (1 - beta_h (T - T0)) > 0";
    if (units::in_si(parallel_coefficient) < 0.0 && hi >= t0 - 1.0 / units::in_si(parallel_coefficient))
      return "R_P(T) = R_P (1 + beta_P (T - T0)) > 0";
    return "TMR0(T) = TMR0 (1 - beta_TMR (T - T0)) >= 0";
  }

  /// Raw kernel: R, dR/dV, dR/dT at bias V [V] and temperature T [K] in state s.
  [[nodiscard]] resistance_partials partials(magnetic_state s, double v, double kelvin) const noexcept {
    const double dt = kelvin - units::in_si(reference_temperature);
    const double rp0 = units::in_si(parallel_resistance), bp = units::in_si(parallel_coefficient);
    const double rp = rp0 * (1.0 + bp * dt);
    if (s == magnetic_state::parallel) return {rp, 0.0, rp0 * bp};
    const double bt = units::in_si(tmr_coefficient), bh = units::in_si(half_bias_coefficient);
    const double vh0 = units::in_si(half_tmr_bias);
    const double tmr = tmr0 * (1.0 - bt * dt), vh = vh0 * (1.0 - bh * dt);
    const double q = v / vh, den = 1.0 + q * q, f = 1.0 / den;  // f = 1 / (1 + V^2/V_h^2)
    const double df_dv = -2.0 * v / (vh * vh) * f * f;
    const double df_dvh = 2.0 * v * v / (vh * vh * vh) * f * f;
    const double value = rp * (1.0 + tmr * f);
    const double d_dv = rp * tmr * df_dv;
    const double d_dt = rp0 * bp * (1.0 + tmr * f) + rp * (-tmr0 * bt) * f + rp * tmr * df_dvh * (-vh0 * bh);
    return {value, d_dv, d_dt};
  }

  /// Raw kernel: the bias V [V] with V = I R(state, V, T), by Newton's method on
  /// F(V) = V - I R(V, T) (F' = 1 - I dR/dV > 0 for every physical bias), from V = I R(0, T);
  /// converged to rounding (quadratic convergence, typically 3-4 steps).
  [[nodiscard]] double bias_voltage_raw(magnetic_state s, double current, double kelvin) const noexcept {
    double v = current * partials(s, 0.0, kelvin).value;
    if (s == magnetic_state::parallel) return v;
    for (int it = 0; it < 40; ++it) {
      const auto r = partials(s, v, kelvin);
      const double step = (v - current * r.value) / (1.0 - current * r.d_dv);
      v -= step;
      // Quadratic convergence: once a step is below 1e-10 |V| the remaining error is ~1e-20 |V|.
      if (std::abs(step) <= 1e-10 * std::abs(v)) break;
    }
    return v;
  }

  /// R(state, V, T) [ohm].
  [[nodiscard]] units::resistance resistance(magnetic_state s, units::voltage bias, units::temperature t) const {
    return units::as<units::resistance>(partials(s, units::in_si(bias), units::in_si(t)).value);
  }
  /// resistance_model: R(state, V) at the reference temperature T0.
  [[nodiscard]] units::resistance resistance(magnetic_state s, units::voltage bias) const {
    return resistance(s, bias, reference_temperature);
  }
  /// V = I R(state, V, T) [V].
  [[nodiscard]] units::voltage bias_voltage(magnetic_state s, units::current i, units::temperature t) const {
    return units::as<units::voltage>(bias_voltage_raw(s, detail::require_finite("bias current I [A]", units::in_si(i)),
                                                      detail::require_positive("temperature T [K]", units::in_si(t))));
  }
  /// resistance_model: V = I R(state, V) at T0.
  [[nodiscard]] units::voltage bias_voltage(magnetic_state s, units::current i) const {
    return bias_voltage(s, i, reference_temperature);
  }
};

}  // namespace spinaptic::device
