// spinaptic/network/spiking/monitors.hpp: what a spiking simulation records: the spikes of a
// group (step and index of every spike) and chosen state variables of chosen neurons, with the
// statistics the benchmarks of Brette et al. (2007) report: mean rate and the coefficient of
// variation of the inter-spike intervals, CV = std(ISI) / mean(ISI).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// All spikes of one group: parallel arrays of step numbers and neuron indices, in time order
/// (within a step, by index). The driver grows the arrays between steps, never inside one.
class spike_monitor {
 public:
  /// Records a group of n neurons simulated with step dt [s].
  spike_monitor(std::size_t n, double dt) : n_(n), dt_(dt) {}

  /// Number of neurons of the group.
  [[nodiscard]] std::size_t group_size() const noexcept { return n_; }
  /// Number of recorded spikes.
  [[nodiscard]] std::size_t size() const noexcept { return index_.size(); }
  /// Step numbers of the spikes.
  [[nodiscard]] const std::vector<std::uint64_t>& steps() const noexcept { return step_; }
  /// Neuron indices of the spikes.
  [[nodiscard]] const std::vector<std::uint32_t>& indices() const noexcept { return index_; }
  /// Spike time of record k.
  [[nodiscard]] units::time time(std::size_t k) const { return units::as<units::time>(static_cast<double>(step_.at(k)) * dt_); }
  /// Forgets every spike.
  void clear() noexcept {
    step_.clear();
    index_.clear();
  }
  /// Makes room for `more` spikes (called by the driver between steps).
  void reserve_more(std::size_t more) {
    if (index_.size() + more > index_.capacity()) {
      index_.reserve(2 * index_.capacity() + more);
      step_.reserve(2 * step_.capacity() + more);
    }
  }
  /// Appends the spikes of one step (capacity already reserved).
  void record(std::uint64_t step, const std::uint32_t* spikes, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) {
      step_.push_back(step);
      index_.push_back(spikes[k]);
    }
  }

  /// Mean firing rate over the group and the window [t0, t1) [s]: spikes / (n (t1 - t0)).
  [[nodiscard]] units::frequency mean_rate(units::time t0, units::time t1) const {
    const double a = units::in_si(t0), b = units::in_si(t1);
    detail::require_positive("rate window length [s]", b - a);
    std::size_t count = 0;
    for (const auto s : step_) {
      const double t = static_cast<double>(s) * dt_;
      count += (t >= a && t < b) ? 1 : 0;
    }
    return units::as<units::frequency>(static_cast<double>(count) / (static_cast<double>(n_) * (b - a)));
  }

  /// Spike counts per neuron.
  [[nodiscard]] std::vector<std::size_t> counts() const {
    std::vector<std::size_t> c(n_, 0);
    for (const auto i : index_) ++c[i];
    return c;
  }

  /// Mean over neurons with at least `min_intervals` ISIs (default 2) of CV_i = std_i / mean_i
  /// of their inter-spike intervals (population standard deviation); NaN when none qualifies.
  [[nodiscard]] double mean_isi_cv(std::size_t min_intervals = 2) const {
    std::vector<double> last(n_, -1.0), sum(n_, 0.0), sum2(n_, 0.0);
    std::vector<std::size_t> k(n_, 0);
    for (std::size_t r = 0; r < index_.size(); ++r) {
      const std::size_t i = index_[r];
      const double t = static_cast<double>(step_[r]) * dt_;
      if (last[i] >= 0.0) {
        const double d = t - last[i];
        sum[i] += d;
        sum2[i] += d * d;
        ++k[i];
      }
      last[i] = t;
    }
    double cv = 0.0;
    std::size_t used = 0;
    for (std::size_t i = 0; i < n_; ++i) {
      if (k[i] < min_intervals || k[i] == 0) continue;
      const double m = sum[i] / static_cast<double>(k[i]);
      const double var = std::max(sum2[i] / static_cast<double>(k[i]) - m * m, 0.0);
      cv += std::sqrt(var) / m;
      ++used;
    }
    return used == 0 ? std::nan("") : cv / static_cast<double>(used);
  }

 private:
  std::size_t n_;
  double dt_;
  std::vector<std::uint64_t> step_;
  std::vector<std::uint32_t> index_;
};

/// Samples of one state variable (raw SI array of a population) for chosen neurons, every
/// `every` steps, into a preallocated (samples x neurons) array.
class state_monitor {
 public:
  /// Watches variable array `variable` (from population.variable(k)) at `neurons`, every `every` steps.
  state_monitor(const double* variable, std::vector<std::size_t> neurons, std::size_t every = 1)
      : var_(variable), neurons_(std::move(neurons)), every_(every) {
    if (every == 0) throw invalid_parameter("state monitor sampling interval [steps]", 0.0, ">= 1");
    if (neurons_.empty()) throw invalid_parameter("state monitor neuron count", 0.0, ">= 1");
  }
  /// The most doubles a state monitor holds.
  static constexpr std::size_t max_elements = std::size_t{1} << 36;
  /// Preallocates room for `steps` more steps (outside the step loop). The samples x neurons
  /// array holds at most max_elements = 2^36 doubles (512 GiB): more throws invalid_parameter
  /// before allocating, and a failed allocation throws error (a run far too long to record).
  void reserve_steps(std::size_t steps) {
    const std::size_t need = rows_ + steps / every_ + 1;
    if (need <= data_.shape()[0] && data_.size() != 0) return;
    std::size_t elements = 0;
    if (!detail::checked_multiply(need, neurons_.size(), elements) || elements > max_elements)
      throw invalid_parameter("state monitor samples x neurons", static_cast<double>(need) * static_cast<double>(neurons_.size()),
                              "<= 2^36 doubles (a shorter run or a larger sampling interval)");
    xt::xtensor<double, 2> grown;
    try {
      grown = xt::xtensor<double, 2>({need, neurons_.size()}, 0.0);
    } catch (const std::bad_alloc&) {
      throw error("spinaptic: state monitor: out of memory for " + std::to_string(need) + " samples of " +
                  std::to_string(neurons_.size()) + " neurons (record a shorter run or sample less often)");
    }
    std::copy(data_.begin(), data_.begin() + static_cast<std::ptrdiff_t>(rows_ * neurons_.size()), grown.begin());
    data_ = std::move(grown);
    step_of_row_.reserve(need);
  }
  /// Records step `step` when it is a sampling step (room reserved).
  void record(std::uint64_t step) noexcept {
    if (step % every_ != 0 || rows_ >= data_.shape()[0]) return;
    for (std::size_t k = 0; k < neurons_.size(); ++k) data_(rows_, k) = var_[neurons_[k]];
    step_of_row_.push_back(step);  // capacity reserved in reserve_steps
    ++rows_;
  }
  /// Number of samples.
  [[nodiscard]] std::size_t samples() const noexcept { return rows_; }
  /// Sample r of watched neuron k (raw SI unit of the variable).
  [[nodiscard]] double value(std::size_t r, std::size_t k) const { return data_.at(r, k); }
  /// Step of sample r.
  [[nodiscard]] std::uint64_t step(std::size_t r) const { return step_of_row_.at(r); }

 private:
  const double* var_;
  std::vector<std::size_t> neurons_;
  std::size_t every_;
  std::size_t rows_ = 0;
  xt::xtensor<double, 2> data_;
  std::vector<std::uint64_t> step_of_row_;
};

}  // namespace spinaptic::network::spiking
