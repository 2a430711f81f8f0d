// spinaptic/nonideal/device_spread.hpp: device-to-device spread of the response coefficients.
#pragma once

#include <concepts>
#include <cstddef>
#include <random>

#include "spinaptic/error.hpp"
#include "spinaptic/nonideal/device_deviations.hpp"

namespace spinaptic::nonideal {

/// Device-to-device variation: every junction gets its own response coefficients
///   c^(jl)_mk = c_mk (1 + sigma eps_jlmk),   eps ~ N(0, 1) independent,
/// a multiplicative Gaussian spread of sigma = 2-10 % (docs/physics.md).
/// For a response that is not a polynomial, one gain (1 + sigma eps_jl) multiplies V of the device.
/// Off by default (sigma = 0).
struct device_spread {
  double relative_sigma = 0.0;  ///< sigma, dimensionless

  /// Whether sigma > 0.
  [[nodiscard]] bool enabled() const noexcept { return relative_sigma > 0.0; }

  /// Draws the factors of `devices` junctions with `factors_per_device` coefficients each.
  template <std::uniform_random_bit_generator Engine>
  void realize(device_deviations& d, std::size_t devices, std::size_t factors_per_device, Engine& engine) const {
    detail::require_non_negative("device spread sigma", relative_sigma);
    d.factors_per_device = factors_per_device;
    d.coefficient_factors.assign(devices * factors_per_device, 1.0);
    if (!enabled()) { d.coefficient_factors.clear(); return; }
    std::normal_distribution<double> eps(0.0, 1.0);
    for (double& f : d.coefficient_factors) f = 1.0 + relative_sigma * eps(engine);
  }
};

}  // namespace spinaptic::nonideal
