// spinaptic/mpi/data_parallel.hpp: data-parallel mini-batch training over MPI ranks: the trainer
// of learning/trainer.hpp with a gradient reduction over the ranks (each batch cut into a fixed
// number of partitions, the partitions shared out over the ranks, their gradients exchanged and
// summed in partition order on every rank).
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>

#include "spinaptic/concepts.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/data_set.hpp"
#include "spinaptic/learning/trainer.hpp"
#include "spinaptic/learning/update.hpp"
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

/// The gradient reduction over the ranks of `world` (a gradient_reduction, concepts/learning.hpp): of the P chunks
/// (partitions) of a batch, rank r computes [r P / R, (r+1) P / R); each partition's gradient
/// G_c (every parameter block, flat) with its loss sum and correct count is exchanged with one
/// MPI all-gather, and every rank forms
///   G_d = ((0 + G_0,d) + G_1,d) + ... + G_P-1,d
/// in partition order, so that the parameters after any number of steps are bit-identical for
/// every rank count R <= P given the same seed and P. Cost per step: P x (parameters + 2) doubles
/// gathered (a ring all-gather moves (R-1)/R of it per rank); P x parameters additions,
/// replicated (docs/scaling.md).
class rank_reduction {
 public:
  /// Partitions may live on other ranks: a trainer sums them through this policy only.
  static constexpr bool all_chunks_local = false;

  /// Over the ranks of `world` (which must outlive the reduction).
  explicit rank_reduction(const boost::mpi::communicator& world) : world_(&world) {}

  /// Sizes the exchange for P partitions of `parameters` parameters.
  void prepare(std::size_t chunks, std::size_t parameters) {
    const std::size_t R = ranks();
    parameters_ = parameters;
    per_rank_ = (chunks + R - 1) / R;  // the all-gather block: the largest share, padded
    stride_ = parameters + 2;          // gradient, loss sum, correct count
    send_.resize(per_rank_ * stride_);
    gathered_.resize(R * per_rank_ * stride_);
    summed_.resize(parameters);
  }
  /// This rank's partitions of P: [r P / R, (r+1) P / R).
  [[nodiscard]] std::pair<std::size_t, std::size_t> local_chunks(std::size_t chunks) const noexcept {
    const std::size_t r = std::size_t(world_->rank()), R = ranks();
    return {r * chunks / R, (r + 1) * chunks / R};
  }
  /// Collective: this rank's partition gradients (cleared from the accumulators, `stride` doubles
  /// apart), losses and counts to every rank; then the ordered sum of the gradients, and every
  /// partition's loss and count into chunk_loss and chunk_correct.
  template <std::size_t Blocks, class Network, class Kernels>
  void gather(Network& net, const Kernels& kernels, double* accumulators, std::size_t stride, std::size_t chunks,
              double* chunk_loss, std::size_t* chunk_correct) {
    const std::size_t P = chunks, R = ranks(), n = parameters_;
    const auto [first, last] = local_chunks(P);
    std::fill(send_.begin(), send_.end(), 0.0);
    for (std::size_t c = first; c < last; ++c) {
      double* block = send_.data() + (c - first) * stride_;
      double* acc = accumulators + c * stride;
      std::size_t offset = 0;
      learning::for_each_block<Blocks>([&]<std::size_t I>() {
        const std::size_t size = net.template parameters<I>().values.size();
        for (std::size_t d = 0; d < size; ++d) block[offset + d] = kernels.template gradient_and_clear<I>(acc, d);
        offset += size;
      });
      block[n] = chunk_loss[c];
      block[n + 1] = double(chunk_correct[c]);
    }
    const auto t1 = clock::now();
    timing_.compute += std::chrono::duration<double>(t1 - t0_).count();
    boost::mpi::all_gather(*world_, send_.data(), int(send_.size()), gathered_.data());
    t2_ = clock::now();
    timing_.communication += std::chrono::duration<double>(t2_ - t1).count();
    std::fill(summed_.begin(), summed_.end(), 0.0);
    for (std::size_t c = 0; c < P; ++c) {  // the ordered reduction
      std::size_t q = 0;                   // partition c sits in its owner q's block at slot c - first(q)
      while ((q + 1) * P / R <= c) ++q;
      const double* gc = gathered_.data() + (q * per_rank_ + (c - q * P / R)) * stride_;
      for (std::size_t d = 0; d < n; ++d) summed_[d] += gc[d];
      chunk_loss[c] = gc[n];
      chunk_correct[c] = std::size_t(gc[n + 1]);
    }
  }
  /// G of parameters d0 .. d0 + count - 1 of block I (starting at `offset` of the flat vector).
  template <std::size_t I, std::size_t Blocks, class Kernels>
  void tile(const Kernels&, double*, std::size_t, std::size_t, std::size_t offset, std::size_t d0, std::size_t count,
            double* g) const noexcept {
    std::copy(summed_.begin() + std::ptrdiff_t(offset + d0), summed_.begin() + std::ptrdiff_t(offset + d0 + count), g);
  }
  /// Starts the step's clock.
  void step_begun() noexcept { t0_ = clock::now(); }
  /// Stops it (the update's time).
  void step_ended() noexcept { timing_.update += std::chrono::duration<double>(clock::now() - t2_).count(); }

  /// The time spent so far by this rank.
  [[nodiscard]] const data_parallel_timing& timing() const noexcept { return timing_; }

 private:
  using clock = std::chrono::steady_clock;
  [[nodiscard]] std::size_t ranks() const noexcept { return std::size_t(world_->size()); }

  const boost::mpi::communicator* world_;
  std::size_t parameters_ = 0, per_rank_ = 1, stride_ = 1;
  std::vector<double> send_, gathered_, summed_;
  data_parallel_timing timing_;
  clock::time_point t0_{}, t2_{};
};

static_assert(gradient_reduction<rank_reduction>);

/// Mini-batch training of any `layer` network under `Loss` and the update `Rule`, with each batch
/// partitioned over the ranks of `world`: learning::trainer with the rank_reduction (one thread
/// per rank, P partitions as its chunks; docs/network.md for the step). Every rank holds the whole
/// data set and draws the shuffle and the read noise of the whole batch from its engine
/// (identical engines stay identical). The ranks check that they agree (batch size, partitions,
/// network shape and the rule's parameters at construction; data size and shape at each epoch)
/// in one collective before any other, and all refuse with a spinaptic::error when they do not.
template <layer Network, loss Loss, optimizer Rule>
class data_parallel_trainer {
 public:
  /// Collective over `world`; throws invalid_parameter for a zero batch, P outside
  /// [ranks, batch], a bad rule parameter or read noise on a network whose outputs are not
  /// column voltages, and size_mismatch when the ranks' batch sizes, partitions or network shapes
  /// differ: on every rank, whichever rank was refused.
  data_parallel_trainer(const boost::mpi::communicator& world, Network& net, Loss loss_function, Rule rule,
                        data_parallel_options options, nonideal::read_noise noise = {})
      : world_(world),
        net_(net),
        trainer_(agreed(world, net, rule, options, noise), std::move(loss_function), rule,
                 learning::training_options{.batch_size = options.batch_size, .threads = 1, .chunks = options.partitions},
                 noise, rank_reduction(world)) {}

  /// The time spent so far by this rank.
  [[nodiscard]] const data_parallel_timing& timing() const noexcept { return trainer_.reduction().timing(); }
  /// The loss.
  [[nodiscard]] const Loss& loss_function() const noexcept { return trainer_.loss_function(); }
  /// The optimiser and its state (the same on every rank).
  [[nodiscard]] Rule& optimizer_state() noexcept { return trainer_.optimizer_state(); }

  /// One epoch over all samples in a fresh random order (Fisher-Yates from `engine`, the same on
  /// every rank); returns the loss and accuracy of the batches as they were trained. Collective;
  /// throws on every rank when a rank's data do not fit its network or the ranks' data sizes or
  /// shapes differ.
  template <std::uniform_random_bit_generator Engine>
  learning::pass_result train_epoch(const learning::data_set& data, Engine& engine) {
    std::exception_ptr refused;
    try {
      learning::check_data(net_, data);
    } catch (const error&) {
      refused = std::current_exception();
    }
    detail_data_parallel::require_agreement<3>(
        world_, {{{"data set samples", data.size()}, {"data set rows", data.rows()}, {"data set classes", data.classes()}}},
        refused);
    return trainer_.train_epoch(data, engine);
  }

 private:
  /// The local checks of every argument (what the trainer would refuse), then the agreement of
  /// the ranks: returns `net` when they pass on every rank, else throws on every rank.
  static Network& agreed(const boost::mpi::communicator& world, Network& net, const Rule& rule,
                  const data_parallel_options& options, const nonideal::read_noise& noise) {
    std::size_t parameters = 0;
    learning::for_each_block<Network::parameter_blocks>(
        [&]<std::size_t I>() { parameters += net.template parameters<I>().values.size(); });
    std::exception_ptr refused;
    try {
      if (options.batch_size == 0) throw invalid_parameter("batch size", 0.0, ">= 1");
      if (options.partitions < std::size_t(world.size()) || options.partitions > options.batch_size)
        throw invalid_parameter("partitions P", double(options.partitions), "number of ranks <= P <= batch size");
      if constexpr (!voltage_output<Network>)
        if (noise.enabled())
          throw invalid_parameter("read noise sigma [V]", units::in_si(noise.sigma()),
                                  "0 for a network whose outputs are not column voltages");
      Rule copy = rule;
      copy.reset(parameters);
    } catch (const error&) {
      refused = std::current_exception();
    }
    detail_data_parallel::require_agreement<5>(world,
                                               {{{"batch size B", options.batch_size},
                                                 {"partitions P", options.partitions},
                                                 {"network inputs", net.inputs()},
                                                 {"network outputs", net.outputs()},
                                                 {"trainable parameters", parameters}}},
                                               refused);
    return net;
  }

  const boost::mpi::communicator& world_;
  Network& net_;
  learning::trainer<Network, Loss, Rule, rank_reduction> trainer_;
};

}  // namespace spinaptic::mpi
