// spinaptic/mpi/data_parallel.hpp: data-parallel mini-batch training of a crossbar over MPI
// ranks: each batch cut into a fixed number of partitions, the partitions shared out over the
// ranks, their gradients exchanged and summed in partition order on every rank.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <random>
#include <string>
#include <span>
#include <utility>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/data_set.hpp"
#include "spinaptic/learning/trainer.hpp"
#include "spinaptic/nonideal/read_noise.hpp"

namespace spinaptic::mpi {

/// Options of data-parallel training.
struct data_parallel_options {
  std::size_t batch_size = 32;  ///< global mini-batch size B (summed over all ranks)
  std::size_t partitions = 2;   ///< P: fixed partition of every batch; P >= number of ranks
};

/// Where a rank's time went (seconds, summed over the steps so far).
struct data_parallel_timing {
  double compute = 0.0;        ///< forward, loss and backward of the rank's partitions
  double communication = 0.0;  ///< the all-gather of the partition gradients (and any wait for other ranks)
  double update = 0.0;         ///< ordered sum, optimiser step and clip (replicated on every rank)
};

namespace detail_data_parallel {
/// One agreed value of the ranks: its name and this rank's value.
struct agreed_value {
  const char* name;     ///< what it is ("batch size B")
  std::uint64_t value;  ///< this rank's value
};

/// Collective over `world` (one all-gather of N + 1 words, the same count on every rank): every
/// rank passes its values and what it refused locally (`local`, null when nothing). Throws on
/// every rank, so that none is left waiting in a later collective: this rank's own error where
/// it refused something, else an error naming the rank that refused, else size_mismatch naming
/// the first value on which a rank differs from rank 0 (rank 0's value as expected).
template <std::size_t N>
void require_agreement(const boost::mpi::communicator& world, const std::array<agreed_value, N>& values,
                       std::exception_ptr local) {
  std::array<std::uint64_t, N + 1> mine{};
  mine[0] = local ? 1 : 0;
  for (std::size_t i = 0; i < N; ++i) mine[i + 1] = values[i].value;
  std::vector<std::uint64_t> all(std::size_t(world.size()) * (N + 1));
  boost::mpi::all_gather(world, mine.data(), int(N + 1), all.data());
  if (local) std::rethrow_exception(local);
  for (std::size_t r = 0; r < std::size_t(world.size()); ++r)
    if (all[r * (N + 1)])
      throw error("spinaptic: data-parallel rank " + std::to_string(r) + " refused its settings (see its message)");
  for (std::size_t r = 1; r < std::size_t(world.size()); ++r)
    for (std::size_t i = 0; i < N; ++i)
      if (all[r * (N + 1) + i + 1] != all[i + 1])
        throw size_mismatch(std::string("data-parallel ranks: ") + values[i].name + " of rank " + std::to_string(r) +
                                " (expected: rank 0's)",
                            std::size_t(all[i + 1]), std::size_t(all[r * (N + 1) + i + 1]));
}
}  // namespace detail_data_parallel

/// Mini-batch training of any `layer` network (a network::crossbar, a network::sequential stack)
/// under `Loss` and the update `Rule`, with each batch partitioned over the ranks of `world`.
/// One step on batch B with partitions c = 0..P-1 (samples [c B / P, (c+1) B / P)):
///   g_c = sum_{b in c} (d u_b / d theta)^T delta_b,   delta_b = dL(u_b, y_b)/du_b   (the layer's kernels)
///   g   = (1/B) (((g_0 + g_1) + g_2) + ... + g_{P-1})                          (always this order)
///   theta <- clip(Rule(theta, g), [lower, upper] of each parameter block)
/// (the gradient of learning::trainer, docs/network.md). Rank r computes partitions
/// [r P / R, (r+1) P / R); the partition gradients, with their loss sums and correct counts, are
/// exchanged with one MPI all-gather and every rank forms g in the order above, so the parameters
/// after any number of steps are bit-identical for every rank count R <= P given the same seed and
/// P. Every rank holds the whole data set and draws the shuffle and the read noise of the whole
/// batch from its engine (identical engines stay identical). The ranks check that they agree
/// (batch size, partitions, network shape at construction; data size and shape at each epoch)
/// in one collective before any other, and all refuse with a spinaptic::error when they do not.
/// Cost per step: compute ~ B/R samples; communication: P x (parameters + 2) doubles gathered
/// (a ring all-gather moves (R-1)/R of it per rank); update ~ P x parameters additions, replicated
/// (docs/scaling.md: the model and its extrapolation).
template <layer Network, loss Loss, optimizer Rule>
class data_parallel_trainer {
  using kernels_t = typename Network::kernels_type;
  static constexpr std::size_t blocks = Network::parameter_blocks;
  static_assert(blocks >= 1, "data-parallel training needs a network with trainable parameters");

 public:
  /// Collective over `world`; throws invalid_parameter for a zero batch, P outside
  /// [ranks, batch], or read noise on a network whose outputs are not column voltages, and
  /// size_mismatch when the ranks' batch sizes, partitions or network shapes differ: on every
  /// rank, whichever rank was refused.
  data_parallel_trainer(const boost::mpi::communicator& world, Network& net, Loss loss_function, Rule rule,
                        data_parallel_options options, nonideal::read_noise noise = {})
      : world_(world), net_(net), loss_(std::move(loss_function)), rule_(std::move(rule)), options_(options), noise_(noise) {
    std::exception_ptr refused;
    try {
      if (options.batch_size == 0) throw invalid_parameter("batch size", 0.0, ">= 1");
      if (options.partitions < std::size_t(world.size()) || options.partitions > options.batch_size)
        throw invalid_parameter("partitions P", double(options.partitions), "number of ranks <= P <= batch size");
      if constexpr (!voltage_output<Network>)
        if (noise_.enabled())
          throw invalid_parameter("read noise sigma [V]", units::in_si(noise_.sigma()),
                                  "0 for a network whose outputs are not column voltages");
    } catch (const error&) {
      refused = std::current_exception();
    }
    for_each_block([&]<std::size_t I>() { parameters_count_ += net_.template parameters<I>().values.size(); });
    detail_data_parallel::require_agreement<5>(world_,
                                               {{{"batch size B", options.batch_size},
                                                 {"partitions P", options.partitions},
                                                 {"network inputs", net_.inputs()},
                                                 {"network outputs", net_.outputs()},
                                                 {"trainable parameters", parameters_count_}}},
                                               refused);
    kernels_.prepare(net_);
    const std::size_t B = options.batch_size, L = net_.outputs(), P = options.partitions, R = std::size_t(world.size());
    per_rank_ = (P + R - 1) / R;  // the all-gather block: the largest share, padded
    stride_ = parameters_count_ + 2;  // gradient, loss sum, correct count
    outputs_.resize(B * L);
    delta_.resize(L);
    noise_draws_.resize(B * L);
    workspace_.resize(kernels_.workspace_size());
    accumulator_.resize(kernels_.accumulator_size());
    send_.resize(per_rank_ * stride_);
    gathered_.resize(R * per_rank_ * stride_);
    gradient_.resize(parameters_count_);
    parameters_.resize(parameters_count_);
    rule_.reset(parameters_count_);
  }

  /// The time spent so far by this rank.
  [[nodiscard]] const data_parallel_timing& timing() const noexcept { return timing_; }
  /// The loss.
  [[nodiscard]] const Loss& loss_function() const noexcept { return loss_; }

  /// One epoch over all samples in a fresh random order (Fisher-Yates from `engine`, the same on
  /// every rank); returns the loss and accuracy of the batches as they were trained. Collective;
  /// throws on every rank when a rank's data do not fit its network or the ranks' data sizes or
  /// shapes differ.
  template <std::uniform_random_bit_generator Engine>
  learning::pass_result train_epoch(const learning::data_set& data, Engine& engine) {
    std::exception_ptr refused;
    try {
      learning::detail_trainer::check_data(net_, data);
    } catch (const error&) {
      refused = std::current_exception();
    }
    detail_data_parallel::require_agreement<3>(
        world_, {{{"data set samples", data.size()}, {"data set rows", data.rows()}, {"data set classes", data.classes()}}},
        refused);
    const std::size_t n = data.size();
    order_.resize(n);
    for (std::size_t i = 0; i < n; ++i) order_[i] = i;
    for (std::size_t k = n; k > 1; --k) {
      std::uniform_int_distribution<std::size_t> pick(0, k - 1);
      std::swap(order_[k - 1], order_[pick(engine)]);
    }
    learning::pass_result r;
    for (std::size_t start = 0; start < n; start += options_.batch_size)
      step(data, order_.data() + start, std::min(options_.batch_size, n - start), engine, r);
    return learning::detail_trainer::finish(r);
  }

 private:
  using clock = std::chrono::steady_clock;

  template <class F>
  static void for_each_block(F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) { (f.template operator()<I>(), ...); }(std::make_index_sequence<blocks>{});
  }

  template <class Engine>
  void step(const learning::data_set& data, const std::size_t* indices, std::size_t B, Engine& engine,
            learning::pass_result& r) {
    const std::size_t L = net_.outputs(), n = parameters_count_;
    const std::size_t P = std::min(options_.partitions, B), R = std::size_t(world_.size());
    const auto t0 = clock::now();
    kernels_.prepare(net_);
    if constexpr (voltage_output<Network>)
      if (noise_.enabled()) {  // the read noise of the whole batch, in sample order, on every rank
        std::fill(noise_draws_.begin(), noise_draws_.begin() + std::ptrdiff_t(B * L), 0.0);
        noise_.apply(noise_draws_.data(), B * L, net_.output_full_scale(), engine);
      }
    const std::size_t first = std::size_t(world_.rank()) * P / R, last = (std::size_t(world_.rank()) + 1) * P / R;
    std::fill(send_.begin(), send_.end(), 0.0);
    for (std::size_t c = first; c < last; ++c) {
      typename Loss::sum_type sum{};
      std::size_t correct = 0;
      for (std::size_t b = c * B / P; b < (c + 1) * B / P; ++b) {
        const auto in = data.dense(indices[b]);
        double* u = outputs_.data() + b * L;
        kernels_.forward(in, u, workspace_.data());
        if (noise_.enabled())
          for (std::size_t l = 0; l < L; ++l) u[l] += noise_draws_[b * L + l];
        correct += loss_.sample(u, data.labels()[indices[b]], L, delta_.data(), sum);
        kernels_.backward(in, workspace_.data(), delta_.data(), nullptr, accumulator_.data());
      }
      double* block = send_.data() + (c - first) * stride_;
      std::size_t offset = 0;
      for_each_block([&]<std::size_t I>() {
        const std::size_t size = net_.template parameters<I>().values.size();
        for (std::size_t d = 0; d < size; ++d) block[offset + d] = kernels_.template gradient_and_clear<I>(accumulator_.data(), d);
        offset += size;
      });
      block[n] = sum.value();
      block[n + 1] = double(correct);
    }
    const auto t1 = clock::now();
    timing_.compute += std::chrono::duration<double>(t1 - t0).count();
    boost::mpi::all_gather(world_, send_.data(), int(send_.size()), gathered_.data());
    const auto t2 = clock::now();
    timing_.communication += std::chrono::duration<double>(t2 - t1).count();
    auto block_of = [&](std::size_t c) {  // partition c sits in its owner q's block at slot c - first(q)
      std::size_t q = 0;
      while ((q + 1) * P / R <= c) ++q;
      return gathered_.data() + (q * per_rank_ + (c - q * P / R)) * stride_;
    };
    const double* g0 = block_of(0);
    std::copy(g0, g0 + n, gradient_.data());
    r.mean_loss += g0[n];
    r.correct += std::size_t(g0[n + 1]);
    for (std::size_t c = 1; c < P; ++c) {  // the ordered reduction
      const double* gc = block_of(c);
      for (std::size_t d = 0; d < n; ++d) gradient_[d] += gc[d];
      r.mean_loss += gc[n];
      r.correct += std::size_t(gc[n + 1]);
    }
    r.samples += B;
    const double inv_batch = 1.0 / double(B);
    for (double& g : gradient_) g *= inv_batch;
    std::size_t offset = 0;
    for_each_block([&]<std::size_t I>() {
      const auto view = net_.template parameters<I>();
      std::copy(view.values.begin(), view.values.end(), parameters_.begin() + std::ptrdiff_t(offset));
      offset += view.values.size();
    });
    rule_.step(parameters_.data(), gradient_.data(), n);
    offset = 0;
    for_each_block([&]<std::size_t I>() {
      const auto view = net_.template parameters<I>();
      for (std::size_t d = 0; d < view.values.size(); ++d) view.values[d] = std::clamp(parameters_[offset + d], view.lower, view.upper);
      offset += view.values.size();
    });
    timing_.update += std::chrono::duration<double>(clock::now() - t2).count();
  }

  const boost::mpi::communicator& world_;
  Network& net_;
  Loss loss_;
  Rule rule_;
  data_parallel_options options_;
  nonideal::read_noise noise_;
  kernels_t kernels_;
  data_parallel_timing timing_;
  std::size_t parameters_count_ = 0, per_rank_ = 1, stride_ = 1;
  std::vector<double> outputs_, delta_, noise_draws_, workspace_, accumulator_, send_, gathered_, gradient_, parameters_;
  std::vector<std::size_t> order_;
};

}  // namespace spinaptic::mpi
