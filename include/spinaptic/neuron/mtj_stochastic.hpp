// spinaptic/neuron/mtj_stochastic.hpp: a stochastic neuron made of one magnetic tunnel junction
// per neuron: in each step of dt its junction, held in the antiparallel (AP) state, receives a
// current pulse of width tau_p carrying the neuron's input, switches to P with the device model's
// probability, and a switch is a spike, after which the junction is reset to AP.
//
// The switching probability is the Neel-Brown escape of the junction from AP under the pulse
// current I (device/neel_brown.hpp):
//   P_sw(I, tau_p) = 1 - exp(-tau_p / tau_AP(I, T)),   1/tau_AP = f0 exp(-Delta_AP(I, T)),
// (Neel 1949, Brown 1963, Koch et al. PRL 92, 088302 (2004)), I = I_b + I_syn [A], T [K].
// I_syn is the neuron's input channel 0 [A]: projections add their weights there; it is consumed
// by the pulse of the step (a neuron integrates nothing across steps: the junction is its memory
// only within a pulse). Random numbers come from the counter-based stream (seed, step, neuron).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/device/neel_brown.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::neuron {

/// A population of stochastic MTJ neurons (see the file comment).
class stochastic_mtj_neuron {
 public:
  static constexpr std::size_t channels = 1;  ///< the input current [A]
  /// Monitored variables: the last pulse current [A] and its switching probability.
  static constexpr std::array<std::string_view, 2> variable_names{"I_pulse", "P_switch"};

  /// n neurons of junctions `junction`, pulse width tau_p, temperature T.
  stochastic_mtj_neuron(const device::neel_brown_parameters& junction, std::size_t n, units::time pulse_width,
                        units::temperature temperature)
      : p_(junction.validated()), n_(n),
        tau_p_(detail::require_positive("pulse width tau_p [s]", units::in_si(pulse_width))),
        kelvin_(detail::require_positive("temperature T [K]", units::in_si(temperature))) {
    if (n == 0) throw invalid_parameter("neuron count", 0.0, ">= 1");
    for (auto* a : {&bias_, &input_, &pulse_, &probability_}) {
      a->resize({n});
      a->fill(0.0);
    }
  }

  /// Number of neurons.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// Sets the bias current of every junction (added to the input in each pulse).
  void set_bias_current_all(units::current i) { bias_.fill(detail::require_finite("bias current I_b [A]", units::in_si(i))); }
  /// Sets the bias current of junction i.
  void set_bias_current(std::size_t i, units::current c) {
    detail::check_index("neuron index", i, n_);
    bias_[i] = detail::require_finite("bias current I_b [A]", units::in_si(c));
  }
  /// The device model's switching probability for a pulse of current I (what a neuron fires with).
  [[nodiscard]] double switching_probability(units::current i) const noexcept {
    return probability(units::in_si(i));
  }
  /// Input channel 0 (current [A]).
  [[nodiscard]] double* input(std::size_t /*c*/) noexcept { return input_.data(); }
  /// Variable k: 0 the last pulse current [A], 1 its switching probability.
  [[nodiscard]] const double* variable(std::size_t k) const noexcept { return k == 0 ? pulse_.data() : probability_.data(); }

  /// Remembers the seed (dt only sets the pulse cadence: one pulse per step).
  void prepare(double dt, std::uint64_t seed) {
    detail::require_positive("time step dt [s]", dt);
    if (tau_p_ > dt) throw invalid_parameter("pulse width tau_p [s]", tau_p_, "<= the time step dt");
    seed_ = seed;
  }

  /// One pulse per neuron in [begin, end): spike with probability P_sw(I_b + I_syn, tau_p).
  void update(std::size_t begin, std::size_t end, std::uint64_t step, std::uint8_t* fired) noexcept {
    const std::uint64_t key = detail::step_key(seed_, step);
    for (std::size_t i = begin; i < end; ++i) {
      pulse_[i] = bias_[i] + input_[i];
      input_[i] = 0.0;
      probability_[i] = probability(pulse_[i]);
      detail::counter_rng g(key, static_cast<std::uint64_t>(i) << 8);
      fired[i] = g.uniform() < probability_[i] ? 1 : 0;  // the junction is then reset to AP
    }
  }

 private:
  [[nodiscard]] double probability(double current) const noexcept {
    return -std::expm1(-tau_p_ * p_.escape_rate(device::magnetic_state::antiparallel, current, 0.0, kelvin_));
  }

  device::neel_brown_parameters p_;
  std::size_t n_;
  double tau_p_, kelvin_;
  std::uint64_t seed_ = 0;
  xt::xtensor<double, 1> bias_, input_, pulse_, probability_;
};

static_assert(neuron_model<stochastic_mtj_neuron>);

}  // namespace spinaptic::neuron
