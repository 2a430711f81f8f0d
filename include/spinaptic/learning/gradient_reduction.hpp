// spinaptic/learning/gradient_reduction.hpp: how a trainer sums the gradients of the chunks of a
// batch: in order, from the chunks' accumulators in this process (mpi/data_parallel.hpp has the
// policy that sums them over MPI ranks).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/concepts/learning.hpp"

namespace spinaptic::learning {

/// The local gradient reduction (a gradient_reduction, concepts/learning.hpp): every chunk c = 0 .. C-1 of a batch
/// is computed here, into its own accumulator, and the batch gradient of parameter d is
///   G_d = ((0 + G_0,d) + G_1,d) + ... + G_C-1,d
/// in chunk order, for any C and any thread count (gradient_tile<0>() of the kernels in one pass
/// where they offer it, tiled_gradient_kernels; else gradient_and_clear() chunk by chunk: the
/// same sums).
struct ordered_chunk_sum {
  /// Every chunk is computed in this process: a trainer may sum them its own way (the
  /// sample-major engine sums them as it goes).
  static constexpr bool all_chunks_local = true;

  /// Nothing to size.
  void prepare(std::size_t /*chunks*/, std::size_t /*parameters*/) noexcept {}
  /// Chunks 0 .. C-1.
  [[nodiscard]] std::pair<std::size_t, std::size_t> local_chunks(std::size_t chunks) const noexcept { return {0, chunks}; }
  /// Nothing to exchange: the chunks' losses, counts and accumulators are all here.
  template <std::size_t Blocks, class Network, class Kernels>
  void gather(const Network&, const Kernels&, double*, std::size_t, std::size_t, double*, std::size_t*) noexcept {}
  /// G of parameters d0 .. d0 + count - 1 of block I from the C chunks' accumulators
  /// (`stride` doubles apart), which it clears.
  template <std::size_t I, std::size_t Blocks, class Kernels>
  void tile(const Kernels& kernels, double* accumulators, std::size_t stride, std::size_t chunks, std::size_t /*offset*/,
            std::size_t d0, std::size_t count, double* g) const noexcept {
    if constexpr (Blocks == 1 && tiled_gradient_kernels<Kernels>) {
      kernels.template gradient_tile<I>(accumulators, stride, chunks, d0, count, g);
    } else {
      std::fill(g, g + count, 0.0);
      for (std::size_t c = 0; c < chunks; ++c) {
        double* ac = accumulators + c * stride;
        for (std::size_t k = 0; k < count; ++k) g[k] += kernels.template gradient_and_clear<I>(ac, d0 + k);
      }
    }
  }
  /// No timing.
  void step_begun() noexcept {}
  /// No timing.
  void step_ended() noexcept {}
};

static_assert(gradient_reduction<ordered_chunk_sum>);

}  // namespace spinaptic::learning
