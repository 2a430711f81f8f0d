// spinaptic/network/pointwise_kernels.hpp: the prepared kernels of a crossbar whose response is
// evaluated junction by junction (any normalized_response that is not a polynomial surface).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/network/junction_coefficients.hpp"

namespace spinaptic::network {

/// The prepared kernels of a `Crossbar` (network::crossbar) whose response v(p, x) does not
/// factorise (a measured table, a physics-derived response): each junction is evaluated at its
/// own drive and current. `prepare(layer)` stores each junction's effective current and gradient
/// mask (junction_coefficients: DAC, stuck junctions); the spread gain multiplies its response.
/// Per sample (p = drives, u = outputs, docs/network.md, "Kernels"):
///   forward:  u_l = sum_j f_jl v_s(p_j, x_jl)
///   backward: A[j][l] += delta_l mask_jl f_jl dv/dx (p_j, x_jl)   (Inputs x Outputs doubles),
///             delta_in_j = sum_l delta_l f_jl dv/dp (p_j, x_jl)
///   gradient_and_clear<0>(A, d) = A[d] = dLoss/dx_d.
/// Every member but prepare() is `const`, writes only its arguments and may run concurrently.
template <class Crossbar>
class pointwise_crossbar_kernels : public crossbar_kernel_base<Crossbar> {
  using base = crossbar_kernel_base<Crossbar>;
  using base::inputs_, base::outputs_, base::n_, base::layer_, base::junctions_;

 public:
  using typename base::response_type;
  using base::static_outputs;
  /// No power order: the response is not a polynomial surface.
  static constexpr std::size_t power_order = 0;
  /// The column sums do not factorise.
  static constexpr bool factorized = false;

  /// Stores the effective currents and masks of `layer` (allocates only when its size changed).
  /// Throws spinaptic::error for a deviation map of the wrong size or an invalid DAC setting.
  void prepare(const Crossbar& layer) {
    base::bind(layer);
    effective_.resize(n_);
    slope_mask_.resize(n_);
    tabulate(0, n_);
  }

  /// Re-reads junctions d0 .. d0 + count - 1 of the crossbar prepared last after a trainer
  /// changed their currents in place (what prepare() computes for them).
  template <std::size_t Block>
  void refresh(std::size_t d0, std::size_t count) noexcept {
    static_assert(Block == 0, "a crossbar has one parameter block: its normalised currents");
    tabulate(d0, d0 + count);
  }

  /// Doubles per chunk of the gradient accumulator: Inputs x Outputs.
  [[nodiscard]] std::size_t accumulator_size() const noexcept { return n_; }

  /// u_l = sum_j v(p_j, x_jl) for one sample given densely.
  void forward(dense_drives in, double* u, double* /*workspace*/ = nullptr) const noexcept {
    const auto& r = layer_->response();
    std::fill(u, u + outputs_, 0.0);
    for (std::size_t j = 0; j < inputs_; ++j)
      for (std::size_t l = 0; l < outputs_; ++l) {
        const std::size_t d = j * outputs_ + l;
        u[l] += junctions_.gain(d) * r.normalized(junctions_.state(d), in.drive[j], effective_[d]);
      }
  }
  /// forward() of `batch` dense samples, p [b][j] -> u [b][l] (tests, benchmarks, evaluation).
  void forward_batch(const double* p, std::size_t batch, double* u) const noexcept {
    for (std::size_t b = 0; b < batch; ++b) forward(dense_drives{p + b * inputs_, inputs_}, u + b * outputs_);
  }

  /// Accumulates the parameter gradient of one dense sample with dLoss/du = delta, and writes
  /// dLoss/dp to delta_in when it is not null.
  void backward(dense_drives in, const double* /*workspace*/, const double* delta, double* delta_in,
                double* accumulator) const noexcept {
    const auto& r = layer_->response();
    for (std::size_t j = 0; j < inputs_; ++j) {
      double dp = 0.0;
      for (std::size_t l = 0; l < outputs_; ++l) {
        const std::size_t d = j * outputs_ + l;
        const double gain = junctions_.gain(d);
        const auto state = junctions_.state(d);
        accumulator[d] += delta[l] * slope_mask_[d] * gain * r.normalized_dx(state, in.drive[j], effective_[d]);
        dp += delta[l] * gain * r.normalized_dp(state, in.drive[j], effective_[d]);
      }
      if (delta_in) delta_in[j] = dp;
    }
  }

  /// gradient_and_clear<Block>() of junctions d0 .. d0 + count - 1 summed over `chunks`
  /// accumulators `stride` doubles apart, in chunk order from zero, into g[0 .. count).
  template <std::size_t Block>
  void gradient_tile(double* accumulators, std::size_t stride, std::size_t chunks, std::size_t d0, std::size_t count,
                     double* __restrict g) const noexcept {
    static_assert(Block == 0, "a crossbar has one parameter block: its normalised currents");
    for (std::size_t k = 0; k < count; ++k) g[k] = 0.0;
    for (std::size_t c = 0; c < chunks; ++c) {
      double* __restrict a = accumulators + c * stride + d0;
      for (std::size_t k = 0; k < count; ++k) {
        g[k] += a[k];
        a[k] = 0.0;
      }
    }
  }

  /// dLoss/dx_d of junction d from one chunk's accumulator (the accumulated gradient itself),
  /// zeroing it.
  template <std::size_t Block>
  [[nodiscard]] double gradient_and_clear(double* accumulator, std::size_t d) const noexcept {
    static_assert(Block == 0, "a crossbar has one parameter block: its normalised currents");
    const double g = accumulator[d];
    accumulator[d] = 0.0;
    return g;
  }

 private:
  /// The effective currents and masks of junctions begin .. end - 1.
  void tabulate(std::size_t begin, std::size_t end) noexcept {
    const double* x = layer_->normalized_currents().data();
    for (std::size_t d = begin; d < end; ++d) {
      effective_[d] = junctions_.effective_current(d, x[d]);
      slope_mask_[d] = junctions_.slope_mask(d);
    }
  }

  std::vector<double> effective_, slope_mask_;
};

}  // namespace spinaptic::network
