// spinaptic/neuron/lif_current.hpp: LIF neurons with current-based exponential synapses,
// integrated exactly.
//
//   tau_m dV/dt = -(V - E_L) + R (I_b + sum_c I_c),     dI_c/dt = -I_c / tau_c,
// a spike through a synapse of weight w [A] makes I_c jump by w. tau_m, tau_c [s], R [Ohm],
// I_b, I_c [A], V, E_L [V]. The system is linear, so one step of dt is its exact propagator
// (Rotter & Diesmann, Biol. Cybern. 81, 381 (1999)):
//   V(t+dt) = E_L + (V - E_L) A + R I_b (1 - A) + sum_c R I_c tau_c/(tau_c - tau_m) (D_c - A),
//   I_c(t+dt) = I_c D_c,     A = exp(-dt/tau_m),  D_c = exp(-dt/tau_c)
// (for tau_c = tau_m the coupling is R I_c (dt/tau_m) A). Brian2's method='exact' computes the same.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/neuron/lif.hpp"
#include "spinaptic/neuron/threshold.hpp"

namespace spinaptic::neuron {

/// Current-based synapses of a LIF population: the membrane resistance and one time constant per
/// channel.
struct current_synapses {
  static constexpr std::size_t channels = 2;  ///< excitatory (0) and inhibitory (1)
  units::resistance membrane_resistance;           ///< R [Ohm]
  std::array<units::time, channels> time_constants;  ///< tau_c [s]: excitatory (0), inhibitory (1)

  /// Throws invalid_parameter unless R > 0 and every tau_c > 0.
  [[nodiscard]] current_synapses validated() const {
    detail::require_positive("membrane resistance R [Ohm]", units::in_si(membrane_resistance));
    for (const auto& t : time_constants) detail::require_positive("synaptic time constant tau_c [s]", units::in_si(t));
    return *this;
  }
};

/// A population of LIF neurons with current-based exponential synapses (see the file comment).
/// Channel inputs are currents [A]; a projection's weight is the jump of I_c.
template <threshold_rule Threshold = fixed_threshold>
class lif_current_based : public lif_state<2, Threshold> {
  using base = lif_state<2, Threshold>;

 public:
  /// Names of the monitored state variables: V [V], I_exc, I_inh [A], threshold offset theta [V].
  static constexpr std::array<std::string_view, 4> variable_names{"V", "I_exc", "I_inh", "theta"};

  /// n neurons with the given membrane and synapse parameters, all at rest.
  lif_current_based(const lif_parameters& membrane, const current_synapses& synapses, std::size_t n,
                    Threshold threshold = {})
      : base(membrane, n, std::move(threshold)), s_(synapses.validated()) {}

  /// Precomputes the exact propagator over dt [s].
  void prepare(double dt, std::uint64_t /*seed*/) {
    this->prepare_common(dt);
    const double tm = units::in_si(this->p_.membrane_time_constant), r = units::in_si(s_.membrane_resistance);
    a_ = std::exp(-dt / tm);
    bias_gain_ = r * -std::expm1(-dt / tm);
    for (std::size_t c = 0; c < base::channels; ++c) {
      const double tc = units::in_si(s_.time_constants[c]);
      d_[c] = std::exp(-dt / tc);
      k_[c] = std::abs(tc - tm) < 1e-12 * tm ? r * dt / tm * a_ : r * tc / (tc - tm) * (d_[c] - a_);
    }
  }

  /// Advances neurons [begin, end) by one step; fired[i] = 1 for those that spiked.
  void update(std::size_t begin, std::size_t end, std::uint64_t /*step*/, std::uint8_t* fired) noexcept {
    double* v = this->v_.data();
    double* ie = this->input(0);
    double* ii = this->input(1);
    const double* ib = this->bias_.data();
    const std::uint32_t* ref = this->refractory_.data();
    const double el = this->e_l_, a = a_, kb = bias_gain_, ke = k_[0], ki = k_[1], de = d_[0], di = d_[1];
    for (std::size_t i = begin; i < end; ++i) {  // the exact propagator: vectorisable
      const double moved = el + (v[i] - el) * a + kb * ib[i] + ke * ie[i] + ki * ii[i];
      v[i] = ref[i] > 0 ? v[i] : moved;
      ie[i] *= de;
      ii[i] *= di;
    }
    this->fire_range(begin, end, fired);
  }

  /// State variable k: 0 V [V], 1 I_exc [A], 2 I_inh [A], 3 the threshold offset theta [V].
  [[nodiscard]] const double* variable(std::size_t k) const noexcept {
    if (k == 3) return this->threshold_.offsets();
    return k == 0 ? this->v_.data() : this->inputs_.data() + (k - 1) * this->n_;
  }
  /// The synapse parameters.
  [[nodiscard]] const current_synapses& synapses() const noexcept { return s_; }

 private:
  current_synapses s_;
  double a_ = 0.0, bias_gain_ = 0.0;
  std::array<double, base::channels> d_{}, k_{};
};

static_assert(neuron_model<lif_current_based<>>);

}  // namespace spinaptic::neuron
