// Mistake (docs/extending.md): a heating model without equivalent_laser_power; the junction
// refuses it, naming the `heating_model` concept.
// expect-error: satisfaction of [^ a-z]+heating_model<
// expect-error-clang: does not satisfy 'heating_model'
#include <spinaptic/device/presets.hpp>
namespace sp = spinaptic;
struct linear_heating {
  sp::units::thermal_resistance zeta;
  [[nodiscard]] sp::units::temperature temperature_difference(sp::units::power p, sp::units::current,
                                                              sp::units::resistance) const {
    return zeta * p;
  }
#ifdef SPINAPTIC_CORRECT_LINE
  [[nodiscard]] sp::units::power equivalent_laser_power(sp::units::temperature dT) const { return dT / zeta; }
#endif
};
int main() {
  using paper = sp::device::presets::hybrid_mgo_800nm;
  const sp::device::mtj<paper::response_type, sp::device::tmr_resistance, linear_heating> junction{
      paper::response(), paper::resistance(), linear_heating{paper::laser_heating_coefficient()}, paper::thermal(), {}};
  (void)junction;
}
