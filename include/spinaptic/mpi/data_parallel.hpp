// spinaptic/mpi/data_parallel.hpp: data-parallel mini-batch training of a crossbar over MPI
// ranks: each batch cut into a fixed number of partitions, the partitions shared out over the
// ranks, their gradients exchanged and summed in partition order on every rank.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <xtensor/xtensor.hpp>

#include "spinaptic/concepts.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/softmax_cross_entropy.hpp"
#include "spinaptic/learning/trainer.hpp"
#include "spinaptic/nonideal/read_noise.hpp"

namespace spinaptic::mpi {

/// Options of data-parallel training.
struct data_parallel_options {
  double output_scale = 100.0;  ///< beta: logits z_l = beta U_l / (N_in V_max)
  std::size_t batch_size = 32;  ///< global mini-batch size B (summed over all ranks)
  std::size_t partitions = 2;   ///< P: fixed partition of every batch; P >= number of ranks
};

/// Where a rank's time went (seconds, summed over the steps so far).
struct data_parallel_timing {
  double compute = 0.0;        ///< forward, softmax and backward of the rank's partitions
  double communication = 0.0;  ///< the all-gather of the partition gradients
  double update = 0.0;         ///< ordered sum, optimiser step and clip (replicated on every rank)
};

/// Mini-batch training of `layer` (a network::crossbar) with the batch partitioned over the ranks
/// of `world`. One step on batch B with partitions c = 0..P-1 (samples [c B / P, (c+1) B / P)):
///   g_c = sum_{b in c} delta_b^T dv/dx (p_b, x),   delta_b = s (softmax(s u_b) - y_b)
///   g   = (1/B) (((g_0 + g_1) + g_2) + ... + g_{P-1})          (always this order)
///   x  <- clip(optimizer(x, g), [x_lo, 1])
/// (the softmax cross-entropy gradient of learning::trainer, shared/research/paper.md section 6.3).
/// Rank r computes partitions [r P / R, (r+1) P / R); the partition gradients (with their loss
/// and correct counts) are exchanged with one MPI all-gather, and every rank forms g in the order
/// above, so the currents after any number of steps are bit-identical for every rank count R <= P
/// given the same seed and P. Every rank holds the whole data set and draws the shuffle and the
/// read noise of the whole batch from its engine (identical engines stay identical).
/// Cost per step: compute ~ (B/R) N L, communication ~ P N L doubles (a ring all-gather moves
/// (R-1)/R of it per rank), update ~ P N L (replicated).
template <class Crossbar, learning::optimizer Optimizer>
class data_parallel_trainer {
 public:
  data_parallel_trainer(const boost::mpi::communicator& world, Crossbar& layer, Optimizer opt,
                        data_parallel_options options, nonideal::read_noise noise = {})
      : world_(world), layer_(layer), optimizer_(std::move(opt)), options_(options), noise_(noise) {
    if (options.batch_size == 0) throw invalid_parameter("batch size", 0.0, ">= 1");
    if (options.partitions < std::size_t(world.size()) || options.partitions > options.batch_size)
      throw invalid_parameter("partitions P", double(options.partitions), "number of ranks <= P <= batch size");
    detail::require_positive("output scale beta", options.output_scale);
    const std::size_t N = layer.inputs(), L = layer.outputs(), B = options.batch_size, P = options.partitions;
    const std::size_t R = std::size_t(world.size()), r = std::size_t(world.rank());
    first_ = r * P / R;
    last_ = (r + 1) * P / R;
    per_rank_ = (P + R - 1) / R;  // the all-gather block: the largest share, padded
    stride_ = N * L + 2;          // gradient, loss, correct count
    drives_.resize(B * N);
    labels_.resize(B);
    column_sums_.resize(B * L);
    deltas_.resize(B * L);
    noise_draws_.resize(B * L);
    send_.resize(per_rank_ * stride_);
    gathered_.resize(R * per_rank_ * stride_);
    gradient_.resize(N * L);
    optimizer_.reset(N * L);
  }

  /// The time spent so far by this rank.
  [[nodiscard]] const data_parallel_timing& timing() const noexcept { return timing_; }
  /// Partitions this rank computes: [first, last).
  [[nodiscard]] std::pair<std::size_t, std::size_t> owned_partitions() const noexcept { return {first_, last_}; }

  /// One epoch over all samples in a fresh random order (Fisher-Yates from `engine`, the same on
  /// every rank); returns the loss and accuracy of the batches as they were trained.
  template <class Engine>
  learning::pass_result train_epoch(const xt::xtensor<double, 2>& drives, const std::vector<std::uint8_t>& labels,
                                    Engine& engine) {
    const std::size_t n = labels.size();
    if (drives.shape()[1] != layer_.inputs()) throw size_mismatch("drive vector length (crossbar rows)", layer_.inputs(), drives.shape()[1]);
    if (drives.shape()[0] != n) throw size_mismatch("number of labels", drives.shape()[0], n);
    for (auto y : labels)
      if (y >= layer_.outputs()) throw invalid_parameter("label", y, "< number of crossbar columns");
    order_.resize(n);
    for (std::size_t i = 0; i < n; ++i) order_[i] = i;
    for (std::size_t k = n; k > 1; --k) {
      std::uniform_int_distribution<std::size_t> pick(0, k - 1);
      std::swap(order_[k - 1], order_[pick(engine)]);
    }
    learning::pass_result r;
    for (std::size_t start = 0; start < n; start += options_.batch_size)
      step(drives, labels, order_.data() + start, std::min(options_.batch_size, n - start), engine, r);
    if (r.samples) {
      r.mean_loss /= double(r.samples);
      r.accuracy = double(r.correct) / double(r.samples);
    }
    return r;
  }

 private:
  using clock = std::chrono::steady_clock;
  static double since(clock::time_point t0) { return std::chrono::duration<double>(clock::now() - t0).count(); }

  template <class Engine>
  void step(const xt::xtensor<double, 2>& drives, const std::vector<std::uint8_t>& labels, const std::size_t* indices,
            std::size_t B, Engine& engine, learning::pass_result& r) {
    const std::size_t N = layer_.inputs(), L = layer_.outputs(), n = N * L;
    const std::size_t P = std::min(options_.partitions, B), R = std::size_t(world_.size());
    const auto t0 = clock::now();
    // the read noise of the whole batch, in sample order, drawn by every rank (engines stay equal)
    const bool noisy = noise_.enabled();
    if (noisy) {
      std::fill(noise_draws_.begin(), noise_draws_.begin() + std::ptrdiff_t(B * L), 0.0);
      noise_.apply(noise_draws_.data(), B * L, layer_.response().max_voltage(), engine);
    }
    layer_.prepare();
    const std::size_t first = world_.rank() * P / R, last = (world_.rank() + 1) * P / R;
    std::fill(send_.begin(), send_.end(), 0.0);
    for (std::size_t c = first; c < last; ++c) {
      const std::size_t lo = c * B / P, hi = (c + 1) * B / P, count = hi - lo;
      for (std::size_t b = lo; b < hi; ++b) {
        const double* src = drives.data() + indices[b] * N;
        std::copy(src, src + N, drives_.data() + (b - lo) * N);
        labels_[b - lo] = labels[indices[b]];
      }
      layer_.forward_prepared(drives_.data(), count, column_sums_.data());
      if (noisy)
        for (std::size_t k = 0; k < count * L; ++k) column_sums_[k] += noise_draws_[lo * L + k];
      std::size_t correct = 0;
      double* block = send_.data() + (c - first) * stride_;
      block[n] = learning::softmax_cross_entropy(column_sums_.data(), labels_.data(), count, L,
                                                 options_.output_scale / double(N), deltas_.data(), &correct);
      block[n + 1] = double(correct);
      layer_.backward_prepared(drives_.data(), deltas_.data(), count, block);
    }
    const auto t1 = clock::now();
    timing_.compute += std::chrono::duration<double>(t1 - t0).count();
    boost::mpi::all_gather(world_, send_.data(), int(send_.size()), gathered_.data());
    const auto t2 = clock::now();
    timing_.communication += std::chrono::duration<double>(t2 - t1).count();
    // partition c sits in rank q = owner(c)'s block at slot c - first(q)
    auto block_of = [&](std::size_t c) {
      std::size_t q = 0;
      while ((q + 1) * P / R <= c) ++q;
      return gathered_.data() + (q * per_rank_ + (c - q * P / R)) * stride_;
    };
    const double* g0 = block_of(0);
    std::copy(g0, g0 + n, gradient_.data());
    r.mean_loss += g0[n];
    r.correct += std::size_t(g0[n + 1]);
    for (std::size_t c = 1; c < P; ++c) {  // ordered reduction
      const double* gc = block_of(c);
      for (std::size_t d = 0; d < n; ++d) gradient_[d] += gc[d];
      r.mean_loss += gc[n];
      r.correct += std::size_t(gc[n + 1]);
    }
    r.samples += B;
    const double inv_batch = 1.0 / double(B);
    for (double& g : gradient_) g *= inv_batch;
    double* x = layer_.normalized_currents().data();
    optimizer_.step(x, gradient_.data(), n);
    const double lo = layer_.normalized_lower_bound();
    for (std::size_t d = 0; d < n; ++d) x[d] = std::clamp(x[d], lo, 1.0);
    timing_.update += since(t2);
  }

  const boost::mpi::communicator& world_;
  Crossbar& layer_;
  Optimizer optimizer_;
  data_parallel_options options_;
  nonideal::read_noise noise_;
  data_parallel_timing timing_;
  std::size_t first_ = 0, last_ = 0, per_rank_ = 1, stride_ = 1;
  std::vector<double> drives_, column_sums_, deltas_, noise_draws_, send_, gathered_, gradient_;
  std::vector<std::uint8_t> labels_;
  std::vector<std::size_t> order_;
};

}  // namespace spinaptic::mpi
