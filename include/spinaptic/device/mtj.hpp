// spinaptic/device/mtj.hpp: mtj<...> composes a thermoelectric response, a resistance model,
// a heating model, a magnetic-state policy and the thermal dynamics into one junction type.
#pragma once

#include <cstddef>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/bound_response.hpp"
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

namespace detail_mtj {
/// The response takes part in the junction, or the junction does not compile (no silent fallback):
/// a calibrated surface says so (is_calibrated_surface) and must be a full thermoelectric_response;
/// any other response must be a composed_response through this junction's Resistance and Heating.
template <class Response, class Resistance, class Heating>
consteval bool response_takes_part() {
  // the declaration counts, not the member's presence: is_calibrated_surface = false means composed
  if constexpr (requires { requires Response::is_calibrated_surface == true; }) {
    static_assert(thermoelectric_response<Response>,
                  "mtj: a response that declares is_calibrated_surface must satisfy thermoelectric_response "
                  "(thermovoltage, dV_dI, dV_dP and max_current/max_power/max_voltage)");
    return true;
  } else {
    static_assert(composed_response<Response, Resistance, Heating>,
                  "mtj: Response is not a calibrated_surface, so it must be a composed_response evaluated through "
                  "this junction's Resistance and Heating; derived_bias_enhanced_tms needs a "
                  "temperature_dependent_resistance and a Heating that satisfies thermal_network_model");
    return true;
  }
}
}  // namespace detail_mtj

/// One magnetic tunnel junction. Structure (which physics) is in the template arguments,
/// parameters (which numbers) in the members, so a parameter sweep never recompiles. Each part lives
/// here once: the resistance, the heating, the thermal dynamics and the magnetic state are members;
/// a composed response (derived_bias_enhanced_tms) holds only its Seebeck and Peltier parts and is
/// evaluated through these members; a calibrated surface (bias_enhanced_tms, measured_tms) declares
/// that it ignores them (docs/physics.md section 5.2).
///
///   V_terminal(P, I) = I R_s(V) + V_s(P, I)
/// with R_s from the resistance model and the thermovoltage V_s from the response, s the state
/// reported by the state policy.
template <class Response = bias_enhanced_tms<1>, resistance_model Resistance = tmr_resistance,
          heating_model Heating = laser_heating, state_model State = fixed_state,
          thermal_dynamics_model Dynamics = thermal_response>
struct mtj {
  static_assert(detail_mtj::response_takes_part<Response, Resistance, Heating>());
  /// the response policy
  using response_type = Response;
  /// the resistance policy
  using resistance_type = Resistance;
  /// the heating policy
  using heating_type = Heating;
  /// the magnetic-state policy
  using state_type = State;
  /// the thermal-dynamics policy
  using dynamics_type = Dynamics;
  /// Whether the response is computed through this junction's resistance and heating.
  static constexpr bool composed = !calibrated_surface<Response>;
  /// What a network built on this junction trains on: the surface itself, or the composed response
  /// bound to this junction (network_response()).
  using network_response_type = std::conditional_t<composed, bound_response<mtj>, Response>;

  Response response;  ///< thermoelectric response V_s(P, I) (its own parts only)
  Resistance resistance_model;  ///< R(state, V) (and T for a temperature-dependent model)
  Heating heating;  ///< temperature difference across the barrier
  Dynamics thermal;  ///< thermal dynamics of simulate() and of the read pulse
  State magnetization{};  ///< magnetic-state policy

  /// The magnetic state reported by the state policy.
  [[nodiscard]] magnetic_state state() const noexcept { return magnetization.state(); }

  /// Thermovoltage V_s(P, I) [V] (what a lock-in at the laser modulation reads as V_AC), through
  /// this junction's resistance and heating for a composed response; the surface for a calibrated one.
  [[nodiscard]] units::voltage thermovoltage(units::power p, units::current i) const {
    if constexpr (composed) return response.thermovoltage(state(), p, i, resistance_model, heating);
    else return response.thermovoltage(state(), p, i);
  }
  /// dV_s/dI [ohm], analytic, through the same policies as thermovoltage().
  [[nodiscard]] units::resistance dV_dI(units::power p, units::current i) const {
    if constexpr (composed) return response.dV_dI(state(), p, i, resistance_model, heating);
    else return response.dV_dI(state(), p, i);
  }
  /// dV_s/dP [V/W], analytic, through the same policies as thermovoltage().
  [[nodiscard]] units::responsivity dV_dP(units::power p, units::current i) const {
    if constexpr (composed) return response.dV_dP(state(), p, i, resistance_model, heating);
    else return response.dV_dP(state(), p, i);
  }
  /// The thermovoltage [V] while the barrier has seen the lagged laser power P_fast and the heat sink
  /// P_slow (the two channels of the thermal dynamics). A calibrated surface is a quasi-static fit
  /// with one lag, so it takes a single-channel dynamics only (fast = slow).
  [[nodiscard]] units::voltage transient_thermovoltage(units::power fast, units::power slow, units::current i) const {
    if constexpr (composed) {
      return response.transient_voltage(state(), fast, slow, i, resistance_model, heating);
    } else {
      static_assert(Dynamics::channels == 1,
                    "mtj: a calibrated_surface is evaluated at one lagged power; give it a single-channel "
                    "thermal_dynamics_model (thermal_response)");
      (void)slow;
      return response.thermovoltage(state(), fast, i);
    }
  }
  /// The thermovoltage [V] a time t after the laser steps from 0 to P at constant current I,
  /// through the junction's thermal dynamics.
  [[nodiscard]] units::voltage step_thermovoltage(units::power p, units::current i, units::time t) const {
    const auto g = thermal.step_fractions(units::in_si(t));
    return transient_thermovoltage(g.fast * p, g.slow * p, i);
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

  /// The response a network built on this junction trains on (crossbar): the calibrated surface
  /// itself, or the composed response bound to a copy of this junction (bound_response), so that
  /// the network's column voltages are sums of what thermovoltage() reports.
  [[nodiscard]] network_response_type network_response() const {
    if constexpr (composed) return bound_response<mtj>(*this);
    else return response;
  }

  /// Time trace under a hybrid drive, sampled every `dt` for `steps` samples starting at t = 0,
  /// through the junction's thermal dynamics. The drive's power is piecewise constant, P(t_n) on
  /// (t_{n-1}, t_n], and settled at P(0) before t = 0; by the linearity of the heat equation the
  /// lagged powers of the two channels are the superposition of step responses,
  ///   P_c(t_n) = P(0) + sum_{k=1..n} [P(t_k) - P(t_{k-1})] g_c(t_n - t_{k-1}),   c = fast, slow,
  /// and V(t_n) = I R(I) + transient_thermovoltage(P_fast, P_slow, I); the barrier's temperature
  /// difference follows the fast channel, dT = heating(P_fast, I). Cost per sample: O(1) for an
  /// exponential_thermal_dynamics (one lag stepped exactly: the same sum); O(modes) for a
  /// modal_thermal_dynamics (pillar_half_space_response, about 80 modes: each stepped exactly,
  /// the sum to within modes(dt).max_error = 1e-7 of the drive's total power variation); for any
  /// other thermal_dynamics_model O(power changes so far), so steps x changes in all, quadratic in
  /// the steps for a smoothly varying drive (a Gaussian pulse).
  /// `steps` whose trace exceeds 2^40 bytes, or cannot be allocated, throws invalid_parameter.
  template <hybrid_drive Drive>
  [[nodiscard]] voltage_trace simulate(const Drive& drive, units::time dt, std::size_t steps) const {
    detail::require_positive("time step dt [s]", units::in_si(dt));
    if (steps == 0) throw invalid_parameter("steps", 0.0, ">= 1");
    // five traces of doubles, one of bools, two of power-change history
    constexpr std::size_t bytes_per_step = 7 * sizeof(double) + sizeof(bool) + sizeof(std::size_t);
    constexpr std::size_t max_steps = (std::size_t{1} << 40) / bytes_per_step;  // a trace of at most 1 TiB
    if (steps > max_steps)
      throw invalid_parameter("simulate steps", double(steps),
                              "<= " + std::to_string(max_steps) + " (a trace of at most 2^40 bytes)");
    voltage_trace tr;
    xt::xtensor<double, 1> change_size, change_time;
    try {
      for (auto* a : {&tr.time, &tr.current, &tr.laser_power, &tr.temperature_difference, &tr.voltage,
                      &change_size, &change_time})
        a->resize({steps});
      tr.laser_on.resize({steps});
    } catch (const std::bad_alloc&) {
      throw invalid_parameter("simulate steps", double(steps), "a count whose trace fits in memory");
    } catch (const std::length_error&) {
      throw invalid_parameter("simulate steps", double(steps), "a count whose trace fits in memory");
    }
    const double h = units::in_si(dt);
    const double p0 = units::in_si(drive.power_at(0.0 * units::second));
    double p_prev = p0, lagged = p0, p_sample = p0;
    [[maybe_unused]] double decay = 1.0;
    if constexpr (exponential_thermal_dynamics<Dynamics>) decay = thermal.decay(h);
    // modal dynamics: per mode j its weight a_j, decay exp(-r_j h) and the sum
    // S_j(t_n) = sum_k dP_k exp(-r_j (t_n - t_{k-1})) = exp(-r_j h) (S_j(t_{n-1}) + dP_n)
    [[maybe_unused]] std::vector<double> mode_weight, mode_decay, mode_sum;
    [[maybe_unused]] std::size_t fast_modes = 0;
    if constexpr (modal_thermal_dynamics<Dynamics>) {
      const auto m = thermal.modes(h);
      fast_modes = m.fast.size();
      for (const auto* channel : {&m.fast, &m.slow})
        for (const auto& mode : *channel) {
          mode_weight.push_back(mode.weight);
          mode_decay.push_back(std::exp(-mode.rate * h));
        }
      mode_sum.assign(mode_weight.size(), 0.0);
    }
    std::size_t changes = 0;
    for (std::size_t n = 0; n < steps; ++n) {
      const units::time t = static_cast<double>(n) * dt;
      const double tn = units::in_si(t);
      const units::current i = drive.current_at(t);
      const double p_now = units::in_si(drive.power_at(t));
      [[maybe_unused]] const double p_last = p_sample;
      p_sample = p_now;
      if (n > 0 && p_now != p_prev) {  // the step P(t_n) - P(t_{n-1}) starts at t_{n-1}
        change_size(changes) = p_now - p_prev;
        change_time(changes) = tn - h;
        ++changes;
        p_prev = p_now;
      }
      double fast = p0, slow = p0;
      if constexpr (exponential_thermal_dynamics<Dynamics>) {
        // one exponential lag: the exact step p_eff(t_n) = P(t_n) + (p_eff(t_{n-1}) - P(t_n)) exp(-h/tau),
        // the same sum as below in O(1)
        if (n > 0) lagged = p_now + (lagged - p_now) * decay;
        fast = slow = lagged;
      } else if constexpr (modal_thermal_dynamics<Dynamics>) {
        // P_c(t_n) = P(t_n) - sum_j a_j S_j(t_n) over the modes of channel c
        const double dp = n > 0 ? p_now - p_last : 0.0;
        fast = slow = p_now;
        for (std::size_t j = 0; j < mode_sum.size(); ++j) {
          mode_sum[j] = mode_decay[j] * (mode_sum[j] + dp);
          (j < fast_modes ? fast : slow) -= mode_weight[j] * mode_sum[j];
        }
      } else {
        for (std::size_t k = 0; k < changes; ++k) {
          const auto g = thermal.step_fractions(tn - change_time(k));
          fast += change_size(k) * g.fast;
          slow += change_size(k) * g.slow;
        }
      }
      // round-off of the sums must not make a settled-off power slightly negative
      const units::power pf = units::as<units::power>(fast > 0.0 ? fast : 0.0);
      const units::power ps = units::as<units::power>(slow > 0.0 ? slow : 0.0);
      tr.time(n) = tn;
      tr.current(n) = units::in_si(i);
      tr.laser_power(n) = p_now;
      tr.temperature_difference(n) = units::in_si(temperature_difference(pf, i));
      tr.voltage(n) = units::in_si(bias_voltage(i) + transient_thermovoltage(pf, ps, i));
      tr.laser_on(n) = drive.laser_on(t);
    }
    return tr;
  }
};

// the shipped dynamics: the single lag takes the O(1) exact step, the half-space sink the superposition
static_assert(exponential_thermal_dynamics<thermal_response>);
static_assert(thermal_dynamics_model<pillar_half_space_response> &&
              !exponential_thermal_dynamics<pillar_half_space_response> &&
              modal_thermal_dynamics<pillar_half_space_response>);

}  // namespace spinaptic::device
