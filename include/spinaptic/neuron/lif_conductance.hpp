// spinaptic/neuron/lif_conductance.hpp: LIF neurons with conductance-based exponential synapses
// (the neurons of the Vogels-Abbott COBA network and of Diehl & Cook's network).
//
//   C dV/dt = -g_L (V - E_L) - sum_c g_c (V - E_c) + I_b,    dg_c/dt = -g_c / tau_c,
// a spike through a synapse of weight w [S] makes g_c jump by w. C = tau_m g_L [F], g_L, g_c [S],
// E_L, E_c [V], I_b [A], tau_m, tau_c [s] (Vogels & Abbott, J. Neurosci. 25, 10786 (2005);
// Brette et al., J. Comput. Neurosci. 23, 349 (2007), benchmark 1).
// The conductances decay exactly; V is linear in itself for conductances held over the step, so
// it is advanced with that exact solution (exponential Euler, as Brian2's 'exponential_euler'):
//   g = g_L + sum_c g_c,  V_inf = (g_L E_L + sum_c g_c E_c + I_b) / g,
//   V(t+dt) = V_inf + (V - V_inf) exp(-g dt / C),   g_c(t+dt) = g_c exp(-dt / tau_c).
// The exponential is detail::exp_nonpositive (libm-free, within 2 ulp), so the loop vectorises.
// Which conductance is held over the step (conductance_hold):
//  * start_of_step (default, Brian2's exponential Euler): g_c(t). A spike of weight w then
//    delivers the conductance integral w dt / (1 - exp(-dt/tau_c)) instead of the exact w tau_c:
//    1.01 times too much for tau_c = 50 dt (COBA), 1.27 times for tau_c = 2 dt (Diehl & Cook's
//    1 ms excitatory synapses at dt = 0.5 ms).
//  * step_mean: the mean of the exactly decaying g_c over the step,
//      g_c(t) (tau_c / dt) (1 - exp(-dt/tau_c)),
//    so a spike delivers exactly w tau_c for any dt (charge-conserving), as the continuous model
//    and as forward Euler does for dg/dt = -g/tau (sum_k w (1 - dt/tau)^k dt = w tau).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/math.hpp"
#include "spinaptic/neuron/lif.hpp"
#include "spinaptic/neuron/threshold.hpp"

namespace spinaptic::neuron {

/// Which conductance the membrane update holds over a step (see the file comment).
enum class conductance_hold {
  start_of_step,  ///< g_c(t): exponential Euler as Brian2's
  step_mean       ///< the mean of g_c over [t, t + dt): a spike delivers exactly w tau_c
};

/// Conductance-based synapses: the leak conductance and, per channel (0 excitatory,
/// 1 inhibitory), a reversal potential and a time constant.
struct conductance_synapses {
  static constexpr std::size_t channels = 2;  ///< excitatory (0) and inhibitory (1)
  units::conductance leak_conductance;                    ///< g_L [S]
  std::array<units::voltage, channels> reversal_potentials;  ///< E_c [V]
  std::array<units::time, channels> time_constants;          ///< tau_c [s]
  conductance_hold hold = conductance_hold::start_of_step;   ///< conductance held over a step

  /// Throws invalid_parameter unless g_L > 0, tau_c > 0 and E_c finite.
  [[nodiscard]] conductance_synapses validated() const {
    detail::require_positive("leak conductance g_L [S]", units::in_si(leak_conductance));
    for (const auto& t : time_constants) detail::require_positive("synaptic time constant tau_c [s]", units::in_si(t));
    for (const auto& e : reversal_potentials) detail::require_finite("reversal potential E_c [V]", units::in_si(e));
    return *this;
  }
};

/// A population of LIF neurons with conductance-based exponential synapses (see the file
/// comment). Channel inputs are conductances [S]; a projection's weight is the jump of g_c.
/// With Threshold = adaptive_threshold it is Diehl & Cook's excitatory neuron.
template <threshold_rule Threshold = fixed_threshold>
class lif_conductance_based : public lif_state<2, Threshold> {
  using base = lif_state<2, Threshold>;

 public:
  /// Names of the monitored state variables: V [V], g_exc, g_inh [S], threshold offset theta [V].
  static constexpr std::array<std::string_view, 4> variable_names{"V", "g_exc", "g_inh", "theta"};

  /// n neurons with the given membrane and synapse parameters, all at rest.
  lif_conductance_based(const lif_parameters& membrane, const conductance_synapses& synapses, std::size_t n,
                        Threshold threshold = Threshold{})
      : base(membrane, n, std::move(threshold)), s_(synapses.validated()) {}

  /// Precomputes the decay factors over dt [s].
  void prepare(double dt, std::uint64_t /*seed*/) {
    this->prepare_common(dt);
    g_l_ = units::in_si(s_.leak_conductance);
    dt_over_c_ = dt / (units::in_si(this->p_.membrane_time_constant) * g_l_);
    for (std::size_t c = 0; c < base::channels; ++c) {
      d_[c] = std::exp(-dt / units::in_si(s_.time_constants[c]));
      // the step mean of g_c is m_c g_c(t), m_c = (tau_c / dt)(1 - exp(-dt/tau_c))
      m_[c] = s_.hold == conductance_hold::step_mean ? units::in_si(s_.time_constants[c]) / dt * (1.0 - d_[c]) : 1.0;
      e_[c] = units::in_si(s_.reversal_potentials[c]);
    }
  }

  /// Advances neurons [begin, end) by one step; fired[i] = 1 for those that spiked.
  void update(std::size_t begin, std::size_t end, std::uint64_t /*step*/, std::uint8_t* fired) noexcept {
    double* v = this->v_.data();
    double* ge = this->input(0);
    double* gi = this->input(1);
    const double* ib = this->bias_.data();
    const std::uint32_t* ref = this->refractory_.data();
    const double gl = g_l_, el = this->e_l_, ee = e_[0], ei = e_[1], de = d_[0], di = d_[1], k = dt_over_c_;
    const double me = m_[0], mi = m_[1];
    for (std::size_t i = begin; i < end; ++i) {  // the membrane: vectorisable
      const double gei = me * ge[i], gii = mi * gi[i];
      const double g = gl + gei + gii;
      const double v_inf = (gl * el + gei * ee + gii * ei + ib[i]) / g;
      const double moved = v_inf + (v[i] - v_inf) * detail::exp_nonpositive(-g * k);
      v[i] = ref[i] > 0 ? v[i] : moved;
      ge[i] *= de;
      gi[i] *= di;
    }
    this->fire_range(begin, end, fired);  // refractoriness and the threshold
  }

  /// State variable k: 0 V [V], 1 g_exc [S], 2 g_inh [S], 3 the threshold offset theta [V].
  [[nodiscard]] const double* variable(std::size_t k) const noexcept {
    if (k == 3) return this->threshold_.offsets();
    return k == 0 ? this->v_.data() : this->inputs_.data() + (k - 1) * this->n_;
  }
  /// The synapse parameters.
  [[nodiscard]] const conductance_synapses& synapses() const noexcept { return s_; }

 private:
  conductance_synapses s_;
  double g_l_ = 0.0, dt_over_c_ = 0.0;
  std::array<double, base::channels> d_{}, e_{}, m_{1.0, 1.0};
};

static_assert(neuron_model<lif_conductance_based<>>);
static_assert(neuron_model<lif_conductance_based<adaptive_threshold>>);

}  // namespace spinaptic::neuron
