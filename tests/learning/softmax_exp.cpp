// Tests for the softmax's libm-free exponential (learning/softmax_cross_entropy.hpp) against
// std::exp, the independent reference, in units in the last place.
#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <spinaptic/learning/softmax_cross_entropy.hpp>

namespace {
// Distance in representable doubles between two positive finite doubles.
std::uint64_t ulp_distance(double a, double b) {
  const auto ia = std::bit_cast<std::uint64_t>(a), ib = std::bit_cast<std::uint64_t>(b);
  return ia > ib ? ia - ib : ib - ia;
}
}  // namespace

TEST_CASE("exp_nonpositive is within 4 ulp of std::exp on [-708, 0]", "[learning][exp]") {
  std::uint64_t worst = 0;
  for (int k = 0; k <= 200000; ++k) {
    const double t = -708.0 * static_cast<double>(k) / 200000.0;
    worst = std::max(worst, ulp_distance(spinaptic::detail::exp_nonpositive(t), std::exp(t)));
  }
  // Dense near 0, where the softmax's largest terms live.
  for (int k = 0; k <= 100000; ++k) {
    const double t = -1.0 * static_cast<double>(k) / 100000.0;
    worst = std::max(worst, ulp_distance(spinaptic::detail::exp_nonpositive(t), std::exp(t)));
  }
  CHECK(worst <= 4);
  CHECK(spinaptic::detail::exp_nonpositive(0.0) == 1.0);
}

TEST_CASE("exp_nonpositive_clamped saturates at e^-708 instead of leaving the normal range", "[learning][exp]") {
  CHECK(spinaptic::detail::exp_nonpositive_clamped(-1e6) == Approx(std::exp(-708.0)).epsilon(1e-15));
  CHECK(std::isnormal(spinaptic::detail::exp_nonpositive_clamped(-std::numeric_limits<double>::max())));
}
