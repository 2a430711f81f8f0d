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
  /// Sample times t [s].
  xt::xtensor<double, 1> time;
  /// Bias current I(t) [A].
  xt::xtensor<double, 1> current;
  /// Laser power P(t) [W].
  xt::xtensor<double, 1> laser_power;
  /// Temperature difference across the barrier, dT(t) [K], after the thermal lag.
  xt::xtensor<double, 1> temperature_difference;
  /// Junction voltage V(t) [V].
  xt::xtensor<double, 1> voltage;
  /// Whether the laser is on at each sample (the lock-in reference).
  xt::xtensor<bool, 1> laser_on;
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
  /// The thermoelectric response policy.
  using response_type = Response;
  /// The resistance (TMR) policy.
  using resistance_type = Resistance;
  /// The heating policy.
  using heating_type = Heating;
  /// The magnetic-state policy.
  using state_type = State;

  /// V_s(P, I): the thermovoltage response.
  Response response;
  /// R_s(V): the junction resistance.
  Resistance resistance_model;
  /// dT(P, I): laser and Joule heating.
  Heating heating;
  /// The thermal lag of dT behind the drive.
  thermal_response thermal;
  /// Where the magnetic state (P or AP) comes from.
  State magnetization{};

  /// The current magnetic state.
  [[nodiscard]] magnetic_state state() const noexcept { return magnetization.state(); }

  /// Thermovoltage V_s(P, I) [V] (what a lock-in at the laser modulation reads as V_AC).
  [[nodiscard]] units::voltage thermovoltage(units::power p, units::current i) const {
    return response.thermovoltage(state(), p, i);
  }
  /// \f$\partial V/\partial I\f$ [ohm] at laser power p and bias i, in the current state.
  [[nodiscard]] units::resistance dV_dI(units::power p, units::current i) const {
    return response.dV_dI(state(), p, i);
  }
  /// \f$\partial V/\partial P\f$ [V/W] at laser power p and bias i, in the current state.
  [[nodiscard]] units::responsivity dV_dP(units::power p, units::current i) const {
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
