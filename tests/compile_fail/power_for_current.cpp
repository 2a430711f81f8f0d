// Mistake: passing a laser power where the bias current belongs.
// expect-error: could not convert|cannot convert|no matching function
// expect-error-clang: no viable conversion from
#include <spinaptic/device/presets.hpp>
using namespace spinaptic::literals;
int main() {
  const auto junction = spinaptic::device::presets::hybrid_mgo_800nm::junction();
#ifdef SPINAPTIC_CORRECT_LINE
  auto v = junction.thermovoltage(150.0_mW, 3.0_mA);
#else
  auto v = junction.thermovoltage(150.0_mW, 150.0_mW);
#endif
  (void)v;
}
