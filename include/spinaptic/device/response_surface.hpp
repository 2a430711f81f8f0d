// spinaptic/device/response_surface.hpp: the bias-enhanced TMS response surface V_s(P, I),
// polynomial in laser power and cubic in bias current, with analytic derivatives.
#pragma once

#include <array>
#include <cstddef>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/thermoelectric.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Bias-enhanced tunnel magneto-Seebeck response (bTMS; Boehnke et al., Sci. Rep. 5, 8945 (2015)):
///
///   V_s(P, I) = V_max * sum_{m=1..M} sum_{k=0..3} c^s_{mk} p^m x^k,   x = I/I_max, p = P/P_max
///
/// cubic in the bias current (Oberbauer et al. 2025, abstract: "cubic dependence on bias current")
/// and a polynomial of order M in the laser power, one coefficient matrix per magnetic state s.
/// Odd-k terms change sign with the current, which makes bipolar currents signed weights.
/// The sum factorises, V = V_max sum_m p^m G_m(x) with G_m(x) = sum_k c_mk x^k, which is what the
/// crossbar kernels use.
///
/// This is a calibrated surface: a fit of measured V(P, I) that ignores the junction's heating and
/// Seebeck policies (an mtj with this response reports the surface whatever its stack; the
/// physics-derived alternative is derived_bias_enhanced_tms). The paper does not publish c_mk; the
/// defaults (see `paper_default`) are documented project choices (docs/physics.md section 5.1).
template <std::size_t PowerOrder = 1>
class bias_enhanced_tms {
 public:
  static_assert(PowerOrder >= 1, "the response needs at least the linear laser-power term");
  static constexpr std::size_t power_order = PowerOrder;  ///< M
  static constexpr std::size_t current_order = 3;         ///< cubic in x
  /// A calibrated surface (concept calibrated_surface): it ignores the junction's resistance and
  /// heating by declaration.
  static constexpr bool is_calibrated_surface = true;
  using coefficient_row = std::array<double, current_order + 1>;   ///< c_m0 .. c_m3
  using coefficient_matrix = std::array<coefficient_row, PowerOrder>;  ///< rows m = 1..M

  /// The readout scale and the coefficient matrices c^P_mk, c^AP_mk (finite; rows m = 1..M).
  bias_enhanced_tms(response_scale scale, const coefficient_matrix& parallel_coefficients,
                    const coefficient_matrix& antiparallel_coefficients)
      : scale_(scale), coefficients_{parallel_coefficients, antiparallel_coefficients} {
    for (const auto& matrix : coefficients_)
      for (const auto& row : matrix)
        for (double c : row) detail::require_finite("response coefficient c_mk", c);
  }

  /// The readout scale (I_max, P_max, V_max).
  [[nodiscard]] const response_scale& scale() const noexcept { return scale_; }
  /// I_max [A].
  [[nodiscard]] units::current max_current() const noexcept { return scale_.max_current; }
  /// P_max [W].
  [[nodiscard]] units::power max_power() const noexcept { return scale_.max_power; }
  /// V_max [V].
  [[nodiscard]] units::voltage max_voltage() const noexcept { return scale_.max_voltage; }
  /// The coefficient matrix c^s_mk of state s.
  [[nodiscard]] const coefficient_matrix& coefficients(magnetic_state s) const noexcept {
    return coefficients_[static_cast<std::size_t>(s)];
  }

  // ---- raw kernels: dimensionless p, x; result in units of V_max --------------------------
  /// G_m(x) = sum_k c_mk x^k (Horner).
  [[nodiscard]] static constexpr double polynomial(const coefficient_row& c, double x) noexcept {
    return ((c[3] * x + c[2]) * x + c[1]) * x + c[0];
  }
  /// dG_m/dx = c_m1 + 2 c_m2 x + 3 c_m3 x^2.
  [[nodiscard]] static constexpr double polynomial_derivative(const coefficient_row& c, double x) noexcept {
    return (3.0 * c[3] * x + 2.0 * c[2]) * x + c[1];
  }

  /// v(p, x) = V / V_max.
  [[nodiscard]] double normalized(magnetic_state s, double p, double x) const noexcept {
    return power_series(coefficients(s), p, [x](const coefficient_row& row) { return polynomial(row, x); });
  }
  /// dv/dx.
  [[nodiscard]] double normalized_dx(magnetic_state s, double p, double x) const noexcept {
    return power_series(coefficients(s), p,
                        [x](const coefficient_row& row) { return polynomial_derivative(row, x); });
  }
  /// dv/dp.
  [[nodiscard]] double normalized_dp(magnetic_state s, double p, double x) const noexcept {
    const auto& c = coefficients(s);
    double pm1 = 1.0, sum = polynomial(c[0], x);  // pm1 = p^(m-1)
    for (std::size_t m = 1; m < PowerOrder; ++m) {
      pm1 *= p;
      sum += static_cast<double>(m + 1) * pm1 * polynomial(c[m], x);
    }
    return sum;
  }

  // ---- the unit-checked API ---------------------------------------------------------------
  /// V_s(P, I) [V].
  [[nodiscard]] units::voltage thermovoltage(magnetic_state s, units::power laser_power,
                                             units::current bias) const {
    const auto [p, x] = scale_.normalize(laser_power, bias);
    return normalized(s, p, x) * scale_.max_voltage;
  }
  /// dV/dI [V/A = ohm], analytic.
  [[nodiscard]] units::resistance dV_dI(magnetic_state s, units::power laser_power,
                                        units::current bias) const {
    const auto [p, x] = scale_.normalize(laser_power, bias);
    return normalized_dx(s, p, x) * scale_.voltage_per_current();
  }
  /// dV/dP [V/W], analytic.
  [[nodiscard]] units::responsivity dV_dP(magnetic_state s, units::power laser_power,
                                          units::current bias) const {
    const auto [p, x] = scale_.normalize(laser_power, bias);
    return normalized_dp(s, p, x) * scale_.voltage_per_power();
  }

  /// V_s(P, I) and dV/dI without the drive-point check, for loops over inputs already
  /// validated. Precondition: P finite and >= 0, I finite (violations give NaN, not an error).
  [[nodiscard]] units::voltage thermovoltage_unchecked(magnetic_state s, units::power laser_power,
                                                       units::current bias) const noexcept {
    const auto [p, x] = scale_.normalize_unchecked(laser_power, bias);
    return normalized(s, p, x) * scale_.max_voltage;
  }
  /// dV/dI [ohm] without the range check. Precondition: P finite and >= 0, I finite.
  [[nodiscard]] units::resistance dV_dI_unchecked(magnetic_state s, units::power laser_power,
                                                  units::current bias) const noexcept {
    const auto [p, x] = scale_.normalize_unchecked(laser_power, bias);
    return normalized_dx(s, p, x) * scale_.voltage_per_current();
  }

 private:
  /// sum_{m=1..M} p^m g(c_m): the first term seeds the sum (no 0.0 + ... the compiler may not fold).
  template <class RowFunction>
  [[nodiscard]] static double power_series(const coefficient_matrix& c, double p, RowFunction g) noexcept {
    double pm = p, sum = p * g(c[0]);
    for (std::size_t m = 1; m < PowerOrder; ++m) {
      pm *= p;
      sum += pm * g(c[m]);
    }
    return sum;
  }

  response_scale scale_;
  std::array<coefficient_matrix, 2> coefficients_;  // [parallel, antiparallel]
};

/// The calibrated (P, I) surface under the name that says what it is: a fit that ignores the
/// junction's heating and Seebeck policies (docs/physics.md section 5.1). Same type as
/// bias_enhanced_tms<M>.
template <std::size_t PowerOrder = 1>
using calibrated_bias_enhanced_tms = bias_enhanced_tms<PowerOrder>;

namespace paper_default {
/// Default AP-state coefficients c_1k = (0, 0.4, 0.1, 0.5): linear in p, cubic in x, summing to
/// 1 so that V_AP(P_max, I_max) = V_max. A linear term is kept because a pure x^3 response has no
/// gradient at I = 0 (docs/physics.md section 5.1, project default [D]).
inline constexpr std::array<double, 4> antiparallel_row{0.0, 0.4, 0.1, 0.5};
/// P-state response = 0.3 x the AP response, the "strong contrast between magnetic states" of the
/// abstract with a placeholder ratio (docs/physics.md section 5.1 [D]).
inline constexpr double parallel_to_antiparallel_ratio = 0.3;
}  // namespace paper_default

}  // namespace spinaptic::device
