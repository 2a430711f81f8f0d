// spinaptic/nonideal/dac_quantization.hpp: b-bit digital-to-analogue converters for the bias
// currents and the laser powers.
#pragma once

#include <cmath>

#include "spinaptic/error.hpp"

namespace spinaptic::nonideal {

/// Uniform quantisation of a control to 2^b levels spanning [lo, hi] (both ends are levels):
///   q(x) = lo + round((x - lo) / D) D,   D = (hi - lo) / (2^b - 1).
/// b = 0 means "not quantised" (the default).
[[nodiscard]] inline double quantize(double x, unsigned bits, double lo, double hi) noexcept {
  if (bits == 0) return x;
  const double step = (hi - lo) / (std::ldexp(1.0, int(bits)) - 1.0);
  const double clipped = x < lo ? lo : (x > hi ? hi : x);
  return lo + std::nearbyint((clipped - lo) / step) * step;
}

/// DAC resolution of the bias-current sources (x = I/I_max over [I_lo, I_max]) and of the laser
/// drivers (p = P/P_max over [0, 1]); docs/physics.md suggests b = 4-8.
/// In training the forward pass sees the quantised currents and the gradient updates the
/// full-precision ones (straight-through estimator, Bengio et al. arXiv:1308.3432).
struct dac_quantization {
  unsigned current_bits = 0;  ///< 0: ideal current sources
  unsigned power_bits = 0;    ///< 0: ideal laser drivers

  /// The most bits a DAC may have: a double resolves 2^52 steps of [lo, hi]; more bits would
  /// make the step underflow the mantissa (2^2000 - 1 is inf, D = 0, q = NaN).
  static constexpr unsigned max_bits = 52;
  /// Throws invalid_parameter for a bit count above max_bits (0 = ideal is allowed).
  void validate() const {
    detail::require_in_range("current DAC bits", double(current_bits), 0.0, double(max_bits));
    detail::require_in_range("laser power DAC bits", double(power_bits), 0.0, double(max_bits));
  }

  /// q(x) over [lo, 1] with current_bits.
  [[nodiscard]] double current(double x, double lo) const noexcept { return quantize(x, current_bits, lo, 1.0); }
  /// q(p) over [0, 1] with power_bits.
  [[nodiscard]] double power(double p) const noexcept { return quantize(p, power_bits, 0.0, 1.0); }
};

}  // namespace spinaptic::nonideal
