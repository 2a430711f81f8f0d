// A power where an RF current amplitude is expected: vortex_ensemble::set_rf_current takes
// units::current (the amplitude I_rf), so passing milliwatts must not compile.
// expect-error: (cannot convert|could not convert|no matching function)
// expect-error-clang: no viable conversion from
#include <spinaptic/device/vortex_dynamics.hpp>

using namespace spinaptic::literals;

int main() {
  const spinaptic::device::vortex_parameters p{spinaptic::units::as<spinaptic::units::length>(400e-9),
                                               spinaptic::units::as<spinaptic::units::length>(9e-9),
                                               spinaptic::units::as<spinaptic::units::magnetic_field_strength>(8e5)};
  spinaptic::device::vortex_ensemble<double> e(p, 1, 1);
  const auto f = spinaptic::units::as<spinaptic::units::frequency>(1e8);
#ifdef SPINAPTIC_CORRECT_LINE
  e.set_rf_current(0, 1.0_mA, f);
#else
  e.set_rf_current(0, 1.0_mW, f);
#endif
  return 0;
}
