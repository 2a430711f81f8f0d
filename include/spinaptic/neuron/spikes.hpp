// spinaptic/neuron/spikes.hpp: spikes in junction voltage traces: threshold-crossing detection
// with a refractory time, spike trains as data, and the spontaneous telegraph spiking of a
// junction held near its switching threshold.
#pragma once

#include <cstddef>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/neel_brown.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::neuron {

/// Spike times [s] of one source over an observation window [start, end) [s].
struct spike_train {
  /// Spike times [s], increasing.
  std::vector<double> times;
  /// Start of the observation window [s].
  double start = 0.0;
  /// End of the observation window [s].
  double end = 0.0;

  /// Number of spikes.
  [[nodiscard]] std::size_t size() const noexcept { return times.size(); }
  /// Mean rate = count / window length.
  [[nodiscard]] units::frequency rate() const {
    detail::require_positive("spike-train window length [s]", end - start);
    return units::as<units::frequency>(static_cast<double>(times.size()) / (end - start));
  }
};

/// Spike trains of several sources (trials or junctions): a raster.
using spike_raster = std::vector<spike_train>;

/// Upward threshold crossings, the crossing time linearly interpolated between samples; a
/// crossing within `refractory` of the last accepted spike is ignored.
struct threshold_detector {
  /// A spike starts where V rises through this threshold [V].
  units::voltage threshold;
  /// Dead time after a spike [s] in which no other spike is counted.
  units::time refractory = units::as<units::time>(0.0);

  /// The spikes of the sampled voltage V(t) (times [s], voltages [V]).
  [[nodiscard]] spike_train detect(const xt::xtensor<double, 1>& time, const xt::xtensor<double, 1>& voltage) const {
    if (time.size() != voltage.size()) throw size_mismatch("spike detection: time vs voltage", time.size(), voltage.size());
    if (time.size() < 2) throw invalid_parameter("trace samples", double(time.size()), ">= 2");
    const double thr = detail::require_finite("spike threshold [V]", units::in_si(threshold));
    const double refr = detail::require_non_negative("refractory time [s]", units::in_si(refractory));
    spike_train out;
    out.start = time(0);
    out.end = time(time.size() - 1);
    bool any = false;
    double last = 0.0;
    for (std::size_t i = 1; i < time.size(); ++i) {
      const double a = voltage(i - 1), b = voltage(i);
      if (a < thr && b >= thr) {
        const double t = time(i - 1) + (time(i) - time(i - 1)) * (thr - a) / (b - a);
        if (!any || t - last >= refr) {
          out.times.push_back(t);
          last = t;
          any = true;
        }
      }
    }
    return out;
  }
};

/// Voltage trace of a two-state junction: V = V_P or V_AP by state, sampled every dt [SI].
struct telegraph_trace {
  /// @{
  /// Sample times t [s] and junction voltage V(t) [V].
  xt::xtensor<double, 1> time, voltage;
  /// @}
  /// Magnetic state per sample: 0 = P, 1 = AP.
  xt::xtensor<unsigned char, 1> state;
};

/// Spontaneous spiking of junction j of a Neel-Brown ensemble held near its switching threshold
/// (its drives set by the caller): the state is advanced `steps` times by dt with the exact
/// propagator (advancing the whole ensemble) and the voltage follows it, V = v_parallel or
/// v_antiparallel. With a long-lived P
/// and a short-lived AP state every brief AP excursion is a spike.
[[nodiscard]] inline telegraph_trace spontaneous_trace(device::neel_brown_ensemble& ensemble, std::size_t j,
                                                       units::voltage v_parallel, units::voltage v_antiparallel,
                                                       units::time dt, std::size_t steps) {
  if (steps == 0) throw invalid_parameter("steps", 0.0, ">= 1");
  detail::check_index("junction index", j, ensemble.size());
  telegraph_trace tr;
  tr.time.resize({steps});
  tr.voltage.resize({steps});
  tr.state.resize({steps});
  const double vp = units::in_si(v_parallel), vap = units::in_si(v_antiparallel), h = units::in_si(dt);
  for (std::size_t n = 0; n < steps; ++n) {
    if (n > 0) ensemble.advance(dt, 1);
    const auto s = ensemble.state(j);
    tr.time(n) = static_cast<double>(n) * h;
    tr.state(n) = static_cast<unsigned char>(s);
    tr.voltage(n) = s == device::magnetic_state::parallel ? vp : vap;
  }
  return tr;
}

}  // namespace spinaptic::neuron
