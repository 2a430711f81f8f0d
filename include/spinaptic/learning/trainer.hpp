// spinaptic/learning/trainer.hpp: mini-batch training of any network of layers (concepts/layer.hpp)
// with any loss (concepts/loss.hpp) and optimiser (concepts/learning.hpp), and its evaluation.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/concepts/learning.hpp"
#include "spinaptic/concepts/loss.hpp"
#include "spinaptic/detail/worker_pool.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/data_set.hpp"
#include "spinaptic/learning/optimizers.hpp"
#include "spinaptic/learning/softmax_cross_entropy.hpp"
#include "spinaptic/nonideal/read_noise.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning {

/// Training hyper-parameters (docs/physics.md, "Network and learning").
struct training_options {
  double output_scale = 100.0;  ///< beta > 0: logits z_l = beta U_l / (N_in V_max) (the convenience constructor's loss)
  std::size_t batch_size = 32;  ///< mini-batch size B
  std::size_t threads = 1;      ///< threads per batch; results do not depend on it
  std::size_t chunks = 2;       ///< fixed partition of each batch; the gradient is the ordered sum of chunk sums
  /// Smallest lit fraction of the drives (data_set::lit_fraction) at which a step reads every row
  /// in dense sample-major blocks, where the kernels and the loss offer them, instead of each
  /// sample's lit rows; both give the same bits. Below 0: the default (0.35 with AVX or AVX-512
  /// vectors, measured with AVX-512 and carried over to AVX's four lanes unmeasured; never with
  /// SSE2's two lanes; docs/network.md). NaN or infinite: invalid_parameter.
  double dense_from = -1.0;
};

/// Loss and accuracy over one pass.
struct pass_result {
  double mean_loss = 0.0;   ///< mean loss per sample
  double accuracy = 0.0;    ///< correct / samples
  std::size_t correct = 0;  ///< samples whose argmax output is the label
  std::size_t samples = 0;  ///< samples seen
};

/// Evaluation with the confusion matrix [true class][predicted class].
struct evaluation : pass_result {
  /// counts [true class][predicted class]
  xt::xtensor<std::size_t, 2> confusion = xt::xtensor<std::size_t, 2>::from_shape({0, 0});
};

namespace detail_trainer {
/// Whether kernels K and loss F run whole blocks of samples sample-major (the trainer's dense path).
template <class K, class F>
constexpr bool sample_major_pair() {
  if constexpr (sample_major_kernels<K>)
    return K::static_outputs != std::dynamic_extent && sample_major_loss<F, K::static_outputs, K::block_samples>;
  else
    return false;
}

template <class Network>
void check_data(const Network& net, const data_set& data) {
  if (data.rows() != net.inputs()) throw size_mismatch("drive vector length (network inputs)", net.inputs(), data.rows());
  if (data.classes() > net.outputs())
    throw invalid_parameter("label", double(data.classes() - 1),
                            "[0, " + std::to_string(net.outputs() - 1) + "] (one class per network output)");
}

inline pass_result finish(pass_result r) {
  if (r.samples) {
    r.mean_loss /= double(r.samples);
    r.accuracy = double(r.correct) / double(r.samples);
  }
  return r;
}
}  // namespace detail_trainer

/// Loss, accuracy and confusion matrix of `net` on `data`, with read noise on its column voltages
/// drawn from `engine` when `noise` is enabled (needs a network with voltage outputs). Needs no
/// optimiser. Allocates its kernels and buffers.
template <layer Network, loss Loss, std::uniform_random_bit_generator Engine>
[[nodiscard]] evaluation evaluate(const Network& net, const data_set& data, const Loss& loss_function,
                                  const nonideal::read_noise& noise, Engine& engine) {
  detail_trainer::check_data(net, data);
  typename Network::kernels_type kernels;
  kernels.prepare(net);
  const std::size_t L = net.outputs(), n = data.size(), block = 256;
  std::vector<double> u(block * L), delta(L), workspace(kernels.workspace_size());
  evaluation e;
  e.confusion = xt::zeros<std::size_t>({L, L});
  typename Loss::sum_type sum{};
  const bool noisy = noise.enabled();
  for (std::size_t start = 0; start < n; start += block) {
    const std::size_t B = std::min(block, n - start);
    for (std::size_t b = 0; b < B; ++b) kernels.forward(data.dense(start + b), u.data() + b * L, workspace.data());
    if (noisy) {
      if constexpr (voltage_output<Network>)
        noise.apply(u.data(), B * L, net.output_full_scale(), engine);
      else
        throw invalid_parameter("read noise sigma [V]", units::in_si(noise.sigma()),
                                "0 for a network whose outputs are not column voltages");
    }
    for (std::size_t b = 0; b < B; ++b) {
      const double* ub = u.data() + b * L;
      const std::size_t y = data.labels()[start + b];
      e.correct += loss_function.sample(ub, y, L, delta.data(), sum);
      ++e.confusion(y, static_cast<std::size_t>(std::max_element(ub, ub + L) - ub));
    }
  }
  e.mean_loss = sum.value();
  e.samples = n;
  static_cast<pass_result&>(e) = detail_trainer::finish(e);
  return e;
}

/// evaluate() without read noise.
template <layer Network, loss Loss>
[[nodiscard]] evaluation evaluate(const Network& net, const data_set& data, const Loss& loss_function) {
  std::minstd_rand unused;  // no noise is drawn
  return evaluate(net, data, loss_function, nonideal::read_noise{}, unused);
}

/// Trains the parameters of `net` (any spinaptic::layer: a crossbar, a network::sequential of
/// layers) with a `Loss` and an optimiser `Rule` on a prepared data_set. One step on a mini-batch
/// of B samples (Oberbauer et al. 2025 Fig. 4 network; docs/network.md):
///   u_b = forward(p_b)  (+ read noise on the outputs when configured: hardware-aware training)
///   delta_b = dL(u_b, y_b)/du_b                                  (Loss)
///   g = (1/B) sum_b d u_b/d theta ^T delta_b                       (backward of each layer)
///   theta <- clip(Rule(theta, g), [lower, upper] of its block)
/// The batch is cut into a fixed number C of chunks; each chunk accumulates its samples' gradient
/// in its own accumulator, and one reduction pass forms g_d = ((0 + G_0,d) + G_1,d + ...) / B in
/// chunk order, for any C, so a run is bit-identical for any thread count. A rule that offers the
/// element-wise form (elementwise_optimizer) is applied inside that pass, with the clip; any
/// other rule gets the whole gradient. When the first layer's kernels take lit rows
/// (lit_row_kernels), samples are read from the data set's lit-row index (dark rows skipped).
/// All buffers are allocated at construction: a step allocates nothing. The shuffle and the noise
/// come from the caller's engine only.
template <layer Network, loss Loss, optimizer Rule>
class trainer {
  using kernels_t = typename Network::kernels_type;
  static constexpr std::size_t static_outputs = static_outputs_of<Network>();
  static constexpr bool sparse_input = lit_row_kernels<kernels_t>;
  static constexpr std::size_t blocks = Network::parameter_blocks;
  static constexpr bool sample_major = blocks == 1 && detail_trainer::sample_major_pair<kernels_t, Loss>();
  static constexpr bool refreshable = blocks == 1 && refreshable_kernels<kernels_t>;
  static constexpr std::size_t lanes = [] {
    if constexpr (sample_major) return std::size_t{kernels_t::block_samples};
    else return std::size_t{1};
  }();

 public:
  /// Trains `net` with `loss_function` and `rule`; throws invalid_parameter for a zero batch
  /// size, an output scale beta that is not finite and > 0, a NaN or out-of-range rule parameter
  /// (Rule::reset) or noise on a network without voltage outputs.
  trainer(Network& net, Loss loss_function, Rule rule, training_options options, nonideal::read_noise noise = {})
      : net_(net), loss_(std::move(loss_function)), rule_(std::move(rule)), options_(options), noise_(noise) {
    detail::require_positive("training_options::output_scale (beta)", options.output_scale);
    if (options.batch_size == 0) throw invalid_parameter("batch size", 0.0, ">= 1");
    if (options.threads == 0) throw invalid_parameter("threads", 0.0, ">= 1");
    if (!std::isfinite(options.dense_from))
      throw invalid_parameter("dense_from (lit fraction)", options.dense_from, "< 0 (the default) or a finite fraction >= 0");
    if constexpr (!voltage_output<Network>)
      if (noise_.enabled())
        throw invalid_parameter("read noise sigma [V]", units::in_si(noise_.sigma()),
                                "0 for a network whose outputs are not column voltages");
    pool_ = std::make_unique<detail::worker_pool>(options.threads);
    options_.chunks = std::clamp<std::size_t>(options.chunks, 1, options.batch_size);
    kernels_.prepare(net_);
    const std::size_t B = options_.batch_size, L = net_.outputs(), C = options_.chunks;
    outputs_.resize(B * L);
    deltas_.resize(B * L);
    workspace_.resize(B * kernels_.workspace_size());
    accumulators_.resize(C * kernels_.accumulator_size());
    if constexpr (sample_major) {
      // per chunk: whole blocks of `lanes` samples (the last one padded with a dark sample)
      block_stride_ = ((B + C - 1) / C + lanes - 1) / lanes * lanes * L;
      outputs_.resize(C * block_stride_);
      deltas_.resize(C * block_stride_);
      zeros_.assign(net_.inputs(), 0.0);
      bounds_.resize(C + 1);
      block_gradient_.resize(net_.template parameters<0>().values.size());  // sample_major: one block
      rows_.resize(B + lanes);
      labels_.resize(B + lanes);
    }
    chunk_loss_.resize(C);
    chunk_correct_.resize(C);
    std::size_t total = 0;
    for_each_block([&]<std::size_t I>() { total += net_.template parameters<I>().values.size(); });
    if constexpr (!elementwise_optimizer<Rule>) gradient_.resize(total), parameters_.resize(total);
    rule_.reset(total);
  }

  /// Convenience: softmax cross-entropy (or any loss built from one scale s) with
  /// s = options.output_scale / inputs() of the network, the paper's beta / N_in.
  trainer(Network& net, Rule rule, training_options options, nonideal::read_noise noise = {})
    requires scale_constructible_loss<Loss>
      : trainer(net, Loss{options.output_scale / double(net.inputs())}, std::move(rule), options, noise) {}

  /// The options in force (chunks clamped to [1, batch_size]).
  [[nodiscard]] const training_options& options() const noexcept { return options_; }
  /// The optimiser and its state.
  [[nodiscard]] Rule& optimizer_state() noexcept { return rule_; }
  /// The loss.
  [[nodiscard]] const Loss& loss_function() const noexcept { return loss_; }
  /// The sample order of the last epoch (for reproducing a run elsewhere).
  [[nodiscard]] const std::vector<std::size_t>& last_order() const noexcept { return order_; }

  /// One epoch over all samples in a fresh random order (Fisher-Yates with `engine`); returns the
  /// running loss and accuracy of the batches as they were trained.
  template <std::uniform_random_bit_generator Engine>
  pass_result train_epoch(const data_set& data, Engine& engine) {
    detail_trainer::check_data(net_, data);
    const std::size_t n = data.size();
    if (order_.size() != n) {
      order_.resize(n);
      for (std::size_t i = 0; i < n; ++i) order_[i] = i;
    }
    for (std::size_t k = n; k > 1; --k) {
      std::uniform_int_distribution<std::size_t> pick(0, k - 1);
      std::swap(order_[k - 1], order_[pick(engine)]);
    }
    pass_result r;
    if constexpr (refreshable) kernels_.prepare(net_);  // then each update refreshes the tiles it changed
    refreshing_ = refreshable;
    for (std::size_t start = 0; start < n; start += options_.batch_size) {
      const std::size_t B = std::min(options_.batch_size, n - start);
      step(data, order_.data() + start, B, engine, r);
    }
    refreshing_ = false;
    return detail_trainer::finish(r);
  }

  /// Trains one mini-batch given by sample indices (1 <= count <= batch_size, each index < data.size()).
  template <std::uniform_random_bit_generator Engine>
  pass_result train_batch(const data_set& data, std::span<const std::size_t> indices, Engine& engine) {
    detail_trainer::check_data(net_, data);
    if (indices.empty() || indices.size() > options_.batch_size)
      throw invalid_parameter("mini-batch sample count", double(indices.size()),
                              "[1, " + std::to_string(options_.batch_size) + "] (the batch size)");
    for (std::size_t i : indices) detail::check_index("sample index (the data set)", i, data.size());
    pass_result r;
    if constexpr (refreshable) kernels_.prepare(net_);  // one step: no refresh after it
    step(data, indices.data(), indices.size(), engine, r);
    return detail_trainer::finish(r);
  }

  /// evaluate() of the network with this trainer's loss and read noise.
  template <std::uniform_random_bit_generator Engine>
  [[nodiscard]] evaluation evaluate(const data_set& data, Engine& engine) const {
    return learning::evaluate(net_, data, loss_, noise_, engine);
  }

 private:
  template <class F>
  static void for_each_block(F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) { (f.template operator()<I>(), ...); }(std::make_index_sequence<blocks>{});
  }

  template <std::uniform_random_bit_generator Engine>
  void step(const data_set& data, const std::size_t* indices, std::size_t B, Engine& engine, pass_result& r) {
    const std::size_t L = net_.outputs(), C = std::min(options_.chunks, B), W = kernels_.workspace_size(),
                      A = kernels_.accumulator_size();
    // the rule's per-step checks (a learning rate changed since the last step) before any work,
    // so that nothing has changed when they throw
    if constexpr (elementwise_optimizer<Rule>) rule_.begin_step();
    else if constexpr (rated_optimizer<Rule>) detail::require_non_negative("learning rate eta", rule_.learning_rate);
    if constexpr (!refreshable) kernels_.prepare(net_);  // else prepared by the caller, refreshed by update()
    auto input = [&](std::size_t b) {
      if constexpr (sparse_input) return data.lit(indices[b]);
      else return data.dense(indices[b]);
    };
    auto forward_one = [&](std::size_t b) { kernels_.forward(input(b), outputs_.data() + b * L, workspace_.data() + b * W); };
    // Chunk c: in groups of samples, the group's forward passes (in pairs where the kernels offer
    // them; skipped when they ran before the noise), then its losses, then its backward passes:
    // independent work side by side for the out-of-order core, the group's data stays in L1.
    auto learn_chunk = [&](std::size_t c, bool forward) {
      const std::size_t lo = c * B / C, hi = (c + 1) * B / C;
      double* acc = accumulators_.data() + c * A;  // zero: the reduction clears it
      typename Loss::sum_type sum{};
      std::size_t correct = 0;
      for (std::size_t first = lo; first < hi; first += group) {
        const std::size_t last = std::min(hi, first + group);
        std::size_t b = first;
        if constexpr (paired_lit_row_kernels<kernels_t>)
          for (; forward && b + 1 < last; b += 2)
            kernels_.forward_pair(input(b), outputs_.data() + b * L, workspace_.data() + b * W, input(b + 1),
                                  outputs_.data() + (b + 1) * L, workspace_.data() + (b + 1) * W);
        for (; forward && b < last; ++b) forward_one(b);
        for (b = first; b < last; ++b) {
          const std::size_t y = data.labels()[indices[b]];
          if constexpr (static_outputs != std::dynamic_extent && static_width_loss<Loss, static_outputs>)
            correct += loss_.template sample<static_outputs>(outputs_.data() + b * L, y, L, deltas_.data() + b * L, sum);
          else
            correct += loss_.sample(outputs_.data() + b * L, y, L, deltas_.data() + b * L, sum);
        }
        for (b = first; b < last; ++b)
          kernels_.backward(input(b), workspace_.data() + b * W, deltas_.data() + b * L, nullptr, acc);
      }
      chunk_loss_[c] = sum.value();
      chunk_correct_[c] = correct;
    };
    auto learn_all = [&](std::size_t c) { learn_chunk(c, true); };
    auto forward_chunk = [&](std::size_t c) {
      for (std::size_t b = c * B / C; b < (c + 1) * B / C; ++b) forward_one(b);
    };
    auto backward_chunk = [&](std::size_t c) { learn_chunk(c, false); };
    const bool dense = dense_step(data, indices, B, C);
    if (!dense) {
      if (!noise_.enabled()) {
        pool_->run(C, learn_all);
      } else {  // the noise of the whole batch is drawn serially between forward and backward
        pool_->run(C, forward_chunk);
        if constexpr (voltage_output<Network>)
          noise_.apply(outputs_.data(), B * L, net_.output_full_scale(), engine);
        pool_->run(C, backward_chunk);
      }
    }
    for (std::size_t c = 0; c < C; ++c) {
      r.mean_loss += chunk_loss_[c];
      r.correct += chunk_correct_[c];
    }
    r.samples += B;
    update(B, C, dense ? block_gradient_.data() : nullptr);
  }

  /// The chunks' forward passes and losses, then the gradient summed over the chunks in order,
  /// in dense sample-major blocks (the samples in the vector lanes: kernels_t::forward_block,
  /// Loss::block, kernels_t::gradient_block into block_gradient_) when the kernels and the loss
  /// offer them, no read noise is drawn and the data are at least dense_from lit; both paths give
  /// the same bits. Returns whether it ran.
  bool dense_step(const data_set& data, const std::size_t* indices, std::size_t B, std::size_t C) {
    if constexpr (sample_major) {
      const double from = options_.dense_from < 0.0 ? dense_fraction : options_.dense_from;
      if (noise_.enabled() || data.lit_fraction() < from) return false;
      constexpr std::size_t L = kernels_t::static_outputs, block = lanes * L;
      for (std::size_t b = 0; b < B; ++b) {
        rows_[b] = data.dense(indices[b]).drive;
        labels_[b] = data.labels()[indices[b]];
      }
      for (std::size_t b = B; b < B + lanes; ++b) rows_[b] = zeros_.data(), labels_[b] = 0;  // padding lanes
      auto learn = [&](std::size_t c) {
        const std::size_t lo = c * B / C, hi = (c + 1) * B / C;
        double* uT = outputs_.data() + c * block_stride_;
        double* dT = deltas_.data() + c * block_stride_;
        typename Loss::sum_type sum{};
        std::size_t correct = 0;
        for (std::size_t b = lo, k = 0; b < hi; b += lanes, ++k) {
          kernels_.forward_block(rows_.data() + b, uT + k * block);
          correct += loss_.template block<L, lanes>(uT + k * block, labels_.data() + b, std::min(lanes, hi - b),
                                                    dT + k * block, sum);
        }
        chunk_loss_[c] = sum.value();
        chunk_correct_[c] = correct;
      };
      pool_->run(C, learn);
      // the gradient, row blocks shared among the threads (each row sums the chunks in order)
      for (std::size_t c = 0; c <= C; ++c) bounds_[c] = c * B / C;
      const std::size_t rows = net_.inputs(), row_blocks = rows / lanes, T = std::min(pool_->threads(), row_blocks + 1);
      auto gradient = [&](std::size_t t) {
        const std::size_t j_begin = t * row_blocks / T * lanes, j_end = t + 1 == T ? rows : (t + 1) * row_blocks / T * lanes;
        kernels_.gradient_block(rows_.data(), bounds_.data(), C, deltas_.data(), block_stride_, j_begin, j_end,
                                block_gradient_.data());
      };
      pool_->run(T, gradient);
      return true;
    } else {
      return false;
    }
  }

  /// The default of training_options::dense_from: 8x8 digits (0.51 lit) train about twice as
  /// fast dense with AVX-512, MNIST (0.19 lit) about as fast either way; with SSE2's two lanes
  /// the dense blocks are slower than the lit rows (docs/network.md). The same threshold is used
  /// for AVX's four lanes without a measurement there.
  static constexpr double dense_fraction = lanes >= 4 ? 0.35 : 2.0;
  /// Samples per group of a step (see step(); 4 measured best on digits, 2-8 within noise).
  static constexpr std::size_t group = 4;
  /// Parameters per tile of the reduction (update()).
  static constexpr std::size_t tile = 256;

  /// The one reduction path: g_d = (sum over chunks in order of the chunk gradient) / B, then the
  /// rule and the clip (element-wise rules in the same pass), block by block; within train_epoch
  /// each tile's tables are then refreshed. `summed`: that ordered sum already formed by
  /// dense_step() (one block), else it is formed here from the chunks' accumulators.
  void update(std::size_t B, std::size_t C, const double* summed) {
    const double inv_batch = 1.0 / double(B);
    const std::size_t A = kernels_.accumulator_size();
    double* acc = accumulators_.data();
    std::size_t offset = 0;
    for_each_block([&]<std::size_t I>() {
      const network::parameter_view view = net_.template parameters<I>();
      double* x = view.values.data();
      const std::size_t n = view.values.size();
      // in tiles of `tile` parameters: the chunk sums in a local array (L1), chunk after chunk,
      // so that each pass runs over contiguous d (vectorised), whatever C is
      for (std::size_t d0 = 0; d0 < n; d0 += tile) {
        const std::size_t m = std::min(tile, n - d0);
        std::array<double, tile> g;  // local: the rule's loop below needs no alias check against x
        if (summed) {  // dense_step() summed the chunks already
          std::copy(summed + offset + d0, summed + offset + d0 + m, g.begin());
        } else if constexpr (blocks == 1 && tiled_gradient_kernels<kernels_t>) {
          kernels_.template gradient_tile<I>(acc, A, C, d0, m, g.data());
        } else {
          g.fill(0.0);
          for (std::size_t c = 0; c < C; ++c) {
            double* ac = acc + c * A;
            for (std::size_t k = 0; k < m; ++k) g[k] += kernels_.template gradient_and_clear<I>(ac, d0 + k);
          }
        }
        for (std::size_t k = 0; k < m; ++k) {
          const double gk = g[k] * inv_batch;
          if constexpr (elementwise_optimizer<Rule>)
            x[d0 + k] = std::clamp(rule_.update(x[d0 + k], gk, offset + d0 + k), view.lower, view.upper);
          else
            gradient_[offset + d0 + k] = gk;
        }
        if constexpr (elementwise_optimizer<Rule> && refreshable)
          if (refreshing_) kernels_.template refresh<I>(d0, m);  // tile in L1
      }
      offset += n;
    });
    if constexpr (!elementwise_optimizer<Rule>) {  // the whole gradient to the rule, then the clip
      offset = 0;
      for_each_block([&]<std::size_t I>() {
        const auto view = net_.template parameters<I>();
        std::copy(view.values.begin(), view.values.end(), parameters_.begin() + std::ptrdiff_t(offset));
        offset += view.values.size();
      });
      rule_.step(parameters_.data(), gradient_.data(), parameters_.size());
      offset = 0;
      for_each_block([&]<std::size_t I>() {
        const auto view = net_.template parameters<I>();
        for (std::size_t d = 0; d < view.values.size(); ++d) view.values[d] = std::clamp(parameters_[offset + d], view.lower, view.upper);
        if constexpr (refreshable)
          if (refreshing_) kernels_.template refresh<I>(0, view.values.size());
        offset += view.values.size();
      });
    }
  }

  Network& net_;
  Loss loss_;
  Rule rule_;
  training_options options_;
  nonideal::read_noise noise_;
  std::unique_ptr<detail::worker_pool> pool_;
  kernels_t kernels_;
  std::vector<double> outputs_, deltas_, workspace_, accumulators_, chunk_loss_, gradient_, parameters_;
  std::vector<std::size_t> chunk_correct_, order_;
  // the dense sample-major path: each sample's drive row and label (then padding), a dark row
  std::vector<const double*> rows_;
  std::vector<std::size_t> labels_;
  std::vector<double> zeros_, block_gradient_;  // a dark row; the gradient summed over the chunks
  std::vector<std::size_t> bounds_;              // chunk c: samples bounds_[c] .. bounds_[c+1] - 1
  std::size_t block_stride_ = 0;                 // doubles of outputs_ / deltas_ per chunk
  bool refreshing_ = false;  // within train_epoch(): update() keeps the kernels' tables current
};

/// trainer(net, rule, options[, noise]): softmax cross-entropy with s = beta / N_in.
template <layer Network, optimizer Rule>
trainer(Network&, Rule, training_options, nonideal::read_noise = {}) -> trainer<Network, softmax_cross_entropy_loss, Rule>;
/// trainer(net, loss, rule, options[, noise]).
template <layer Network, loss Loss, optimizer Rule>
trainer(Network&, Loss, Rule, training_options, nonideal::read_noise = {}) -> trainer<Network, Loss, Rule>;

}  // namespace spinaptic::learning
