// Mistake (docs/extending.md): a Seebeck model whose partials lack dS/dT (d_dt); the derived
// response refuses it, naming the `seebeck_model` concept.
// expect-error: satisfaction of [^ a-z]+seebeck_model<
// expect-error-clang: does not satisfy 'seebeck_model'
#include <spinaptic/device/presets.hpp>
namespace sp = spinaptic;
struct seebeck_point {
  double value = 0.0;
  double d_dv = 0.0;
#ifdef SPINAPTIC_CORRECT_LINE
  double d_dt = 0.0;
#endif
};
struct constant_seebeck {
  [[nodiscard]] seebeck_point partials(sp::device::magnetic_state, double, double) const { return {-60e-6}; }
};
int main() {
  using physics = sp::device::presets::physics_mgo_800nm;
  using response = sp::device::derived_bias_enhanced_tms<constant_seebeck, sp::device::kelvin_peltier>;
  const response r(sp::device::response_scale(physics::max_voltage(), physics::max_current(), physics::max_power()),
                   constant_seebeck{}, sp::device::kelvin_peltier{}, physics::ambient_temperature());
  (void)r;
}
