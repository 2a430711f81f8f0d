// tests/support/sampled_measurement.hpp: a measured_tms table sampled from the paper preset's
// polynomial surface, so that a measured-response result can be checked against the polynomial.
#pragma once

#include <spinaptic/device/measured_response.hpp>
#include <spinaptic/device/presets.hpp>

namespace spinaptic::testing {

/// AP-state sweep on (power_steps + 1) powers in [0, 1] x (2 current_steps + 1) currents in [-1, 1].
inline device::measured_tms sampled_measurement(int power_steps, int current_steps) {
  const auto r = device::presets::hybrid_mgo_800nm::response();
  device::response_grid g;
  for (int i = 0; i <= power_steps; ++i) g.powers.push_back(double(i) / power_steps);
  for (int k = -current_steps; k <= current_steps; ++k) g.currents.push_back(double(k) / current_steps);
  for (double p : g.powers)
    for (double x : g.currents) g.values.push_back(r.normalized(device::antiparallel, p, x));
  return device::measured_tms(r.scale(), {}, g);
}

}  // namespace spinaptic::testing
