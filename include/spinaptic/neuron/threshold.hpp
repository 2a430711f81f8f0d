// spinaptic/neuron/threshold.hpp: firing-threshold rules of LIF populations: a fixed threshold,
// and the adaptive (homeostatic) threshold of Diehl & Cook (2015).
//
// Adaptive threshold (Diehl & Cook, Front. Comput. Neurosci. 9:99 (2015), eq. 4 and methods):
// a neuron fires when V > V_th + theta, and
//   d theta / dt = -theta / tau_theta,     theta -> theta + theta_plus at each spike,
// theta [V], tau_theta [s] (1e7 ms in the paper: practically no decay), theta_plus [V] (0.05 mV).
// Integrated exactly: theta(t + dt) = theta(t) exp(-dt / tau_theta).
//
// Optional lock-out t_lock [s] (0 by default: none): after a spike at step s the neuron may fire
// again at step s + k only if k > round(t_lock / dt), i.e. k dt > t_lock when t_lock is a multiple
// of dt; until then its threshold is +infinity. This is the
// spike timer of the published code's threshold condition, (v > theta - offset + v_thresh_e) and
// (timer > refrac_e), timer = 0 at each spike, refrac_e = 5 ms:
//  * Brian 1 original (peter-u-diehl/stdp-mnist, `dtimer/dt = 100.0 : ms`): Brian 1 integrates in
//    SI, so the timer grows by 100 s per s and passes 5 ms one step after the spike: t_lock = 0
//    (the 5 ms refractory period alone acts);
//  * the Brian2 ports (e.g. zxzhijia/Brian2STDPMNIST, `dtimer/dt = 0.1 : second`): the timer
//    grows by 0.1 s per s and passes 5 ms after t_lock = 5 ms / 0.1 = 50 ms, which caps a neuron
//    at 1 / 50 ms = 20 Hz.
// The lock-out holds whether or not theta learns (the ports keep the timer in the test phase).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/steps.hpp"
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
  /// t_lock [s]: no spike for round(t_lock / dt) steps after the last one (0: none, the Brian 1
  /// code; 50 ms in the Brian2 ports; see the file comment).
  units::time lockout = units::as<units::time>(0.0);

  /// Throws invalid_parameter unless theta_plus >= 0, tau_theta > 0 and t_lock >= 0.
  [[nodiscard]] adaptive_threshold_parameters validated() const {
    detail::require_non_negative("threshold increment theta_plus [V]", units::in_si(increment));
    detail::require_positive("threshold time constant tau_theta [s]", units::in_si(time_constant));
    detail::require_non_negative("threshold lock-out t_lock [s]", units::in_si(lockout));
    return *this;
  }
};

/// The homeostatic threshold V_th + theta_i of Diehl & Cook: theta_i grows by theta_plus at each
/// spike and decays with tau_theta; `set_learning(false)` freezes it (the paper's test phase).
/// With a lock-out t_lock > 0 the threshold is +infinity for round(t_lock / dt) steps after a spike.
class adaptive_threshold {
 public:
  /// The rule with the given parameters (validated).
  explicit adaptive_threshold(const adaptive_threshold_parameters& p = {}) : p_(p.validated()) {}

  /// Sizes theta for n neurons, all zero, none locked out.
  void resize(std::size_t n) {
    theta_.resize({n});
    theta_.fill(0.0);
    since_.resize({n});
    since_.fill(std::numeric_limits<std::uint32_t>::max());
  }
  /// Precomputes the decay factor exp(-dt / tau_theta) over a step of dt seconds and the
  /// lock-out in steps, round(t_lock / dt) (detail/steps.hpp); a lock-out of 2^32 - 2 steps or
  /// more throws invalid_parameter naming t_lock.
  void prepare(double dt) {
    decay_ = std::exp(-dt / units::in_si(p_.time_constant));
    constexpr std::uint64_t most = std::numeric_limits<std::uint32_t>::max() - 2u;  // 2^32 - 3
    lock_steps_ = static_cast<std::uint32_t>(
        detail::duration_to_steps("threshold lock-out t_lock [s]", units::in_si(p_.lockout), dt, most));
  }
  /// theta_i <- theta_i exp(-dt / tau_theta) (nothing when frozen); one more step since the
  /// last spike.
  void advance(std::size_t i) noexcept {
    if (learning_) theta_[i] *= decay_;
    if (lock_steps_ != 0 && since_[i] <= lock_steps_) ++since_[i];  // no lock-out: nothing to count
  }
  /// theta_i <- theta_i + theta_plus (nothing when frozen); the lock-out starts.
  void on_spike(std::size_t i) noexcept {
    if (learning_) theta_[i] += units::in_si(p_.increment);
    since_[i] = 0;
  }
  /// The offset that decides a spike: theta_i [V], +infinity during the lock-out.
  [[nodiscard]] double offset(std::size_t i) const noexcept {
    return lock_steps_ != 0 && since_[i] <= lock_steps_ ? std::numeric_limits<double>::infinity() : theta_[i];
  }
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
  xt::xtensor<std::uint32_t, 1> since_;  // steps since the last spike, saturating above lock_steps_
  double decay_ = 1.0;
  std::uint32_t lock_steps_ = 0;
  bool learning_ = true;
};

static_assert(threshold_rule<fixed_threshold>);
static_assert(threshold_rule<adaptive_threshold>);

}  // namespace spinaptic::neuron
