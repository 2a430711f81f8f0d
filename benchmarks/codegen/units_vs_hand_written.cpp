// Code-generation check (scripts/compare-codegen): the thermovoltage loop written by hand on raw
// SI doubles, and the same loop through the unit-typed API (quantities in, quantities out).
// Both are compiled at -O3; the script compares their vectorised inner loops instruction by
// instruction. Not a benchmark program (benchmarks/CMakeLists.txt globs only benchmarks/*.cpp).
#include <cstddef>
#include <spinaptic/device/presets.hpp>

using namespace spinaptic;

void hand_written(const double* __restrict pw, const double* __restrict ia, double* __restrict out, std::size_t n,
                  double c0, double c1, double c2, double c3, double vm, double ip, double ii) {
  for (std::size_t i = 0; i < n; ++i) {
    const double p = pw[i] * ip, x = ia[i] * ii;
    out[i] = vm * (p * (((c3 * x + c2) * x + c1) * x + c0));
  }
}

void units_unchecked(const double* __restrict pw, const double* __restrict ia, double* __restrict out, std::size_t n,
                     const device::bias_enhanced_tms<1>& response) {
  const auto r = response;
  for (std::size_t i = 0; i < n; ++i)
    out[i] = units::in_si(r.thermovoltage_unchecked(device::antiparallel, units::as<units::power>(pw[i]),
                                                    units::as<units::current>(ia[i])));
}
