// Mistake: the laser's pulse period given where its maximum pulse repetition rate belongs.
// expect-error: could not convert|cannot convert|no matching function|conversion from
// expect-error-clang: no viable conversion|cannot initialize
#include <spinaptic/network/spiking/optical_rate_group.hpp>
using namespace spinaptic::literals;
int main() {
#ifdef SPINAPTIC_CORRECT_LINE
  const spinaptic::network::spiking::optical_rate_parameters lasers{1.0_mW, 200.0_Hz};
#else
  const spinaptic::network::spiking::optical_rate_parameters lasers{1.0_mW, 5.0_ms};
#endif
  spinaptic::network::spiking::optical_rate_group group(64, lasers);
  return group.size() == 64 ? 0 : 1;
}
