// Mistake: passing the pillar diameter (m) where the barrier's thermal resistance needs its area (m^2).
// expect-error: could not convert|cannot convert|no matching function
// expect-error-clang: no viable conversion from|no matching function
#include <spinaptic/device/thermal_stack.hpp>
using namespace spinaptic::literals;
int main() {
  namespace u = spinaptic::units;
  const auto kappa_b = u::as<u::thermal_conductivity>(4.0);
  const auto kappa_i = u::as<u::interface_conductance>(2.5e7);
#ifdef SPINAPTIC_CORRECT_LINE
  const auto pillar = 3.14159 * 400.0_nm * 400.0_nm;
#else
  const auto pillar = 800.0_nm;
#endif
  auto r_b = spinaptic::device::barrier_thermal_resistance(kappa_b, kappa_i, 2.0_nm, pillar);
  (void)r_b;
}
