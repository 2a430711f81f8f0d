// The core package alone: a unit-typed quantity through spinaptic::spinaptic (150 mW = 0.15 W).
#include <cmath>
#include <cstdio>
#include <spinaptic/units.hpp>
#include <spinaptic/version.hpp>

int main() {
  using namespace spinaptic::literals;
  const double watts = spinaptic::units::in_si(150.0_mW);
  std::printf("spinaptic %s without Eigen and MPI: 150 mW = %.3f W\n", spinaptic::version.string, watts);
  return std::abs(watts - 0.15) < 1e-15 ? 0 : 1;
}
