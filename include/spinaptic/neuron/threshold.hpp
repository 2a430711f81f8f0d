// spinaptic/neuron/threshold.hpp: firing-threshold rules of LIF populations: a fixed threshold,
// and the adaptive (homeostatic) threshold of Diehl & Cook (2015).
//
// Adaptive threshold (Diehl & Cook, Front. Comput. Neurosci. 9:99 (2015), eq. 4 and methods):
// a neuron fires when V > V_th + theta, and
//   d theta / dt = -theta / tau_theta,     theta -> theta + theta_plus at each spike,
// theta [V], tau_theta [s] (1e7 ms in the paper: practically no decay), theta_plus [V] (0.05 mV).
// Integrated exactly: theta(t + dt) = theta(t) exp(-dt / tau_theta).
#pragma once

#include <cmath>
#include <cstddef>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::neuron {

/// The fixed threshold V_th of every neuron: the offset theta is always 0.
class fixed_threshold {
 public:
  /// Sizes the (all-zero) offset array for n neurons.
  void resize(std::size_t n) {
    zero_.resize({n});
    zero_.fill(0.0);
  }
  /// Nothing to precompute.
  void prepare(double /*dt*/) noexcept {}
  /// Nothing moves.
  void advance(std::size_t /*i*/) noexcept {}
  /// A spike changes nothing.
  void on_spike(std::size_t /*i*/) noexcept {}
  /// theta_i = 0.
  [[nodiscard]] double offset(std::size_t /*i*/) const noexcept { return 0.0; }
  /// All offsets (zeros).
  [[nodiscard]] const double* offsets() const noexcept { return zero_.data(); }

 private:
  xt::xtensor<double, 1> zero_;
};

/// Parameters of the adaptive threshold (Diehl & Cook 2015).
struct adaptive_threshold_parameters {
  units::voltage increment = units::as<units::voltage>(0.05e-3);  ///< theta_plus [V] (0.05 mV)
  units::time time_constant = units::as<units::time>(1e4);        ///< tau_theta [s] (1e7 ms)

  /// Throws invalid_parameter unless theta_plus >= 0 and tau_theta > 0.
  [[nodiscard]] adaptive_threshold_parameters validated() const {
    detail::require_non_negative("threshold increment theta_plus [V]", units::in_si(increment));
    detail::require_positive("threshold time constant tau_theta [s]", units::in_si(time_constant));
    return *this;
  }
};

/// The homeostatic threshold V_th + theta_i of Diehl & Cook: theta_i grows by theta_plus at each
/// spike and decays with tau_theta; `set_learning(false)` freezes it (the paper's test phase).
class adaptive_threshold {
 public:
  /// The rule with the given parameters (validated).
  explicit adaptive_threshold(const adaptive_threshold_parameters& p = {}) : p_(p.validated()) {}

  /// Sizes theta for n neurons, all zero.
  void resize(std::size_t n) {
    theta_.resize({n});
    theta_.fill(0.0);
  }
  /// Precomputes the decay factor exp(-dt / tau_theta) over a step of dt seconds.
  void prepare(double dt) { decay_ = std::exp(-dt / units::in_si(p_.time_constant)); }
  /// theta_i <- theta_i exp(-dt / tau_theta) (nothing when frozen).
  void advance(std::size_t i) noexcept {
    if (learning_) theta_[i] *= decay_;
  }
  /// theta_i <- theta_i + theta_plus (nothing when frozen).
  void on_spike(std::size_t i) noexcept {
    if (learning_) theta_[i] += units::in_si(p_.increment);
  }
  /// theta_i [V].
  [[nodiscard]] double offset(std::size_t i) const noexcept { return theta_[i]; }
  /// All theta [V].
  [[nodiscard]] const double* offsets() const noexcept { return theta_.data(); }

  /// Sets theta_i (e.g. the 20 mV start of Diehl & Cook's network).
  void set_offset(std::size_t i, units::voltage theta) {
    if (i >= theta_.size()) throw invalid_parameter("neuron index", static_cast<double>(i), "< size()");
    theta_[i] = detail::require_finite("threshold offset theta [V]", units::in_si(theta));
  }
  /// Sets every theta_i.
  void set_offset_all(units::voltage theta) { theta_.fill(detail::require_finite("threshold offset theta [V]", units::in_si(theta))); }
  /// Whether theta adapts (training) or stays (testing).
  void set_learning(bool on) noexcept { learning_ = on; }
  /// The parameters.
  [[nodiscard]] const adaptive_threshold_parameters& parameters() const noexcept { return p_; }

 private:
  adaptive_threshold_parameters p_;
  xt::xtensor<double, 1> theta_;
  double decay_ = 1.0;
  bool learning_ = true;
};

static_assert(threshold_rule<fixed_threshold>);
static_assert(threshold_rule<adaptive_threshold>);

}  // namespace spinaptic::neuron
