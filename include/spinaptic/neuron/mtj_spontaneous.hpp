// spinaptic/neuron/mtj_spontaneous.hpp: spontaneously spiking junctions: low-barrier MTJs whose
// thermally activated telegraph noise between P and AP is the spike train (a spike is each entry
// into AP; Mizrahi et al., Nat. Commun. 9, 1533 (2018)).
//
// Each junction is a Neel-Brown two-state system (device/neel_brown.hpp) with escape rates
//   r_s(I, T) = f0 exp(-(E_b / k_B T) (1 - i_s)^b),  i_s = +-I / I_c0,
// propagated exactly over each step (P(s -> s') = r_s / (r_s + r_s') (1 - exp(-(r_s + r_s') dt))).
// The stationary spike rate is that of an alternating renewal process,
//   nu = 1 / (1/r_P + 1/r_AP)   [Hz],
// so it follows the bias current I = I_b + I_syn [A] (which tilts the two barriers) and the
// temperature T [K]. Input channel 0 adds synaptic current [A] for one step.
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

/// A population of spontaneously spiking junctions (see the file comment).
class spontaneous_mtj_neuron {
 public:
  static constexpr std::size_t channels = 1;  ///< synaptic current [A]
  /// Monitored variables: the state (0 P, 1 AP) as a double, and the drive current [A].
  static constexpr std::array<std::string_view, 2> variable_names{"state", "I"};

  /// n junctions, all in P, at temperature T.
  spontaneous_mtj_neuron(const device::neel_brown_parameters& junction, std::size_t n, units::temperature temperature)
      : p_(junction.validated()), n_(n) {
    if (n == 0) throw invalid_parameter("neuron count", 0.0, ">= 1");
    for (auto* a : {&bias_, &input_, &state_, &drive_}) {
      a->resize({n});
      a->fill(0.0);
    }
    kelvin_.resize({n});
    kelvin_.fill(detail::require_positive("temperature T [K]", units::in_si(temperature)));
  }

  /// Number of junctions.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// Sets the bias current of junction i.
  void set_bias_current(std::size_t i, units::current c) {
    check(i);
    bias_[i] = detail::require_finite("bias current I_b [A]", units::in_si(c));
  }
  /// Sets the temperature of junction i.
  void set_temperature(std::size_t i, units::temperature t) {
    check(i);
    kelvin_[i] = detail::require_positive("temperature T [K]", units::in_si(t));
  }
  /// The stationary spike rate 1 / (1/r_P + 1/r_AP) of a junction at current I and temperature T.
  [[nodiscard]] units::frequency stationary_rate(units::current i, units::temperature t) const {
    const double c = units::in_si(i), k = detail::require_positive("temperature T [K]", units::in_si(t));
    const double rp = p_.escape_rate(device::magnetic_state::parallel, c, 0.0, k);
    const double rap = p_.escape_rate(device::magnetic_state::antiparallel, c, 0.0, k);
    return units::as<units::frequency>(1.0 / (1.0 / rp + 1.0 / rap));
  }
  /// Input channel 0 (current [A]).
  [[nodiscard]] double* input(std::size_t /*c*/) noexcept { return input_.data(); }
  /// Variable k: 0 the state (0 P, 1 AP), 1 the drive current of the last step [A].
  [[nodiscard]] const double* variable(std::size_t k) const noexcept { return k == 0 ? state_.data() : drive_.data(); }

  /// Remembers dt [s] and the seed.
  void prepare(double dt, std::uint64_t seed) {
    dt_ = detail::require_positive("time step dt [s]", dt);
    seed_ = seed;
  }

  /// Advances junctions [begin, end) by one step; a P -> AP transition is a spike.
  void update(std::size_t begin, std::size_t end, std::uint64_t step, std::uint8_t* fired) noexcept {
    const std::uint64_t key = detail::step_key(seed_, step);
    for (std::size_t i = begin; i < end; ++i) {
      drive_[i] = bias_[i] + input_[i];
      input_[i] = 0.0;
      const double rp = p_.escape_rate(device::magnetic_state::parallel, drive_[i], 0.0, kelvin_[i]);
      const double rap = p_.escape_rate(device::magnetic_state::antiparallel, drive_[i], 0.0, kelvin_[i]);
      const double mix = -std::expm1(-(rp + rap) * dt_);
      const bool in_ap = state_[i] > 0.5;
      detail::counter_rng g(key, static_cast<std::uint64_t>(i) << 8);
      const bool flip = g.uniform() < (in_ap ? rap : rp) / (rp + rap) * mix;
      fired[i] = flip && !in_ap ? 1 : 0;
      if (flip) state_[i] = in_ap ? 0.0 : 1.0;
    }
  }

 private:
  void check(std::size_t i) const {
    detail::check_index("junction index", i, n_);
  }

  device::neel_brown_parameters p_;
  std::size_t n_;
  double dt_ = 0.0;
  std::uint64_t seed_ = 0;
  xt::xtensor<double, 1> bias_, input_, state_, drive_, kelvin_;
};

static_assert(neuron_model<spontaneous_mtj_neuron>);

}  // namespace spinaptic::neuron
