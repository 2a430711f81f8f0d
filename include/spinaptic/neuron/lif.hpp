// spinaptic/neuron/lif.hpp: what every leaky integrate-and-fire population shares: the membrane
// parameters and the per-neuron state arrays (structure of arrays, raw SI doubles).
//
// Membrane (Lapicque 1907; Gerstner, Kistler, Naud & Paninski, "Neuronal Dynamics" (2014) ch. 1):
//   tau_m dV/dt = -(V - E_L) + (input),   V > V_th + theta  =>  spike, V <- V_reset,
// V held at V_reset for the refractory period t_ref. tau_m [s], E_L, V_th, V_reset [V].
// The threshold is checked at the end of each step of dt; the refractory period is
// round(t_ref / dt) steps (Brian2 counts it the same way), at most 2^32 - 2 steps (the countdown
// is a 32-bit counter; detail/steps.hpp refuses longer periods by name).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/steps.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::neuron {

/// Membrane parameters of a LIF neuron.
struct lif_parameters {
  units::time membrane_time_constant;  ///< tau_m [s]
  units::voltage resting_potential;    ///< E_L [V]
  units::voltage threshold;            ///< V_th [V]
  units::voltage reset;                ///< V_reset [V]
  units::time refractory_period = units::as<units::time>(0.0);  ///< t_ref [s]

  /// Throws invalid_parameter unless tau_m > 0, t_ref >= 0 and the potentials are finite.
  /// V_reset may lie above V_th when an adaptive threshold adds its offset (Diehl & Cook's
  /// V_th = -72 mV with theta starting at 20 mV).
  [[nodiscard]] lif_parameters validated() const {
    detail::require_positive("membrane time constant tau_m [s]", units::in_si(membrane_time_constant));
    detail::require_non_negative("refractory period t_ref [s]", units::in_si(refractory_period));
    detail::require_finite("resting potential E_L [V]", units::in_si(resting_potential));
    detail::require_finite("threshold V_th [V]", units::in_si(threshold));
    detail::require_finite("reset potential V_reset [V]", units::in_si(reset));
    return *this;
  }
};

/// The state every LIF population holds: V, the refractory countdown, a bias current, Channels
/// synaptic input arrays and the threshold rule. Population classes add their integrators.
template <std::size_t Channels, threshold_rule Threshold>
class lif_state {
 public:
  /// Number of synaptic input channels (0 excitatory, 1 inhibitory by convention).
  static constexpr std::size_t channels = Channels;

  /// n neurons with V = E_L, no input, threshold rule `threshold`.
  lif_state(const lif_parameters& p, std::size_t n, Threshold threshold)
      : p_(p.validated()), n_(n), threshold_(std::move(threshold)) {
    if (n == 0) throw invalid_parameter("neuron count", 0.0, ">= 1");
    v_.resize({n});
    v_.fill(units::in_si(p_.resting_potential));
    refractory_.resize({n});
    refractory_.fill(0);
    bias_.resize({n});
    bias_.fill(0.0);
    inputs_.resize({Channels, n});
    inputs_.fill(0.0);
    threshold_.resize(n);
  }

  /// Number of neurons.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// The membrane parameters.
  [[nodiscard]] const lif_parameters& parameters() const noexcept { return p_; }
  /// Synaptic input array of channel c (SI: amperes or siemens per neuron); projections add here.
  [[nodiscard]] double* input(std::size_t c) noexcept { return inputs_.data() + c * n_; }
  /// The threshold rule (e.g. to freeze an adaptive threshold).
  [[nodiscard]] Threshold& threshold_rule() noexcept { return threshold_; }
  /// The threshold rule, read only.
  [[nodiscard]] const Threshold& threshold_rule() const noexcept { return threshold_; }

  /// V_i.
  [[nodiscard]] units::voltage membrane_potential(std::size_t i) const {
    check(i);
    return units::as<units::voltage>(v_[i]);
  }
  /// Sets V_i.
  void set_membrane_potential(std::size_t i, units::voltage v) {
    check(i);
    v_[i] = detail::require_finite("membrane potential V [V]", units::in_si(v));
  }
  /// Sets every V_i.
  void set_membrane_potential_all(units::voltage v) {
    v_.fill(detail::require_finite("membrane potential V [V]", units::in_si(v)));
  }
  /// Sets the constant bias current I_b of neuron i [A].
  void set_bias_current(std::size_t i, units::current c) {
    check(i);
    bias_[i] = detail::require_finite("bias current I_b [A]", units::in_si(c));
  }
  /// Sets every bias current [A].
  void set_bias_current_all(units::current c) {
    bias_.fill(detail::require_finite("bias current I_b [A]", units::in_si(c)));
  }
  /// Clears refractoriness and synaptic inputs and sets V to `v` (between presentations).
  void reset_state(units::voltage v) {
    set_membrane_potential_all(v);
    refractory_.fill(0);
    inputs_.fill(0.0);
  }

 protected:
  /// Throws invalid_parameter unless i < size().
  void check(std::size_t i) const {
    if (i >= n_) throw invalid_parameter("neuron index", static_cast<double>(i), "< size()");
  }
  /// The end of the step of neurons [begin, end): the refractory countdown moves on, the
  /// threshold rule advances, and a neuron that is not refractory and above V_th + theta fires
  /// (fired[i] = 1): V <- V_reset, the countdown restarts, the threshold rule hears the spike.
  /// Neurons held by the countdown do not integrate (the integrators check refractory_ > 0
  /// before this runs).
  void fire_range(std::size_t begin, std::size_t end, std::uint8_t* fired) noexcept {
    double* v = v_.data();
    std::uint32_t* ref = refractory_.data();
    const double v_th = v_th_, v_reset = v_reset_;
    const std::uint32_t restart = refractory_steps_;
    for (std::size_t i = begin; i < end; ++i) {
      threshold_.advance(i);
      std::uint32_t r = ref[i];
      r -= r > 0 ? 1u : 0u;
      const bool spike = r == 0 && v[i] > v_th + threshold_.offset(i);
      fired[i] = spike ? 1 : 0;
      if (spike) {
        v[i] = v_reset;
        r = restart;
        threshold_.on_spike(i);
      }
      ref[i] = r;
    }
  }
  /// The longest refractory period in steps: the countdown is a 32-bit counter.
  static constexpr std::uint64_t max_refractory_steps = std::numeric_limits<std::uint32_t>::max() - 1u;
  /// Converts the parameters to raw SI once for a run with time step dt [s]; throws
  /// invalid_parameter naming t_ref when round(t_ref / dt) exceeds max_refractory_steps.
  void prepare_common(double dt) {
    detail::require_positive("time step dt [s]", dt);
    refractory_steps_ = static_cast<std::uint32_t>(detail::duration_to_steps(
        "refractory period t_ref [s]", units::in_si(p_.refractory_period), dt, max_refractory_steps));
    v_th_ = units::in_si(p_.threshold);
    v_reset_ = units::in_si(p_.reset);
    e_l_ = units::in_si(p_.resting_potential);
    threshold_.prepare(dt);
  }

  lif_parameters p_;                          ///< membrane parameters
  std::size_t n_;                             ///< number of neurons
  Threshold threshold_;                       ///< threshold rule (fixed or adaptive)
  xt::xtensor<double, 1> v_;                  ///< membrane potentials V_i [V]
  xt::xtensor<double, 1> bias_;               ///< bias currents I_b,i [A]
  xt::xtensor<double, 2> inputs_;             ///< synaptic inputs per channel and neuron (SI)
  xt::xtensor<std::uint32_t, 1> refractory_;  ///< refractory steps left per neuron
  std::uint32_t refractory_steps_ = 0;        ///< refractory period in steps
  double v_th_ = 0.0;                         ///< threshold V_th [V] (raw SI)
  double v_reset_ = 0.0;                      ///< reset potential V_reset [V] (raw SI)
  double e_l_ = 0.0;                          ///< resting potential E_L [V] (raw SI)
};

}  // namespace spinaptic::neuron
