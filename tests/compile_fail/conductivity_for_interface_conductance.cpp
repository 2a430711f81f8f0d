// Mistake: passing a bulk conductivity (W/m/K) where the interface conductance (W/m^2/K) belongs.
// expect-error: could not convert|cannot convert|no matching function
// expect-error-clang: no viable conversion from
#include <spinaptic/device/thermal.hpp>
using namespace spinaptic::literals;
int main() {
  const auto kappa_b = spinaptic::units::as<spinaptic::units::thermal_conductivity>(4.0);
#ifdef SPINAPTIC_CORRECT_LINE
  const auto kappa_i = spinaptic::units::as<spinaptic::units::interface_conductance>(2.5e7);
#else
  const auto kappa_i = spinaptic::units::as<spinaptic::units::thermal_conductivity>(2.5e7);
#endif
  auto kappa = spinaptic::device::barrier_conductivity(kappa_b, kappa_i, 2.0_nm);
  (void)kappa;
}
