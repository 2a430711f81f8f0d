// spinaptic/network/spiking/dense_projection.hpp: all-to-all projections with a weight matrix
// and one delay, optionally plastic (a plasticity rule acting on the matrix).
//
// A spike of source i adds w_ij to target j's input channel after the delay d (whole steps,
// spinaptic/network/spiking/delay_line.hpp), one for the projection or one per synapse. The weight matrix is row-major (n_pre x n_post), so a
// presynaptic spike reads one contiguous row. A plastic projection hears both sides' spikes after
// delivery and lets its rule (concept plasticity_rule) update rows on presynaptic and columns on
// postsynaptic spikes. Delays become whole steps round(d / dt) (detail/steps.hpp), at most what a
// delay line of 2^27 doubles holds (delay_line::max_delay_steps); spike indices are 32-bit, so a
// side has at most 2^32 - 1 members; deliver() refuses a source index outside [0, n_pre).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/detail/steps.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/spiking/delay_line.hpp"
#include "spinaptic/network/spiking/spike_index.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// All-to-all projection with a weight matrix (raw SI unit of the target channel) and one delay.
class dense_projection {
 public:
  /// n_pre x n_post synapses of weight `weight_si` onto input channel `channel`, delay `delay`.
  dense_projection(std::size_t n_pre, std::size_t n_post, std::size_t channel, double weight_si,
                   units::time delay = units::as<units::time>(0.0))
      : channel_(channel), delay_(detail::require_non_negative("synaptic delay [s]", units::in_si(delay))) {
    constexpr std::size_t most = std::numeric_limits<std::uint32_t>::max();
    if (n_pre == 0 || n_pre > most)
      throw invalid_parameter("projection sources", static_cast<double>(n_pre), "[1, 2^32 - 1] (32-bit spike indices)");
    if (n_post == 0 || n_post > most)
      throw invalid_parameter("projection targets", static_cast<double>(n_post), "[1, 2^32 - 1] (32-bit spike indices)");
    std::size_t synapses = 0;
    if (!detail::checked_multiply(n_pre, n_post, synapses))
      throw invalid_parameter("projection synapses n_pre x n_post", static_cast<double>(n_pre) * static_cast<double>(n_post),
                              "a product that fits std::size_t");
    w_.resize({n_pre, n_post});
    w_.fill(detail::require_finite("synaptic weight w", weight_si));
  }

  /// The same with a unit-checked weight: a conductance (siemens) for conductance-based targets,
  /// a current (amperes) for current-based ones.
  template <class Unit>
  dense_projection(std::size_t n_pre, std::size_t n_post, std::size_t channel, units::quantity<Unit> weight,
                   units::time delay = units::as<units::time>(0.0))
      : dense_projection(n_pre, n_post, channel, units::in_si(weight), delay) {}

  /// n_pre.
  [[nodiscard]] std::size_t source_size() const noexcept { return w_.shape()[0]; }
  /// n_post.
  [[nodiscard]] std::size_t target_size() const noexcept { return w_.shape()[1]; }
  /// The target's input channel.
  [[nodiscard]] std::size_t channel() const noexcept { return channel_; }
  /// The weight matrix w(i, j) (raw SI), to read or set between steps.
  [[nodiscard]] xt::xtensor<double, 2>& weights() noexcept { return w_; }
  /// The weight matrix w(i, j) (raw SI), read only.
  [[nodiscard]] const xt::xtensor<double, 2>& weights() const noexcept { return w_; }

  /// Gives every synapse its own delay, uniform in [min, max] (whole steps once dt is known),
  /// drawn from the counter-based stream of `seed` (Diehl & Cook's input delays: 0-10 ms).
  void set_delays_uniform(units::time min, units::time max, std::uint64_t seed) {
    const double lo = detail::require_non_negative("minimum delay [s]", units::in_si(min));
    const double hi = detail::require_non_negative("maximum delay [s]", units::in_si(max));
    if (hi < lo) throw invalid_parameter("maximum delay [s]", hi, ">= minimum delay");
    delay_ = lo;
    spread_ = hi - lo;
    fraction_.resize(w_.shape());
    for (std::size_t k = 0; k < fraction_.size(); ++k) {
      detail::counter_rng g(detail::stream_key(seed, k, 0xDE1A));
      fraction_.data()[k] = g.uniform();
    }
  }

  /// Sizes the delay line for dt [s]; throws invalid_parameter naming the delay when its steps
  /// exceed delay_line::max_delay_steps(n_post), before anything is allocated.
  void prepare(double dt) {
    detail::require_positive("time step dt [s]", dt);
    const std::uint64_t most = delay_line::max_delay_steps(target_size());
    delay_steps_ = static_cast<std::size_t>(
        detail::duration_to_steps(spread_ > 0.0 ? "minimum delay [s]" : "synaptic delay [s]", delay_, dt, most));
    std::size_t longest = delay_steps_;
    if (spread_ > 0.0) {  // per-synapse delays: min + floor(u (spread_steps + 1)) steps
      const auto spread_steps =
          static_cast<std::size_t>(detail::duration_to_steps("delay spread max - min [s]", spread_, dt, most));
      if (delay_steps_ + spread_steps > most)
        throw invalid_parameter("maximum delay [s]", delay_ + spread_,
                                "at most " + std::to_string(most) + " steps of dt (a delay line of 2^27 doubles)");
      synapse_delay_.resize(w_.shape());
      for (std::size_t k = 0; k < fraction_.size(); ++k)
        synapse_delay_.data()[k] = static_cast<std::uint32_t>(
            delay_steps_ + std::min(spread_steps, static_cast<std::size_t>(fraction_.data()[k] * double(spread_steps + 1))));
      longest = delay_steps_ + spread_steps;
    }
    line_.resize(longest, target_size());
  }

  /// Adds row i of the weights for every spiking source i (now or after the delay); throws
  /// index_out_of_range, before adding anything, for a source i >= n_pre.
  void deliver(std::span<const std::uint32_t> pre, std::uint64_t step, double* target) {
    check_spike_indices(pre, source_size());
    const std::size_t n = target_size();
    if (spread_ > 0.0) {
      for (const std::uint32_t i : pre) {
        const double* row = w_.data() + static_cast<std::size_t>(i) * n;
        const std::uint32_t* d = synapse_delay_.data() + static_cast<std::size_t>(i) * n;
        for (std::size_t j = 0; j < n; ++j) line_.slot(step + d[j])[j] += row[j];
      }
      line_.arrive(step, target);
      return;
    }
    double* out = delay_steps_ == 0 ? target : line_.slot(step + delay_steps_);
    for (const std::uint32_t i : pre) {
      const double* row = w_.data() + static_cast<std::size_t>(i) * n;
      for (std::size_t j = 0; j < n; ++j) out[j] += row[j];
    }
    if (delay_steps_ != 0) line_.arrive(step, target);
  }

 private:
  std::size_t channel_;
  double delay_, spread_ = 0.0;
  std::size_t delay_steps_ = 0;
  xt::xtensor<double, 2> w_, fraction_;
  xt::xtensor<std::uint32_t, 2> synapse_delay_;
  delay_line line_;
};

/// A dense projection whose weights learn by `Rule` (e.g. pair or triplet STDP, Diehl & Cook).
template <plasticity_rule Rule>
class plastic_dense_projection : public dense_projection {
 public:
  /// As dense_projection, with the rule's parameters.
  plastic_dense_projection(std::size_t n_pre, std::size_t n_post, std::size_t channel, double weight_si, Rule rule,
                           units::time delay = units::as<units::time>(0.0))
      : dense_projection(n_pre, n_post, channel, weight_si, delay), rule_(std::move(rule)) {}

  /// Sizes the delay line and the rule's traces.
  void prepare(double dt) {
    dense_projection::prepare(dt);
    rule_.prepare(dt, source_size(), target_size());
  }
  /// Whether the weights change (off: the test phase).
  void set_learning(bool on) noexcept { learning_ = on; }
  /// The rule (its traces and parameters).
  [[nodiscard]] Rule& rule() noexcept { return rule_; }

  /// Advances the traces by one step, then applies the rule for this step's spikes on both sides;
  /// throws index_out_of_range for a source >= n_pre or a target >= n_post.
  void learn(std::span<const std::uint32_t> pre, std::span<const std::uint32_t> post, std::uint64_t /*step*/) {
    if (!learning_) return;
    const std::size_t n_pre = source_size(), n_post = target_size();
    check_spike_indices(pre, n_pre);
    check_spike_indices(post, n_post, "target index");
    rule_.decay();
    for (const std::uint32_t i : pre) rule_.on_pre(i, weights().data() + static_cast<std::size_t>(i) * n_post, n_post);
    for (const std::uint32_t j : post) rule_.on_post(j, weights().data(), n_pre, n_post);
  }

 private:
  Rule rule_;
  bool learning_ = true;
};

/// What the one-weight square projections share: n sources onto n targets of one channel.
class square_projection {
 public:
  /// n sources onto n targets, channel `channel`, weight `weight_si` (raw SI).
  square_projection(std::size_t n, std::size_t channel, double weight_si)
      : n_(n), channel_(channel), w_(detail::require_finite("synaptic weight w", weight_si)) {
    if (n == 0) throw invalid_parameter("projection size", 0.0, ">= 1");
  }
  /// The same with a unit-checked weight (siemens or amperes, as the target channel).
  template <class Unit>
  square_projection(std::size_t n, std::size_t channel, units::quantity<Unit> weight)
      : square_projection(n, channel, units::in_si(weight)) {}
  [[nodiscard]] std::size_t source_size() const noexcept { return n_; }  ///< n
  [[nodiscard]] std::size_t target_size() const noexcept { return n_; }  ///< n
  [[nodiscard]] std::size_t channel() const noexcept { return channel_; }  ///< target channel
  /// Nothing to size.
  void prepare(double /*dt*/) noexcept {}

 protected:
  std::size_t n_;        ///< group size n (source = target)
  std::size_t channel_;  ///< the target's input channel
  double w_;             ///< the one weight w (raw SI: A or S)
};

/// One-to-one projection: source i excites target i with one weight (no delay).
class one_to_one_projection : public square_projection {
 public:
  using square_projection::square_projection;
  /// target[i] += w for every spiking i; throws index_out_of_range for i >= n.
  void deliver(std::span<const std::uint32_t> pre, std::uint64_t /*step*/, double* target) const {
    check_spike_indices(pre, n_);
    for (const std::uint32_t i : pre) target[i] += w_;
  }
};

/// Lateral inhibition for winner-take-all: source i reaches every target j != i with one weight
/// (no delay). Costs O(n + spikes) per step: k spikes add k w everywhere, minus w at each source.
class lateral_inhibition : public square_projection {
 public:
  using square_projection::square_projection;
  /// target[j] += w (number of spiking sources other than j); throws index_out_of_range for a
  /// source >= n.
  void deliver(std::span<const std::uint32_t> pre, std::uint64_t /*step*/, double* target) const {
    if (pre.empty()) return;
    check_spike_indices(pre, n_);
    const double all = w_ * static_cast<double>(pre.size());
    for (std::size_t j = 0; j < n_; ++j) target[j] += all;
    for (const std::uint32_t i : pre) target[i] -= w_;
  }
};

static_assert(projection<dense_projection>);
static_assert(projection<one_to_one_projection>);
static_assert(projection<lateral_inhibition>);

}  // namespace spinaptic::network::spiking
