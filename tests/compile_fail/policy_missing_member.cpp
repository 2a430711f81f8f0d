// Mistake: a thermoelectric policy without dV_dI; the diagnostic names the concept.
// expect-error: thermoelectric_response
#include <spinaptic/device/mtj.hpp>
#include <spinaptic/device/presets.hpp>
namespace sp = spinaptic;
struct incomplete_response {
  static constexpr bool is_calibrated_surface = true;  // a fit of measured V(P, I)
  sp::units::voltage thermovoltage(sp::device::magnetic_state, sp::units::power, sp::units::current) const {
    return sp::units::as<sp::units::voltage>(0.0);
  }
#ifdef SPINAPTIC_CORRECT_LINE
  sp::units::resistance dV_dI(sp::device::magnetic_state, sp::units::power, sp::units::current) const {
    return sp::units::as<sp::units::resistance>(0.0);
  }
#endif
  sp::units::responsivity dV_dP(sp::device::magnetic_state, sp::units::power, sp::units::current) const {
    return sp::units::as<sp::units::responsivity>(0.0);
  }
  sp::units::current max_current() const { return sp::units::as<sp::units::current>(1.0); }
  sp::units::power max_power() const { return sp::units::as<sp::units::power>(1.0); }
  sp::units::voltage max_voltage() const { return sp::units::as<sp::units::voltage>(1.0); }
};
int main() {
  using preset = sp::device::presets::hybrid_mgo_800nm;
  sp::device::mtj<incomplete_response> j{incomplete_response{}, preset::resistance(), preset::heating(),
                                         preset::thermal(), {}};
  (void)j;
}
