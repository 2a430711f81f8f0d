// spinaptic/mpi/macrospin_shards.hpp: a large sLLGS ensemble (10^6 junctions and more) split
// into fixed shards over MPI ranks, reduced to the switching probability against current.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>

#include "spinaptic/device/macrospin.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::mpi {

/// The current-pulse protocol of a switching experiment (as examples/switching_probability):
/// junctions start in AP (m = -x) at `temperature`, are thermalised for `thermalize_steps` at zero
/// current, driven for `pulse_steps` at their current, relaxed for `relax_steps` at zero current,
/// then counted as switched when m . p > 0 (the P state).
struct switching_protocol {
  units::time time_step = units::as<units::time>(1e-12);          ///< dt of the stochastic Heun scheme
  std::size_t thermalize_steps = 200;                              ///< before the pulse
  std::size_t pulse_steps = 1000;                                  ///< pulse duration / dt
  std::size_t relax_steps = 1000;                                  ///< after the pulse
  units::temperature temperature = units::as<units::temperature>(300.0);  ///< T of every junction
};

/// Switching probability per current and what it cost.
struct switching_curve {
  std::vector<double> probability;      ///< P_sw(I_k) = switched_k / junctions_per_current
  std::vector<std::uint64_t> switched;  ///< switched junctions per current, summed over all shards
  std::size_t junctions = 0;            ///< total junctions simulated (all ranks)
  double compute_seconds = 0.0;         ///< this rank's integration time
  double communication_seconds = 0.0;   ///< this rank's time in the final reduction
};

/// Seed of shard s of a run seeded `seed` (SplitMix64 finaliser of seed + s golden-ratio steps:
/// distinct, decorrelated streams; Steele, Lea & Flood, OOPSLA 2014).
[[nodiscard]] constexpr std::uint64_t shard_seed(std::uint64_t seed, std::uint64_t shard) noexcept {
  std::uint64_t z = seed + (shard + 1) * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// Runs `currents.size() x junctions_per_current` macrospin junctions under `protocol`, cut into
/// `shards` fixed shards (shard s holds junctions_per_current / shards junctions of every current,
/// its own macrospin_ensemble seeded shard_seed(seed, s)); rank r integrates shards r, r + R, ...
/// The switched counts are integers summed with one MPI all-reduce, so the curve is identical,
/// bit for bit, for every rank count (shards fix the random streams, not the ranks). Collective.
/// P_sw has the binomial standard error sqrt(P (1 - P) / n), n = junctions_per_current.
template <class Real = float>
switching_curve switching_probability(const boost::mpi::communicator& world, const device::macrospin_parameters& params,
                                      const std::vector<units::current>& currents, std::size_t junctions_per_current,
                                      std::size_t shards, std::uint64_t seed, const switching_protocol& protocol = {},
                                      unsigned threads = 1) {
  if (currents.empty()) throw invalid_parameter("number of currents", 0.0, ">= 1");
  if (shards == 0 || junctions_per_current % shards != 0)
    throw invalid_parameter("shards", double(shards), ">= 1 and dividing junctions_per_current");
  const std::size_t K = currents.size(), per_shard = junctions_per_current / shards;
  switching_curve curve;
  curve.junctions = K * junctions_per_current;
  std::vector<std::uint64_t> local(K, 0);
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t s = std::size_t(world.rank()); s < shards; s += std::size_t(world.size())) {
    device::macrospin_ensemble<Real> e(params, K * per_shard, shard_seed(seed, s));
    e.set_magnetization_all(-1.0, 0.0, 0.0);
    e.set_temperature_all(protocol.temperature);
    if (protocol.thermalize_steps) e.advance(protocol.time_step, protocol.thermalize_steps, threads);
    for (std::size_t k = 0; k < K; ++k)
      for (std::size_t j = 0; j < per_shard; ++j) e.set_current(k * per_shard + j, currents[k]);
    e.advance(protocol.time_step, protocol.pulse_steps, threads);
    e.set_current_all(units::as<units::current>(0.0));
    if (protocol.relax_steps) e.advance(protocol.time_step, protocol.relax_steps, threads);
    for (std::size_t k = 0; k < K; ++k)
      for (std::size_t j = 0; j < per_shard; ++j) local[k] += e.state(k * per_shard + j) == device::parallel;
  }
  const auto t1 = std::chrono::steady_clock::now();
  curve.switched.assign(K, 0);
  boost::mpi::all_reduce(world, local.data(), int(K), curve.switched.data(), std::plus<std::uint64_t>());
  curve.compute_seconds = std::chrono::duration<double>(t1 - t0).count();
  curve.communication_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  for (auto n : curve.switched) curve.probability.push_back(double(n) / double(junctions_per_current));
  return curve;
}

}  // namespace spinaptic::mpi
