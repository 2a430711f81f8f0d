// spinaptic/device/resistance.hpp: tunnel resistance and tunnel magnetoresistance (TMR).
#pragma once

#include <cmath>

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

  /// R_P [ohm] > 0, the zero-bias TMR ratio >= 0 and the bias V_half [V] > 0 at which the TMR
  /// has halved.
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

}  // namespace spinaptic::device
