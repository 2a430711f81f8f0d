// spinaptic/nonideal/dac_quantisation.hpp: b-bit digital-to-analogue converters for the bias
// currents and the laser powers.
#pragma once

#include <cmath>

namespace spinaptic::nonideal {

/// Uniform quantisation of a control to 2^b levels spanning [lo, hi] (both ends are levels):
///   q(x) = lo + round((x - lo) / D) D,   D = (hi - lo) / (2^b - 1).
/// b = 0 means "not quantised" (the default).
[[nodiscard]] inline double quantise(double x, unsigned bits, double lo, double hi) noexcept {
  if (bits == 0) return x;
  const double step = (hi - lo) / (std::ldexp(1.0, int(bits)) - 1.0);
  const double clipped = x < lo ? lo : (x > hi ? hi : x);
  return lo + std::nearbyint((clipped - lo) / step) * step;
}

/// DAC resolution of the bias-current sources (x = I/I_max over [I_lo, I_max]) and of the laser
/// drivers (p = P/P_max over [0, 1]); shared/research/paper.md section 6.3 suggests b = 4-8.
/// In training the forward pass sees the quantised currents and the gradient updates the
/// full-precision ones (straight-through estimator, Bengio et al. arXiv:1308.3432).
struct dac_quantisation {
  unsigned current_bits = 0;  ///< 0: ideal current sources
  unsigned power_bits = 0;    ///< 0: ideal laser drivers

  /// x quantised to current_bits over [lo, 1].
  [[nodiscard]] double current(double x, double lo) const noexcept { return quantise(x, current_bits, lo, 1.0); }
  /// p quantised to power_bits over [0, 1].
  [[nodiscard]] double power(double p) const noexcept { return quantise(p, power_bits, 0.0, 1.0); }
};

}  // namespace spinaptic::nonideal
