// spinaptic/learning/gradient_engines.hpp: the gradient engines of the trainer: the forward
// passes, losses and backward passes of the chunks of a batch, sample by sample or in dense
// sample-major blocks, chosen once per network and loss by gradient_engine_for.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/concepts/loss.hpp"
#include "spinaptic/detail/simd.hpp"
#include "spinaptic/detail/worker_pool.hpp"
#include "spinaptic/learning/data_set.hpp"
#include "spinaptic/nonideal/read_noise.hpp"

namespace spinaptic::learning {

/// The per-sample engine: chunk c of a batch of B samples (samples c B / C .. (c+1) B / C - 1)
/// runs, in groups of `group` samples, the group's forward passes (two at a time where the
/// kernels offer it, paired_lit_row_kernels), then its losses, then its backward passes into the
/// chunk's own accumulator (independent work side by side for the out-of-order core; the group's
/// data stay in L1). Samples are read from the data set's lit rows where the first layer's
/// kernels take them (lit_row_kernels: dark rows skipped), else densely. With read noise, the
/// noise of the whole batch is drawn in sample order between all forward and all backward passes
/// (every process draws the whole batch, so identical engines stay identical), and added to the
/// outputs of the chunks computed here.
template <layer Network, loss Loss>
class per_sample_engine {
 public:
  /// The network's kernels.
  using kernels_type = typename Network::kernels_type;

  /// Sizes the buffers for batches of at most B samples in C chunks of a network with L outputs.
  void size(const kernels_type& kernels, std::size_t B, std::size_t C, std::size_t L) {
    outputs_.resize(B * L);
    deltas_.resize(B * L);
    noise_draws_.resize(B * L);
    workspace_.resize(B * kernels.workspace_size());
    accumulators_.resize(C * kernels.accumulator_size());
    chunk_loss_.resize(C);
    chunk_correct_.resize(C);
  }

  /// Chunks [first, last) of the batch of B samples `indices` of `data` in C chunks: the losses
  /// and correct counts into chunk_loss() and chunk_correct(), the gradients into the chunks'
  /// accumulators (which the reduction clears). Returns null: the gradient is not summed here.
  template <std::uniform_random_bit_generator Engine>
  const double* learn(const kernels_type& kernels, const Loss& loss, const Network& net, const data_set& data,
                      const std::size_t* indices, std::size_t B, std::size_t C, std::size_t first, std::size_t last,
                      const nonideal::read_noise& noise, Engine& engine, detail::worker_pool& pool, double /*dense_from*/) {
    const std::size_t L = net.outputs(), W = kernels.workspace_size(), A = kernels.accumulator_size();
    auto input = [&](std::size_t b) {
      if constexpr (lit_row_kernels<kernels_type>) return data.lit(indices[b]);
      else return data.dense(indices[b]);
    };
    auto forward_one = [&](std::size_t b) { kernels.forward(input(b), outputs_.data() + b * L, workspace_.data() + b * W); };
    auto learn_chunk = [&](std::size_t c, bool forward) {
      const std::size_t lo = c * B / C, hi = (c + 1) * B / C;
      double* acc = accumulators_.data() + c * A;  // zero: the reduction clears it
      typename Loss::sum_type sum{};
      std::size_t correct = 0;
      for (std::size_t start = lo; start < hi; start += group) {
        const std::size_t end = std::min(hi, start + group);
        std::size_t b = start;
        if constexpr (paired_lit_row_kernels<kernels_type>)
          for (; forward && b + 1 < end; b += 2)
            kernels.forward_pair(input(b), outputs_.data() + b * L, workspace_.data() + b * W, input(b + 1),
                                 outputs_.data() + (b + 1) * L, workspace_.data() + (b + 1) * W);
        for (; forward && b < end; ++b) forward_one(b);
        for (b = start; b < end; ++b) {
          const std::size_t y = data.labels()[indices[b]];
          if constexpr (static_outputs != std::dynamic_extent && static_width_loss<Loss, static_outputs>)
            correct += loss.template sample<static_outputs>(outputs_.data() + b * L, y, L, deltas_.data() + b * L, sum);
          else
            correct += loss.sample(outputs_.data() + b * L, y, L, deltas_.data() + b * L, sum);
        }
        for (b = start; b < end; ++b) kernels.backward(input(b), workspace_.data() + b * W, deltas_.data() + b * L, nullptr, acc);
      }
      chunk_loss_[c] = sum.value();
      chunk_correct_[c] = correct;
    };
    auto learn_all = [&](std::size_t c) { learn_chunk(first + c, true); };
    auto forward_chunk = [&](std::size_t c) {
      for (std::size_t b = (first + c) * B / C; b < (first + c + 1) * B / C; ++b) forward_one(b);
    };
    auto backward_chunk = [&](std::size_t c) { learn_chunk(first + c, false); };
    if (!noise.enabled()) {
      pool.run(last - first, learn_all);
    } else {
      pool.run(last - first, forward_chunk);
      if constexpr (voltage_output<Network>) {
        std::fill(noise_draws_.begin(), noise_draws_.begin() + std::ptrdiff_t(B * L), 0.0);
        noise.apply(noise_draws_.data(), B * L, net.output_full_scale(), engine);
        for (std::size_t k = first * B / C * L; k < last * B / C * L; ++k) outputs_[k] += noise_draws_[k];
      }
      pool.run(last - first, backward_chunk);
    }
    return nullptr;
  }

  /// The chunks' accumulators, accumulator_size() doubles apart.
  [[nodiscard]] double* accumulators() noexcept { return accumulators_.data(); }
  /// The loss sum of each chunk.
  [[nodiscard]] double* chunk_loss() noexcept { return chunk_loss_.data(); }
  /// The correct count of each chunk.
  [[nodiscard]] std::size_t* chunk_correct() noexcept { return chunk_correct_.data(); }

 private:
  static constexpr std::size_t static_outputs = static_outputs_of<Network>();
  /// Samples per group of a chunk (docs/network.md, "Speed").
  static constexpr std::size_t group = 4;

  std::vector<double> outputs_, deltas_, noise_draws_, workspace_, accumulators_, chunk_loss_;
  std::vector<std::size_t> chunk_correct_;
};

/// Whether kernels K and loss F run whole blocks of samples sample-major (sample_major_kernels of
/// a compile-time width, sample_major_loss of that width).
template <class K, class F>
constexpr bool sample_major_pair() {
  if constexpr (sample_major_kernels<K>)
    return K::static_outputs != std::dynamic_extent && sample_major_loss<F, K::static_outputs, K::block_samples>;
  else
    return false;
}

/// The sample-major engine, for a network of one parameter block whose kernels and loss run
/// dense sample-major blocks (the samples in the vector lanes: kernels forward_block, loss
/// block, kernels gradient_block): when no read noise is drawn and the data are at least
/// `dense_from` lit (below 0: 0.35 with four or more lanes, never with SSE2's two; docs/network.md),
/// a step reads every row of every sample in blocks of block_samples and returns the gradient
/// summed over the chunks in order; otherwise it is the per-sample engine. Both give the same bits.
template <layer Network, loss Loss>
class sample_major_engine : public per_sample_engine<Network, Loss> {
  using base = per_sample_engine<Network, Loss>;
  using kernels_t = typename Network::kernels_type;
  static constexpr std::size_t lanes = kernels_t::block_samples, L = kernels_t::static_outputs;

 public:
  /// The default of training_options::dense_from for this vector width.
  static constexpr double default_dense_from = lanes >= 4 ? 0.35 : 2.0;

  /// Sizes the buffers of both forms.
  void size(const kernels_t& kernels, std::size_t B, std::size_t C, std::size_t outputs) {
    base::size(kernels, B, C, outputs);
    // per chunk: whole blocks of `lanes` samples (the last one padded with a dark sample)
    block_stride_ = ((B + C - 1) / C + lanes - 1) / lanes * lanes * L;
    uT_.resize(C * block_stride_);
    deltaT_.resize(C * block_stride_);
    zeros_.assign(kernels.inputs(), 0.0);
    bounds_.resize(C + 1);
    summed_.resize(kernels.inputs() * L);
    rows_.resize(B + lanes);
    labels_.resize(B + lanes);
  }

  /// The dense sample-major step where it applies (all chunks, returns the summed gradient),
  /// else per_sample_engine::learn (returns null).
  template <std::uniform_random_bit_generator Engine>
  const double* learn(const kernels_t& kernels, const Loss& loss, const Network& net, const data_set& data,
                      const std::size_t* indices, std::size_t B, std::size_t C, std::size_t first, std::size_t last,
                      const nonideal::read_noise& noise, Engine& engine, detail::worker_pool& pool, double dense_from) {
    const double from = dense_from < 0.0 ? default_dense_from : dense_from;
    if (noise.enabled() || data.lit_fraction() < from || first != 0 || last != C)
      return base::learn(kernels, loss, net, data, indices, B, C, first, last, noise, engine, pool, dense_from);
    constexpr std::size_t block = lanes * L;
    for (std::size_t b = 0; b < B; ++b) {
      rows_[b] = data.dense(indices[b]).drive;
      labels_[b] = data.labels()[indices[b]];
    }
    for (std::size_t b = B; b < B + lanes; ++b) rows_[b] = zeros_.data(), labels_[b] = 0;  // padding lanes
    double* chunk_loss = base::chunk_loss();
    std::size_t* chunk_correct = base::chunk_correct();
    auto learn_chunk = [&](std::size_t c) {
      const std::size_t lo = c * B / C, hi = (c + 1) * B / C;
      double* uT = uT_.data() + c * block_stride_;
      double* dT = deltaT_.data() + c * block_stride_;
      typename Loss::sum_type sum{};
      std::size_t correct = 0;
      for (std::size_t b = lo, k = 0; b < hi; b += lanes, ++k) {
        kernels.forward_block(rows_.data() + b, uT + k * block);
        correct += loss.template block<L, lanes>(uT + k * block, labels_.data() + b, std::min(lanes, hi - b), dT + k * block, sum);
      }
      chunk_loss[c] = sum.value();
      chunk_correct[c] = correct;
    };
    pool.run(C, learn_chunk);
    // the gradient, row blocks shared among the threads (each row sums the chunks in order)
    for (std::size_t c = 0; c <= C; ++c) bounds_[c] = c * B / C;
    const std::size_t rows = kernels.inputs(), row_blocks = rows / lanes, T = std::min(pool.threads(), row_blocks + 1);
    auto gradient = [&](std::size_t t) {
      const std::size_t j_begin = t * row_blocks / T * lanes, j_end = t + 1 == T ? rows : (t + 1) * row_blocks / T * lanes;
      kernels.gradient_block(rows_.data(), bounds_.data(), C, deltaT_.data(), block_stride_, j_begin, j_end, summed_.data());
    };
    pool.run(T, gradient);
    return summed_.data();
  }

 private:
  std::vector<const double*> rows_;  // each sample's drive row (then the padding's dark row)
  std::vector<std::size_t> labels_;
  std::vector<double> uT_, deltaT_, zeros_, summed_;  // sample-major outputs and deltas; a dark row; the gradient
  std::vector<std::size_t> bounds_;                   // chunk c: samples bounds_[c] .. bounds_[c+1] - 1
  std::size_t block_stride_ = 0;                      // doubles of uT_ / deltaT_ per chunk
};

/// The engine of a trainer of `Network` with `Loss` whose gradient reduction is `Reduction`,
/// chosen once: sample_major_engine for one parameter block whose kernels and loss offer the
/// sample-major forms and a reduction that computes every chunk here; else per_sample_engine.
template <class Network, class Loss, class Reduction>
using gradient_engine_for =
    std::conditional_t<Network::parameter_blocks == 1 && Reduction::all_chunks_local &&
                           sample_major_pair<typename Network::kernels_type, Loss>(),
                       sample_major_engine<Network, Loss>, per_sample_engine<Network, Loss>>;

}  // namespace spinaptic::learning
