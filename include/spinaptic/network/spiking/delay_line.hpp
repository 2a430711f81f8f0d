// spinaptic/network/spiking/delay_line.hpp: the ring buffer that holds synaptic input in flight.
//
// A spike of step n through a synapse of delay d steps is added to the target input in step n + d
// (d = 0: in step n itself, read by the target's next update; Brian2 delivers at the same point).
// Slots (d_max + 1) x n_target doubles, preallocated; `arrive(step, target)` moves slot
// step mod (d_max + 1) into the target and clears it. The ring holds at most max_elements = 2^27
// doubles (1 GiB): a projection refuses a longer delay by name before anything is allocated.
#pragma once

#include <cstddef>
#include <cstdint>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/error.hpp"

namespace spinaptic::network::spiking {

/// Synaptic input in flight for one projection (see the file comment).
class delay_line {
 public:
  /// The most doubles the ring may hold, (d_max + 1) n_target <= 2^27 (1 GiB).
  static constexpr std::size_t max_elements = std::size_t{1} << 27;
  /// The longest delay in steps that a ring for n_target >= 1 targets may hold.
  [[nodiscard]] static constexpr std::size_t max_delay_steps(std::size_t n_target) noexcept {
    return n_target == 0 || n_target > max_elements ? 0 : max_elements / n_target - 1;
  }
  /// Sizes the ring for delays of at most max_delay_steps and n_target targets (outside the loop);
  /// throws invalid_parameter when that exceeds max_elements (projections check first, by name).
  void resize(std::size_t max_delay_steps, std::size_t n_target) {
    if (n_target > max_elements || max_delay_steps > delay_line::max_delay_steps(n_target))
      throw invalid_parameter("delay line length [steps]", static_cast<double>(max_delay_steps),
                              "(d_max + 1) x targets <= 2^27 doubles (1 GiB)");
    slots_ = max_delay_steps + 1;
    n_ = n_target;
    ring_.resize({slots_, n_});
    ring_.fill(0.0);
  }
  /// The slot that arrives in step `step` (add weights of delay d in step n at slot(n + d)).
  [[nodiscard]] double* slot(std::uint64_t step) noexcept {
    return ring_.data() + static_cast<std::size_t>(step % slots_) * n_;
  }
  /// Adds the input arriving in step `step` to target and clears the slot.
  void arrive(std::uint64_t step, double* target) noexcept {
    double* s = slot(step);
    for (std::size_t j = 0; j < n_; ++j) {
      target[j] += s[j];
      s[j] = 0.0;
    }
  }
  /// Whether any delay is non-zero.
  [[nodiscard]] bool delayed() const noexcept { return slots_ > 1; }

 private:
  std::size_t slots_ = 1, n_ = 0;
  xt::xtensor<double, 2> ring_;
};

}  // namespace spinaptic::network::spiking
