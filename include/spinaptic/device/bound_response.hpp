// spinaptic/device/bound_response.hpp: a junction's composed response bound to the junction, as the
// normalized_response a network trains on.
#pragma once

#include <utility>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// The response of a junction whose response is composed through its own resistance and heating
/// (derived_bias_enhanced_tms inside mtj), seen as a `normalized_response`: every call goes through
/// the junction's members, so a crossbar built on it computes exactly what
/// `junction.thermovoltage` reports (docs/physics.md section 5.2). mtj::network_response() makes
/// one; a calibrated surface needs none (the surface is its own network response).
///
/// On construction the four corners of the readout square (P_max, +-I_max) are evaluated in both
/// states through the unit-checked API, so a junction whose readout range leaves the validity range
/// of its linear temperature coefficients is refused there (the raw kernels then run unchecked for
/// 0 <= p <= 1, |x| <= 1).
template <class Junction>
class bound_response {
 public:
  /// Binds a copy of the junction `j`.
  explicit bound_response(Junction j) : junction_(std::move(j)) {
    for (auto s : {magnetic_state::parallel, magnetic_state::antiparallel})
      for (double sign : {-1.0, 1.0})
        (void)thermovoltage(s, max_power(), sign * max_current());
  }

  /// The junction this response belongs to.
  [[nodiscard]] const Junction& junction() const noexcept { return junction_; }
  /// I_max [A].
  [[nodiscard]] units::current max_current() const noexcept { return junction_.response.max_current(); }
  /// P_max [W].
  [[nodiscard]] units::power max_power() const noexcept { return junction_.response.max_power(); }
  /// V_max [V].
  [[nodiscard]] units::voltage max_voltage() const noexcept { return junction_.response.max_voltage(); }

  /// V_s(P, I) [V] in state s, through the junction's resistance and heating.
  [[nodiscard]] units::voltage thermovoltage(magnetic_state s, units::power p, units::current i) const {
    return junction_.response.thermovoltage(s, p, i, junction_.resistance_model, junction_.heating);
  }
  /// dV_s/dI [ohm].
  [[nodiscard]] units::resistance dV_dI(magnetic_state s, units::power p, units::current i) const {
    return junction_.response.dV_dI(s, p, i, junction_.resistance_model, junction_.heating);
  }
  /// dV_s/dP [V/W].
  [[nodiscard]] units::responsivity dV_dP(magnetic_state s, units::power p, units::current i) const {
    return junction_.response.dV_dP(s, p, i, junction_.resistance_model, junction_.heating);
  }

  /// v(p, x) = V_s(p P_max, x I_max) / V_max (raw kernel, unchecked).
  [[nodiscard]] double normalized(magnetic_state s, double p, double x) const noexcept {
    return junction_.response.normalized(s, p, x, junction_.resistance_model, junction_.heating);
  }
  /// dv/dx (raw kernel).
  [[nodiscard]] double normalized_dx(magnetic_state s, double p, double x) const noexcept {
    return junction_.response.normalized_dx(s, p, x, junction_.resistance_model, junction_.heating);
  }
  /// dv/dp (raw kernel).
  [[nodiscard]] double normalized_dp(magnetic_state s, double p, double x) const noexcept {
    return junction_.response.normalized_dp(s, p, x, junction_.resistance_model, junction_.heating);
  }

 private:
  Junction junction_;
};

}  // namespace spinaptic::device
