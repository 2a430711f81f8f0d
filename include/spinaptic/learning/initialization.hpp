// spinaptic/learning/initialization.hpp: initial bias currents drawn away from zero.
#pragma once

#include <concepts>
#include <random>

#include "spinaptic/network/crossbar.hpp"

namespace spinaptic::learning {

/// |I_jl| ~ U(0.3, 1) I_max, with a random sign for bipolar crossbars: a cubic response has a
/// vanishing slope near I = 0, and starting there stalls training (docs/physics.md:
/// ~62 % test accuracy from small currents). Uses only `engine`.
template <class Crossbar, std::uniform_random_bit_generator Engine>
void initialize_currents(Crossbar& layer, Engine& engine, double min_magnitude = 0.3, double max_magnitude = 1.0) {
  detail::require_in_range("initial current magnitude min", min_magnitude, 0.0, 1.0);
  detail::require_in_range("initial current magnitude max", max_magnitude, min_magnitude, 1.0);
  std::uniform_real_distribution<double> magnitude(min_magnitude, max_magnitude);
  std::bernoulli_distribution negative(0.5);
  const bool bipolar = layer.range() == network::current_range::bipolar;
  for (double& x : layer.normalized_currents()) {
    const double a = magnitude(engine);
    x = bipolar && negative(engine) ? -a : a;
  }
}

}  // namespace spinaptic::learning
