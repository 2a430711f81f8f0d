// spinaptic/device/mtj.hpp: mtj<...> composes a thermoelectric response, a resistance model,
// a heating model and a magnetic-state policy into one junction type.
#pragma once

#include <cstddef>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/resistance.hpp"
#include "spinaptic/device/response_surface.hpp"
#include "spinaptic/device/thermal.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Sampled time trace of a hybrid-driven junction; arrays hold SI doubles (s, A, W, K, V).
struct voltage_trace {
  xt::xtensor<double, 1> time;  ///< t [s]
  xt::xtensor<double, 1> current;  ///< I [A]
  xt::xtensor<double, 1> laser_power;  ///< P [W]
  xt::xtensor<double, 1> temperature_difference;  ///< dT [K]
  xt::xtensor<double, 1> voltage;  ///< terminal voltage [V]
  xt::xtensor<bool, 1> laser_on;  ///< laser on at t
};

/// One magnetic tunnel junction. Structure (which physics) is in the template arguments,
/// parameters (which numbers) in the members, so a parameter sweep never recompiles.
///
///   V_terminal(P, I) = I R_s(V) + V_s(P, I)
/// with R_s from the resistance model and the thermovoltage V_s from the thermoelectric response
/// (the bias-enhanced TMS surface by default), s the state reported by the state policy.
template <thermoelectric_response Response = bias_enhanced_tms<1>,
          resistance_model Resistance = tmr_resistance,
          heating_model Heating = laser_heating,
          state_model State = fixed_state>
struct mtj {
  /// the response policy
  using response_type = Response;
  /// the resistance policy
  using resistance_type = Resistance;
  /// the heating policy
  using heating_type = Heating;
  /// the magnetic-state policy
  using state_type = State;

  Response response;  ///< thermoelectric response V_s(P, I)
  Resistance resistance_model;  ///< R(state, V) (and T for a temperature-dependent model)
  Heating heating;  ///< temperature difference across the barrier
  thermal_response thermal;  ///< first-order thermal lag of simulate()
  State magnetization{};  ///< magnetic-state policy

  /// The magnetic state reported by the state policy.
  [[nodiscard]] magnetic_state state() const noexcept { return magnetization.state(); }

  /// Thermovoltage V_s(P, I) [V] (what a lock-in at the laser modulation reads as V_AC). A
  /// composed_response (derived_bias_enhanced_tms) computes it through this junction's own
  /// `resistance_model` and `heating` members; a calibrated surface (bias_enhanced_tms,
  /// measured_tms) is a fit of measured V(P, I) and ignores them (docs/physics.md section 5).
  [[nodiscard]] units::voltage thermovoltage(units::power p, units::current i) const {
    if constexpr (composed_response<Response, Resistance, Heating>)
      return response.thermovoltage(state(), p, i, resistance_model, heating);
    else
      return response.thermovoltage(state(), p, i);
  }
  /// dV_s/dI [ohm], analytic, through the same policies as thermovoltage().
  [[nodiscard]] units::resistance dV_dI(units::power p, units::current i) const {
    if constexpr (composed_response<Response, Resistance, Heating>)
      return response.dV_dI(state(), p, i, resistance_model, heating);
    else
      return response.dV_dI(state(), p, i);
  }
  /// dV_s/dP [V/W], analytic, through the same policies as thermovoltage().
  [[nodiscard]] units::responsivity dV_dP(units::power p, units::current i) const {
    if constexpr (composed_response<Response, Resistance, Heating>)
      return response.dV_dP(state(), p, i, resistance_model, heating);
    else
      return response.dV_dP(state(), p, i);
  }
  /// Bias voltage V = I R_s(V) [V], self-consistent with the bias-dependent TMR.
  [[nodiscard]] units::voltage bias_voltage(units::current i) const {
    return resistance_model.bias_voltage(state(), i);
  }
  /// Resistance at bias current I [ohm].
  [[nodiscard]] units::resistance resistance(units::current i) const {
    return resistance_model.resistance(state(), bias_voltage(i));
  }
  /// Terminal voltage I R + V_s [V].
  [[nodiscard]] units::voltage terminal_voltage(units::power p, units::current i) const {
    return bias_voltage(i) + thermovoltage(p, i);
  }
  /// Steady temperature difference across the barrier [K].
  [[nodiscard]] units::temperature temperature_difference(units::power p, units::current i) const {
    return heating.temperature_difference(p, i, resistance(i));
  }

  /// Time trace under a hybrid drive, sampled every `dt` for `steps` samples starting at t = 0.
  /// The laser heats the barrier with the first-order lag of `thermal` (exact exponential step):
  /// the response surface, measured quasi-statically, is evaluated at the lagged laser power
  /// P_eff, tau dP_eff/dt = P(t) - P_eff, with P_eff(0) = P(0). dT(t) = zeta P_eff + R_J I^2 R.
  template <hybrid_drive Drive>
  [[nodiscard]] voltage_trace simulate(const Drive& drive, units::time dt, std::size_t steps) const {
    detail::require_positive("time step dt [s]", units::in_si(dt));
    if (steps == 0) throw invalid_parameter("steps", 0.0, ">= 1");
    voltage_trace tr;
    for (auto* a : {&tr.time, &tr.current, &tr.laser_power, &tr.temperature_difference, &tr.voltage})
      a->resize({steps});
    tr.laser_on.resize({steps});
    const double decay = thermal.decay(units::in_si(dt));
    double p_eff = units::in_si(drive.power_at(0.0 * units::second));
    for (std::size_t n = 0; n < steps; ++n) {
      const units::time t = static_cast<double>(n) * dt;
      const units::current i = drive.current_at(t);
      const double p_now = units::in_si(drive.power_at(t));
      if (n > 0) p_eff = p_now + (p_eff - p_now) * decay;  // exact step over (t - dt, t]
      const units::power pe = units::as<units::power>(p_eff);
      tr.time(n) = units::in_si(t);
      tr.current(n) = units::in_si(i);
      tr.laser_power(n) = p_now;
      tr.temperature_difference(n) = units::in_si(temperature_difference(pe, i));
      tr.voltage(n) = units::in_si(terminal_voltage(pe, i));
      tr.laser_on(n) = drive.laser_on(t);
    }
    return tr;
  }
};

}  // namespace spinaptic::device
