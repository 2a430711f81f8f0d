// spinaptic/concepts/layer.hpp: layers of a network (crossbars, transfer stages, their stacks)
// and the prepared kernels a trainer runs on them.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>

#include "spinaptic/units.hpp"

namespace spinaptic::network {

/// The drives of one sample given densely: drive[j] for every row j < rows (p = P/P_max for an
/// optical row, or the outputs of the previous layer).
struct dense_drives {
  const double* drive;  ///< drive[j], j < rows
  std::size_t rows;     ///< number of rows
};

/// The drives of one sample given by its lit rows only: row[e] with drive[e] > 0, e < count, in
/// row order (network/lit_rows.hpp). A dark row adds nothing to a polynomial response.
struct lit_drives {
  const std::uint32_t* row;  ///< lit row indices
  const double* drive;       ///< their drives
  std::size_t count;         ///< number of lit rows
};

/// One block of trainable parameters of a layer: the raw values (updated in place by the
/// trainer) and the box [lower, upper] that every value is clipped to after a step.
struct parameter_view {
  std::span<double> values;  ///< the parameters, dimensionless (e.g. x = I/I_max)
  double lower;              ///< smallest allowed value
  double upper;              ///< largest allowed value
};

}  // namespace spinaptic::network

namespace spinaptic {

/// The prepared kernels K of a layer L: a snapshot of the layer's tables, written only by
/// `prepare(layer)`, then read concurrently by any number of threads. Per sample:
///   forward(in, out, workspace):   out = f(in)                     (outputs() doubles)
///   backward(in, workspace, delta, delta_in, accumulator):
///       delta_in = (d out / d in)^T delta   (skipped when delta_in is null),
///       accumulator += what the parameter gradient needs (layer-defined layout),
///   gradient_and_clear<I>(accumulator, d) = dLoss/d theta_d of parameter block I, and zeroes the
///       accumulator entries it read (so that the next step starts from zero).
/// `workspace_size()` doubles per sample carry state from forward to backward (0 for a single
/// crossbar); `accumulator_size()` doubles per chunk of samples hold the gradient accumulators.
template <class K, class L>
concept layer_kernels = requires(K& k, const K& ck, const L& l, network::dense_drives in, double* out,
                                 double* workspace, const double* delta, double* delta_in, double* accumulator) {
  k.prepare(l);
  { ck.workspace_size() } -> std::same_as<std::size_t>;
  { ck.accumulator_size() } -> std::same_as<std::size_t>;
  ck.forward(in, out, workspace);
  ck.backward(in, workspace, delta, delta_in, accumulator);
};

/// A layer of a network: a batch forward pass from input drives to outputs, a backward pass from
/// output deltas to input deltas and parameter gradients (through its `kernels_type`, see
/// layer_kernels), and `parameter_blocks` blocks of trainable parameters, block I viewed by
/// `parameters<I>()` with its bounds (network::parameter_view). A fixed stage (a transfer stage)
/// has zero blocks.
template <class L>
concept layer = requires(L& l, const L& cl) {
  typename L::kernels_type;
  { L::parameter_blocks } -> std::convertible_to<std::size_t>;
  { cl.inputs() } -> std::same_as<std::size_t>;
  { cl.outputs() } -> std::same_as<std::size_t>;
} && layer_kernels<typename L::kernels_type, L> &&
    (L::parameter_blocks == 0 ||
     requires(L& l, const typename L::kernels_type& k, double* accumulator, std::size_t d) {
       { l.template parameters<0>() } -> std::same_as<network::parameter_view>;
       { k.template gradient_and_clear<0>(accumulator, d) } -> std::same_as<double>;
     });

/// A layer (or kernels) whose output count is known at compile time: `static_outputs`, or
/// std::dynamic_extent when the count is set at run time.
template <class L>
concept static_width_layer = requires {
  { L::static_outputs } -> std::convertible_to<std::size_t>;
};

/// The output count of L known at compile time, or std::dynamic_extent (also for a type that
/// does not say, static_width_layer).
template <class L>
[[nodiscard]] constexpr std::size_t static_outputs_of() noexcept {
  if constexpr (static_width_layer<L>) return L::static_outputs;
  else return std::dynamic_extent;
}

/// A network whose outputs are column voltages with a full scale V_max (`output_full_scale()`):
/// read noise of sigma volts applies to them (nonideal/read_noise.hpp).
template <class N>
concept voltage_output = requires(const N& n) {
  { n.output_full_scale() } -> std::same_as<units::voltage>;
};

/// Layer kernels that also take a sample given by its lit rows (network::lit_drives): a trainer
/// then indexes its data set's lit rows once and skips the dark rows of every sample.
template <class K>
concept lit_row_kernels = requires(const K& ck, network::lit_drives in, double* out, double* workspace,
                                   const double* delta, double* delta_in, double* accumulator) {
  ck.forward(in, out, workspace);
  ck.backward(in, workspace, delta, delta_in, accumulator);
};

/// Layer kernels that also run `block_samples` samples at once, sample-major (the samples in the
/// vector lanes), from dense drive rows drives[b], for a layer with one parameter block:
/// forward_block(drives, uT) writes output l of sample b to uT[l block_samples + b];
/// gradient_block(drives, bounds, chunks, deltaT, chunk_stride, j_begin, j_end, g) writes the
/// parameter gradient of rows [j_begin, j_end) of a batch cut into chunks (sample b of chunk c
/// in bounds[c] .. bounds[c+1] - 1, its deltas in the loss's sample-major blocks,
/// learning::sample_major_loss) in chunk order. Both give the bits of the per-sample passes
/// (backward() into one accumulator per chunk, then the chunks summed in order as gradient_tile<0>() does).
template <class K>
concept sample_major_kernels = requires(const K& ck, const double* const* drives, double* uT, const std::size_t* bounds,
                                        const double* deltaT, std::size_t n, double* g) {
  { K::block_samples } -> std::convertible_to<std::size_t>;
  { K::static_outputs } -> std::convertible_to<std::size_t>;
  ck.forward_block(drives, uT);
  ck.gradient_block(drives, bounds, n, deltaT, n, n, n, g);
};

/// Layer kernels whose tables a trainer can bring up to date tile by tile right after it has
/// changed parameters d0 .. d0 + count - 1 of block 0 in place (`refresh<0>(d0, count)`, the
/// same values as a new prepare()), so that it prepares once per epoch instead of once per step.
template <class K>
concept refreshable_kernels = requires(K& k, std::size_t d0, std::size_t count) { k.template refresh<0>(d0, count); };

/// Layer kernels that sum the gradient of a tile of parameters of block 0 over the chunks'
/// accumulators at once: `gradient_tile<0>(accumulators, stride, chunks, d0, count, g)` gives
/// the same g[k] as adding gradient_and_clear<0>(accumulator c, d0 + k) for c = 0, 1, ... to 0.
template <class K>
concept tiled_gradient_kernels = requires(const K& k, double* accumulators, std::size_t n, double* g) {
  k.template gradient_tile<0>(accumulators, n, n, n, n, g);
};

/// Layer kernels that run the forward pass of two samples interleaved (their running sums hide
/// each other's add latency); the results equal two single calls bit for bit.
template <class K>
concept paired_lit_row_kernels = lit_row_kernels<K> &&
    requires(const K& ck, network::lit_drives a, network::lit_drives b, double* out, double* workspace) {
  ck.forward_pair(a, out, workspace, b, out, workspace);
};

}  // namespace spinaptic
