// spinaptic/network/junction_coefficients.hpp: each junction of a crossbar as its kernels see it,
// with the non-idealities applied (current DAC, stuck junctions, device spread).
#pragma once

#include <cstddef>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/nonideal/device_deviations.hpp"

namespace spinaptic::network {

/// The per-junction coefficient view of a crossbar `Crossbar`: junction d = j * outputs + l with
/// its non-idealities applied (docs/network.md, "Non-idealities"), so that a kernel never
/// branches on them:
///   x_eff = 0 (stuck open) or the DAC-quantised current Q(x_d)      (nonideal::dac_quantization)
///   mask  = 0 (stuck open: no gradient) or 1      (straight-through estimator, Bengio et al.
///           arXiv:1308.3432: the gradient is that of the stored current)
///   s_d   = parallel (stuck parallel) or the crossbar's state
///   c_mk  = c^{s_d}_mk f_d,(m K + k), K coefficients per power (the response's degree + 1),
///           for a polynomial response; gain f_d,0 for any other response
/// where f_d are the junction's device_spread factors (all 1 without spread). A view of the
/// crossbar: valid while the crossbar and its deviations are.
template <class Crossbar>
class junction_coefficients {
 public:
  /// An empty view (no crossbar).
  junction_coefficients() = default;
  /// The junctions of `layer`.
  explicit junction_coefficients(const Crossbar& layer) noexcept : layer_(&layer) {}

  /// Whether no junction deviates (no spread, no stuck junction, no current DAC).
  [[nodiscard]] bool ideal() const noexcept {
    const auto& dev = layer_->deviations();
    return !dev.has_spread() && !dev.has_stuck() && layer_->dac().current_bits == 0;
  }
  /// Whether junction d is stuck open (no current, no gradient).
  [[nodiscard]] bool open(std::size_t d) const noexcept {
    const auto& dev = layer_->deviations();
    return dev.has_stuck() && dev.stuck[d] == nonideal::stuck_mode::zero_current;
  }
  /// x_eff of junction d, from the stored normalised current x.
  [[nodiscard]] double effective_current(std::size_t d, double x) const noexcept {
    return open(d) ? 0.0 : layer_->dac().current(x, layer_->normalized_lower_bound());
  }
  /// The gradient mask of junction d: 0 when stuck open, else 1.
  [[nodiscard]] double slope_mask(std::size_t d) const noexcept { return open(d) ? 0.0 : 1.0; }
  /// s_d, the magnetic state junction d reads in.
  [[nodiscard]] device::magnetic_state state(std::size_t d) const noexcept {
    const auto& dev = layer_->deviations();
    return dev.has_stuck() && dev.stuck[d] == nonideal::stuck_mode::parallel ? device::magnetic_state::parallel
                                                                               : layer_->state();
  }
  /// The spread gain f_d,0 of junction d (any response: one factor per device).
  [[nodiscard]] double gain(std::size_t d) const noexcept {
    const auto& dev = layer_->deviations();
    return dev.has_spread() ? dev.coefficient_factors[d * dev.factors_per_device] : 1.0;
  }
  /// Row m (power p^(m+1)) of junction d's coefficients c^{s_d}_mk f_d,(m K + k) (polynomial
  /// responses; K = Crossbar::coefficients_per_power).
  [[nodiscard]] auto row(std::size_t d, std::size_t m) const noexcept {
    static_assert(Crossbar::factorized, "coefficient rows exist for a polynomial response only");
    constexpr std::size_t K = Crossbar::coefficients_per_power;
    auto r = layer_->response().coefficients(state(d))[m];
    const auto& dev = layer_->deviations();
    if (dev.has_spread())
      for (std::size_t k = 0; k < K; ++k) r[k] *= dev.coefficient_factors[d * dev.factors_per_device + m * K + k];
    return r;
  }

 private:
  const Crossbar* layer_ = nullptr;
};

/// What the crossbar kernels (polynomial_kernels.hpp, pointwise_kernels.hpp) share: the crossbar
/// prepared last, its junction view and its extents (rows, columns, n = rows x columns junctions
/// d = j * outputs + l).
template <class Crossbar>
class crossbar_kernel_base {
 public:
  /// The crossbar these kernels serve.
  using layer_type = Crossbar;
  /// The response policy of its junctions.
  using response_type = typename Crossbar::response_type;
  /// The column count when it is known at compile time, else std::dynamic_extent.
  static constexpr std::size_t static_outputs = Crossbar::static_outputs;

  /// Rows of the crossbar prepared last.
  [[nodiscard]] std::size_t inputs() const noexcept { return inputs_; }
  /// Columns of the crossbar prepared last.
  [[nodiscard]] std::size_t outputs() const noexcept { return outputs_; }
  /// No state is carried from forward to backward.
  [[nodiscard]] std::size_t workspace_size() const noexcept { return 0; }

 protected:
  /// Checks the non-idealities of `layer` (spinaptic::error for a deviation map of the wrong
  /// size or an invalid DAC setting) and takes it, its junction view and its extents.
  void bind(const Crossbar& layer) {
    layer.check_non_idealities();
    layer_ = &layer;
    junctions_ = junction_coefficients<Crossbar>(layer);
    inputs_ = layer.inputs();
    outputs_ = layer.outputs();
    n_ = inputs_ * outputs_;
  }

  const Crossbar* layer_ = nullptr;            ///< the crossbar prepared last
  junction_coefficients<Crossbar> junctions_;  ///< its junctions, non-idealities applied
  std::size_t inputs_ = 0;                     ///< rows
  std::size_t outputs_ = 0;                    ///< columns
  std::size_t n_ = 0;                          ///< junctions
};

}  // namespace spinaptic::network
