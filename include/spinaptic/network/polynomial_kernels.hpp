// spinaptic/network/polynomial_kernels.hpp: the prepared kernels of a crossbar whose response is a
// polynomial surface: tables of G_m(x_jl), G'_m(x_jl) and the forward and backward passes on them.
// One concern in one class, longer than most headers: the tables are private, and every form a
// trainer's fast path reads them in (dense, lit rows, pairs, sample-major blocks, tiles) must sit
// beside them; the shared parts live in detail/ (math.hpp, simd.hpp, simd_transpose.hpp) and the
// non-idealities in junction_coefficients.hpp.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/detail/math.hpp"
#include "spinaptic/detail/simd.hpp"
#include "spinaptic/detail/simd_transpose.hpp"
#include "spinaptic/network/junction_coefficients.hpp"

namespace spinaptic::network {

/// The prepared kernels of a `Crossbar` (network::crossbar) with a polynomial response
/// v = sum_{m=1..M} p^m G_m(x), G_m(x) = sum_k c_mk x^k (docs/network.md, "Kernels").
/// `prepare(layer)` tabulates, for every junction d = j * outputs + l, G_m(x_eff) and the
/// slope-masked G'_m(x_eff) from the junction's coefficients with its non-idealities applied
/// (junction_coefficients). Every other member is `const`, writes only its arguments and may run
/// concurrently. Per sample (p = drives, u = outputs):
///   forward:  u_l = sum_j sum_m p_j^m G_m(x_jl)
///   backward: A_m[j][l] += p_j^m delta_l  (accumulator, M x Inputs x Outputs doubles),
///             delta_in_j = sum_l delta_l sum_m m p_j^(m-1) G_m(x_jl)
///   gradient_and_clear<0>(A, d) = sum_m G'_m(x_d) A_m[d]  = dLoss/dx_d.
/// The forward pass sees the quantised currents; the gradient is that of the stored ones
/// (straight-through estimator, Bengio et al. arXiv:1308.3432).
template <class Crossbar>
class polynomial_crossbar_kernels : public crossbar_kernel_base<Crossbar> {
  using base = crossbar_kernel_base<Crossbar>;
  using base::inputs_, base::outputs_, base::n_, base::layer_, base::junctions_;

 public:
  using typename base::response_type;
  using base::static_outputs;
  /// M, the power order of the response.
  static constexpr std::size_t power_order = Crossbar::power_order;
  /// The column sums factorise into M tables.
  static constexpr bool factorized = true;
  static_assert(Crossbar::factorized, "polynomial_crossbar_kernels needs a polynomial_response");

  /// Tabulates the kernels of `layer` (allocates only when its size changed). Throws
  /// spinaptic::error for a deviation map of the wrong size or an invalid DAC setting.
  void prepare(const Crossbar& layer) {
    base::bind(layer);
    effective_.resize(n_);
    g_.resize(power_order * n_);
    dg_.resize(power_order * n_);
    ideal_ = junctions_.ideal();
    tabulate(0, n_);
  }

  /// Re-tabulates junctions d0 .. d0 + count - 1 of the crossbar prepared last after a trainer
  /// changed their currents in place (exactly what prepare() computes for them; the rest of the
  /// crossbar, its deviations and DAC, must be unchanged since prepare()).
  template <std::size_t Block>
  void refresh(std::size_t d0, std::size_t count) noexcept {
    static_assert(Block == 0, "a crossbar has one parameter block: its normalised currents");
    tabulate(d0, d0 + count);
  }

  /// Doubles per chunk of the gradient accumulator: M x Inputs x Outputs.
  [[nodiscard]] std::size_t accumulator_size() const noexcept { return power_order * n_; }
  /// G_m(x_eff) of every junction for power m = 1..M, [j][l].
  [[nodiscard]] std::span<const double> table(std::size_t m) const noexcept { return {g_.data() + (m - 1) * n_, n_}; }
  /// G'_m(x_eff) of every junction (0 for a junction stuck open), [j][l].
  [[nodiscard]] std::span<const double> slope_table(std::size_t m) const noexcept {
    return {dg_.data() + (m - 1) * n_, n_};
  }

  // ---- forward -------------------------------------------------------------------------------
  /// u_l = sum_j v(p_j, x_jl) for one sample given densely.
  void forward(dense_drives in, double* u, double* /*workspace*/ = nullptr) const noexcept {
    column_sums(u, [&](auto add_row) {
      for (std::size_t j = 0; j < inputs_; ++j) add_row(j, in.drive[j]);
    });
  }
  /// u_l for one sample given by its lit rows (a dark row adds nothing).
  void forward(lit_drives in, double* u, double* /*workspace*/ = nullptr) const noexcept {
    column_sums(u, [&](auto add_row) {
      for (std::size_t e = 0; e < in.count; ++e) add_row(std::size_t(in.row[e]), in.drive[e]);
    });
  }
  /// forward() of two samples at once, each summed in its own entry order (the results are those
  /// of two calls); interleaved, the two running sums hide each other's add latency.
  void forward_pair(lit_drives a, double* u_a, double* ws_a, lit_drives b, double* u_b, double* ws_b) const noexcept {
    if constexpr (static_outputs != std::dynamic_extent) {
      constexpr std::size_t L = static_outputs;
      detail::simd_row<L> sa, sb;
      auto add = [&](detail::simd_row<L>& sums, std::size_t j, double p) {
        detail::for_each_power<power_order>(p, [&](std::size_t m, double pm) { sums.add_scaled(pm, g_.data() + m * n_ + j * L); });
      };
      const std::size_t both = std::min(a.count, b.count);
      for (std::size_t e = 0; e < both; ++e) {
        add(sa, std::size_t(a.row[e]), a.drive[e]);
        add(sb, std::size_t(b.row[e]), b.drive[e]);
      }
      for (std::size_t e = both; e < a.count; ++e) add(sa, std::size_t(a.row[e]), a.drive[e]);
      for (std::size_t e = both; e < b.count; ++e) add(sb, std::size_t(b.row[e]), b.drive[e]);
      sa.store(u_a);
      sb.store(u_b);
    } else {
      forward(a, u_a, ws_a);
      forward(b, u_b, ws_b);
    }
  }
  /// forward() of `batch` dense samples, p [b][j] -> u [b][l] (tests, benchmarks, evaluation).
  void forward_batch(const double* p, std::size_t batch, double* u) const noexcept {
    for (std::size_t b = 0; b < batch; ++b) forward(dense_drives{p + b * inputs_, inputs_}, u + b * outputs_);
  }

  // ---- sample-major blocks -------------------------------------------------------------------
  /// Samples per block of forward_block (one vector register of doubles: 8 with AVX-512, 4 with
  /// AVX, 2 with SSE2).
  static constexpr std::size_t block_samples = detail::simd_width;

  /// forward() of block_samples samples given densely, drives[b][j] (inputs() doubles each), with
  /// the samples in the vector lanes: each W x W tile of drives is transposed in registers, then
  ///   uT[l W + b] = sum_j sum_m p_bj^m G_m(x_jl)
  /// accumulates row after row, one broadcast table entry times one vector of W samples. Each
  /// lane sums its sample in row order, as forward() does; a dark row adds an exact zero, so the
  /// results equal forward()'s bit for bit (dense or lit rows alike).
  void forward_block(const double* const* drives, double* uT) const noexcept
    requires(static_outputs != std::dynamic_extent)
  {
    constexpr std::size_t L = static_outputs, W = block_samples;
    using vec = detail::simd_double<W>;
    vec acc[L];
    for (std::size_t l = 0; l < L; ++l) acc[l] = vec{};
    auto add_row = [&](std::size_t j, vec p) {  // row j of the W samples: acc_l += sum_m p^m G_m(x_jl)
      detail::for_each_power<power_order>(p, [&](std::size_t m, vec pm) {
        const double* g = g_.data() + m * n_ + j * L;
        for (std::size_t l = 0; l < L; ++l) {
          const double gl = g[l];
          acc[l] += gl * pm;
        }
      });
    };
    const std::size_t rows = inputs_;
    std::size_t j0 = 0;
    for (; j0 + W <= rows; j0 += W) {
      vec t[W];
      for (std::size_t b = 0; b < W; ++b) t[b] = detail::simd_load<W>(drives[b] + j0);
      detail::simd_transpose<W>(t);
#pragma GCC unroll 16
      for (std::size_t r = 0; r < W; ++r) add_row(j0 + r, t[r]);  // unrolled: t stays in registers
    }
    for (; j0 < inputs_; ++j0) {
      double row[W];
      for (std::size_t b = 0; b < W; ++b) row[b] = drives[b][j0];
      add_row(j0, detail::simd_load<W>(row));
    }
    for (std::size_t l = 0; l < L; ++l) detail::simd_store<W>(uT + l * W, acc[l]);
  }

  /// The parameter gradient of a batch cut into chunks, for the rows j in [j_begin, j_end)
  /// (j_begin a multiple of block_samples; j_end a multiple of it or inputs()):
  ///   g[j L + l] = sum over chunks c in order, from 0, of  sum_m G'_m(x_jl) A_m,c[j][l],
  ///   A_m,c[j][l] = sum over the samples b of chunk c in order, from 0, of  p_bj^m delta_bl,
  /// i.e. the operations of backward() per sample into chunk c's accumulator followed by
  /// gradient_tile<0>() over the chunks (the same bits: a dark row adds exact zeros), without
  /// the accumulators in memory. Chunk c holds samples bounds[c] .. bounds[c+1] - 1 of `drives`
  /// (dense rows); its deltas are the loss's sample-major blocks of W = block_samples at
  /// deltaT + c chunk_stride: delta_bl at (i / W) L W + l W + i % W, i = b - bounds[c]. W rows
  /// at a time in the vector lanes: the L running sums of a chunk and the L gradient sums stay
  /// in registers, G' is transposed in and g out. Disjoint row ranges may run concurrently.
  void gradient_block(const double* const* drives, const std::size_t* bounds, std::size_t chunks, const double* deltaT,
                      std::size_t chunk_stride, std::size_t j_begin, std::size_t j_end, double* g) const noexcept
    requires(static_outputs != std::dynamic_extent)
  {
    constexpr std::size_t L = static_outputs, W = block_samples, M = power_order;
    using vec = detail::simd_double<W>;
    std::size_t j0 = j_begin;
    for (; j0 + W <= j_end; j0 += W) {
      vec slope[M][L], sum[L];
      for (std::size_t m = 0; m < M; ++m) detail::load_transposed<L, W>(dg_.data() + m * n_ + j0 * L, slope[m]);
      for (std::size_t l = 0; l < L; ++l) sum[l] = vec{};
      for (std::size_t c = 0; c < chunks; ++c) {
        vec acc[M][L];
        for (std::size_t m = 0; m < M; ++m)
          for (std::size_t l = 0; l < L; ++l) acc[m][l] = vec{};
        for (std::size_t b = bounds[c]; b < bounds[c + 1]; ++b) {
          const vec p = detail::simd_load<W>(drives[b] + j0);
          const std::size_t i = b - bounds[c];
          const double* d = deltaT + c * chunk_stride + (i / W) * L * W + i % W;
          detail::for_each_power<M>(p, [&](std::size_t m, vec pm) {
            for (std::size_t l = 0; l < L; ++l) {
              const double dl = d[l * W];
              acc[m][l] += dl * pm;
            }
          });
        }
        for (std::size_t l = 0; l < L; ++l) {  // the operations of gradient_tile()
          if constexpr (M == 1) {
            sum[l] = detail::simd_fused_madd<W>(slope[0][l], acc[0][l], sum[l]);
          } else {
            vec t = slope[0][l] * acc[0][l];
            for (std::size_t m = 1; m < M; ++m) t = detail::simd_fused_madd<W>(slope[m][l], acc[m][l], t);
            sum[l] += t;
          }
        }
      }
      detail::store_transposed<L, W>(sum, g + j0 * L);
    }
    for (; j0 < j_end; ++j0) {  // rows after the last whole block of W
      double sum[L] = {};
      for (std::size_t c = 0; c < chunks; ++c) {
        double acc[M][L] = {};
        for (std::size_t b = bounds[c]; b < bounds[c + 1]; ++b) {
          const std::size_t i = b - bounds[c];
          const double* d = deltaT + c * chunk_stride + (i / W) * L * W + i % W;
          detail::for_each_power<M>(drives[b][j0], [&](std::size_t m, double pm) {  // fused as backward()'s vector rows are
            for (std::size_t l = 0; l < L; ++l) acc[m][l] = detail::fused_madd(d[l * W], pm, acc[m][l]);
          });
        }
        for (std::size_t l = 0; l < L; ++l) {
          const std::size_t d = j0 * L + l;
          if constexpr (M == 1) {
            sum[l] = detail::fused_madd(dg_[d], acc[0][l], sum[l]);
          } else {
            double t = dg_[d] * acc[0][l];
            for (std::size_t m = 1; m < M; ++m) t = detail::fused_madd(dg_[m * n_ + d], acc[m][l], t);
            sum[l] += t;
          }
        }
      }
      for (std::size_t l = 0; l < L; ++l) g[j0 * L + l] = sum[l];
    }
  }

  // ---- backward ------------------------------------------------------------------------------
  /// Accumulates the parameter gradient of one dense sample with dLoss/du = delta, and writes
  /// dLoss/dp to delta_in when it is not null.
  void backward(dense_drives in, const double* /*workspace*/, const double* delta, double* delta_in,
                double* accumulator) const noexcept {
    accumulate(delta, accumulator, [&](auto visit) {
      for (std::size_t j = 0; j < inputs_; ++j) visit(j, in.drive[j]);
    });
    if (delta_in)
      for (std::size_t j = 0; j < inputs_; ++j) delta_in[j] = input_delta(j, in.drive[j], delta);
  }
  /// The same for a sample given by its lit rows: A_m[j][l] += p^m delta_l over the lit rows only
  /// (a dark row has p^m = 0); delta_in, when not null, gets every row (dark rows: m = 1 term).
  void backward(lit_drives in, const double* /*workspace*/, const double* delta, double* delta_in,
                double* accumulator) const noexcept {
    accumulate(delta, accumulator, [&](auto visit) {
      for (std::size_t e = 0; e < in.count; ++e) visit(std::size_t(in.row[e]), in.drive[e]);
    });
    if (delta_in) {
      for (std::size_t j = 0; j < inputs_; ++j) delta_in[j] = input_delta(j, 0.0, delta);
      for (std::size_t e = 0; e < in.count; ++e) delta_in[in.row[e]] = input_delta(in.row[e], in.drive[e], delta);
    }
  }
  /// gradient_and_clear<Block>() of junctions d0 .. d0 + count - 1 summed over `chunks`
  /// accumulators `stride` doubles apart, in chunk order from zero (the same operations as
  /// g[k] += gradient_and_clear(accumulator c, d0 + k) for c = 0, 1, ...), into g[0 .. count).
  /// One pass per chunk over contiguous junctions: it vectorises.
  template <std::size_t Block>
  void gradient_tile(double* accumulators, std::size_t stride, std::size_t chunks, std::size_t d0, std::size_t count,
                     double* __restrict g) const noexcept {
    static_assert(Block == 0, "a crossbar has one parameter block: its normalised currents");
    if constexpr (power_order == 1) {
      if (chunks == 2) {  // the default: both chunks in one pass, the same operations
        double* __restrict a0 = accumulators + d0;
        double* __restrict a1 = accumulators + stride + d0;
        const double* __restrict dg = dg_.data() + d0;
        for (std::size_t k = 0; k < count; ++k) {
          g[k] = detail::fused_madd(dg[k], a1[k], detail::fused_madd(dg[k], a0[k], 0.0));
          a0[k] = 0.0;
          a1[k] = 0.0;
        }
        return;
      }
    }
    for (std::size_t k = 0; k < count; ++k) g[k] = 0.0;
    for (std::size_t c = 0; c < chunks; ++c) {
      double* __restrict a = accumulators + c * stride + d0;
      const double* __restrict dg = dg_.data() + d0;
      for (std::size_t k = 0; k < count; ++k) {
        if constexpr (power_order == 1) {
          g[k] = detail::fused_madd(dg[k], a[k], g[k]);
        } else {
          double t = dg[k] * a[k];
          for (std::size_t m = 1; m < power_order; ++m) t = detail::fused_madd(dg[m * n_ + k], a[m * n_ + k], t);
          g[k] += t;
        }
        for (std::size_t m = 0; m < power_order; ++m) a[m * n_ + k] = 0.0;
      }
    }
  }

  /// dLoss/dx_d of junction d from one chunk's accumulator, zeroing the entries it read:
  ///   sum_m G'_m(x_d) A_m[d].
  template <std::size_t Block>
  [[nodiscard]] double gradient_and_clear(double* accumulator, std::size_t d) const noexcept {
    static_assert(Block == 0, "a crossbar has one parameter block: its normalised currents");
    double g = dg_[d] * accumulator[d];
    accumulator[d] = 0.0;
    for (std::size_t m = 1; m < power_order; ++m) {
      g = detail::fused_madd(dg_[m * n_ + d], accumulator[m * n_ + d], g);
      accumulator[m * n_ + d] = 0.0;
    }
    return g;
  }

 private:
  /// The tables of junctions begin .. end - 1 from the currents of the crossbar prepared last.
  void tabulate(std::size_t begin, std::size_t end) noexcept {
    const Crossbar& layer = *layer_;
    const double* x = layer.normalized_currents().data();
    if (ideal_) {  // one polynomial row per power order, a straight loop over the currents
      for (std::size_t m = 0; m < power_order; ++m)
        polynomial_rows(layer.response().coefficients(layer.state())[m], x, g_.data() + m * n_, dg_.data() + m * n_,
                        begin, end);
      return;
    }
    for (std::size_t d = begin; d < end; ++d) effective_[d] = junctions_.effective_current(d, x[d]);
    for (std::size_t d = begin; d < end; ++d) {
      const double mask = junctions_.slope_mask(d);
      for (std::size_t m = 0; m < power_order; ++m) {
        const auto row = junctions_.row(d, m);
        g_[m * n_ + d] = response_type::polynomial(row, effective_[d]);
        dg_[m * n_ + d] = mask * response_type::polynomial_derivative(row, effective_[d]);
      }
    }
  }

  /// g[d] = G(x[d]), dg[d] = G'(x[d]) for d in [begin, end), one polynomial row (the arrays do
  /// not overlap: the loop vectorises without a run-time alias check; out of line, where GCC
  /// keeps the __restrict that inlining into a long caller loses).
  template <class Row>
  [[gnu::noinline]] static void polynomial_rows(const Row row, const double* __restrict x, double* __restrict g,
                                                double* __restrict dg, std::size_t begin, std::size_t end) noexcept {
    for (std::size_t d = begin; d < end; ++d) {
      g[d] = response_type::polynomial(row, x[d]);
      dg[d] = response_type::polynomial_derivative(row, x[d]);
    }
  }

  /// dv/dp summed over the columns: sum_l delta_l sum_m m p^(m-1) G_m(x_jl).
  [[nodiscard]] double input_delta(std::size_t j, double p, const double* delta) const noexcept {
    double sum = 0.0, pm1 = 1.0;  // p^(m-1)
    for (std::size_t m = 0; m < power_order; ++m) {
      const double* g = g_.data() + m * n_ + j * outputs_;
      double s = 0.0;
      for (std::size_t l = 0; l < outputs_; ++l) s += delta[l] * g[l];
      sum += double(m + 1) * pm1 * s;
      pm1 *= p;
    }
    return sum;
  }

  /// The column count, a compile-time constant when the crossbar's is.
  [[nodiscard]] constexpr std::size_t columns() const noexcept {
    if constexpr (static_outputs != std::dynamic_extent) return static_outputs;
    else return outputs_;
  }

  /// u[l] = sum over the rows that `for_each_row(add_row)` visits, add_row(j, p), of
  /// sum_m p^m G_m(x_jl). With a compile-time column count the running sums live in vector registers.
  template <class ForEachRow>
  void column_sums(double* u, ForEachRow&& for_each_row) const noexcept {
    if constexpr (static_outputs != std::dynamic_extent) {
      constexpr std::size_t L = static_outputs;
      detail::simd_row<L> sums;
      for_each_row([&](std::size_t j, double p) {
        detail::for_each_power<power_order>(p, [&](std::size_t m, double pm) { sums.add_scaled(pm, g_.data() + m * n_ + j * L); });
      });
      sums.store(u);
    } else {
      std::fill(u, u + outputs_, 0.0);
      for_each_row([&](std::size_t j, double p) {
        detail::for_each_power<power_order>(p, [&](std::size_t m, double pm) {
          const double* g = g_.data() + m * n_ + j * outputs_;
          for (std::size_t l = 0; l < outputs_; ++l) u[l] += pm * g[l];
        });
      });
    }
  }

  /// A_m[j][l] += p^m delta_l for each row (j, p) that `for_each_row(visit)` visits.
  template <class ForEachRow>
  void accumulate(const double* delta, double* a, ForEachRow&& for_each_row) const noexcept {
    const std::size_t L = columns();
    if constexpr (static_outputs != std::dynamic_extent) {  // delta in vector registers
      const auto d = detail::simd_row<static_outputs>::load(delta);
      for_each_row([&](std::size_t j, double p) {
        detail::for_each_power<power_order>(p, [&](std::size_t m, double pm) { d.add_scaled_to(pm, a + m * n_ + j * L); });
      });
    } else {
      for_each_row([&](std::size_t j, double p) {
        detail::for_each_power<power_order>(p, [&](std::size_t m, double pm) {
          double* am = a + m * n_ + j * L;
          for (std::size_t l = 0; l < L; ++l) am[l] += pm * delta[l];
        });
      });
    }
  }

  bool ideal_ = true;  // no spread, no stuck junction, no current DAC: the straight polynomial tables
  std::vector<double> effective_, g_, dg_;
};

}  // namespace spinaptic::network
