// Mistake: a pulse period given where the repetition rate belongs.
// expect-error: could not convert|cannot convert|no matching function
// expect-error-clang: no matching constructor for initialization of .*laser_pulse_train
#include <spinaptic/excitation/optical.hpp>
using namespace spinaptic::literals;
int main() {
#ifdef SPINAPTIC_CORRECT_LINE
  spinaptic::excitation::laser_pulse_train<> laser(150.0_mW, 1.0_us, 100.0_kHz);
#else
  spinaptic::excitation::laser_pulse_train<> laser(150.0_mW, 1.0_us, 10.0_us);
#endif
  (void)laser;
}
