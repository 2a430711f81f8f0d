// spinaptic/detail/math.hpp: shared numerics of the hot loops (the loss's softmax, the
// conductance-based LIF group): e^t for t <= 0 without a libm call. Not public API.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace spinaptic::detail {
/// e^t for t <= 0 without a libm call, so that a loop over the columns vectorises: t = k ln2 + r,
/// |r| <= ln2/2 (Cody-Waite split of ln2), e^r by its Taylor polynomial of degree 12 (truncation
/// < 2.5e-16 relative), times 2^k built in the exponent bits. Within about 2 ulp of the
/// correctly rounded value. Needs t >= -708 (2^k must be a normal number; the caller clamps, see
/// exp_nonpositive_clamped; no clamp here, as a compare in the loop stops GCC vectorising it).
/// The same for T a double or a vector of doubles (GCC/Clang vector extension; U the unsigned
/// integer of the same shape): every lane computes exactly what the scalar form computes.
template <class T, class U>
[[nodiscard]] inline T exp_nonpositive_lanes(T t) noexcept {
  constexpr double log2e = 1.4426950408889634;
  constexpr double ln2_hi = 6.93147180369123816490e-01;  // 32 significant bits: k ln2_hi is exact
  constexpr double ln2_lo = 1.90821492927058770002e-10;
  constexpr double shifter = 0x1.8p52;  // adding it rounds to an integer, held in the low bits
  const T kd = t * log2e + shifter;
  const T k = kd - shifter;
  const T r = (t - k * ln2_hi) - k * ln2_lo;
  T p = r * (1.0 / 479001600.0) + 1.0 / 39916800.0;  // 1/12! r + 1/11!
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  const U biased = std::bit_cast<U>(kd) - std::bit_cast<std::uint64_t>(shifter) + 1023u;
  return p * std::bit_cast<T>(U(biased << 52));  // k >= -1022: 2^k is a normal number
}
[[nodiscard]] inline double exp_nonpositive(double t) noexcept { return exp_nonpositive_lanes<double, std::uint64_t>(t); }
/// exp_nonpositive for any t <= 0: below -708 it returns e^-708 ~ 3e-308 (a softmax term that
/// small is invisible next to the largest term, which is 1).
[[nodiscard]] inline double exp_nonpositive_clamped(double t) noexcept { return exp_nonpositive(std::max(t, -708.0)); }

/// f(m, p^(m+1)) for m = 0 .. M-1: the powers of p from p^1 to p^M, each by one more
/// multiplication (p, p p, (p p) p, ...), for p a double or a vector of doubles. The one form of
/// the sum over the powers of a polynomial response, sum_m p^m G_m (network/polynomial_kernels.hpp).
template <std::size_t M, class T, class F>
inline void for_each_power(T p, F&& f) {
  T pm = p;
  for (std::size_t m = 0; m < M; ++m) {
    if (m > 0) pm *= p;
    f(m, pm);
  }
}
}  // namespace spinaptic::detail
