// A flux density where a bias current is expected: macrospin_ensemble::set_current takes
// units::current, so passing millitesla must not compile.
// expect-error: (cannot convert|could not convert|no matching function)
// expect-error-clang: no viable conversion from
#include <spinaptic/device/macrospin.hpp>

using namespace spinaptic::literals;

int main() {
  spinaptic::device::macrospin_parameters p{
      spinaptic::units::as<spinaptic::units::magnetic_field_strength>(8e5),
      spinaptic::units::as<spinaptic::units::magnetic_field_strength>(1e5), 0.01,
      spinaptic::units::as<spinaptic::units::volume>(1e-23)};
  spinaptic::device::macrospin_ensemble<double> e(p, 1, 1);
#ifdef SPINAPTIC_CORRECT_LINE
  e.set_current(0, 1.0_mA);
#else
  e.set_current(0, 1.0_mT);
#endif
  return 0;
}
