// spinaptic/network/spiking/simulation.hpp: the clock-driven driver of a spiking network with
// event-driven spike propagation, composed at compile time.
//
// A network is a type: `simulation<std::tuple<Groups...>, link<S, T, Projection>...>`, with groups
// that satisfy spike_source (or neuron_model when they are targets) and projections that satisfy
// projection (concepts/spiking.hpp). Each step of dt:
//   1. every group advances its members over [t, t + dt) and flags the ones that fired (members
//      split into fixed blocks, run on the worker threads; a block writes only its members);
//   2. the flags become each group's ordered spike list;
//   3. each link, in the order given, adds its weights for its source's spikes to its target's
//      input channel (event-driven: work proportional to spikes x fan-out); plastic links then
//      learn from both sides' spikes;
//   4. monitors record.
// Random numbers are counter-based functions of (seed, step, member), and steps 2-4 are serial in
// a fixed order, so the same seed gives the same spike trains for any thread count. Nothing is
// allocated inside a step; spike monitors grow between steps.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/detail/steps.hpp"
#include "spinaptic/detail/worker_pool.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/spiking/monitors.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// A projection from group Source to group Target (indices into the simulation's group tuple).
template <std::size_t Source, std::size_t Target, projection Projection>
struct link {
  static constexpr std::size_t source = Source;  ///< index of the source group
  static constexpr std::size_t target = Target;  ///< index of the target group
  Projection projection;                          ///< the synapses
};

/// How a simulation runs: time step, seed of every random stream, threads.
struct simulation_settings {
  units::time dt = units::as<units::time>(1e-4);  ///< time step [s] (0.1 ms)
  std::uint64_t seed = 1;                          ///< seed of the groups' random streams
  std::size_t threads = 1;                         ///< worker threads (results do not depend on it)
  std::size_t block = 1024;                        ///< members per task when a group is split
};

template <class Groups, class... Links>
class simulation;

/// The driver (see the file comment).
template <class... Groups, class... Links>
class simulation<std::tuple<Groups...>, Links...> {
  static_assert((spike_source<Groups> && ...), "every group must satisfy spinaptic::network::spiking::spike_source");

 public:
  /// Takes the groups and links; prepares them for the step dt (outside the step loop).
  simulation(const simulation_settings& s, std::tuple<Groups...> groups, Links... links)
      : s_(s), dt_(detail::require_positive("time step dt [s]", units::in_si(s.dt))),
        groups_(std::move(groups)), links_(std::move(links)...), pool_(std::make_unique<detail::worker_pool>(s.threads)) {
    if (s.block == 0) throw invalid_parameter("simulation block size", 0.0, ">= 1");
    prepare_groups(std::index_sequence_for<Groups...>{});
    prepare_links(std::index_sequence_for<Links...>{});
  }

  /// Group K.
  template <std::size_t K>
  [[nodiscard]] auto& group() noexcept { return std::get<K>(groups_); }
  /// The projection of link L.
  template <std::size_t L>
  [[nodiscard]] auto& projection() noexcept { return std::get<L>(links_).projection; }
  /// Spikes of group K in the last step.
  template <std::size_t K>
  [[nodiscard]] std::span<const std::uint32_t> last_spikes() const noexcept {
    return {spikes_[K].data(), count_[K]};
  }

  /// Records every spike of group K from now on; the monitor lives as long as the simulation.
  template <std::size_t K>
  spike_monitor& record_spikes() {
    if (!spike_monitors_[K]) spike_monitors_[K].emplace(std::get<K>(groups_).size(), dt_);
    return *spike_monitors_[K];
  }
  /// Samples variable k of group K (a neuron_model) at `neurons` every `every` steps.
  template <std::size_t K>
  state_monitor& record_state(std::size_t k, std::vector<std::size_t> neurons, std::size_t every = 1) {
    auto& g = std::get<K>(groups_);
    if (k >= std::tuple_element_t<K, std::tuple<Groups...>>::variable_names.size())
      throw invalid_parameter("state variable index", static_cast<double>(k), "< variable_names.size()");
    for (auto i : neurons)
      if (i >= g.size()) throw invalid_parameter("monitored neuron index", static_cast<double>(i), "< group size");
    state_monitors_.emplace_back(std::make_unique<state_monitor>(g.variable(k), std::move(neurons), every));
    return *state_monitors_.back();
  }

  /// Time step [s].
  [[nodiscard]] units::time dt() const noexcept { return s_.dt; }
  /// Steps taken so far.
  [[nodiscard]] std::uint64_t step_count() const noexcept { return step_; }
  /// Simulated time so far.
  [[nodiscard]] units::time time() const noexcept { return units::as<units::time>(static_cast<double>(step_) * dt_); }

  /// Runs for `duration`, round(duration / dt) whole steps (detail/steps.hpp); throws
  /// invalid_parameter naming the duration unless it is finite, >= 0 and at most 2^53 steps.
  void run(units::time duration) {
    run_steps(detail::duration_to_steps("run duration [s]", units::in_si(duration), dt_, detail::max_exact_steps));
  }

  /// Runs `steps` steps.
  void run_steps(std::uint64_t steps) {
    for (auto& m : state_monitors_) m->reserve_steps(static_cast<std::size_t>(steps));
    for (std::uint64_t n = 0; n < steps; ++n) {
      reserve_spike_monitors(std::index_sequence_for<Groups...>{});
      step_once();
    }
  }

  /// One step (see the file comment).
  void step_once() {
    update_groups(std::index_sequence_for<Groups...>{});
    deliver_links(std::index_sequence_for<Links...>{});
    record_groups(std::index_sequence_for<Groups...>{});
    for (auto& m : state_monitors_) m->record(step_);
    ++step_;
  }

 private:
  static constexpr std::size_t group_count = sizeof...(Groups);

  template <std::size_t... K>
  void prepare_groups(std::index_sequence<K...>) {
    (prepare_group<K>(), ...);
  }
  template <std::size_t K>
  void prepare_group() {
    auto& g = std::get<K>(groups_);
    g.prepare(dt_, detail::splitmix64(s_.seed + K));
    fired_[K].assign(g.size(), 0);
    spikes_[K].assign(g.size(), 0);
  }
  template <std::size_t... L>
  void prepare_links(std::index_sequence<L...>) {
    (prepare_link<L>(), ...);
  }
  template <std::size_t L>
  void prepare_link() {
    using link_t = std::tuple_element_t<L, std::tuple<Links...>>;
    auto& p = std::get<L>(links_).projection;
    const auto& src = std::get<link_t::source>(groups_);
    auto& tgt = std::get<link_t::target>(groups_);
    using target_t = std::remove_cvref_t<decltype(tgt)>;
    static_assert(neuron_model<target_t>, "a link's target group must satisfy spinaptic::network::spiking::neuron_model");
    if (p.source_size() != src.size()) throw size_mismatch("projection sources vs source group", src.size(), p.source_size());
    if (p.target_size() != tgt.size()) throw size_mismatch("projection targets vs target group", tgt.size(), p.target_size());
    if (p.channel() >= target_t::channels)
      throw invalid_parameter("projection channel", static_cast<double>(p.channel()), "< target's channel count");
    p.prepare(dt_);
  }

  template <std::size_t... K>
  void update_groups(std::index_sequence<K...>) {
    (update_group<K>(), ...);
  }
  template <std::size_t K>
  void update_group() {
    auto& g = std::get<K>(groups_);
    const std::size_t n = g.size(), b = s_.block, tasks = (n + b - 1) / b;
    std::uint8_t* fired = fired_[K].data();
    const std::uint64_t step = step_;
    auto task = [&g, n, b, fired, step](std::size_t t) { g.update(t * b, std::min(n, (t + 1) * b), step, fired); };
    pool_->run(tasks, task);
    // compaction: spikes are sparse, so eight flags are tested at once
    std::uint32_t* out = spikes_[K].data();
    std::size_t c = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, fired + i, 8);
      if (word == 0) continue;
      for (std::size_t k = i; k < i + 8; ++k) {
        out[c] = static_cast<std::uint32_t>(k);
        c += fired[k];
      }
    }
    for (; i < n; ++i) {
      out[c] = static_cast<std::uint32_t>(i);
      c += fired[i];
    }
    count_[K] = c;
  }

  template <std::size_t... L>
  void deliver_links(std::index_sequence<L...>) {
    (deliver_link<L>(), ...);
  }
  template <std::size_t L>
  void deliver_link() {
    using link_t = std::tuple_element_t<L, std::tuple<Links...>>;
    auto& p = std::get<L>(links_).projection;
    std::span<const std::uint32_t> pre(spikes_[link_t::source].data(), count_[link_t::source]);
    p.deliver(pre, step_, std::get<link_t::target>(groups_).input(p.channel()));
    if constexpr (plastic_projection<std::remove_cvref_t<decltype(p)>>) {
      std::span<const std::uint32_t> post(spikes_[link_t::target].data(), count_[link_t::target]);
      p.learn(pre, post, step_);
    }
  }

  template <std::size_t... K>
  void reserve_spike_monitors(std::index_sequence<K...>) {
    ((spike_monitors_[K] ? spike_monitors_[K]->reserve_more(std::get<K>(groups_).size()) : void()), ...);
  }
  template <std::size_t... K>
  void record_groups(std::index_sequence<K...>) {
    ((spike_monitors_[K] ? spike_monitors_[K]->record(step_, spikes_[K].data(), count_[K]) : void()), ...);
  }

  simulation_settings s_;
  double dt_;
  std::tuple<Groups...> groups_;
  std::tuple<Links...> links_;
  std::unique_ptr<detail::worker_pool> pool_;
  std::array<std::vector<std::uint8_t>, group_count> fired_;
  std::array<std::vector<std::uint32_t>, group_count> spikes_;
  std::array<std::size_t, group_count> count_{};
  std::array<std::optional<spike_monitor>, group_count> spike_monitors_;
  std::vector<std::unique_ptr<state_monitor>> state_monitors_;
  std::uint64_t step_ = 0;
};

}  // namespace spinaptic::network::spiking
