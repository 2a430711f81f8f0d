// Mistake: returning a temperature difference as a voltage.
// expect-error: could not convert|conversion from
// expect-error-clang: no viable conversion from returned value
#include <spinaptic/device/presets.hpp>
using namespace spinaptic::literals;
spinaptic::units::voltage thermo(const spinaptic::device::presets::hybrid_mgo_800nm::junction_type& j) {
#ifdef SPINAPTIC_CORRECT_LINE
  return j.thermovoltage(150.0_mW, 3.0_mA);
#else
  return j.temperature_difference(150.0_mW, 3.0_mA);
#endif
}
int main() { (void)thermo(spinaptic::device::presets::hybrid_mgo_800nm::junction()); }
