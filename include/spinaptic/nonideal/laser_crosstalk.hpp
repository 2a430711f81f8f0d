// spinaptic/nonideal/laser_crosstalk.hpp: laser light of one row leaking into its neighbours.
#pragma once

#include <cstddef>

#include "spinaptic/error.hpp"

namespace spinaptic::nonideal {

/// Optical crosstalk between adjacent rows of the chip: a fraction alpha of each row's laser
/// power reaches the rows above and below,
///   p'_j = p_j + alpha (p_{j-1} + p_{j+1})       (p_{-1} = p_N = 0),
/// the nearest-neighbour leakage named in docs/physics.md. Rows are
/// in pixel order (row-major image). Off by default (alpha = 0).
struct laser_crosstalk {
  double neighbour_fraction = 0.0;  ///< alpha

  /// Whether any light leaks (alpha != 0).
  [[nodiscard]] bool enabled() const noexcept { return neighbour_fraction != 0.0; }
  /// Throws invalid_parameter unless alpha is in [0, 1] (NaN included).
  void validate() const { detail::require_in_range("laser crosstalk neighbour fraction alpha", neighbour_fraction, 0.0, 1.0); }

  /// In place on `count` drive vectors of `rows` entries each; no allocation. Validates alpha first.
  void apply(double* drives, std::size_t count, std::size_t rows) const {
    validate();
    if (!enabled()) return;
    for (std::size_t b = 0; b < count; ++b) {
      double* p = drives + b * rows;
      double previous = 0.0;
      for (std::size_t j = 0; j < rows; ++j) {
        const double own = p[j], next = j + 1 < rows ? p[j + 1] : 0.0;
        p[j] = own + neighbour_fraction * (previous + next);
        previous = own;
      }
    }
  }
};

}  // namespace spinaptic::nonideal
