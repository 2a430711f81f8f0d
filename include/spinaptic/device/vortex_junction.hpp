// spinaptic/device/vortex_junction.hpp: the thin adapter between a vortex free layer and mtj<...>:
// analog state policies (a fixed <m_x>, or junction j of an analog ensemble) and the junction's
// resistance and thermovoltage at an analog state, computed through the junction's own
// resistance and response policies at the P and AP limits (docs/vortex.md, "The junction").
//
//   G(m) = (G_P + G_AP)/2 + (G_P - G_AP)/2 m         (Slonczewski's cos law averaged over the disk)
//   V_s(m) = [w_P G_P V_s,P + w_AP G_AP V_s,AP] / [w_P G_P + w_AP G_AP],  w_P = (1 + m)/2, w_AP = (1 - m)/2
// (the open-circuit voltage of parallel thermoelectric channels: P-like and AP-like areas of the
// disk, each with its conductance and thermovoltage).
#pragma once

#include <cmath>
#include <cstddef>

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/mtj.hpp"
#include "spinaptic/device/vortex_dynamics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

static_assert(magnetization_dynamics<vortex_ensemble<float>>);
static_assert(analog_magnetization_dynamics<vortex_ensemble<double>>);

/// State policy with a fixed analog state \<m_x\> in [-1, 1] (e.g. from vortex_loop or vortex_statics).
struct analog_fixed_state {
  double value = 0.0;  ///< \<m_x\> relative to the reference layer
  /// P if \<m_x\> >= 0, AP otherwise (the sign of the analog state).
  [[nodiscard]] magnetic_state state() const noexcept {
    return value >= 0.0 ? magnetic_state::parallel : magnetic_state::antiparallel;
  }
  /// The analog state \<m_x\>.
  [[nodiscard]] double average_magnetization() const noexcept { return value; }
};

/// State policy reading junction `index` of an analog ensemble (not owned; must outlive the junction).
template <analog_magnetization_dynamics Ensemble>
struct analog_ensemble_state {
  const Ensemble* ensemble = nullptr;  ///< the ensemble
  std::size_t index = 0;               ///< junction index in the ensemble
  /// The sign of the analog state.
  [[nodiscard]] magnetic_state state() const { return ensemble->state(index); }
  /// \<m_x\> of junction `index`.
  [[nodiscard]] double average_magnetization() const { return ensemble->average_magnetization(index); }
};

static_assert(analog_state_model<analog_fixed_state>);
static_assert(analog_state_model<analog_ensemble_state<vortex_ensemble<double>>>);

namespace detail_vortex_junction {
/// The same junction held in state s (so that every call goes through mtj's own dispatch).
template <class Response, class Resistance, class Heating, class State, class Dynamics>
[[nodiscard]] mtj<Response, Resistance, Heating, fixed_state, Dynamics> held(
    const mtj<Response, Resistance, Heating, State, Dynamics>& j, magnetic_state s) {
  return {j.response, j.resistance_model, j.heating, j.thermal, fixed_state{s}};
}
[[nodiscard]] inline double checked_state(double m) { return detail::require_in_range("<m_x>", m, -1.0, 1.0); }
}  // namespace detail_vortex_junction

/// Resistance of a junction with an analog state at bias current I [ohm]: G(m) of the header
/// comment with G_P = 1/R(P, V) and G_AP = 1/R(AP, V) from the junction's resistance policy,
/// V = I R(m) solved by fixed-point iteration.
template <class Response, class Resistance, class Heating, analog_state_model State, class Dynamics>
[[nodiscard]] units::resistance analog_resistance(const mtj<Response, Resistance, Heating, State, Dynamics>& j,
                                                  units::current i) {
  const double m = detail_vortex_junction::checked_state(j.magnetization.average_magnetization());
  auto r_at = [&](units::voltage v) {
    const double gp = 1.0 / units::in_si(j.resistance_model.resistance(magnetic_state::parallel, v));
    const double gap = 1.0 / units::in_si(j.resistance_model.resistance(magnetic_state::antiparallel, v));
    return 1.0 / (0.5 * (gp + gap) + 0.5 * (gp - gap) * m);
  };
  double r = r_at(0.0 * units::volt);
  for (int it = 0; it < 50; ++it) {
    const double next = r_at(i * units::as<units::resistance>(r));
    if (std::abs(next - r) <= 1e-15 * next) return units::as<units::resistance>(next);
    r = next;
  }
  return units::as<units::resistance>(r);
}

/// Thermovoltage of a junction with an analog state [V]: the conductance-weighted mean of the
/// junction's own P and AP thermovoltages (header comment), each through mtj::thermovoltage.
template <class Response, class Resistance, class Heating, analog_state_model State, class Dynamics>
[[nodiscard]] units::voltage analog_thermovoltage(const mtj<Response, Resistance, Heating, State, Dynamics>& j, units::power p,
                                                  units::current i) {
  const double m = detail_vortex_junction::checked_state(j.magnetization.average_magnetization());
  const auto jp = detail_vortex_junction::held(j, magnetic_state::parallel);
  const auto jap = detail_vortex_junction::held(j, magnetic_state::antiparallel);
  const double wp = 0.5 * (1.0 + m) / units::in_si(jp.resistance(i));
  const double wap = 0.5 * (1.0 - m) / units::in_si(jap.resistance(i));
  return units::as<units::voltage>((wp * units::in_si(jp.thermovoltage(p, i)) + wap * units::in_si(jap.thermovoltage(p, i))) /
                                   (wp + wap));
}

}  // namespace spinaptic::device
