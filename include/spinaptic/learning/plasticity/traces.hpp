// spinaptic/learning/plasticity/traces.hpp: synaptic eligibility traces, the memory of local
// plasticity rules (Morrison, Diesmann & Gerstner, Biol. Cybern. 98, 459 (2008)).
//
// A trace x of time constant tau decays as dx/dt = -x / tau, integrated exactly over a step of dt
// (x <- x exp(-dt / tau)), and at a spike of its neuron either grows by one (all-to-all pairing:
// every earlier spike counts) or is set to one (nearest-neighbour pairing: only the last counts).
#pragma once

#include <cmath>
#include <cstddef>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning::plasticity {

/// How a trace responds to a spike of its neuron (Morrison et al. 2008, section 4.1).
enum class pairing {
  all_to_all,       ///< x <- x + 1: every earlier spike pairs with the next one of the partner
  nearest_neighbour ///< x <- 1: only the most recent spike pairs (Morrison's symmetric nearest)
};

/// One trace per neuron, all with the same time constant.
class trace_set {
 public:
  /// n traces of time constant tau (validated), all zero; the decay is set by prepare().
  void resize(std::size_t n, units::time tau, pairing mode = pairing::all_to_all) {
    tau_ = detail::require_positive("trace time constant tau [s]", units::in_si(tau));
    mode_ = mode;
    x_.resize({n});
    x_.fill(0.0);
  }
  /// Precomputes exp(-dt / tau) for a step of dt [s].
  void prepare(double dt) { decay_ = std::exp(-dt / tau_); }
  /// x_i <- x_i exp(-dt / tau) for every i.
  void decay() noexcept {
    double* x = x_.data();
    const std::size_t n = x_.size();
    for (std::size_t i = 0; i < n; ++i) x[i] *= decay_;
  }
  /// The spike response of trace i (see pairing).
  void spike(std::size_t i) noexcept { x_[i] = mode_ == pairing::all_to_all ? x_[i] + 1.0 : 1.0; }
  /// x_i.
  [[nodiscard]] double operator[](std::size_t i) const noexcept { return x_[i]; }
  /// All traces.
  [[nodiscard]] const double* data() const noexcept { return x_.data(); }
  /// Sets every trace to zero (between presentations).
  void clear() noexcept { x_.fill(0.0); }
  /// Sets every trace to x exp(-t / tau): the exact decay over a silent time t [s].
  void decay_for(double t) noexcept {
    const double f = std::exp(-t / tau_);
    for (auto& v : x_) v *= f;
  }

 private:
  double tau_ = 1.0, decay_ = 1.0;
  pairing mode_ = pairing::all_to_all;
  xt::xtensor<double, 1> x_;
};

}  // namespace spinaptic::learning::plasticity
