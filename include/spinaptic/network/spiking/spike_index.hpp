// spinaptic/network/spiking/spike_index.hpp: the check a projection makes on the spike indices it
// is given: every index i of a list of spikes lies in [0, n) of the group it names, else
// index_out_of_range, before any array is touched (one comparison per spike, not per synapse).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "spinaptic/error.hpp"

namespace spinaptic::network::spiking {

/// Throws index_out_of_range naming `what` and the first index in `spikes` that is >= count.
inline void check_spike_indices(std::span<const std::uint32_t> spikes, std::size_t count,
                                const char* what = "source index") {
  for (const std::uint32_t i : spikes)
    if (i >= count) throw index_out_of_range(what, i, count);
}

}  // namespace spinaptic::network::spiking
