// spinaptic/learning/trainer.hpp: mini-batch training of a crossbar's bias currents with
// softmax cross-entropy and analytic gradients, and its evaluation.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <tuple>
#include <type_traits>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/detail/worker_pool.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/optimizers.hpp"
#include "spinaptic/learning/softmax_cross_entropy.hpp"
#include "spinaptic/network/crossbar.hpp"
#include "spinaptic/network/lit_rows.hpp"
#include "spinaptic/nonideal/read_noise.hpp"

namespace spinaptic::learning {

/// Training hyper-parameters (shared/research/paper.md sections 6.3 and 6.5).
struct training_options {
  double output_scale = 100.0;  ///< beta: logits z_l = beta U_l / (N_in V_max)
  std::size_t batch_size = 32;  ///< mini-batch size B
  std::size_t threads = 1;      ///< threads per batch; results do not depend on it
  std::size_t chunks = 2;       ///< fixed partition of each batch; the gradient is the ordered sum of chunk sums
};

/// Loss and accuracy over one pass.
struct pass_result {
  /// Mean cross-entropy loss per sample.
  double mean_loss = 0.0;
  /// correct / samples.
  double accuracy = 0.0;
  /// Samples classified correctly.
  std::size_t correct = 0;
  /// Samples seen.
  std::size_t samples = 0;
};

/// Evaluation with the confusion matrix [true class][predicted class].
struct evaluation : pass_result {
  /// Counts [true class][predicted class].
  xt::xtensor<std::size_t, 2> confusion = xt::xtensor<std::size_t, 2>::from_shape({0, 0});
};

/// Trains `layer` (a network::crossbar) on normalised row drives p [sample][row] with labels.
/// One step on a mini-batch B (Oberbauer et al. 2025 Fig. 4 network, reference equations of
/// shared/research/paper.md section 6.3):
///   u = forward(p), (+ read noise when configured: hardware-aware training)
///   dL/dx_jl = (1/B) sum_b delta_bl dv/dx(p_bj, x_jl),  delta = s (softmax(s u) - y), s = beta/N_in
///   x <- clip(optimizer(x, dL/dx), [x_lo, 1])   (x_lo = -1 bipolar, 0 non-negative)
/// All buffers are allocated at construction: a step allocates nothing (for a polynomial
/// response the lit rows of a drive matrix are indexed once, on its first step, see
/// network/lit_rows.hpp; the steps then visit only lit rows). The batch is cut into a fixed
/// number of chunks whose gradients are summed in chunk order, so a run is bit-identical for any
/// thread count; the shuffle and the noise come from the caller's engine only. A drive matrix is
/// indexed once per address and size: after changing its values in place, call forget_drives().
template <class Crossbar, optimizer Optimizer>
class trainer {
  /// The column count when it is a compile-time constant, else 0.
  static constexpr std::size_t static_outputs =
      Crossbar::static_outputs == network::dynamic_extent ? 0 : Crossbar::static_outputs;

 public:
  /// A trainer of `layer` (kept by reference) with optimizer `opt`, hyper-parameters `options`
  /// and, for hardware-aware training, read noise `noise`.
  trainer(Crossbar& layer, Optimizer opt, training_options options, nonideal::read_noise noise = {})
      : layer_(layer), optimizer_(std::move(opt)), options_(options), noise_(noise),
        pool_(std::make_unique<detail::worker_pool>(options.threads)) {
    if (options.batch_size == 0) throw invalid_parameter("batch size", 0.0, ">= 1");
    detail::require_positive("output scale beta", options.output_scale);
    options_.chunks = std::clamp<std::size_t>(options.chunks, 1, options.batch_size);
    const std::size_t N = layer.inputs(), L = layer.outputs(), B = options.batch_size;
    if constexpr (Crossbar::factorised) {
      lit_scratch_.resize(options_.chunks * layer.lit_scratch_size());
    } else {
      batch_drives_.resize(B * N);
      batch_labels_.resize(B);
    }
    column_sums_.resize(B * L);
    deltas_.resize(B * L);
    chunk_gradients_.resize(options_.chunks * N * L);
    gradient_.resize(N * L);
    chunk_loss_.resize(options_.chunks);
    chunk_correct_.resize(options_.chunks);
    optimizer_.reset(N * L);
  }

  /// The hyper-parameters.
  [[nodiscard]] const training_options& options() const noexcept { return options_; }
  /// The optimizer and its state (e.g. Adam's moments).
  [[nodiscard]] Optimizer& optimizer_state() noexcept { return optimizer_; }
  /// logit scale s = beta / N_in.
  [[nodiscard]] double logit_scale() const noexcept { return options_.output_scale / double(layer_.inputs()); }
  /// Drops the lit-row index of the training drives (needed only after editing them in place).
  void forget_drives() noexcept {
    indexed_drives_ = nullptr;
    indexed_samples_ = 0;
  }
  /// The sample order of the last epoch (for reproducing a run elsewhere).
  [[nodiscard]] const std::vector<std::size_t>& last_order() const noexcept { return order_; }

  /// Prepares a data set for training once: for a polynomial response, the index of its lit rows
  /// (p > 0; allocates). train_epoch and train_batch do this themselves on first use; calling it
  /// up front keeps the one-time preparation out of a timed training loop, as loading the data
  /// into tensors stays out of PyTorch's (scripts/compare-torch).
  void index(const xt::xtensor<double, 2>& drives) {
    if constexpr (Crossbar::factorised) (void)lit_rows_of(drives);
  }

  /// One epoch over all samples in a fresh random order; returns the running loss and accuracy
  /// of the batches as they were trained.
  template <class Engine>
  pass_result train_epoch(const xt::xtensor<double, 2>& drives, const std::vector<std::uint8_t>& labels, Engine& engine) {
    check(drives, labels);
    const std::size_t n = labels.size();
    if (order_.size() != n) {
      order_.resize(n);
      for (std::size_t i = 0; i < n; ++i) order_[i] = i;
    }
    for (std::size_t k = n; k > 1; --k) {  // Fisher-Yates
      std::uniform_int_distribution<std::size_t> pick(0, k - 1);
      std::swap(order_[k - 1], order_[pick(engine)]);
    }
    pass_result r;
    for (std::size_t start = 0; start < n; start += options_.batch_size) {
      const std::size_t B = std::min(options_.batch_size, n - start);
      step(drives, labels, order_.data() + start, B, engine, r);
    }
    return finish(r);
  }

  /// Trains one mini-batch given by sample indices (B <= batch_size); returns its loss/accuracy.
  template <class Engine>
  pass_result train_batch(const xt::xtensor<double, 2>& drives, const std::vector<std::uint8_t>& labels,
                          const std::size_t* indices, std::size_t count, Engine& engine) {
    check(drives, labels);
    if (count == 0 || count > options_.batch_size) throw size_mismatch("mini-batch size bound", options_.batch_size, count);
    pass_result r;
    step(drives, labels, indices, count, engine, r);
    return finish(r);
  }

  /// Loss, accuracy and confusion matrix of the current currents (with read noise when configured).
  template <class Engine>
  evaluation evaluate(const xt::xtensor<double, 2>& drives, const std::vector<std::uint8_t>& labels, Engine& engine) {
    check(drives, labels);
    const std::size_t N = layer_.inputs(), L = layer_.outputs(), n = labels.size();
    evaluation e;
    e.confusion = xt::zeros<std::size_t>({L, L});
    layer_.prepare();
    for (std::size_t start = 0; start < n; start += options_.batch_size) {
      const std::size_t B = std::min(options_.batch_size, n - start);
      layer_.forward_prepared(drives.data() + start * N, B, column_sums_.data());
      noise_.apply(column_sums_.data(), B * L, layer_.response().max_voltage(), engine);
      e.mean_loss += softmax_cross_entropy(column_sums_.data(), labels.data() + start, B, L, logit_scale(),
                                           deltas_.data(), &e.correct);
      for (std::size_t b = 0; b < B; ++b)
        ++e.confusion(labels[start + b], Crossbar::argmax(column_sums_.data() + b * L, L));
    }
    e.samples = n;
    static_cast<pass_result&>(e) = finish(e);
    return e;
  }

 private:
  void check(const xt::xtensor<double, 2>& drives, const std::vector<std::uint8_t>& labels) const {
    if (drives.shape()[1] != layer_.inputs()) throw size_mismatch("drive vector length (crossbar rows)", layer_.inputs(), drives.shape()[1]);
    if (drives.shape()[0] != labels.size()) throw size_mismatch("number of labels", drives.shape()[0], labels.size());
    for (auto y : labels)
      if (y >= layer_.outputs()) throw invalid_parameter("label", y, "< number of crossbar columns");
  }

  static pass_result finish(pass_result r) {
    if (r.samples) {
      r.mean_loss /= double(r.samples);
      r.accuracy = double(r.correct) / double(r.samples);
    }
    return r;
  }

  template <class Engine>
  void step(const xt::xtensor<double, 2>& drives, const std::vector<std::uint8_t>& labels, const std::size_t* indices,
            std::size_t B, Engine& engine, pass_result& r) {
    const std::size_t N = layer_.inputs(), L = layer_.outputs(), C = std::min(options_.chunks, B);
    layer_.prepare();
    if constexpr (Crossbar::factorised) {
      // Polynomial response: the samples' lit rows are read in place from the data set's index
      // (no gather; dark rows add nothing).
      const network::lit_rows& all = lit_rows_of(drives);
      // Chunk c: in groups of samples, the group's forward passes (in pairs; skipped when they
      // ran before the noise), then its softmaxes, then its backward passes: independent work
      // side by side for the out-of-order core, and the group's sums and deltas stay in L1.
      auto learn_chunk = [&](std::size_t c, bool forward) {
        const std::size_t lo = c * B / C, hi = (c + 1) * B / C;
        double* a1 = chunk_gradients_.data() + c * N * L;  // zero: update() clears it
        double* scratch = lit_scratch_.data() + c * layer_.lit_scratch_size();
        loss_sum loss;
        /// Samples classified correctly.
        std::size_t correct = 0;
        auto sample = [&](std::size_t b) {
          const std::size_t i = indices[b], e = all.start[i];
          return std::tuple(all.row.data() + e, all.drive.data() + e, all.start[i + 1] - e);
        };
        for (std::size_t first = lo; first < hi; first += group) {
          const std::size_t last = std::min(hi, first + group);
          std::size_t b = first;
          for (; forward && b + 1 < last; b += 2) {
            const auto [rows_a, p_a, count_a] = sample(b);
            const auto [rows_b, p_b, count_b] = sample(b + 1);
            layer_.lit_column_sums_pair(rows_a, p_a, count_a, column_sums_.data() + b * L, rows_b, p_b, count_b,
                                        column_sums_.data() + (b + 1) * L);
          }
          if (forward && b < last) {
            const auto [rows, p, count] = sample(b);
            layer_.lit_column_sums(rows, p, count, column_sums_.data() + b * L);
          }
          for (b = first; b < last; ++b) {
            const auto s = softmax_cross_entropy_sample<static_outputs>(column_sums_.data() + b * L, labels[indices[b]],
                                                                        L, logit_scale(), deltas_.data() + b * L);
            correct += s.correct;
            loss.add(s);
          }
          for (b = first; b < last; ++b) {
            const auto [rows, p, count] = sample(b);
            layer_.accumulate_lit(rows, p, count, deltas_.data() + b * L, a1, scratch);
          }
        }
        chunk_loss_[c] = loss.value();
        chunk_correct_[c] = correct;
      };
      if (!noise_.enabled()) {
        auto chunk = [&](std::size_t c) { learn_chunk(c, true); };
        pool_->run(C, chunk);
      } else {  // the noise of the whole batch is drawn serially between forward and backward
        auto forward_chunk = [&](std::size_t c) {
          for (std::size_t b = c * B / C; b < (c + 1) * B / C; ++b) {
            const std::size_t i = indices[b], e = all.start[i];
            layer_.lit_column_sums(all.row.data() + e, all.drive.data() + e, all.start[i + 1] - e,
                                   column_sums_.data() + b * L);
          }
        };
        pool_->run(C, forward_chunk);
        noise_.apply(column_sums_.data(), B * L, layer_.response().max_voltage(), engine);
        auto backward_chunk = [&](std::size_t c) { learn_chunk(c, false); };
        pool_->run(C, backward_chunk);
      }
    } else {
      // Other responses: the dense drive vectors.
      for (std::size_t b = 0; b < B; ++b) {
        const double* src = drives.data() + indices[b] * N;
        std::copy(src, src + N, batch_drives_.data() + b * N);
        batch_labels_[b] = labels[indices[b]];
      }
      // Forward is per sample; the noise is drawn serially so that it does not depend on threads.
      auto forward_chunk = [&](std::size_t c) {
        const std::size_t lo = c * B / C, hi = (c + 1) * B / C;
        layer_.forward_prepared(batch_drives_.data() + lo * N, hi - lo, column_sums_.data() + lo * L);
      };
      pool_->run(C, forward_chunk);
      noise_.apply(column_sums_.data(), B * L, layer_.response().max_voltage(), engine);
      auto backward_chunk = [&](std::size_t c) {
        const std::size_t lo = c * B / C, hi = (c + 1) * B / C;
        chunk_correct_[c] = 0;
        chunk_loss_[c] = softmax_cross_entropy(column_sums_.data() + lo * L, batch_labels_.data() + lo, hi - lo, L,
                                               logit_scale(), deltas_.data() + lo * L, &chunk_correct_[c]);
        double* g = chunk_gradients_.data() + c * N * L;
        std::fill(g, g + N * L, 0.0);
        layer_.backward_prepared(batch_drives_.data() + lo * N, deltas_.data() + lo * L, hi - lo, g);
      };
      pool_->run(C, backward_chunk);
    }
    update(B, C, r);
  }

  /// Samples per group of the fused step (see step(); 4 measured best on digits, 2-8 within noise).
  static constexpr std::size_t group = 4;
  /// The ordered sum of the chunk gradients, the mean over the batch, the optimiser step, the clip.
  /// For a polynomial response the chunks hold A_m (see crossbar::backward_lit): one pass forms
  /// each chunk's gradient sum_m G'_m A_m, sums them in chunk order, and clears A for the next step.
  void update(std::size_t B, std::size_t C, pass_result& r) {
    const std::size_t n = layer_.inputs() * layer_.outputs();
    const double inv_batch = 1.0 / double(B);
    double* g0 = chunk_gradients_.data();
    double* g = gradient_.data();
    double* x = layer_.normalized_currents().data();
    const double lo = layer_.normalized_lower_bound();
    bool stepped = false;  // SGD step and clip already done in the same pass
    for (std::size_t c = 0; c < C; ++c) {
      r.mean_loss += chunk_loss_[c];
      r.correct += chunk_correct_[c];
    }
    r.samples += B;
    if constexpr (Crossbar::factorised) {
      const std::size_t S = layer_.lit_scratch_size();
      double* s0 = lit_scratch_.data();
      if (C == 2) {  // the default: one pass (with plain SGD, the step and the clip in it too)
        double *g1 = g0 + n, *s1 = s0 + S;
        for (std::size_t d = 0; d < n; ++d) {
          const double gd = (layer_.lit_gradient_at(d, g0, s0) + layer_.lit_gradient_at(d, g1, s1)) * inv_batch;
          if constexpr (std::is_same_v<Optimizer, sgd>)  // the arithmetic of sgd::step, then the clip
            x[d] = std::clamp(x[d] - optimizer_.learning_rate * gd, lo, 1.0);
          else
            g[d] = gd;
          g0[d] = 0.0;
          g1[d] = 0.0;
        }
        stepped = std::is_same_v<Optimizer, sgd>;
      } else {
        for (std::size_t d = 0; d < n; ++d) g[d] = layer_.lit_gradient_at(d, g0, s0);
        for (std::size_t c = 1; c < C; ++c)  // ordered reduction
          for (std::size_t d = 0; d < n; ++d) g[d] += layer_.lit_gradient_at(d, g0 + c * n, s0 + c * S);
        for (std::size_t d = 0; d < n; ++d) g[d] *= inv_batch;
        std::fill(g0, g0 + C * n, 0.0);
      }
      std::fill(s0, s0 + C * S, 0.0);
    } else if (C == 2) {  // the default: one pass
      const double* g1 = g0 + n;
      for (std::size_t d = 0; d < n; ++d) g[d] = (g0[d] + g1[d]) * inv_batch;
    } else {
      std::copy(g0, g0 + n, g);
      for (std::size_t c = 1; c < C; ++c) {  // ordered reduction
        const double* gc = g0 + c * n;
        for (std::size_t d = 0; d < n; ++d) g[d] += gc[d];
      }
      for (std::size_t d = 0; d < n; ++d) g[d] *= inv_batch;
    }
    if (stepped) return;
    optimizer_.step(x, g, n);
    for (std::size_t d = 0; d < n; ++d) x[d] = std::clamp(x[d], lo, 1.0);
  }

  /// The lit rows of the whole training set, computed once per drive matrix (outside the
  /// steps: a new matrix, or the same one changed in size, is indexed again on its first step).
  const network::lit_rows& lit_rows_of(const xt::xtensor<double, 2>& drives) {
    if (indexed_drives_ != drives.data() || indexed_samples_ != drives.shape()[0]) {
      dataset_lit_ = network::lit_rows::of(drives.data(), drives.shape()[0], drives.shape()[1]);
      indexed_drives_ = drives.data();
      indexed_samples_ = drives.shape()[0];
    }
    return dataset_lit_;
  }

  Crossbar& layer_;
  Optimizer optimizer_;
  training_options options_;
  nonideal::read_noise noise_;
  std::unique_ptr<detail::worker_pool> pool_;
  network::lit_rows dataset_lit_;
  const double* indexed_drives_ = nullptr;
  std::size_t indexed_samples_ = 0;
  std::vector<double> lit_scratch_, batch_drives_, column_sums_, deltas_, chunk_gradients_, gradient_, chunk_loss_;
  std::vector<std::uint8_t> batch_labels_;
  std::vector<std::size_t> chunk_correct_, order_;
};

}  // namespace spinaptic::learning
