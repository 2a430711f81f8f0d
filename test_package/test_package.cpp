// Conan/vcpkg package test: the installed headers compile, link and reproduce the paper's
// thermovoltage at the Fig. 4d corner (23.35 mV), and the version macros match version_info.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <spinaptic/spinaptic.hpp>
#include <spinaptic/version.hpp>

static_assert(spinaptic::version.major == SPINAPTIC_VERSION_MAJOR);
static_assert(SPINAPTIC_VERSION == SPINAPTIC_VERSION_MAJOR * 10000 + SPINAPTIC_VERSION_MINOR * 100 +
                                       SPINAPTIC_VERSION_PATCH);

int main() {
  using namespace spinaptic::literals;
  const auto junction = spinaptic::device::presets::hybrid_mgo_800nm::junction();
  const double mv = spinaptic::units::in_si(junction.thermovoltage(150.0_mW, 3.0_mA)) * 1e3;
  std::printf("spinaptic %s: V_AP(P_max, I_max) = %.2f mV\n", spinaptic::version.string, mv);
  return std::abs(mv - 23.35) < 1e-9 && std::strcmp(spinaptic::version.string, SPINAPTIC_VERSION_STRING) == 0 ? 0 : 1;
}
