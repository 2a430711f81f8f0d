// spinaptic/learning/trainer.hpp: mini-batch training of any network of layers (concepts/layer.hpp)
// with any loss (concepts/loss.hpp) and optimiser (concepts/learning.hpp): the epoch driver.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/concepts/learning.hpp"
#include "spinaptic/concepts/loss.hpp"
#include "spinaptic/detail/worker_pool.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/data_set.hpp"
#include "spinaptic/learning/evaluate.hpp"
#include "spinaptic/learning/gradient_engines.hpp"
#include "spinaptic/learning/gradient_reduction.hpp"
#include "spinaptic/learning/optimizers.hpp"
#include "spinaptic/learning/softmax_cross_entropy.hpp"
#include "spinaptic/learning/training_options.hpp"
#include "spinaptic/learning/update.hpp"
#include "spinaptic/nonideal/read_noise.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning {

/// Trains the parameters of `net` (any spinaptic::layer: a crossbar, a network::sequential of
/// layers) with a `Loss` and an optimiser `Rule` on a prepared data_set. One step on a mini-batch
/// of B samples (Oberbauer et al. 2025 Fig. 4 network; docs/network.md):
///   u_b = forward(p_b)  (+ read noise on the outputs when configured: hardware-aware training)
///   delta_b = dL(u_b, y_b)/du_b                                  (Loss)
///   g = (1/B) sum_b d u_b/d theta ^T delta_b                       (backward of each layer)
///   theta <- clip(Rule(theta, g), [lower, upper] of its block)    (apply_update, learning/update.hpp)
/// The batch is cut into a fixed number C of chunks, each with its own gradient accumulator; the
/// `Reduction` (a gradient_reduction, concepts/learning.hpp) sums the chunks in order, g_d = ((0 + G_0,d) + G_1,d
/// + ...) / B, for any C: ordered_chunk_sum here, bit-identical for any thread count;
/// mpi::rank_reduction over MPI ranks, bit-identical for any rank count. The work of the chunks
/// is done by the gradient engine gradient_engine_for<Network, Loss, Reduction>, chosen once at
/// compile time (learning/gradient_engines.hpp). All buffers are allocated at construction: a
/// step allocates nothing. The shuffle and the noise come from the caller's engine only.
template <layer Network, loss Loss, optimizer Rule, gradient_reduction Reduction = ordered_chunk_sum>
class trainer {
  using kernels_t = typename Network::kernels_type;
  using engine_t = gradient_engine_for<Network, Loss, Reduction>;
  static constexpr std::size_t blocks = Network::parameter_blocks;
  static constexpr bool refreshable = blocks == 1 && refreshable_kernels<kernels_t>;

 public:
  /// Trains `net` with `loss_function` and `rule`; throws invalid_parameter for a zero batch
  /// size, an output scale beta that is not finite and > 0, a NaN or out-of-range rule parameter
  /// (Rule::reset) or noise on a network without voltage outputs.
  trainer(Network& net, Loss loss_function, Rule rule, training_options options, nonideal::read_noise noise = {},
          Reduction reduction = {})
      : net_(net),
        loss_(std::move(loss_function)),
        rule_(std::move(rule)),
        options_(options),
        noise_(noise),
        reduction_(std::move(reduction)) {
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
    engine_.size(kernels_, options_.batch_size, options_.chunks, net_.outputs());
    std::size_t total = 0;
    for_each_block<blocks>([&]<std::size_t I>() { total += net_.template parameters<I>().values.size(); });
    if constexpr (!elementwise_optimizer<Rule>) whole_.gradient.resize(total), whole_.parameters.resize(total);
    rule_.reset(total);
    reduction_.prepare(options_.chunks, total);
  }

  /// Convenience: softmax cross-entropy (or any loss built from one scale s) with
  /// s = options.output_scale / inputs() of the network, the paper's beta / N_in.
  trainer(Network& net, Rule rule, training_options options, nonideal::read_noise noise = {}, Reduction reduction = {})
    requires scale_constructible_loss<Loss>
      : trainer(net, Loss{options.output_scale / double(net.inputs())}, std::move(rule), options, noise,
                std::move(reduction)) {}

  /// The options in force (chunks clamped to [1, batch_size]).
  [[nodiscard]] const training_options& options() const noexcept { return options_; }
  /// The optimiser and its state.
  [[nodiscard]] Rule& optimizer_state() noexcept { return rule_; }
  /// The loss.
  [[nodiscard]] const Loss& loss_function() const noexcept { return loss_; }
  /// The gradient reduction (e.g. its timing).
  [[nodiscard]] const Reduction& reduction() const noexcept { return reduction_; }
  /// The sample order of the last epoch (for reproducing a run elsewhere).
  [[nodiscard]] const std::vector<std::size_t>& last_order() const noexcept { return order_; }

  /// One epoch over all samples in a fresh random order (Fisher-Yates with `engine`); returns the
  /// running loss and accuracy of the batches as they were trained.
  template <std::uniform_random_bit_generator Engine>
  pass_result train_epoch(const data_set& data, Engine& engine) {
    check_data(net_, data);
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
    check_data(net_, data);
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
  /// One step: the rule's per-step checks (a learning rate changed since the last step) before
  /// any work, so that nothing has changed when they throw; the engine's chunks; the reduction;
  /// the update (with the tables refreshed tile by tile within train_epoch()).
  template <std::uniform_random_bit_generator Engine>
  void step(const data_set& data, const std::size_t* indices, std::size_t B, Engine& engine, pass_result& r) {
    const std::size_t C = std::min(options_.chunks, B), A = kernels_.accumulator_size();
    if constexpr (elementwise_optimizer<Rule>) rule_.begin_step();
    else if constexpr (rated_optimizer<Rule>) detail::require_non_negative("learning rate eta", rule_.learning_rate);
    reduction_.step_begun();
    if constexpr (!refreshable) kernels_.prepare(net_);  // else prepared by the caller, refreshed by the update
    const auto [first, last] = reduction_.local_chunks(C);
    const double* summed = engine_.learn(kernels_, loss_, net_, data, indices, B, C, first, last, noise_, engine, *pool_,
                                         options_.dense_from);
    reduction_.template gather<blocks>(net_, kernels_, engine_.accumulators(), A, C, engine_.chunk_loss(),
                                       engine_.chunk_correct());
    for (std::size_t c = 0; c < C; ++c) {
      r.mean_loss += engine_.chunk_loss()[c];
      r.correct += engine_.chunk_correct()[c];
    }
    r.samples += B;
    auto tile_gradient = [&]<std::size_t I>(std::size_t offset, std::size_t d0, std::size_t count, double* g) {
      if (summed)  // the engine summed the chunks already (one block)
        std::copy(summed + offset + d0, summed + offset + d0 + count, g);
      else
        reduction_.template tile<I, blocks>(kernels_, engine_.accumulators(), A, C, offset, d0, count, g);
    };
    auto refresh = [&]<std::size_t I>(std::size_t d0, std::size_t count) {
      if constexpr (refreshable)
        if (refreshing_) kernels_.template refresh<I>(d0, count);
    };
    apply_update<blocks>(net_, rule_, B, tile_gradient, refresh, whole_);
    reduction_.step_ended();
  }

  Network& net_;
  Loss loss_;
  Rule rule_;
  training_options options_;
  nonideal::read_noise noise_;
  Reduction reduction_;
  std::unique_ptr<detail::worker_pool> pool_;
  kernels_t kernels_;
  engine_t engine_;
  whole_vector_buffers whole_;
  std::vector<std::size_t> order_;
  bool refreshing_ = false;  // within train_epoch(): the update keeps the kernels' tables current
};

/// trainer(net, rule, options[, noise]): softmax cross-entropy with s = beta / N_in.
template <layer Network, optimizer Rule>
trainer(Network&, Rule, training_options, nonideal::read_noise = {}) -> trainer<Network, softmax_cross_entropy_loss, Rule>;
/// trainer(net, loss, rule, options[, noise]).
template <layer Network, loss Loss, optimizer Rule>
trainer(Network&, Loss, Rule, training_options, nonideal::read_noise = {}) -> trainer<Network, Loss, Rule>;

}  // namespace spinaptic::learning
