// spinaptic/network/spiking/poisson_group.hpp: independent Poisson spike sources with per-source
// rates, the input layer of rate-coded spiking networks.
//
// Source i fires in step n with probability p_i = nu_i dt (nu_i [Hz], dt [s]; Bernoulli per step,
// as Brian2's PoissonGroup), drawn from the counter-based stream (seed, step n, source i)
// (spinaptic/detail/random.hpp): the trains do not depend on how sources are split over threads.
// The draw compares 64 random bits with floor(p_i 2^64), so P(fire) = p_i to 2^-64.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// n Poisson spike sources; rates are set per source (Hz) at any time between steps.
class poisson_group {
 public:
  /// n sources, all silent.
  explicit poisson_group(std::size_t n) : n_(n) {
    if (n == 0) throw invalid_parameter("Poisson source count", 0.0, ">= 1");
    rate_.resize({n});
    rate_.fill(0.0);
    threshold_.resize({n});
    threshold_.fill(0);
  }

  /// Number of sources.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// Rate of source i.
  [[nodiscard]] units::frequency rate(std::size_t i) const {
    check(i);
    return units::as<units::frequency>(rate_[i]);
  }
  /// Sets the rate nu_i of source i; needs nu_i dt <= 1 once dt is known.
  void set_rate(std::size_t i, units::frequency nu) {
    check(i);
    rate_[i] = detail::require_non_negative("Poisson rate nu [Hz]", units::in_si(nu));
    threshold_[i] = threshold_of(rate_[i]);
    update_silence();
  }
  /// Sets every rate.
  void set_rate_all(units::frequency nu) {
    for (std::size_t i = 0; i < n_; ++i) set_rate(i, nu);
  }
  /// Raw kernel for rate-coded inputs: rate_i = scale_hz * x[i] (x dimensionless, scale in Hz).
  void set_rates_scaled(const double* x, double scale_hz) {
    for (std::size_t i = 0; i < n_; ++i) {
      rate_[i] = detail::require_non_negative("Poisson rate nu [Hz]", x[i] * scale_hz);
      threshold_[i] = threshold_of(rate_[i]);
    }
    update_silence();
  }

  /// Remembers dt [s] and the seed.
  void prepare(double dt, std::uint64_t seed) {
    dt_ = detail::require_positive("time step dt [s]", dt);
    seed_ = seed;
    for (std::size_t i = 0; i < n_; ++i) threshold_[i] = threshold_of(rate_[i]);
    update_silence();
  }

  /// Draws the spikes of sources [begin, end) in step `step`.
  void update(std::size_t begin, std::size_t end, std::uint64_t step, std::uint8_t* fired) const noexcept {
    const std::uint64_t* thr = threshold_.data();
    if (silent_) {  // all rates zero: no draws
      for (std::size_t i = begin; i < end; ++i) fired[i] = 0;
      return;
    }
    const std::uint64_t key = detail::step_key(seed_, step);
    for (std::size_t i = begin; i < end; ++i) {
      detail::counter_rng g(key, static_cast<std::uint64_t>(i) << 8);
      fired[i] = g.next() < thr[i] ? 1 : 0;
    }
  }

 private:
  void check(std::size_t i) const {
    detail::check_index("Poisson source index", i, n_);
  }
  void update_silence() noexcept {
    silent_ = true;
    for (std::size_t i = 0; i < n_; ++i) silent_ = silent_ && rate_[i] == 0.0;
  }
  [[nodiscard]] std::uint64_t threshold_of(double rate) const {
    if (dt_ <= 0.0) return 0;  // before prepare(): recomputed there
    const double p = rate * dt_;
    if (p > 1.0) throw invalid_parameter("Poisson rate nu [Hz] times dt", p, "<= 1 (one spike per step at most)");
    return p >= 1.0 ? ~std::uint64_t{0} : static_cast<std::uint64_t>(std::ldexp(p, 64));
  }

  std::size_t n_;
  double dt_ = 0.0;
  std::uint64_t seed_ = 0;
  bool silent_ = true;
  xt::xtensor<double, 1> rate_;
  xt::xtensor<std::uint64_t, 1> threshold_;
};

static_assert(spike_source<poisson_group>);

}  // namespace spinaptic::network::spiking
