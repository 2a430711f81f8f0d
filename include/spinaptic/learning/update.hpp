// spinaptic/learning/update.hpp: the one update of a training step: the batch gradient through
// the optimiser, then the clip of each parameter block.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/concepts/learning.hpp"

namespace spinaptic::learning {

/// Parameters per tile of apply_update() (a tile's gradient stays in L1).
inline constexpr std::size_t update_tile = 256;

/// Calls f.template operator()<I>() for I = 0 .. Blocks - 1.
template <std::size_t Blocks, class F>
void for_each_block(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) { (f.template operator()<I>(), ...); }(std::make_index_sequence<Blocks>{});
}

/// The buffers of a whole-vector rule (whole_vector_optimizer): the gradient and the parameters
/// of every block, one after the other. Empty for an element-wise rule.
struct whole_vector_buffers {
  std::vector<double> gradient;    ///< g, all blocks
  std::vector<double> parameters;  ///< theta, all blocks
};

/// The update of one step on a batch of B samples, for every parameter block I of `net`
/// (its parameter_view: values and box [lower, upper]), tile by tile of update_tile parameters:
///   g_d = G_d / B,   theta_d <- clip(Rule(theta_d, g_d), [lower, upper])
/// where `tile_gradient.template operator()<I>(offset, d0, count, G)` writes the batch gradient
/// G of parameters d0 .. d0 + count - 1 of block I (offset: where block I starts in the flat
/// parameter vector). An elementwise_optimizer is applied inside that pass (its begin_step() has
/// run at the start of the step); a whole_vector_optimizer gets the whole flat g after it. Then
/// `refresh.template operator()<I>(d0, count)` lets the kernels re-tabulate what changed.
template <std::size_t Blocks, class Network, optimizer Rule, class TileGradient, class Refresh>
void apply_update(Network& net, Rule& rule, std::size_t batch, TileGradient&& tile_gradient, Refresh&& refresh,
                  whole_vector_buffers& whole) {
  const double inv_batch = 1.0 / double(batch);
  std::size_t offset = 0;
  for_each_block<Blocks>([&]<std::size_t I>() {
    const network::parameter_view view = net.template parameters<I>();
    double* x = view.values.data();
    const std::size_t n = view.values.size();
    for (std::size_t d0 = 0; d0 < n; d0 += update_tile) {
      const std::size_t m = std::min(update_tile, n - d0);
      std::array<double, update_tile> g;  // local: the rule's loop below needs no alias check against x
      tile_gradient.template operator()<I>(offset, d0, m, g.data());
      for (std::size_t k = 0; k < m; ++k) {
        const double gk = g[k] * inv_batch;
        if constexpr (elementwise_optimizer<Rule>)
          x[d0 + k] = std::clamp(rule.update(x[d0 + k], gk, offset + d0 + k), view.lower, view.upper);
        else
          whole.gradient[offset + d0 + k] = gk;
      }
      if constexpr (elementwise_optimizer<Rule>) refresh.template operator()<I>(d0, m);  // tile in L1
    }
    offset += n;
  });
  if constexpr (!elementwise_optimizer<Rule>) {  // the whole gradient to the rule, then the clip
    offset = 0;
    for_each_block<Blocks>([&]<std::size_t I>() {
      const network::parameter_view view = net.template parameters<I>();
      std::copy(view.values.begin(), view.values.end(), whole.parameters.begin() + std::ptrdiff_t(offset));
      offset += view.values.size();
    });
    rule.step(whole.parameters.data(), whole.gradient.data(), whole.parameters.size());
    offset = 0;
    for_each_block<Blocks>([&]<std::size_t I>() {
      const network::parameter_view view = net.template parameters<I>();
      for (std::size_t d = 0; d < view.values.size(); ++d)
        view.values[d] = std::clamp(whole.parameters[offset + d], view.lower, view.upper);
      refresh.template operator()<I>(0, view.values.size());
      offset += view.values.size();
    });
  }
}

}  // namespace spinaptic::learning
