// spinaptic/network/spiking/optical_rate_group.hpp: input groups whose spikes are laser pulses,
// one laser per input (a crossbar row), each pulsing at a rate set by its optical power.
//
// Pixel x_i sets the mean optical power of its laser with the optical intensity encoding
// (encoding/optical_intensity.hpp, Oberbauer et al. 2025, Fig. 4c),
//   P_i = P_max x_i / x_max                                         [W],
// and the laser driver emits pulses of one fixed energy E_p = P_max / f_max [J], so the power is
// carried by the pulse rate (pulse-frequency modulation):
//   nu_i = P_i / E_p = f_max P_i / P_max = f_max x_i / x_max        [Hz],  0 <= nu_i <= f_max,
// f_max the driver's maximum pulse repetition rate. Two pulse timings:
//  * poisson: source i fires in step n with probability nu_i dt, drawn from the counter-based
//    stream (seed, step n, source i) exactly as poisson_group draws (the same seed and rates give
//    the same trains); counts in T are binomial, mean nu T, variance nu T (1 - nu dt).
//  * periodic: the driver is a pulse clock of continuous phase Phi_i (a voltage-controlled
//    oscillator: dPhi/dt = nu_i, unchanged by a change of rate), started at a phase phi_i drawn
//    uniformly in [0, 1) per source (independent drivers are not synchronised). Pulse k (k = 1, 2,
//    ...) is emitted when Phi_i reaches k + nu_i u_k, u_k uniform in [-J/2, J/2] (timing jitter J,
//    drawn from the stream (seed, source i, pulse k)), i.e. at the time k/nu_i + u_k after the
//    phase origin for a constant rate. Without jitter a train of rate nu fires exactly
//    floor(phi + nu n dt) pulses in its first n steps (phase advanced per step, float rounding
//    aside); with jitter the interpulse intervals have mean 1/nu and variance J^2/6 and
//    neighbouring intervals covariance -J^2/12. J + dt <= 1/f_max keeps one pulse per step.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/encoding/optical_intensity.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/spiking/poisson_group.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// How the laser pulses of an optical_rate_group are timed.
enum class pulse_timing {
  poisson,  ///< independent Bernoulli draws per step, P(pulse) = nu dt
  periodic  ///< a pulse clock of rate nu with uniform timing jitter J
};

/// Laser and driver parameters of an optical_rate_group.
struct optical_rate_parameters {
  units::power max_power;                  ///< P_max, mean optical power of a full-scale pixel
  units::frequency max_rate;               ///< f_max, pulse repetition rate at P_max
  pulse_timing timing = pulse_timing::poisson;  ///< Poisson pulses or a periodic pulse clock with jitter
  units::time jitter = units::as<units::time>(0.0);  ///< J, full width of the uniform timing jitter (periodic)

  /// Throws invalid_parameter unless P_max > 0, f_max > 0 and J >= 0.
  [[nodiscard]] optical_rate_parameters validated() const {
    detail::require_positive("maximum laser power P_max [W]", units::in_si(max_power));
    detail::require_positive("maximum pulse rate f_max [Hz]", units::in_si(max_rate));
    detail::require_non_negative("pulse timing jitter J [s]", units::in_si(jitter));
    return *this;
  }
};

/// n lasers (one per input) whose pulses are the group's spikes; powers are set per laser, or
/// from pixels with the optical intensity encoding, at any time between steps.
class optical_rate_group {
 public:
  /// n lasers, all dark.
  optical_rate_group(std::size_t n, const optical_rate_parameters& p)
      : p_(p.validated()),
        p_max_(units::in_si(p.max_power)),
        f_max_(units::in_si(p.max_rate)),
        jitter_(units::in_si(p.jitter)),
        poisson_(n) {
    phase_.resize({n});
    phase_.fill(0.0);
    next_.resize({n});
    next_.fill(0);
    threshold_.resize({n});
    threshold_.fill(1.0);
    increment_.resize({n});
    increment_.fill(0.0);
    drive_.resize({n});
    drive_.fill(0.0);
  }

  /// Number of lasers.
  [[nodiscard]] std::size_t size() const noexcept { return poisson_.size(); }
  /// The parameters.
  [[nodiscard]] const optical_rate_parameters& parameters() const noexcept { return p_; }
  /// E_p = P_max / f_max, the energy of one pulse [J].
  [[nodiscard]] units::energy pulse_energy() const noexcept {
    return units::as<units::energy>(p_max_ / f_max_);
  }
  /// Pulse rate of laser i, nu_i = f_max P_i / P_max.
  [[nodiscard]] units::frequency rate(std::size_t i) const { return poisson_.rate(i); }
  /// Mean optical power of laser i, P_i = E_p nu_i.
  [[nodiscard]] units::power power(std::size_t i) const {
    return units::as<units::power>(units::in_si(rate(i)) / f_max_ * p_max_);
  }

  /// Sets the mean optical power of laser i (0 <= P <= P_max).
  void set_power(std::size_t i, units::power power) {
    const double p = detail::require_in_range("laser power P [W]", units::in_si(power), 0.0, p_max_);
    poisson_.set_rate(i, units::as<units::frequency>(f_max_ * (p / p_max_)));
    refresh(i);
  }
  /// Sets every laser from n pixels x (0 <= x_i <= x_max): P_i = P_max x_i / x_max
  /// (encoding::optical_intensity), so nu_i = f_max x_i / x_max.
  void set_pixels(const double* x, double max_pixel) {
    detail::require_positive("full-scale pixel value x_max", max_pixel);
    for (std::size_t i = 0; i < size(); ++i)
      detail::require_in_range("pixel value x", x[i], 0.0, max_pixel);
    for (std::size_t i = 0; i < size(); ++i) drive_[i] = encoding::optical_intensity::normalized_drive(x[i], max_pixel);
    poisson_.set_rates_scaled(drive_.data(), f_max_);
    for (std::size_t i = 0; i < size(); ++i) refresh(i);
  }
  /// Turns every laser off.
  void set_dark() {
    poisson_.set_rate_all(units::as<units::frequency>(0.0));
    for (std::size_t i = 0; i < size(); ++i) refresh(i);
  }

  /// Remembers dt [s] and the seed; a periodic train starts at its random phase, with its first
  /// pulse's jitter drawn.
  void prepare(double dt, std::uint64_t seed) {
    poisson_.prepare(dt, seed);
    dt_ = dt;
    seed_ = seed;
    if (p_.timing == pulse_timing::periodic && jitter_ + dt > 1.0 / f_max_)
      throw invalid_parameter("pulse timing jitter J plus time step dt [s]", jitter_ + dt,
                              "<= 1/f_max (one pulse per step at most)");
    for (std::size_t i = 0; i < size(); ++i) {
      detail::counter_rng g(detail::stream_key(seed, i, 0x0F7));
      phase_[i] = g.uniform();
      next_[i] = 1;
      refresh(i);
    }
  }

  /// Emits the pulses of lasers [begin, end) in step `step`.
  void update(std::size_t begin, std::size_t end, std::uint64_t step, std::uint8_t* fired) noexcept {
    if (p_.timing == pulse_timing::poisson) {
      poisson_.update(begin, end, step, fired);
      return;
    }
    for (std::size_t i = begin; i < end; ++i) {
      phase_[i] += increment_[i];
      const bool pulse = phase_[i] >= threshold_[i];
      fired[i] = pulse ? 1 : 0;
      if (pulse) {
        ++next_[i];
        threshold_[i] = threshold_of(i);
      }
    }
  }

 private:
  /// Phase of pulse next_[i]: k + nu u_k (periodic timing).
  [[nodiscard]] double threshold_of(std::size_t i) const noexcept {
    const double k = static_cast<double>(next_[i]);
    if (jitter_ == 0.0) return k;
    detail::counter_rng g(detail::stream_key(seed_, i, next_[i]));
    return k + units::in_si(poisson_.rate(i)) * jitter_ * (g.uniform() - 0.5);
  }
  /// Recomputes the phase step and the next pulse's phase of laser i after a change of rate.
  void refresh(std::size_t i) {
    increment_[i] = units::in_si(poisson_.rate(i)) * dt_;
    threshold_[i] = threshold_of(i);
  }

  optical_rate_parameters p_;
  double p_max_, f_max_, jitter_;
  double dt_ = 0.0;
  std::uint64_t seed_ = 0;
  poisson_group poisson_;                        ///< rates, and the draws of the Poisson timing
  xt::xtensor<double, 1> phase_, threshold_, increment_, drive_;
  xt::xtensor<std::uint64_t, 1> next_;
};

static_assert(spike_source<optical_rate_group>);

}  // namespace spinaptic::network::spiking
