// spinaptic/device/thermoelectric.hpp: tunnel magneto-Seebeck (TMS) thermovoltage at zero bias,
// and the scales shared by the bias-enhanced response models.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Thermovoltage of a junction with Seebeck coefficient S across a temperature difference dT,
///   V = -S dT   (Walter et al., Nat. Mater. 10, 742 (2011)).
[[nodiscard]] inline units::voltage seebeck_thermovoltage(units::seebeck_coefficient s,
                                                         units::temperature dT) {
  return -(s * dT);
}

/// Tunnel magneto-Seebeck ratio TMS = (S_P - S_AP) / min(|S_P|, |S_AP|).
[[nodiscard]] inline double tms_ratio(units::seebeck_coefficient s_p, units::seebeck_coefficient s_ap) {
  const double a = units::in_si(s_p), b = units::in_si(s_ap);
  const double m = std::min(std::abs(a), std::abs(b));
  if (!(m > 0.0)) throw invalid_parameter("min(|S_P|, |S_AP|) [V/K]", m, "> 0");
  return (a - b) / m;
}

/// Seebeck policy: state-dependent Seebeck coefficients, V(state, dT) = -S_state dT.
/// Defaults S_P = -50 uV/K, S_AP = -60 uV/K (TMS ~ 20 %, the MgO range of Walter 2011 and
/// Huebner et al. arXiv:1604.07569; project default, the paper gives no value).
struct tunnel_magneto_seebeck {
  /// S_P [V/K].
  units::seebeck_coefficient seebeck_parallel = units::as<units::seebeck_coefficient>(-50e-6);
  /// S_AP [V/K].
  units::seebeck_coefficient seebeck_antiparallel = units::as<units::seebeck_coefficient>(-60e-6);

  /// S_s [V/K] of state s.
  [[nodiscard]] units::seebeck_coefficient seebeck(magnetic_state s) const noexcept {
    return s == magnetic_state::parallel ? seebeck_parallel : seebeck_antiparallel;
  }
  /// \f$V = -S_s\,\Delta T\f$ [V] for a temperature difference dT [K] across the barrier.
  [[nodiscard]] units::voltage thermovoltage(magnetic_state s, units::temperature dT) const {
    return seebeck_thermovoltage(seebeck(s), dT);
  }
};

/// The scales that normalise a response surface: x = I / I_max, p = P / P_max, v = V / V_max.
/// Oberbauer et al. 2025, Fig. 4d: I_max = 3.0 mA, P_max = 150 mW, V_AP,max = 23.35 mV.
struct response_scale {
  units::voltage max_voltage;  ///< V_max [V], the response at (P_max, I_max) in the AP state
  units::current max_current;  ///< I_max [A] > 0
  units::power max_power;      ///< P_max [W] > 0

  /// The scales V_max, I_max > 0 and P_max > 0 (all finite; invalid_parameter otherwise).
  response_scale(units::voltage v_max, units::current i_max, units::power p_max)
      : max_voltage(v_max), max_current(i_max), max_power(p_max) {
    detail::require_finite("V_max [V]", units::in_si(v_max));
    if (units::in_si(v_max) == 0.0) throw invalid_parameter("V_max [V]", 0.0, "finite and != 0");
    detail::require_positive("I_max [A]", units::in_si(i_max));
    detail::require_positive("P_max [W]", units::in_si(p_max));
    inverse_max_current_ = 1.0 / units::in_si(i_max);
    inverse_max_power_ = 1.0 / units::in_si(p_max);
    volts_per_ampere_ = units::in_si(v_max) / units::in_si(i_max);
    volts_per_watt_ = units::in_si(v_max) / units::in_si(p_max);
  }

  /// V_max / I_max [ohm] and V_max / P_max [V/W]: the scales of dv/dx and dv/dp, computed once.
  [[nodiscard]] units::resistance voltage_per_current() const noexcept {
    return units::as<units::resistance>(volts_per_ampere_);
  }
  /// V_max / P_max [V/W].
  [[nodiscard]] units::responsivity voltage_per_power() const noexcept {
    return units::as<units::responsivity>(volts_per_watt_);
  }

  /// Dimensionless coordinates (p, x) = (P / P_max, I / I_max) of a drive point. A NaN or
  /// negative power or a NaN current throws invalid_parameter; the check is one predicted branch.
  [[nodiscard]] std::pair<double, double> normalize(units::power p, units::current i) const {
    const double pn = units::in_si(p) * inverse_max_power_;
    const double xn = units::in_si(i) * inverse_max_current_;
    if (!(pn >= 0.0 && pn <= std::numeric_limits<double>::max()) ||
        !(std::abs(xn) <= std::numeric_limits<double>::max())) [[unlikely]]
      reject(p, i);
    return {pn, xn};
  }

  /// (p, x) without the range check. Precondition: P finite and >= 0, I finite.
  [[nodiscard]] std::pair<double, double> normalize_unchecked(units::power p, units::current i) const noexcept {
    return {units::in_si(p) * inverse_max_power_, units::in_si(i) * inverse_max_current_};
  }

 private:
  [[noreturn, gnu::cold, gnu::noinline]] static void reject(units::power p, units::current i) {
    detail::require_non_negative("laser power P [W]", units::in_si(p));
    detail::require_finite("bias current I [A]", units::in_si(i));
    throw error("spinaptic: drive point out of range");
  }
  double inverse_max_current_ = 0.0;
  double inverse_max_power_ = 0.0;
  double volts_per_ampere_ = 0.0;
  double volts_per_watt_ = 0.0;
};

}  // namespace spinaptic::device
