// spinaptic/device/vortex_ringdown.hpp: the gyrotropic frequency and decay rate of one vortex core
// measured from a noise-free Thiele ringdown (docs/vortex.md, section 2). The core starts at
// s = (s_0, 0) at 0 K (no thermal force) and rings down; the angular frequency is
//   omega = 2 pi m / (t_m - t_0)
// over the m whole periods between the first and the last upward zero crossing of s_x (linear
// interpolation between steps), and the decay rate is ln(|s|(t_0) / |s|(t_m)) / (t_m - t_0).
// For the linear model omega -> kappa G / (G^2 + D^2) and decay -> kappa D / (G^2 + D^2).
#pragma once

#include <cmath>
#include <concepts>
#include <numbers>
#include <vector>

#include "spinaptic/device/vortex_dynamics.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// What a ringdown measures.
struct vortex_ringdown_result {
  double angular_frequency = 0.0;  ///< omega [rad/s]
  double decay_rate = 0.0;         ///< amplitude decay rate [1/s]
};

/// Noise-free ringdown of the disk `p` (at 0 K: pass Ms(T) as Ms(0) with T_C = 0 to measure at T)
/// from s = (s_0, 0) over `periods` nominal periods of omega_0(0 K), `steps_per_period` Heun
/// steps each, in precision Real (header comment for the estimators).
template <std::floating_point Real = double>
[[nodiscard]] vortex_ringdown_result measure_vortex_ringdown(const vortex_parameters& p, double s0, int periods,
                                                             int steps_per_period = 400) {
  detail::require_in_range("initial reduced displacement s_0", s0, 1e-6, 0.5);
  if (periods < 2) throw invalid_parameter("ringdown periods", periods, ">= 2");
  if (steps_per_period < 16) throw invalid_parameter("ringdown steps per period", steps_per_period, ">= 16");
  vortex_ensemble<Real> e(p, 1, 1);
  const double r = units::in_si(p.radius);
  e.set_core_position(0, units::as<units::length>(s0 * r), units::as<units::length>(0.0));
  const double dt = 2.0 * std::numbers::pi / p.gyrotropic_angular_frequency_si(0.0) / steps_per_period;
  std::vector<double> crossings, peaks;  // upward zero crossings of s_x and |s| there
  double prev = double(e.reduced_x()(0));
  for (int n = 1; n <= periods * steps_per_period; ++n) {
    e.advance(units::as<units::time>(dt), 1);
    const double x = double(e.reduced_x()(0)), y = double(e.reduced_y()(0));
    if (prev < 0.0 && x >= 0.0) {
      crossings.push_back((n - 1 + prev / (prev - x)) * dt);
      peaks.push_back(std::hypot(x, y));
    }
    prev = x;
  }
  if (crossings.size() < 2) throw invalid_parameter("ringdown periods (fewer than two zero crossings)", periods, "more periods");
  const std::size_t m = crossings.size() - 1;
  const double span = crossings[m] - crossings[0];
  return {2.0 * std::numbers::pi * double(m) / span, std::log(peaks[0] / peaks[m]) / span};
}

}  // namespace spinaptic::device
