// Mistake: adding a voltage to a current.
// expect-error: no match for .*operator\+
// expect-error-clang: invalid operands to binary expression
#include <spinaptic/units.hpp>
using namespace spinaptic::literals;
int main() {
#ifdef SPINAPTIC_CORRECT_LINE
  auto sum = 1.0_V + 2.0_mV;
#else
  auto sum = 1.0_V + 2.0_mA;
#endif
  (void)sum;
}
