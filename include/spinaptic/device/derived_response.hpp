// spinaptic/device/derived_response.hpp: the bias-enhanced TMS response derived from the junction's
// physics: the lock-in signal V_AC(P, I) = V(laser on) - V(laser off) computed through the
// junction's temperature-dependent resistance and thermal network, and the response's own
// bias-dependent Seebeck coefficient and Peltier policy (docs/physics.md section 5).
#pragma once

#include <cmath>
#include <string>

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/resistance.hpp"
#include "spinaptic/device/thermal_stack.hpp"
#include "spinaptic/device/thermoelectric.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// One evaluation of the lock-in signal and its exact derivatives, raw SI.
struct lock_in_point {
  double voltage = 0.0;  ///< V_AC [V]
  double dv_di = 0.0;    ///< dV_AC/dI [V/A]
  double dv_dp = 0.0;    ///< dV_AC/dP [V/W]
  double temperature_off = 0.0;  ///< mean electrode temperature with the laser off [K]
  double temperature_on = 0.0;   ///< mean electrode temperature with the laser on [K]
};

/// The lock-in signal of a junction at laser power P [W] and bias current I [A], raw SI, through
/// its policies (docs/physics.md section 5):
///
///   Joule and Peltier heat at the ambient T0:  V0 = I R_s(V0, T0),  P_J = I V0,  Pi = Pi(S_s(0, T0), T0)
///     Q_top = P_J/2 - Pi I,  Q_bottom = P_J/2 + Pi I   (+ eta P at the top while the laser is on)
///   temperatures (linear network):  T = T0 [+ r_s P] + mean rise(Q),  dT = T_top - T_bottom
///   junction voltage:  V = V_b - S_s(V_b, T) dT,   V_b = I R_s(V_b, T)
///   V_AC(P, I) = V(laser on) - V(laser off)
///
/// dV_AC/dI and dV_AC/dP follow from the implicit-function theorem on V_b = I R(V_b, T):
///   dV_b = (R dI + I dR/dT dT) / (1 - I dR/dV).
/// The Joule heat is evaluated at T0 (its change with the laser's temperature rise is second order
/// in the rise, dR/dT dT / R, and is left out); that keeps the model explicit and the derivatives
/// exact for the model as stated.
///
/// The overload with two powers takes the laser power as seen by the pillar's top electrode
/// (p_top, the fast channel) and by the heat sink (p_sink, the slow channel) separately, for
/// transients (pillar_half_space_response); dv_dp is then the derivative for p_top = p_sink = P.
template <class Resistance, class Heating, class Seebeck, class Peltier>
  requires temperature_dependent_resistance<Resistance> && thermal_network_model<Heating> &&
           seebeck_model<Seebeck> && peltier_model<Peltier>
[[nodiscard]] lock_in_point lock_in_signal(const Resistance& resistance, const Heating& heating,
                                           const Seebeck& seebeck, const Peltier& peltier, magnetic_state s,
                                           double p_top, double p_sink, double current, double ambient) noexcept {
  const thermal_coefficients& c = heating.coefficients();
  // Joule and Peltier heat, from the bias at the ambient temperature.
  const double v0 = resistance.bias_voltage_raw(s, current, ambient);
  const auto r0 = resistance.partials(s, v0, ambient);
  const double dv0_di = r0.value / (1.0 - current * r0.d_dv);
  const double joule = current * v0, djoule_di = v0 + current * dv0_di;
  const double s0 = seebeck.partials(s, 0.0, ambient).value;
  const double pi = units::in_si(peltier.peltier_coefficient(units::as<units::seebeck_coefficient>(s0),
                                                             units::as<units::temperature>(ambient)));
  const double q_top = 0.5 * joule - pi * current, q_bottom = 0.5 * joule + pi * current;
  const double dq_top = 0.5 * djoule_di - pi, dq_bottom = 0.5 * djoule_di + pi;
  const double rise_off = c.mean_per_top * q_top + c.mean_per_bottom * q_bottom;
  const double diff_off = c.difference_per_top * q_top + c.difference_per_bottom * q_bottom;
  const double drise_di = c.mean_per_top * dq_top + c.mean_per_bottom * dq_bottom;
  const double ddiff_di = c.difference_per_top * dq_top + c.difference_per_bottom * dq_bottom;
  const double drise_dtop = c.mean_per_top * c.laser_top_fraction, drise_dsink = c.laser_sink_rise;
  const double drise_dp = drise_dsink + drise_dtop;
  const double ddiff_dp = c.difference_per_top * c.laser_top_fraction;

  // V = V_b - S(V_b, T) dT at one laser state, with its derivatives.
  auto branch = [&](double kelvin, double diff, double dt_di, double dd_di, double dt_dp, double dd_dp) {
    const double vb = resistance.bias_voltage_raw(s, current, kelvin);
    const auto r = resistance.partials(s, vb, kelvin);
    const double den = 1.0 - current * r.d_dv;
    const double dvb_di = (r.value + current * r.d_dt * dt_di) / den;
    const double dvb_dp = current * r.d_dt * dt_dp / den;
    const auto sp = seebeck.partials(s, vb, kelvin);
    return lock_in_point{vb - sp.value * diff,
                         dvb_di - (sp.d_dv * dvb_di + sp.d_dt * dt_di) * diff - sp.value * dd_di,
                         dvb_dp - (sp.d_dv * dvb_dp + sp.d_dt * dt_dp) * diff - sp.value * dd_dp, kelvin, kelvin};
  };
  const lock_in_point off = branch(ambient + rise_off, diff_off, drise_di, ddiff_di, 0.0, 0.0);
  const lock_in_point on = branch(ambient + rise_off + drise_dtop * p_top + drise_dsink * p_sink,
                                  diff_off + ddiff_dp * p_top, drise_di, ddiff_di, drise_dp, ddiff_dp);
  return {on.voltage - off.voltage, on.dv_di - off.dv_di, on.dv_dp - off.dv_dp, ambient + rise_off,
          ambient + rise_off + drise_dtop * p_top + drise_dsink * p_sink};
}

/// The steady lock-in signal: lock_in_signal with p_top = p_sink = laser_power.
template <class Resistance, class Heating, class Seebeck, class Peltier>
  requires temperature_dependent_resistance<Resistance> && thermal_network_model<Heating> &&
           seebeck_model<Seebeck> && peltier_model<Peltier>
[[nodiscard]] lock_in_point lock_in_signal(const Resistance& resistance, const Heating& heating,
                                           const Seebeck& seebeck, const Peltier& peltier, magnetic_state s,
                                           double laser_power, double current, double ambient) noexcept {
  return lock_in_signal(resistance, heating, seebeck, peltier, s, laser_power, laser_power, current, ambient);
}

/// Physics-derived bias-enhanced TMS response: V_AC(P, I) of lock_in_signal() evaluated through the
/// resistance and heating of the junction it belongs to (a composed_response: mtj passes its own
/// members, so each part of the junction lives in one place). It holds only what is its own: the
/// Seebeck and Peltier policies, the readout scale (x = I/I_max, p = P/P_max, v = V/V_max) and the
/// ambient temperature T0. The crossbar takes it as mtj::network_response() (bound_response), so
/// what a network trains on is what the junction reports. The scale is a readout convention (the
/// full scale of Fig. 4d of Oberbauer et al. 2025), not a fit: changing a stack parameter changes v.
///
/// Requirements on the junction: a temperature_dependent_resistance and a heating that is a
/// thermal_network_model; a junction with another heating does not compile (mtj names the concept).
/// Inside the unit-checked API a drive whose electrode temperatures leave the resistance's
/// valid_temperatures() throws invalid_parameter naming the limit (docs/physics.md section 3).
template <class Seebeck = bias_dependent_seebeck, class Peltier = kelvin_peltier>
  requires seebeck_model<Seebeck> && peltier_model<Peltier>
class derived_bias_enhanced_tms {
 public:
  using seebeck_type = Seebeck;        ///< S(state, V, T) policy
  using peltier_type = Peltier;        ///< Peltier policy

  /// The readout scale, the Seebeck and Peltier policies and the ambient temperature T0 [K].
  derived_bias_enhanced_tms(response_scale scale, Seebeck seebeck, Peltier peltier, units::temperature ambient)
      : scale_(scale), seebeck_(seebeck), peltier_(peltier),
        ambient_(detail::require_positive("ambient temperature T0 [K]", units::in_si(ambient))),
        i_max_(units::in_si(scale.max_current)), p_max_(units::in_si(scale.max_power)),
        inverse_v_max_(1.0 / units::in_si(scale.max_voltage)) {}

  /// The readout scale (I_max, P_max, V_max).
  [[nodiscard]] const response_scale& scale() const noexcept { return scale_; }
  /// I_max [A].
  [[nodiscard]] units::current max_current() const noexcept { return scale_.max_current; }
  /// P_max [W].
  [[nodiscard]] units::power max_power() const noexcept { return scale_.max_power; }
  /// V_max [V] (the normalisation; the model's own corner value is thermovoltage(AP, P_max, I_max)).
  [[nodiscard]] units::voltage max_voltage() const noexcept { return scale_.max_voltage; }
  /// The Seebeck policy.
  [[nodiscard]] const Seebeck& seebeck() const noexcept { return seebeck_; }
  /// The Peltier policy.
  [[nodiscard]] const Peltier& peltier() const noexcept { return peltier_; }
  /// Ambient (heat-sink) temperature T0 [K].
  [[nodiscard]] units::temperature ambient_temperature() const noexcept {
    return units::as<units::temperature>(ambient_);
  }

  // ---- raw kernels through a junction's resistance and heating: p, x; result in V_max ------------
  /// v(p, x) = V_AC(p P_max, x I_max) / V_max. Precondition: the drive is inside the valid range.
  template <temperature_dependent_resistance R, thermal_network_model H>
  [[nodiscard]] double normalized(magnetic_state s, double p, double x, const R& r, const H& h) const noexcept {
    return point(s, p, x, r, h).voltage * inverse_v_max_;
  }
  /// dv/dx = (I_max / V_max) dV_AC/dI, analytic.
  template <temperature_dependent_resistance R, thermal_network_model H>
  [[nodiscard]] double normalized_dx(magnetic_state s, double p, double x, const R& r, const H& h) const noexcept {
    return point(s, p, x, r, h).dv_di * i_max_ * inverse_v_max_;
  }
  /// dv/dp = (P_max / V_max) dV_AC/dP, analytic.
  template <temperature_dependent_resistance R, thermal_network_model H>
  [[nodiscard]] double normalized_dp(magnetic_state s, double p, double x, const R& r, const H& h) const noexcept {
    return point(s, p, x, r, h).dv_dp * p_max_ * inverse_v_max_;
  }

  // ---- the unit-checked API, through a junction's resistance and heating ---------------------
  /// V_AC(P, I) [V].
  template <temperature_dependent_resistance R, thermal_network_model H>
  [[nodiscard]] units::voltage thermovoltage(magnetic_state s, units::power p, units::current i, const R& r,
                                             const H& h) const {
    return units::as<units::voltage>(checked(s, p, p, i, r, h).voltage);
  }
  /// dV_AC/dI [ohm], analytic.
  template <temperature_dependent_resistance R, thermal_network_model H>
  [[nodiscard]] units::resistance dV_dI(magnetic_state s, units::power p, units::current i, const R& r,
                                        const H& h) const {
    return units::as<units::resistance>(checked(s, p, p, i, r, h).dv_di);
  }
  /// dV_AC/dP [V/W], analytic.
  template <temperature_dependent_resistance R, thermal_network_model H>
  [[nodiscard]] units::responsivity dV_dP(magnetic_state s, units::power p, units::current i, const R& r,
                                          const H& h) const {
    return units::as<units::responsivity>(checked(s, p, p, i, r, h).dv_dp);
  }
  /// Transient signal V(t) - V(laser off) [V] while the barrier has seen the lagged power P_fast and
  /// the heat sink P_slow (a thermal_dynamics_model's two channels); equals thermovoltage() when
  /// both equal P.
  template <temperature_dependent_resistance R, thermal_network_model H>
  [[nodiscard]] units::voltage transient_voltage(magnetic_state s, units::power fast, units::power slow,
                                                 units::current i, const R& r, const H& h) const {
    return units::as<units::voltage>(checked(s, fast, slow, i, r, h).voltage);
  }

 private:
  template <class R, class H>
  [[nodiscard]] lock_in_point point(magnetic_state s, double p, double x, const R& r, const H& h) const noexcept {
    return lock_in_signal(r, h, seebeck_, peltier_, s, p * p_max_, x * i_max_, ambient_);
  }
  template <class R, class H>
  [[nodiscard]] lock_in_point checked(magnetic_state s, units::power fast, units::power slow, units::current i,
                                      const R& r, const H& h) const {
    (void)scale_.normalize(fast, i);  // throws invalid_parameter for a NaN or negative power, NaN current
    (void)scale_.normalize(slow, i);
    const lock_in_point pt = lock_in_signal(r, h, seebeck_, peltier_, s, units::in_si(fast), units::in_si(slow),
                                            units::in_si(i), ambient_);
    const auto lim = r.valid_temperatures();
    for (double t : {pt.temperature_off, pt.temperature_on}) {
      if (!(t < lim.high))
        throw invalid_parameter("junction temperature T [K]", t,
                                std::string("< ") + std::to_string(lim.high) + " K, where " + r.upper_limit_name() +
                                    " (docs/physics.md section 3)");
      if (!(t > lim.low))
        throw invalid_parameter("junction temperature T [K]", t,
                                std::string("> ") + std::to_string(lim.low) +
                                    " K, where R_P(T), TMR0(T) and V_h(T) stay positive (docs/physics.md section 3)");
    }
    return pt;
  }

  response_scale scale_;
  Seebeck seebeck_;
  Peltier peltier_;
  double ambient_;
  double i_max_, p_max_, inverse_v_max_;
};

static_assert(composed_response<derived_bias_enhanced_tms<>, thermal_tmr_resistance, thermal_stack>,
              "the derived response is evaluated through a junction's resistance and heating");
static_assert(!calibrated_surface<derived_bias_enhanced_tms<>>);
static_assert(temperature_dependent_resistance<thermal_tmr_resistance>);
static_assert(thermal_network_model<thermal_stack> && heating_model<thermal_stack>);
static_assert(seebeck_model<bias_dependent_seebeck> && seebeck_model<tunnel_magneto_seebeck>);
static_assert(peltier_model<no_peltier> && peltier_model<kelvin_peltier>);

}  // namespace spinaptic::device
