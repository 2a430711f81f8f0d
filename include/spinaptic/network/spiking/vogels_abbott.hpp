// spinaptic/network/spiking/vogels_abbott.hpp: the Vogels-Abbott random networks of Brette et al.
// (2007): benchmark 1 (COBA, conductance-based) and benchmark 2 (CUBA, current-based).
//
// N LIF neurons, the first 80 % excitatory, each ordered pair connected with probability 2 %
// (Vogels & Abbott, J. Neurosci. 25, 10786 (2005); Brette et al., J. Comput. Neurosci. 23, 349
// (2007), appendix B). Membrane: tau_m = 20 ms, V_th = -50 mV, V_reset = -60 mV, t_ref = 5 ms.
//  COBA: g_L = 10 nS (C = 200 pF), E_L = -60 mV, E_exc = 0 mV, E_inh = -80 mV, tau_exc = 5 ms,
//        tau_inh = 10 ms, Delta g_exc = 6 nS, Delta g_inh = 67 nS; initial V ~ N(-65 mV, 5 mV),
//        g_exc ~ N(40 nS, 15 nS), g_inh ~ N(200 nS, 120 nS) (clipped at 0), as the Brian scripts
//        of the benchmark.
//  CUBA: E_L = -49 mV, R = 100 MOhm, Delta I_exc = 16.2 pA (R Delta I = 1.62 mV),
//        Delta I_inh = -90 pA (-9 mV), tau_exc = 5 ms, tau_inh = 10 ms; V ~ U(V_reset, V_th).
// dt = 0.1 ms; no delays (as the benchmark).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>

#include "spinaptic/detail/random.hpp"
#include "spinaptic/neuron/lif_conductance.hpp"
#include "spinaptic/neuron/lif_current.hpp"
#include "spinaptic/network/spiking/simulation.hpp"
#include "spinaptic/network/spiking/sparse_projection.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// Size and randomness of a Vogels-Abbott network.
struct vogels_abbott_settings {
  std::size_t neurons = 4000;          ///< N
  double excitatory_fraction = 0.8;    ///< N_exc / N
  double connection_probability = 0.02;  ///< p
  /// Scales the synaptic weights by 4000 p / (N p) so smaller networks keep the same input
  /// per neuron (1 for the benchmark's N = 4000).
  bool scale_weights_with_size = true;
  simulation_settings run{};           ///< dt (0.1 ms), seed, threads
};

/// The COBA network type: one conductance-based group, excitatory and inhibitory projections.
using coba_network = simulation<std::tuple<neuron::lif_conductance_based<>>, link<0, 0, sparse_projection>,
                                link<0, 0, sparse_projection>>;
/// The CUBA network type: one current-based group, excitatory and inhibitory projections.
using cuba_network = simulation<std::tuple<neuron::lif_current_based<>>, link<0, 0, sparse_projection>,
                                link<0, 0, sparse_projection>>;

namespace detail_vogels_abbott {
inline sparse_connectivity connectivity(const vogels_abbott_settings& s, std::size_t channel, std::uint64_t salt) {
  const auto n_exc = static_cast<std::size_t>(s.excitatory_fraction * static_cast<double>(s.neurons) + 0.5);
  sparse_connectivity c;
  c.sources = c.targets = s.neurons;
  c.probability = s.connection_probability;
  c.channel = channel;
  c.seed = spinaptic::detail::splitmix64(s.run.seed ^ salt);
  c.first_source = channel == 0 ? 0 : n_exc;
  c.last_source = channel == 0 ? n_exc : s.neurons;
  return c;
}
inline double weight_scale(const vogels_abbott_settings& s) {
  return s.scale_weights_with_size ? 4000.0 / static_cast<double>(s.neurons) : 1.0;
}
}  // namespace detail_vogels_abbott

/// Benchmark 1 (COBA) with its initial state (see the file comment).
[[nodiscard]] inline coba_network make_coba(const vogels_abbott_settings& s = {}) {
  using namespace spinaptic::units;
  const neuron::lif_parameters membrane{as<time>(20e-3), as<voltage>(-60e-3), as<voltage>(-50e-3),
                                        as<voltage>(-60e-3), as<time>(5e-3)};
  const neuron::conductance_synapses syn{as<conductance>(10e-9), {as<voltage>(0.0), as<voltage>(-80e-3)},
                                         {as<time>(5e-3), as<time>(10e-3)}};
  neuron::lif_conductance_based<> group(membrane, syn, s.neurons);
  const double k = detail_vogels_abbott::weight_scale(s);
  coba_network net(s.run, std::tuple{std::move(group)},
                   link<0, 0, sparse_projection>{sparse_projection(detail_vogels_abbott::connectivity(s, 0, 0xE), 6e-9 * k)},
                   link<0, 0, sparse_projection>{sparse_projection(detail_vogels_abbott::connectivity(s, 1, 0x1), 67e-9 * k)});
  auto& g = net.group<0>();
  const auto& z = spinaptic::detail::ziggurat_tables::get();
  for (std::size_t i = 0; i < s.neurons; ++i) {
    spinaptic::detail::counter_rng r(spinaptic::detail::stream_key(s.run.seed, i, 0xC0BA));
    g.set_membrane_potential(i, as<voltage>(-65e-3 + 5e-3 * spinaptic::detail::standard_normal(r, z)));
    g.input(0)[i] = std::max(0.0, 40e-9 + 15e-9 * spinaptic::detail::standard_normal(r, z));
    g.input(1)[i] = std::max(0.0, 200e-9 + 120e-9 * spinaptic::detail::standard_normal(r, z));
  }
  return net;
}

/// Benchmark 2 (CUBA) with its initial state (see the file comment).
[[nodiscard]] inline cuba_network make_cuba(const vogels_abbott_settings& s = {}) {
  using namespace spinaptic::units;
  const neuron::lif_parameters membrane{as<time>(20e-3), as<voltage>(-49e-3), as<voltage>(-50e-3),
                                        as<voltage>(-60e-3), as<time>(5e-3)};
  const neuron::current_synapses syn{as<resistance>(100e6), {as<time>(5e-3), as<time>(10e-3)}};
  neuron::lif_current_based<> group(membrane, syn, s.neurons);
  const double k = detail_vogels_abbott::weight_scale(s);
  cuba_network net(s.run, std::tuple{std::move(group)},
                   link<0, 0, sparse_projection>{sparse_projection(detail_vogels_abbott::connectivity(s, 0, 0xE), 16.2e-12 * k)},
                   link<0, 0, sparse_projection>{sparse_projection(detail_vogels_abbott::connectivity(s, 1, 0x1), -90e-12 * k)});
  auto& g = net.group<0>();
  for (std::size_t i = 0; i < s.neurons; ++i) {
    spinaptic::detail::counter_rng r(spinaptic::detail::stream_key(s.run.seed, i, 0xC0BA));
    g.set_membrane_potential(i, as<voltage>(-60e-3 + 10e-3 * r.uniform()));
  }
  return net;
}

}  // namespace spinaptic::network::spiking
