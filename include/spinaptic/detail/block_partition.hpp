// spinaptic/detail/block_partition.hpp: the ensembles' split of their cache blocks over threads;
// not public API.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace spinaptic::detail {

/// Calls work(b0, b1) on min(threads, blocks) contiguous partitions [b0, b1) of the blocks
/// [0, blocks), partition k = [blocks k / t, blocks (k + 1) / t), each on its own std::thread (on
/// the calling thread when t <= 1). The partitions are disjoint, so results do not depend on the
/// thread count as long as work writes only to its own blocks.
template <class Work>
void for_block_partitions(std::size_t blocks, std::size_t threads, Work&& work) {
  const std::size_t t = std::min(threads, blocks);
  if (t <= 1) {
    work(std::size_t{0}, blocks);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(t);
  for (std::size_t k = 0; k < t; ++k) pool.emplace_back(work, blocks * k / t, blocks * (k + 1) / t);
  for (auto& th : pool) th.join();
}

}  // namespace spinaptic::detail
