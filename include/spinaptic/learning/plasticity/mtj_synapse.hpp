// spinaptic/learning/plasticity/mtj_synapse.hpp: synapses made of magnetic tunnel junctions that
// switch stochastically with a spike-timing-dependent probability, read through their
// thermovoltage: K = 1 is the stochastic binary synapse, K > 1 the multi-level synapse of K
// junctions in parallel (Vincent et al., IEEE TBioCAS 9, 166 (2015); Srinivasan et al., Sci. Rep.
// 6, 29545 (2016) for stochastic-STDP MTJ synapses).
//
// Each synapse holds m of its K junctions in AP (the rest in P). Its read-out is the open-circuit
// thermovoltage of K Thevenin sources in parallel (each junction a source V_s with resistance R_s):
//   V(m) = (m V_AP / R_AP + (K - m) V_P / R_P) / (m / R_AP + (K - m) / R_P),
// and its weight is w = gain * V(m) (gain [weight unit per volt], e.g. S/V: the conductance a
// synaptic amplifier makes of the voltage). V_s, R_s are the junction's thermovoltage and
// resistance at the read conditions (laser power, bias), e.g. from a device response's
// thermovoltage(state, P, I) and a resistance model's resistance(state, V).
// Plasticity: presynaptic trace x (tau_plus) and postsynaptic trace y (tau_minus), nearest-neighbour
// (set to 1 at a spike). At a postsynaptic spike each P junction of synapse ij switches to AP with
// probability p_plus x_i; at a presynaptic spike each AP junction switches to P with probability
// p_minus y_j. Random numbers: counter-based (seed, event, synapse).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/plasticity/traces.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning::plasticity {

/// Parameters of an MTJ synapse rule.
struct mtj_synapse_parameters {
  std::size_t junctions = 1;                  ///< K (1: binary synapse)
  units::voltage parallel_voltage;            ///< V_P at the read conditions
  units::voltage antiparallel_voltage;        ///< V_AP at the read conditions
  units::resistance parallel_resistance;      ///< R_P
  units::resistance antiparallel_resistance;  ///< R_AP
  double gain = 1.0;                          ///< weight per volt (SI of the target channel per V)
  double potentiation_probability = 0.1;      ///< p_plus
  double depression_probability = 0.1;       ///< p_minus
  units::time tau_plus = units::as<units::time>(20e-3);   ///< presynaptic trace [s]
  units::time tau_minus = units::as<units::time>(20e-3);  ///< postsynaptic trace [s]
  bool window_rule = false;                   ///< Querlioz's window rule instead of trace-scaled probabilities
  std::uint64_t seed = 1;                     ///< switching randomness

  /// Throws invalid_parameter for K outside [1, 255], non-positive resistances or probabilities
  /// outside [0, 1].
  [[nodiscard]] mtj_synapse_parameters validated() const {
    detail::require_in_range("junctions per synapse K", static_cast<double>(junctions), 1.0, 255.0);
    detail::require_finite("thermovoltage V_P [V]", units::in_si(parallel_voltage));
    detail::require_finite("thermovoltage V_AP [V]", units::in_si(antiparallel_voltage));
    detail::require_positive("resistance R_P [Ohm]", units::in_si(parallel_resistance));
    detail::require_positive("resistance R_AP [Ohm]", units::in_si(antiparallel_resistance));
    detail::require_finite("read gain", gain);
    detail::require_in_range("potentiation probability p_plus", potentiation_probability, 0.0, 1.0);
    detail::require_in_range("depression probability p_minus", depression_probability, 0.0, 1.0);
    return *this;
  }
};

/// Stochastic binary (K = 1) or multi-level (K > 1) MTJ synapses (see the file comment).
class mtj_synapse {
 public:
  /// The rule with the given parameters (validated).
  explicit mtj_synapse(const mtj_synapse_parameters& p) : p_(p.validated()) {
    const double k = static_cast<double>(p_.junctions);
    const double vp = units::in_si(p_.parallel_voltage), vap = units::in_si(p_.antiparallel_voltage);
    const double gp = 1.0 / units::in_si(p_.parallel_resistance), gap = 1.0 / units::in_si(p_.antiparallel_resistance);
    for (std::size_t m = 0; m <= p_.junctions; ++m) {
      const double a = static_cast<double>(m);
      level_.push_back(p_.gain * (a * vap * gap + (k - a) * vp * gp) / (a * gap + (k - a) * gp));
    }
  }

  /// Weight of a synapse with m junctions in AP: gain * V(m).
  [[nodiscard]] double level(std::size_t m) const { return level_.at(m); }
  /// Junctions in AP of synapse (i, j).
  [[nodiscard]] std::size_t state(std::size_t i, std::size_t j) const { return ap_.at(i * n_post_ + j); }

  /// Sizes traces and junction states (all P) and precomputes the trace decay over dt [s].
  void prepare(double dt, std::size_t n_pre, std::size_t n_post) {
    x_.resize(n_pre, p_.tau_plus, pairing::nearest_neighbour);
    y_.resize(n_post, p_.tau_minus, pairing::nearest_neighbour);
    x_.prepare(dt);
    y_.prepare(dt);
    n_post_ = n_post;
    ap_.assign(n_pre * n_post, 0);
  }
  /// Sets every synapse to m junctions in AP and writes the matching weights (n_pre x n_post).
  void set_state_all(std::size_t m, double* weights) {
    if (m > p_.junctions) throw invalid_parameter("junctions in AP", static_cast<double>(m), "<= K");
    for (std::size_t k = 0; k < ap_.size(); ++k) {
      ap_[k] = static_cast<std::uint8_t>(m);
      weights[k] = level_[m];
    }
  }
  /// Draws every synapse's state uniformly from {0, ..., K} junctions in AP (counter-based, from
  /// `seed`) and writes the matching weights (n_pre x n_post); call after prepare.
  void initialize(double* weights, std::uint64_t seed) {
    for (std::size_t k = 0; k < ap_.size(); ++k) {
      detail::counter_rng g(detail::stream_key(seed, k, 0x5EED));
      const auto m = std::min<std::size_t>(p_.junctions, static_cast<std::size_t>(g.uniform() * static_cast<double>(p_.junctions + 1)));
      ap_[k] = static_cast<std::uint8_t>(m);
      weights[k] = level_[m];
    }
  }
  /// Advances the traces by one step.
  void decay() noexcept {
    x_.decay();
    y_.decay();
    ++event_;
  }
  /// Presynaptic spike of i: each AP junction of w_ij switches to P with probability p_minus y_j.
  void on_pre(std::size_t i, double* row, std::size_t n_post) noexcept {
    const double* y = y_.data();
    for (std::size_t j = 0; j < n_post && !p_.window_rule; ++j)
      if (y[j] > 0.0 && ap_[i * n_post_ + j] > 0) switch_synapse(i, j, row[j], p_.depression_probability * y[j], false);
    x_.spike(i);
  }
  /// Postsynaptic spike of j: each P junction of w_ij switches to AP with probability p_plus x_i.
  void on_post(std::size_t j, double* w, std::size_t n_pre, std::size_t stride) noexcept {
    const double* x = x_.data();
    if (p_.window_rule) {
      constexpr double recent = 0.36787944117144233;  // exp(-1)
      for (std::size_t i = 0; i < n_pre; ++i) {
        const bool up = x[i] > recent;
        const std::uint8_t m = ap_[i * n_post_ + j];
        if (up ? m < p_.junctions : m > 0)
          switch_synapse(i, j, w[i * stride + j], up ? p_.potentiation_probability : p_.depression_probability, up);
      }
      y_.spike(j);
      return;
    }
    for (std::size_t i = 0; i < n_pre; ++i)
      if (x[i] > 0.0 && ap_[i * n_post_ + j] < p_.junctions)
        switch_synapse(i, j, w[i * stride + j], p_.potentiation_probability * x[i], true);
    y_.spike(j);
  }
  /// The parameters.
  [[nodiscard]] const mtj_synapse_parameters& parameters() const noexcept { return p_; }

 private:
  void switch_synapse(std::size_t i, std::size_t j, double& w, double probability, bool to_ap) noexcept {
    const std::size_t k = i * n_post_ + j;
    detail::counter_rng g(detail::stream_key(p_.seed, k, 2 * event_ + (to_ap ? 1 : 0)));
    std::size_t m = ap_[k];
    const std::size_t movable = to_ap ? p_.junctions - m : m;
    std::size_t moved = 0;
    for (std::size_t q = 0; q < movable; ++q) moved += g.uniform() < probability ? 1 : 0;
    m = to_ap ? m + moved : m - moved;
    ap_[k] = static_cast<std::uint8_t>(m);
    w = level_[m];
  }

  mtj_synapse_parameters p_;
  std::vector<double> level_;
  std::vector<std::uint8_t> ap_;
  std::size_t n_post_ = 0;
  std::uint64_t event_ = 0;
  trace_set x_, y_;
};

static_assert(plasticity_rule<mtj_synapse>);
static_assert(initializing_plasticity_rule<mtj_synapse>);

}  // namespace spinaptic::learning::plasticity
