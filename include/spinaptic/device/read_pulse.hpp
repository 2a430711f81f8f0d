// spinaptic/device/read_pulse.hpp: the laser pulse a read needs, from a junction's own thermal
// dynamics.
#pragma once

#include <cmath>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Read-pulse width [s]: the time after a laser step to P (at constant bias current I) at which the
/// signal |j.step_thermovoltage(P, I, t)| of junction j first reaches `fraction` of its steady
/// value |j.thermovoltage(P, I)|, through the junction's thermal dynamics (docs/physics.md
/// section 2.3). The search doubles t from 1 ps until the fraction is reached, then bisects to
/// 1e-9 relative; the signal is assumed to approach its steady value monotonically. The laser
/// energy of one read of a row is P times this width.
template <class Junction>
[[nodiscard]] units::time read_pulse_width(const Junction& j, units::power p, units::current i,
                                           double fraction = 0.99) {
  detail::require_in_range("settled fraction", fraction, 0.0, 1.0);
  if (!(fraction < 1.0)) throw invalid_parameter("settled fraction", fraction, "< 1 (the tail never ends)");
  const double target = std::abs(units::in_si(j.thermovoltage(p, i))) * fraction;
  auto reached = [&](double t) {
    return std::abs(units::in_si(j.step_thermovoltage(p, i, units::as<units::time>(t)))) >= target;
  };
  double lo = 0.0, hi = 1e-12;
  for (int it = 0; it < 200 && !reached(hi); ++it) lo = hi, hi *= 2.0;
  if (!reached(hi))
    throw invalid_parameter("read_pulse_width settled fraction", fraction,
                            "a fraction the step signal reaches within 2^200 ps (it never does for this junction)");
  for (int it = 0; it < 200 && hi - lo > 1e-9 * hi; ++it) {
    const double mid = 0.5 * (lo + hi);
    (reached(mid) ? hi : lo) = mid;
  }
  return units::as<units::time>(hi);
}

}  // namespace spinaptic::device
