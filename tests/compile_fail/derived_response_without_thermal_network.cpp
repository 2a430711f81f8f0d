// Mistake: a heating model that satisfies heating_model but is not a thermal network, plugged into a
// junction with the physics-derived response, which is evaluated through the junction's heating:
// the combination is refused (no silent fallback to other physics), naming the concept.
// expect-error: thermal_network_model
#include <spinaptic/device/presets.hpp>
namespace sp = spinaptic;
struct lumped_heating {  // dT = 10 K/W x P: a heating_model, not a thermal_network_model
  sp::units::temperature temperature_difference(sp::units::power p, sp::units::current, sp::units::resistance) const {
    return sp::units::as<sp::units::temperature>(10.0 * sp::units::in_si(p));
  }
  sp::units::power equivalent_laser_power(sp::units::temperature dT) const {
    return sp::units::as<sp::units::power>(sp::units::in_si(dT) / 10.0);
  }
};
using physics = sp::device::presets::physics_mgo_800nm;
#ifdef SPINAPTIC_CORRECT_LINE
using heating = sp::device::thermal_stack;
heating make_heating() { return physics::heating(); }
#else
using heating = lumped_heating;
heating make_heating() { return {}; }
#endif
int main() {
  sp::device::mtj<physics::response_type, sp::device::thermal_tmr_resistance, heating, sp::device::fixed_state,
                  sp::device::pillar_half_space_response>
      j{physics::response(), physics::resistance(), make_heating(), physics::thermal_dynamics(), {}};
  return j.thermovoltage(sp::units::as<sp::units::power>(0.15), sp::units::as<sp::units::current>(3e-3)) <
                 sp::units::as<sp::units::voltage>(0.0)
             ? 0
             : 1;
}
