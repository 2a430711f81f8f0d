// spinaptic/detail/steps.hpp: the one checked conversion of a duration into a whole number of
// time steps, n = round(t / dt), used wherever a duration becomes a step count (refractory
// periods, synaptic delays, run lengths).
//
// A float-to-integer conversion of a value outside the integer's range is undefined behaviour
// (C++20 [conv.fpint]), so t / dt is checked as a double before it is converted: t finite and
// >= 0, dt finite and > 0, and round(t / dt) <= the caller's stated maximum (which is never above
// 2^53, the largest range in which every whole double is exact). Rounding is half away from zero,
// as Brian2 counts its refractory periods and delays.
#pragma once

#include <cmath>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "spinaptic/error.hpp"

namespace spinaptic::detail {

/// 2^53: every whole number up to it is exact in a double; the largest step count of a run.
inline constexpr std::uint64_t max_exact_steps = std::uint64_t{1} << 53;

/// n = round(t / dt) for a duration t [s] and a step dt [s], as an integer. Throws
/// invalid_parameter naming `name` and t unless t is finite and >= 0, dt is finite and > 0 and
/// n <= max_steps (max_steps is capped at 2^53); the message states the allowed range in seconds.
[[nodiscard]] inline std::uint64_t duration_to_steps(std::string_view name, double t, double dt,
                                                     std::uint64_t max_steps) {
  require_positive("time step dt [s]", dt);
  if (max_steps > max_exact_steps) max_steps = max_exact_steps;
  const double n = std::isfinite(t) ? std::floor(t / dt + 0.5) : t;
  if (!std::isfinite(t) || t < 0.0 || !(n <= static_cast<double>(max_steps))) {
    std::ostringstream allowed;
    allowed.precision(6);
    allowed << "finite, >= 0 and at most " << max_steps << " steps of dt = " << dt << " s (t <= "
            << (static_cast<double>(max_steps) + 0.5) * dt << " s)";
    throw invalid_parameter(name, t, allowed.str());
  }
  return static_cast<std::uint64_t>(n);
}

}  // namespace spinaptic::detail
