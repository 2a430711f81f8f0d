// spinaptic/device/magnetization.hpp: magnetization dynamics of a junction's free layer.
// The policies live one per header (macrospin.hpp: stochastic LLGS; neel_brown.hpp: two-state
// thermal activation; hysteresis.hpp: quasi-static field sweeps); this header gathers them and
// connects them to the rest of the junction: the temperature the thermal policy sets, and the
// magnetic state the thermovoltage of mtj<...> follows.
#pragma once

#include <cstddef>

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/demagnetization.hpp"
#include "spinaptic/device/hysteresis.hpp"
#include "spinaptic/device/macrospin.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/neel_brown.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

static_assert(magnetization_dynamics<macrospin_ensemble<float>>);
static_assert(magnetization_dynamics<macrospin_ensemble<double>>);
static_assert(magnetization_dynamics<neel_brown_ensemble>);

/// Free-layer temperature under laser and Joule heating: T = T_ambient + dT(P, I, R), with dT
/// from the heating policy (laser_heating: dT = zeta P + R_J I^2 R). The free layer is taken to
/// sit at the heated side of the barrier (paper.md section 4.3).
template <heating_model Heating>
[[nodiscard]] units::temperature free_layer_temperature(const Heating& heating,
                                                        units::temperature ambient,
                                                        units::power laser_power,
                                                        units::current i, units::resistance r) {
  return ambient + heating.temperature_difference(laser_power, i, r);
}

/// State policy that reads junction `index` of a magnetization-dynamics ensemble, so that
/// mtj<Response, Resistance, Heating, ensemble_state<E>> has a thermovoltage that follows the
/// simulated magnetic state. The ensemble must outlive the junction.
template <magnetization_dynamics Ensemble>
struct ensemble_state {
  /// The ensemble whose junction this state follows (not owned).
  const Ensemble* ensemble = nullptr;
  /// Which junction of the ensemble.
  std::size_t index = 0;
  /// The simulated state (P or AP) of junction `index`.
  [[nodiscard]] magnetic_state state() const { return ensemble->state(index); }
};

}  // namespace spinaptic::device
