// A user's program of spinaptic::calibration: a noise-free sweep of a known polynomial surface
// (V = V_max p (c_0 + c_1 x + c_2 x^2 + c_3 x^3) per state) is fitted back to its coefficients.
#include <array>
#include <cmath>
#include <cstdio>
#include <spinaptic/calibration/polynomial_fit.hpp>
#include <spinaptic/device/response_surface.hpp>

int main() {
  using namespace spinaptic;
  const device::response_scale scale(units::as<units::voltage>(23.35e-3), units::as<units::current>(3e-3),
                                     units::as<units::power>(0.15));
  const device::bias_enhanced_tms<1> truth(scale, {{{0.01, 0.12, 0.03, 0.15}}}, {{{0.02, 0.4, 0.1, 0.5}}});
  device::measured_sweep sweep;
  for (auto state : {device::parallel, device::antiparallel})
    for (int i = 0; i <= 6; ++i)
      for (int k = -6; k <= 6; ++k) {
        const double p = 0.025 * i, current = 0.5e-3 * k;
        sweep.add(state, p, current,
                  units::in_si(truth.thermovoltage(state, units::as<units::power>(p), units::as<units::current>(current))));
      }
  const auto fitted = calibration::fit_polynomial_surface<1>(sweep, scale);
  const std::array<double, 8> expected{0.01, 0.12, 0.03, 0.15, 0.02, 0.4, 0.1, 0.5};
  double worst = 0.0;
  for (std::size_t n = 0; n < expected.size(); ++n) worst = std::max(worst, std::abs(fitted.fit.values[long(n)] - expected[n]));
  std::printf("calibration: %zu coefficients recovered, largest error %.1e\n", expected.size(), worst);
  return worst < 1e-9 ? 0 : 1;
}
