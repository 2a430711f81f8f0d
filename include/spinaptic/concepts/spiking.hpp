// spinaptic/concepts/spiking.hpp: the spiking-network families: spike sources, neuron models,
// projections (synapses) and plasticity rules.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
//
// The driver (network/spiking/simulation.hpp) advances time in steps of dt. Per step it asks
// every population to integrate its neurons over [t, t + dt) and to flag the ones that fired,
// then hands each projection the indices of its source's spikes (event-driven propagation) and,
// for plastic projections, its target's spikes. All arrays are raw SI doubles: the unit-checked
// quantities stay at the public setters and getters (spinaptic/units.hpp).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>

namespace spinaptic {

/// A group that emits spikes: `prepare(dt, seed)` precomputes propagators and keys (outside the
/// step loop; dt in seconds), `update(begin, end, step, fired)` advances members [begin, end) over
/// step `step` and sets fired[i] = 1 for those that spiked (0 otherwise), allocating nothing and
/// touching only members [begin, end), so that disjoint ranges may run on different threads.
template <class G>
concept spike_source = requires(G& g, const G& cg, double dt, std::uint64_t seed, std::size_t i,
                                std::uint64_t step, std::uint8_t* fired) {
  { cg.size() } -> std::convertible_to<std::size_t>;
  g.prepare(dt, seed);
  g.update(i, i, step, fired);
};

/// A neuron model: a spike source with synaptic input channels. `input(c)` is the array (one
/// double per neuron, SI units of the channel: amperes for a current-based synapse, siemens for
/// a conductance-based one) to which projections add their weights when a spike arrives; it is
/// read at the next update. `variable(k)` exposes state variable k (named `variable_names[k]`,
/// SI units) for monitors.
template <class N>
concept neuron_model = spike_source<N> &&
    requires(N& n, const N& cn, std::size_t c) {
  { N::channels } -> std::convertible_to<std::size_t>;
  { N::variable_names.size() } -> std::convertible_to<std::size_t>;
  { n.input(c) } -> std::same_as<double*>;
  { cn.variable(c) } -> std::same_as<const double*>;
};

/// A projection (the synapses from one source group to one target channel): `prepare(dt)` sizes
/// its delay buffers; `deliver(pre, step, target_input)` adds the weights of the synapses of the
/// spiking sources `pre` to the target channel, now or after their delay (buffered), and adds the
/// arrivals due at `step`; allocation-free.
template <class P>
concept projection = requires(P& p, const P& cp, double dt, std::span<const std::uint32_t> pre,
                              std::uint64_t step, double* target_input) {
  { cp.source_size() } -> std::convertible_to<std::size_t>;
  { cp.target_size() } -> std::convertible_to<std::size_t>;
  { cp.channel() } -> std::convertible_to<std::size_t>;
  p.prepare(dt);
  p.deliver(pre, step, target_input);
};

/// A projection whose weights learn: it also hears its target's spikes, after delivery,
/// through `learn(pre, post, step)`.
template <class P>
concept plastic_projection = projection<P> &&
    requires(P& p, std::span<const std::uint32_t> pre, std::span<const std::uint32_t> post, std::uint64_t step) {
  p.learn(pre, post, step);
};

/// A local plasticity rule acting on one weight array through per-neuron traces.
/// `prepare(dt, n_pre, n_post)` sizes the traces and precomputes their decay over one step;
/// `decay()` advances every trace by one step; `on_pre(i, row, n_post)` updates the weights
/// row[j] = w_ij (j < n_post) of presynaptic neuron i when it fires, then its traces;
/// `on_post(j, weights, n_pre, stride)` updates the column w_ij = weights[i * stride + j] of
/// postsynaptic neuron j when it fires, then its traces. Allocation-free.
template <class R>
concept plasticity_rule = requires(R& r, double dt, std::size_t i, double* w, std::size_t n) {
  r.prepare(dt, n, n);
  r.decay();
  r.on_pre(i, w, n);
  r.on_post(i, w, n, n);
};

/// A plasticity rule that sets the initial weights itself (e.g. from junction states):
/// `initialize(weights, seed)` writes every weight of the rule's projection from `seed`. A host
/// (network/spiking/diehl_cook.hpp) lets such a rule initialise the weights instead of its own
/// uniform draw.
template <class R>
concept initializing_plasticity_rule = plasticity_rule<R> && requires(R& r, double* w, std::uint64_t seed) {
  r.initialize(w, seed);
};

/// A plasticity rule with a weight normalisation between presentations: `normalize(weights,
/// total)` rescales the weight matrix W (the host's storage type) so that each column sums to
/// `total` (Diehl & Cook 2015).
template <class R, class W>
concept normalizing_plasticity_rule = plasticity_rule<R> && requires(R& r, W& w, double total) { r.normalize(w, total); };

/// A firing-threshold rule of a LIF population: a per-neuron offset theta_i [V] added to the
/// fixed threshold V_th. `resize(n)` sizes it, `prepare(dt)` precomputes its decay over a step
/// (dt in seconds), `advance(i)` moves neuron i's offset over one step, `on_spike(i)` applies the
/// jump after a spike, `offset(i)` reads the offset that decides a spike (theta_i; +infinity
/// where the rule forbids one), `offsets()` the theta array (for monitors).
template <class T>
concept threshold_rule = requires(T& t, const T& ct, std::size_t i, double dt) {
  t.resize(i);
  t.prepare(dt);
  t.advance(i);
  t.on_spike(i);
  { ct.offset(i) } -> std::convertible_to<double>;
  { ct.offsets() } -> std::same_as<const double*>;
};

}  // namespace spinaptic

// The names these concepts had before they moved to namespace spinaptic (CHANGELOG.md).
namespace spinaptic::network::spiking {
using spinaptic::neuron_model;
using spinaptic::plastic_projection;
using spinaptic::plasticity_rule;
using spinaptic::projection;
using spinaptic::spike_source;
}  // namespace spinaptic::network::spiking
namespace spinaptic::neuron {
using spinaptic::threshold_rule;
}  // namespace spinaptic::neuron
