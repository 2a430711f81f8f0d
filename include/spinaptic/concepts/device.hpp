// spinaptic/concepts/device.hpp: the junction families: thermoelectric response, resistance,
// heating, magnetic state, magnetization dynamics.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>
#include <cstddef>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic {

/// A thermoelectric response V_s(P, I) of one junction, with analytic derivatives, at the
/// unit-checked API (bias_enhanced_tms, measured_tms).
template <class R>
concept thermoelectric_response = requires(const R& r, device::magnetic_state s, units::power p,
                                           units::current i) {
  { r.thermovoltage(s, p, i) } -> std::same_as<units::voltage>;
  { r.dV_dI(s, p, i) } -> std::same_as<units::resistance>;
  { r.dV_dP(s, p, i) } -> std::same_as<units::responsivity>;
  { r.max_current() } -> std::same_as<units::current>;
  { r.max_power() } -> std::same_as<units::power>;
  { r.max_voltage() } -> std::same_as<units::voltage>;
};

/// A thermoelectric response that also exposes the dimensionless raw kernels used in hot loops:
/// v = V/V_max as a function of p = P/P_max and x = I/I_max, and its partial derivatives.
template <class R>
concept normalized_response = thermoelectric_response<R> &&
    requires(const R& r, device::magnetic_state s, double p, double x) {
  { r.normalized(s, p, x) } -> std::same_as<double>;
  { r.normalized_dx(s, p, x) } -> std::same_as<double>;
  { r.normalized_dp(s, p, x) } -> std::same_as<double>;
};

/// A normalized response whose surface is a polynomial v = sum_{m=1..M} p^m G_m(x),
/// G_m(x) = sum_{k=0..3} c_mk x^k (bias_enhanced_tms): the crossbar then factorises its column sums
/// into M small matrix products (see network::crossbar_kernels).
template <class R>
concept polynomial_response = normalized_response<R> && requires(const R& r, device::magnetic_state s) {
  { R::power_order } -> std::convertible_to<std::size_t>;
  { R::polynomial(r.coefficients(s)[0], 0.0) } -> std::same_as<double>;
  { R::polynomial_derivative(r.coefficients(s)[0], 0.0) } -> std::same_as<double>;
};

/// A resistance model: R(state, V) and the self-consistent bias voltage V = I R(state, V).
template <class R>
concept resistance_model = requires(const R& r, device::magnetic_state s, units::voltage v,
                                    units::current i) {
  { r.resistance(s, v) } -> std::same_as<units::resistance>;
  { r.bias_voltage(s, i) } -> std::same_as<units::voltage>;
};

/// A heating model: the steady temperature difference across the barrier from laser power and
/// Joule heating, and its inverse in laser-power terms.
template <class H>
concept heating_model = requires(const H& h, units::power p, units::current i, units::resistance r,
                                 units::temperature dT) {
  { h.temperature_difference(p, i, r) } -> std::same_as<units::temperature>;
  { h.equivalent_laser_power(dT) } -> std::same_as<units::power>;
};

/// A resistance model with temperature, R(state, V, T), exposing the raw kernels the derived
/// response needs: partials(s, V, T) with .value, .d_dv, .d_dt (ohm, ohm/V, ohm/K) and the
/// self-consistent bias V = I R(s, V, T), and the temperatures where its linear coefficients keep
/// it physical, valid_temperatures() with .low, .high [K] (thermal_tmr_resistance).
template <class R>
concept temperature_dependent_resistance =
    resistance_model<R> && requires(const R& r, device::magnetic_state s, double v, double t, units::voltage vq,
                                    units::temperature tq) {
  { r.partials(s, v, t).value } -> std::convertible_to<double>;
  { r.partials(s, v, t).d_dv } -> std::convertible_to<double>;
  { r.partials(s, v, t).d_dt } -> std::convertible_to<double>;
  { r.bias_voltage_raw(s, v, t) } -> std::same_as<double>;
  { r.resistance(s, vq, tq) } -> std::same_as<units::resistance>;
  { r.valid_temperatures().low } -> std::convertible_to<double>;
  { r.valid_temperatures().high } -> std::convertible_to<double>;
  { r.upper_limit_name() } -> std::convertible_to<const char*>;
};

/// A heating model that is a linear thermal network: coefficients() gives the mean electrode rise
/// and the barrier difference per watt at each electrode and the laser's two channels, raw SI
/// (thermal_stack).
template <class H>
concept thermal_network_model = heating_model<H> && requires(const H& h) {
  { h.coefficients().mean_per_top } -> std::convertible_to<double>;
  { h.coefficients().mean_per_bottom } -> std::convertible_to<double>;
  { h.coefficients().difference_per_top } -> std::convertible_to<double>;
  { h.coefficients().difference_per_bottom } -> std::convertible_to<double>;
  { h.coefficients().laser_top_fraction } -> std::convertible_to<double>;
  { h.coefficients().laser_sink_rise } -> std::convertible_to<double>;
};

/// A Seebeck model S(state, V, T): partials(s, V, T) with .value, .d_dv, .d_dt (V/K, 1/K, V/K^2)
/// (tunnel_magneto_seebeck, bias_dependent_seebeck).
template <class S>
concept seebeck_model = requires(const S& m, device::magnetic_state s, double v, double t) {
  { m.partials(s, v, t).value } -> std::convertible_to<double>;
  { m.partials(s, v, t).d_dv } -> std::convertible_to<double>;
  { m.partials(s, v, t).d_dt } -> std::convertible_to<double>;
};

/// A Peltier model: the Peltier coefficient Pi [V] from the Seebeck coefficient and the
/// temperature (no_peltier, kelvin_peltier).
template <class P>
concept peltier_model = requires(const P& p, units::seebeck_coefficient s, units::temperature t) {
  { p.peltier_coefficient(s, t) } -> std::same_as<units::voltage>;
};

/// A calibrated surface: a thermoelectric response that is a fit of measured V(P, I) and says so
/// with `static constexpr bool is_calibrated_surface = true` (bias_enhanced_tms, measured_tms). It
/// ignores the junction's resistance and heating policies by declaration, not by accident
/// (docs/physics.md section 5.2).
template <class R>
concept calibrated_surface = thermoelectric_response<R> && requires {
  requires R::is_calibrated_surface == true;
};

/// A response evaluated through a junction's own resistance and heating (derived_bias_enhanced_tms):
/// it holds only what is its own (Seebeck, Peltier, the readout scale) and takes the junction's
/// policies as arguments, at the unit-checked API and as dimensionless raw kernels
/// (p = P/P_max, x = I/I_max, v = V/V_max). A response whose requirements on Resistance or
/// Heating are not met does not satisfy this concept for that pair.
template <class R, class Resistance, class Heating>
concept composed_response =
    requires(const R& r, device::magnetic_state s, units::power p, units::current i, const Resistance& res,
             const Heating& h, double pn, double xn) {
      { r.thermovoltage(s, p, i, res, h) } -> std::same_as<units::voltage>;
      { r.dV_dI(s, p, i, res, h) } -> std::same_as<units::resistance>;
      { r.dV_dP(s, p, i, res, h) } -> std::same_as<units::responsivity>;
      { r.transient_voltage(s, p, p, i, res, h) } -> std::same_as<units::voltage>;
      { r.normalized(s, pn, xn, res, h) } -> std::same_as<double>;
      { r.normalized_dx(s, pn, xn, res, h) } -> std::same_as<double>;
      { r.normalized_dp(s, pn, xn, res, h) } -> std::same_as<double>;
      { r.max_current() } -> std::same_as<units::current>;
      { r.max_power() } -> std::same_as<units::power>;
      { r.max_voltage() } -> std::same_as<units::voltage>;
    };

/// What a junction mtj<Response, Resistance, Heating, ...> accepts as its response: a calibrated
/// surface (declared as such) or a response composed through this Resistance and Heating. There is
/// no third case: a response that is neither does not compile.
template <class R, class Resistance, class Heating>
concept junction_response = calibrated_surface<R> || composed_response<R, Resistance, Heating>;

/// Thermal dynamics of a junction (thermal_response, pillar_half_space_response): the fractions of
/// a laser step that the barrier (fast) and the heat sink (slow) have seen a time t [s] after it,
/// g_fast(t), g_slow(t) in [0, 1], g(0) = 0, g(inf) = 1. A drive's power history is their
/// superposition (linear heat equation). `channels` is 1 when both fractions are the same lag.
template <class D>
concept thermal_dynamics_model = requires(const D& d, double t) {
  { d.step_fractions(t).fast } -> std::convertible_to<double>;
  { d.step_fractions(t).slow } -> std::convertible_to<double>;
  { D::channels } -> std::convertible_to<std::size_t>;
};

/// A single-channel thermal dynamics that is one exponential lag, g(t) = 1 - decay(t), decay(t) =
/// exp(-t/tau) (thermal_response): mtj::simulate then advances the lagged power with the exact
/// exponential step, O(1) per sample, which is the same result as the superposition of step
/// responses that any other thermal_dynamics_model gets (O(power changes) per sample).
template <class D>
concept exponential_thermal_dynamics = thermal_dynamics_model<D> && requires(const D& d, double h) {
  requires D::channels == 1;
  { d.decay(h) } -> std::same_as<double>;
};

/// A thermal dynamics that writes its step responses as decaying modes for samples h [s] apart
/// (pillar_half_space_response): 1 - g_c(t) = sum_j a_j exp(-r_j t) for t >= h, to within
/// modes(h).max_error. mtj::simulate then steps each mode exactly, O(modes) per sample, instead of
/// the O(power changes) superposition; the two agree to max_error times the drive's total power
/// variation.
template <class D>
concept modal_thermal_dynamics = thermal_dynamics_model<D> && requires(const D& d, double h) {
  { d.modes(h).fast[0].weight } -> std::convertible_to<double>;
  { d.modes(h).fast[0].rate } -> std::convertible_to<double>;
  { d.modes(h).slow[0].weight } -> std::convertible_to<double>;
  { d.modes(h).slow[0].rate } -> std::convertible_to<double>;
  { d.modes(h).max_error } -> std::convertible_to<double>;
};

/// A magnetic-state policy: reports the junction's current state.
template <class S>
concept state_model = requires(const S& s) {
  { s.state() } -> std::same_as<device::magnetic_state>;
};

/// A magnetization-dynamics policy: an ensemble of junctions whose magnetic state evolves under
/// per-junction current and temperature (macrospin_ensemble, neel_brown_ensemble).
template <class M>
concept magnetization_dynamics = requires(M& m, const M& cm, std::size_t j, units::time dt,
                                          units::current i, units::temperature t) {
  { cm.size() } -> std::same_as<std::size_t>;
  { cm.state(j) } -> std::same_as<device::magnetic_state>;
  m.set_current(j, i);
  m.set_temperature(j, t);
  m.advance(dt, std::size_t{1});
};

/// A junction whose magnetic state is a fixed_state the sweep can set (e.g. presets' mtj).
template <class J>
concept settable_state_junction = requires(J j, units::power p, units::current i) {
  j.magnetization = device::fixed_state{device::magnetic_state::parallel};
  { j.thermovoltage(p, i) } -> std::same_as<units::voltage>;
  { j.resistance(i) } -> std::same_as<units::resistance>;
};

}  // namespace spinaptic
