// spinaptic/network/sequential.hpp: layers composed one after the other at compile time.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <tuple>
#include <utility>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network {

namespace detail_sequential {
/// Parameter blocks of the layers before layer K.
template <std::size_t K, class... Layers>
constexpr std::size_t blocks_before() {
  constexpr std::array<std::size_t, sizeof...(Layers)> b{Layers::parameter_blocks...};
  std::size_t s = 0;
  for (std::size_t k = 0; k < K; ++k) s += b[k];
  return s;
}
/// The layer that holds global parameter block I.
template <std::size_t I, class... Layers>
constexpr std::size_t layer_of_block() {
  constexpr std::array<std::size_t, sizeof...(Layers)> b{Layers::parameter_blocks...};
  std::size_t s = 0;
  for (std::size_t k = 0; k < b.size(); ++k) {
    if (I < s + b[k]) return k;
    s += b[k];
  }
  return b.size();
}
}  // namespace detail_sequential

/// Layers applied one after the other, y = f_K(... f_2(f_1(x))): the outputs of layer k are the
/// inputs of layer k+1 (checked at construction). It is itself a layer (concepts/layer.hpp): its
/// parameter blocks are those of its layers in order, its forward pass runs theirs in order and
/// its backward pass runs theirs in reverse (the chain rule), handing each the output delta of
/// the layer above. The two-layer opto-electronic network of docs/network.md is
///   sequential<crossbar<N, H, R>, transfer_stage, crossbar<H, L, R>>.
template <layer... Layers>
class sequential {
  static_assert(sizeof...(Layers) >= 1, "a sequential network needs at least one layer");
  using tuple_type = std::tuple<Layers...>;
  static constexpr std::size_t count = sizeof...(Layers);
  using last_type = std::tuple_element_t<count - 1, tuple_type>;

 public:
  class kernels_type;
  /// The sum of the layers' parameter blocks.
  static constexpr std::size_t parameter_blocks = (Layers::parameter_blocks + ... + 0);
  /// The last layer's compile-time output count (or std::dynamic_extent).
  static constexpr std::size_t static_outputs = static_outputs_of<last_type>();

  /// Takes the layers; throws size_mismatch when the outputs of one are not the inputs of the next.
  explicit sequential(Layers... layers) : layers_(std::move(layers)...) {
    [&]<std::size_t... K>(std::index_sequence<K...>) {
      ((K + 1 < count ? check_link(std::get<K>(layers_).outputs(), std::get<std::min(K + 1, count - 1)>(layers_).inputs())
                      : void()),
       ...);
    }(std::make_index_sequence<count>{});
  }

  /// Layer K.
  template <std::size_t K>
  [[nodiscard]] auto& layer() noexcept { return std::get<K>(layers_); }
  /// Layer K (read-only).
  template <std::size_t K>
  [[nodiscard]] const auto& layer() const noexcept { return std::get<K>(layers_); }
  /// The first layer's inputs.
  [[nodiscard]] std::size_t inputs() const noexcept { return std::get<0>(layers_).inputs(); }
  /// The last layer's outputs.
  [[nodiscard]] std::size_t outputs() const noexcept { return std::get<count - 1>(layers_).outputs(); }
  /// The last layer's output full scale (when its outputs are column voltages).
  [[nodiscard]] units::voltage output_full_scale() const
    requires voltage_output<last_type>
  {
    return std::get<count - 1>(layers_).output_full_scale();
  }
  /// Parameter block I: block I - (blocks before) of the layer that holds it.
  template <std::size_t I>
  [[nodiscard]] parameter_view parameters() noexcept {
    constexpr std::size_t k = detail_sequential::layer_of_block<I, Layers...>();
    return std::get<k>(layers_).template parameters<I - detail_sequential::blocks_before<k, Layers...>()>();
  }

 private:
  static void check_link(std::size_t outputs, std::size_t next_inputs) {
    if (outputs != next_inputs) throw size_mismatch("sequential layers (outputs of one = inputs of the next)", outputs, next_inputs);
  }
  tuple_type layers_;
};

/// The prepared kernels of a sequential network: one prepared kernel per layer. Per sample the
/// workspace holds each inner layer's outputs (the activations), each layer's own workspace and
/// two delta buffers; the accumulator is the layers' accumulators one after the other.
template <layer... Layers>
class sequential<Layers...>::kernels_type {
  using kernels_tuple = std::tuple<typename Layers::kernels_type...>;
  using first_kernels = std::tuple_element_t<0, kernels_tuple>;

 public:
  /// Prepares every layer's kernels and lays out the workspace and accumulator.
  void prepare(const sequential& net) {
    std::size_t ws = 0, acc = 0, widest = 0;
    [&]<std::size_t... K>(std::index_sequence<K...>) {
      ((std::get<K>(kernels_).prepare(std::get<K>(net.layers_)), widest = std::max({widest, net.template layer<K>().inputs(),
                                                                                     net.template layer<K>().outputs()})),
       ...);
      // activations of the inner layers first, then each layer's own workspace
      ((activation_[K] = ws, ws += K + 1 < count ? net.template layer<K>().outputs() : 0), ...);
      ((workspace_[K] = ws, ws += std::get<K>(kernels_).workspace_size()), ...);
      ((accumulator_[K] = acc, acc += std::get<K>(kernels_).accumulator_size()), ...);
      ((width_[K] = net.template layer<K>().inputs()), ...);
    }(std::make_index_sequence<count>{});
    deltas_ = ws;
    workspace_size_ = ws + 2 * widest;
    accumulator_size_ = acc;
  }
  /// Doubles per sample: activations, the layers' workspaces, two delta buffers.
  [[nodiscard]] std::size_t workspace_size() const noexcept { return workspace_size_; }
  /// The layers' accumulators together.
  [[nodiscard]] std::size_t accumulator_size() const noexcept { return accumulator_size_; }

  /// The layers' forward passes in order; `in` is whatever the first layer's kernels take
  /// (dense drives, or lit rows when they accept them).
  template <class Input>
    requires requires(const first_kernels& k, Input in, double* o, double* w) { k.forward(in, o, w); }
  void forward(Input in, double* out, double* workspace) const noexcept {
    forward_from<0>(in, out, workspace);
  }
  /// The layers' backward passes in reverse order (the chain rule); delta_in (when not null)
  /// receives dLoss/d(first layer's inputs).
  template <class Input>
    requires requires(const first_kernels& k, Input in, double* w, const double* d, double* a) {
      k.backward(in, w, d, a, a);
    }
  void backward(Input in, double* workspace, const double* delta, double* delta_in, double* accumulator) const noexcept {
    backward_from<count - 1>(in, workspace, delta, delta_in, accumulator, 0);
  }
  /// dLoss/d theta_d of global parameter block I (the layer that holds it computes it).
  template <std::size_t I>
  [[nodiscard]] double gradient_and_clear(double* accumulator, std::size_t d) const noexcept {
    constexpr std::size_t k = detail_sequential::layer_of_block<I, Layers...>();
    return std::get<k>(kernels_).template gradient_and_clear<I - detail_sequential::blocks_before<k, Layers...>()>(
        accumulator + accumulator_[k], d);
  }

 private:
  template <std::size_t K, class Input>
  void forward_from(Input in, double* out, double* workspace) const noexcept {
    double* y = K + 1 < count ? workspace + activation_[K] : out;
    std::get<K>(kernels_).forward(in, y, workspace + workspace_[K]);
    if constexpr (K + 1 < count)
      forward_from<K + 1>(dense_drives{y, width_[K + 1]}, out, workspace);
  }
  /// Layer K's backward pass with its output delta `delta`; then layer K - 1's with the result.
  /// `buffer` alternates between the two delta buffers of the workspace.
  template <std::size_t K, class Input>
  void backward_from(Input first_input, double* workspace, const double* delta, double* delta_in, double* accumulator,
                     std::size_t buffer) const noexcept {
    if constexpr (K == 0) {
      std::get<0>(kernels_).backward(first_input, workspace + workspace_[0], delta, delta_in, accumulator + accumulator_[0]);
    } else {
      double* below = workspace + deltas_ + buffer * (workspace_size_ - deltas_) / 2;
      std::get<K>(kernels_).backward(dense_drives{workspace + activation_[K - 1], width_[K]}, workspace + workspace_[K],
                                     delta, below, accumulator + accumulator_[K]);
      backward_from<K - 1>(first_input, workspace, below, delta_in, accumulator, 1 - buffer);
    }
  }

  kernels_tuple kernels_;
  std::array<std::size_t, count> activation_{}, workspace_{}, accumulator_{}, width_{};
  std::size_t deltas_ = 0, workspace_size_ = 0, accumulator_size_ = 0;
};

}  // namespace spinaptic::network
