// spinaptic/network/spiking/sparse_projection.hpp: fixed-probability random connectivity
// (each pre-post pair connected independently with probability p, as Brian2's
// connect(p=...)), stored by source (compressed rows), with per-synapse delays.
//
// The connectivity is drawn once from the counter-based stream of the given seed, by geometric
// skipping: the gap to the next connected target is floor(ln U / ln(1 - p)), exact for Bernoulli
// trials (Devroye, "Non-Uniform Random Variate Generation" (1986), X.2). A spike of source i adds
// w_ij to target j's input channel after delay d_ij (spinaptic/network/spiking/delay_line.hpp).
// Indices and row offsets are 32-bit: at most 2^32 - 1 sources, targets and synapses (larger
// sizes are refused by name); delays are whole steps round(d / dt) (detail/steps.hpp), at most
// what a delay line of 2^27 doubles holds; deliver() refuses a source index outside [0, n_pre).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/detail/steps.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/spiking/delay_line.hpp"
#include "spinaptic/network/spiking/spike_index.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// How a fixed-probability projection is drawn and weighted. The weight's unit is the target
/// channel's (amperes for current-based, siemens for conductance-based synapses), so it is given
/// as a raw SI double by `weight_si`; use `sparse_projection::with_weight` for the unit-checked form.
struct sparse_connectivity {
  std::size_t sources = 0;            ///< n_pre
  std::size_t targets = 0;            ///< n_post
  double probability = 0.0;           ///< p in [0, 1]
  std::size_t channel = 0;            ///< the target's input channel
  units::time min_delay = units::as<units::time>(0.0);  ///< d_ij uniform in [min, max] (whole steps)
  units::time max_delay = units::as<units::time>(0.0);  ///< upper end of the delay range
  bool autapses = true;               ///< whether i -> i is allowed (same group on both ends)
  std::size_t first_source = 0;       ///< only sources in [first_source, last_source) project
  std::size_t last_source = static_cast<std::size_t>(-1);  ///< (default: all of them)
  std::uint64_t seed = 1;             ///< connectivity and delays are a function of this seed
};

/// Fixed-probability sparse projection (see the file comment).
class sparse_projection {
 public:
  /// Draws the connectivity; every weight is `weight_si` (SI unit of the target channel).
  sparse_projection(const sparse_connectivity& c, double weight_si) : c_(c) {
    constexpr std::size_t most = std::numeric_limits<std::uint32_t>::max();
    if (c.sources == 0 || c.sources > most)
      throw invalid_parameter("projection sources", static_cast<double>(c.sources), "[1, 2^32 - 1] (32-bit indices)");
    if (c.targets == 0 || c.targets > most)
      throw invalid_parameter("projection targets", static_cast<double>(c.targets), "[1, 2^32 - 1] (32-bit indices)");
    detail::require_in_range("connection probability p", c.probability, 0.0, 1.0);
    // expected synapse count p n_pre n_post, refused before drawing when the 32-bit row offsets
    // could not hold it (the draw below also stops at the limit)
    const double expected = c.probability * static_cast<double>(c.sources) * static_cast<double>(c.targets);
    if (expected > static_cast<double>(most))
      throw invalid_parameter("expected synapse count p x sources x targets", expected, "<= 2^32 - 1 (32-bit row offsets)");
    detail::require_finite("synaptic weight w", weight_si);
    const double dmin = detail::require_non_negative("minimum delay [s]", units::in_si(c.min_delay));
    const double dmax = detail::require_non_negative("maximum delay [s]", units::in_si(c.max_delay));
    if (dmax < dmin) throw invalid_parameter("maximum delay [s]", dmax, ">= minimum delay");
    row_.resize(c.sources + 1, 0);
    const double log_q = std::log1p(-c.probability);
    for (std::size_t i = 0; i < c.sources; ++i) {
      row_[i] = static_cast<std::uint32_t>(target_.size());
      if (c.probability <= 0.0 || i < c.first_source || i >= c.last_source) continue;
      detail::counter_rng g(detail::stream_key(c.seed, i, 0));
      for (double j = -1.0;;) {
        j += c.probability >= 1.0 ? 1.0 : 1.0 + std::floor(std::log(g.uniform()) / log_q);
        if (j >= static_cast<double>(c.targets)) break;
        const auto t = static_cast<std::uint32_t>(j);
        if (!c.autapses && t == i) continue;
        if (target_.size() == most)
          throw invalid_parameter("synapse count", static_cast<double>(most) + 1.0, "<= 2^32 - 1 (32-bit row offsets)");
        target_.push_back(t);
        delay_fraction_.push_back(g.uniform());
      }
    }
    row_[c.sources] = static_cast<std::uint32_t>(target_.size());
    weight_.assign(target_.size(), weight_si);
  }

  /// The same with a unit-checked weight (conductance [S] or current [A]).
  template <class Unit>
  static sparse_projection with_weight(const sparse_connectivity& c, units::quantity<Unit> w) {
    return sparse_projection(c, units::in_si(w));
  }

  /// n_pre.
  [[nodiscard]] std::size_t source_size() const noexcept { return c_.sources; }
  /// n_post.
  [[nodiscard]] std::size_t target_size() const noexcept { return c_.targets; }
  /// The target's input channel.
  [[nodiscard]] std::size_t channel() const noexcept { return c_.channel; }
  /// Number of synapses.
  [[nodiscard]] std::size_t synapse_count() const noexcept { return target_.size(); }
  /// Targets of source i.
  [[nodiscard]] std::span<const std::uint32_t> targets_of(std::size_t i) const {
    if (i >= c_.sources) throw invalid_parameter("source index", static_cast<double>(i), "< source_size()");
    return {target_.data() + row_[i], target_.data() + row_[i + 1]};
  }
  /// Raw weights (SI), in the order of the synapses by source.
  [[nodiscard]] std::vector<double>& weights() noexcept { return weight_; }

  /// Turns delays into whole steps of dt [s] and sizes the delay line; throws invalid_parameter
  /// naming the delay when its steps exceed delay_line::max_delay_steps(n_post), before allocating.
  void prepare(double dt) {
    detail::require_positive("time step dt [s]", dt);
    const double dmin = units::in_si(c_.min_delay), dmax = units::in_si(c_.max_delay);
    const std::uint64_t most = delay_line::max_delay_steps(c_.targets);
    const auto smax = static_cast<std::size_t>(detail::duration_to_steps("maximum delay [s]", dmax, dt, most));
    const auto smin = static_cast<std::size_t>(detail::duration_to_steps("minimum delay [s]", dmin, dt, most));
    delay_steps_.resize(target_.size());
    for (std::size_t k = 0; k < target_.size(); ++k)
      delay_steps_[k] = static_cast<std::uint32_t>(
          smin + std::min(smax - smin, static_cast<std::size_t>(delay_fraction_[k] * static_cast<double>(smax - smin + 1))));
    line_.resize(smax, c_.targets);
  }

  /// Adds the weights of the spiking sources' synapses to `target` (now or after the delay);
  /// throws index_out_of_range, before adding anything, for a source i >= n_pre.
  void deliver(std::span<const std::uint32_t> pre, std::uint64_t step, double* target) {
    check_spike_indices(pre, c_.sources);
    const std::uint32_t* tg = target_.data();
    const double* w = weight_.data();
    if (!line_.delayed()) {
      for (const std::uint32_t i : pre)
        for (std::uint32_t k = row_[i]; k < row_[i + 1]; ++k) target[tg[k]] += w[k];
      return;
    }
    for (const std::uint32_t i : pre)
      for (std::uint32_t k = row_[i]; k < row_[i + 1]; ++k) line_.slot(step + delay_steps_[k])[tg[k]] += w[k];
    line_.arrive(step, target);
  }

 private:
  sparse_connectivity c_;
  std::vector<std::uint32_t> row_, target_, delay_steps_;
  std::vector<double> weight_, delay_fraction_;
  delay_line line_;
};

static_assert(projection<sparse_projection>);

}  // namespace spinaptic::network::spiking
