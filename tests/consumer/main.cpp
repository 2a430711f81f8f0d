// A user's program: one junction of the paper, its thermovoltage at the Fig. 4d corner.
#include <cmath>
#include <cstdio>
#include <spinaptic/spinaptic.hpp>

int main() {
  using namespace spinaptic::literals;
  const auto junction = spinaptic::device::presets::hybrid_mgo_800nm::junction();
  const double mv = spinaptic::units::in_si(junction.thermovoltage(150.0_mW, 3.0_mA)) * 1e3;
  std::printf("V_AP(P_max, I_max) = %.2f mV\n", mv);
#ifdef SPINAPTIC_CONSUMER_SUBDIRECTORY
  std::printf("tests are off\n");
#endif
  return std::abs(mv - 23.35) < 1e-9 ? 0 : 1;
}
