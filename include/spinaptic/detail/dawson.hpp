// spinaptic/detail/dawson.hpp: Dawson's integral D(x) = exp(-x^2) int_0^x exp(s^2) ds.
#pragma once

#include <cmath>
#include <numbers>

namespace spinaptic::detail {

/// Dawson's integral D(x) = exp(-x^2) int_0^x exp(s^2) ds for x >= 0, by Rybicki's sampling
/// formula (G. B. Rybicki, Computers in Physics 3, 85 (1989)),
///   D(x) = (1/sqrt(pi)) sum_{n odd} exp(-(x - n h)^2) / n,
/// with h = 1/4 (truncation error ~ exp(-(pi/2h)^2) ~ 1e-17) over the terms with |x - n h| < 9,
/// and the series D(x) = x - 2x^3/3 + 4x^5/15 below x = 1e-2 (no cancellation between n = +-1).
[[nodiscard]] inline double dawson(double x) noexcept {
  if (x < 1e-2) {
    const double x2 = x * x;
    return x * (1.0 - x2 * (2.0 / 3.0 - x2 * (4.0 / 15.0)));
  }
  constexpr double h = 0.25;
  const long first = static_cast<long>(std::floor((x - 9.0) / h)), last = static_cast<long>(std::ceil((x + 9.0) / h));
  double sum = 0.0;
  for (long n = first; n <= last; ++n) {
    if (n % 2 == 0) continue;
    const double d = x - static_cast<double>(n) * h;
    sum += std::exp(-d * d) / static_cast<double>(n);
  }
  return sum / std::sqrt(std::numbers::pi);
}

}  // namespace spinaptic::detail
