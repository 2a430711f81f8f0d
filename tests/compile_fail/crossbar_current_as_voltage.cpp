// A bias current set with a voltage must not compile: crossbar::set_current takes amperes.
// expect-error: cannot convert
// expect-error-clang: no viable conversion from
#include <spinaptic/device/presets.hpp>
#include <spinaptic/network/crossbar.hpp>

using namespace spinaptic::literals;

int main() {
  using preset = spinaptic::device::presets::hybrid_mgo_800nm;
  spinaptic::network::crossbar<4, 2, preset::response_type> layer(preset::response());
#ifdef SPINAPTIC_CORRECT_LINE
  layer.set_current(0, 0, 1.0_mA);
#else
  layer.set_current(0, 0, 1.0_mV);
#endif
}
