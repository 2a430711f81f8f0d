// Mistake: a bare double (3e-3, in what unit?) where a current quantity belongs.
// expect-error: could not convert|cannot convert|no matching function
// expect-error-clang: no matching constructor for initialization of .*dc_bias
#include <spinaptic/excitation/electrical.hpp>
using namespace spinaptic::literals;
int main() {
#ifdef SPINAPTIC_CORRECT_LINE
  spinaptic::excitation::dc_bias bias(3.0_mA);
#else
  spinaptic::excitation::dc_bias bias(3e-3);
#endif
  (void)bias;
}
