// spinaptic/network/crossbar.hpp: the optically driven MTJ crossbar of Oberbauer et al. 2025,
// Fig. 4: rows driven by laser power, one trainable bias current per junction, column sums of
// thermovoltages, argmax readout.
#pragma once

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/response_surface.hpp"
#include "spinaptic/encoding/optical_intensity.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/crossbar_kernels.hpp"
#include "spinaptic/nonideal/dac_quantisation.hpp"
#include "spinaptic/nonideal/device_deviations.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network {

/// Extent for sizes known only at run time (e.g. read from a checkpoint): crossbar<dynamic_extent, ...>.
inline constexpr std::size_t dynamic_extent = std::dynamic_extent;

/// Range of the trainable bias currents: [-I_max, I_max] (signed weights through the odd terms of
/// the cubic response; project default) or [0, I_max] (one current source polarity; Fig. 4g of
/// the paper hints at it). docs/physics.md, "Network and learning".
enum class current_range {
  bipolar,      ///< x = I/I_max in [-1, 1]
  non_negative  ///< x = I/I_max in [0, 1]
};

/// The lowest normalised current x_lo of a range: -1 (bipolar) or 0 (non-negative).
[[nodiscard]] constexpr double lower_bound(current_range r) noexcept {
  return r == current_range::bipolar ? -1.0 : 0.0;
}

namespace detail_crossbar {
template <class R>
constexpr std::size_t power_order() {
  if constexpr (polynomial_response<R>) return R::power_order;
  else return 0;
}
/// Throws invalid_parameter unless index < extent (an index a user passes).
inline void require_index(const char* name, std::size_t index, std::size_t extent) {
  if (index >= extent)
    throw invalid_parameter(name, double(index), "an index in [0, " + std::to_string(extent - 1) + "]");
}
}  // namespace detail_crossbar

/// Inputs x Outputs junctions (row j, column l) under the paper's reference equations
/// (docs/physics.md, "Network and learning"; Oberbauer et al. 2025, Fig. 4c-e):
///   p_j = E(x_j, x_max) = P_j / P_max         row drive of pixel x_j (Encoding, e.g. optical_intensity)
///   V_jl = V_s(P_j, I_jl)                     junction thermovoltage (Response, state s = AP)
///   U_l  = sum_j V_jl                         series sum along column l [V]
///   y    = argmax_l U_l                       predicted class
/// Hot arrays hold the normalised currents x_jl = I_jl / I_max (row-major [j][l]) and the
/// normalised column sums u_l = U_l / V_max; `current()` / `column_voltage()` convert at the API.
///
/// Any `normalized_response` works (e.g. measured_tms, per device per sample). For a
/// `polynomial_response` the column sums factorise, u_l = sum_m sum_j p_j^m G_m(x_jl), so
/// its kernels (crossbar_kernels, `kernels_type`) tabulate G_m(x_jl) and G'_m(x_jl) once per
/// update and a batch costs M (batch x Inputs) by (Inputs x Outputs) products.
///
/// Non-idealities it carries (all off by default): per-device deviations (device_spread,
/// stuck_devices) and the current DAC; the forward pass sees the quantised currents, gradients
/// are with respect to the stored full-precision ones (straight-through).
///
/// The crossbar is the model (currents, response, deviations, the unit-checked API); it holds no
/// tables and no mutable state. Its kernels are a separate object a trainer prepares from it.
/// It satisfies spinaptic::layer (one parameter block, the normalised currents).
template <std::size_t Inputs, std::size_t Outputs, normalized_response Response,
          input_encoding Encoding = encoding::optical_intensity>
class crossbar {
 public:
  /// The junction response policy.
  using response_type = Response;
  /// The input encoding: pixel -> normalised row drive (used by classify()).
  using encoding_type = Encoding;
  /// The prepared kernels a trainer runs (crossbar_kernels.hpp).
  using kernels_type = crossbar_kernels<crossbar>;
  /// Whether an extent is known only at run time.
  static constexpr bool is_dynamic = Inputs == dynamic_extent || Outputs == dynamic_extent;
  /// Whether the column sums factorise (polynomial response).
  static constexpr bool factorised = polynomial_response<Response>;
  /// M, the power order of a polynomial response (0: any other response).
  static constexpr std::size_t power_order = detail_crossbar::power_order<Response>();
  /// Rows known at compile time (or dynamic_extent).
  static constexpr std::size_t static_inputs = Inputs;
  /// Columns known at compile time (or dynamic_extent).
  static constexpr std::size_t static_outputs = Outputs;
  static_assert(is_dynamic || (Inputs > 0 && Outputs > 1), "a crossbar needs >= 1 row and >= 2 columns");

  /// A crossbar of compile-time extents, all currents zero, junctions in `state`.
  explicit crossbar(Response response, device::magnetic_state state = device::magnetic_state::antiparallel,
                    current_range range = current_range::bipolar)
    requires(!is_dynamic)
      : crossbar(std::move(response), Inputs, Outputs, state, range, 0) {}

  /// A crossbar built on junction `j` (compile-time extents): it trains on j.network_response()
  /// (the calibrated surface, or the composed response bound to the junction's own resistance and
  /// heating) and its junctions are in j.state(), so a column voltage is the sum of what
  /// `j.thermovoltage` reports for each row.
  template <class Junction>
    requires(!is_dynamic && requires(const Junction& j) {
      { j.network_response() } -> std::convertible_to<Response>;
      { j.state() } -> std::same_as<device::magnetic_state>;
    })
  explicit crossbar(const Junction& j, current_range range = current_range::bipolar)
      : crossbar(j.network_response(), Inputs, Outputs, j.state(), range, 0) {}

  /// A crossbar of run-time extents (Inputs or Outputs = dynamic_extent). Extents whose storage
  /// M x inputs x outputs doubles does not fit in memory (size_t overflow, e.g. 2^32 x 2^32) or
  /// cannot be allocated throw invalid_parameter.
  crossbar(Response response, std::size_t inputs, std::size_t outputs,
           device::magnetic_state state = device::magnetic_state::antiparallel,
           current_range range = current_range::bipolar)
    requires(is_dynamic)
      : crossbar(std::move(response), inputs, outputs, state, range, 0) {}

  /// Rows N (one per input).
  [[nodiscard]] std::size_t inputs() const noexcept { return inputs_; }
  /// Columns L (one per output).
  [[nodiscard]] std::size_t outputs() const noexcept { return outputs_; }
  /// Junctions N x L.
  [[nodiscard]] std::size_t device_count() const noexcept { return inputs_ * outputs_; }
  /// The junction response.
  [[nodiscard]] const Response& response() const noexcept { return response_; }
  /// The magnetic state of the junctions (antiparallel in the paper).
  [[nodiscard]] device::magnetic_state state() const noexcept { return state_; }
  /// The range of the bias currents.
  [[nodiscard]] current_range range() const noexcept { return range_; }
  /// x_lo: -1 (bipolar) or 0 (non-negative).
  [[nodiscard]] double normalized_lower_bound() const noexcept { return lower_bound(range_); }

  // ---- the controls ------------------------------------------------------------------------
  /// I_jl [A]; an index outside the crossbar throws invalid_parameter.
  [[nodiscard]] units::current current(std::size_t row, std::size_t column) const {
    check_indices(row, column);
    return units::as<units::current>(currents_(row, column) * units::in_si(response_.max_current()));
  }
  /// Sets I_jl; an index outside the crossbar, or a current outside its range, throws
  /// invalid_parameter (no clamping).
  void set_current(std::size_t row, std::size_t column, units::current i) {
    check_indices(row, column);
    const double x = units::in_si(i) / units::in_si(response_.max_current());
    detail::require_in_range("bias current I_jl / I_max", x, normalized_lower_bound(), 1.0);
    currents_(row, column) = x;
  }
  /// x_jl = I_jl / I_max, [row][column] (raw storage the optimisers update in place).
  [[nodiscard]] xt::xtensor<double, 2>& normalized_currents() noexcept { return currents_; }
  /// x_jl = I_jl / I_max, [row][column] (read-only).
  [[nodiscard]] const xt::xtensor<double, 2>& normalized_currents() const noexcept { return currents_; }

  // ---- non-idealities --------------------------------------------------------------------
  /// Per-junction deviations (device_spread, stuck_devices fill them).
  [[nodiscard]] nonideal::device_deviations& deviations() noexcept { return deviations_; }
  /// Per-junction deviations (read-only).
  [[nodiscard]] const nonideal::device_deviations& deviations() const noexcept { return deviations_; }
  /// Factors per device that device_spread draws: M x 4 for a polynomial response, else 1.
  [[nodiscard]] static constexpr std::size_t spread_factors_per_device() noexcept {
    return factorised ? power_order * 4 : 1;
  }
  /// The current DAC (current_bits; power_bits is applied to the drives, nonideal::hardware).
  [[nodiscard]] nonideal::dac_quantisation& dac() noexcept { return dac_; }
  /// The current DAC (read-only).
  [[nodiscard]] const nonideal::dac_quantisation& dac() const noexcept { return dac_; }

  // ---- as a layer (concepts/layer.hpp) -------------------------------------------------------
  /// One block of trainable parameters: the normalised currents.
  static constexpr std::size_t parameter_blocks = 1;
  /// The normalised currents x_jl in [x_lo, 1], the block the trainer updates.
  template <std::size_t Block>
  [[nodiscard]] parameter_view parameters() noexcept {
    static_assert(Block == 0, "a crossbar has one parameter block: its normalised currents");
    return {std::span<double>(currents_.data(), currents_.size()), normalized_lower_bound(), 1.0};
  }
  /// V_max, the full scale of the normalised outputs u_l = U_l / V_max (read noise scales by it).
  [[nodiscard]] units::voltage output_full_scale() const { return response_.max_voltage(); }
  /// Throws spinaptic::error when a deviation map does not match the crossbar or the DAC setting is invalid.
  void check_non_idealities() const {
    if (deviations_.has_spread() &&
        deviations_.coefficient_factors.size() != device_count() * spread_factors_per_device())
      throw size_mismatch("crossbar device spread factors", device_count() * spread_factors_per_device(),
                          deviations_.coefficient_factors.size());
    if (deviations_.has_stuck() && deviations_.stuck.size() != device_count())
      throw size_mismatch("crossbar stuck-device map", device_count(), deviations_.stuck.size());
    dac_.validate();
  }

  /// Prepared kernels of this crossbar (allocates): u [b][l] = U_l / V_max for `batch` drive
  /// vectors p [b][j] (p = P/P_max), for callers outside a trainer (tests, one-off reads).
  void forward(const double* p, std::size_t batch, double* u) const {
    kernels_type k;
    k.prepare(*this);
    k.forward_batch(p, batch, u);
  }

  /// argmax_l of one row of column sums (ties: the lowest column).
  [[nodiscard]] static std::size_t argmax(const double* u, std::size_t outputs) noexcept {
    return static_cast<std::size_t>(std::max_element(u, u + outputs) - u);
  }

  // ---- the unit-checked API ---------------------------------------------------------------
  /// U_l = sum_j V(P_j, I_jl) [V] for the laser powers of all rows.
  [[nodiscard]] units::voltage column_voltage(std::span<const units::power> row_powers, std::size_t column) const {
    detail_crossbar::require_index("crossbar column index l", column, outputs_);
    const auto u = normalized_column_sums(row_powers);
    return u[column] * response_.max_voltage();
  }
  /// argmax_l U_l: the predicted class for the laser powers of all rows.
  [[nodiscard]] std::size_t predict(std::span<const units::power> row_powers) const {
    const auto u = normalized_column_sums(row_powers);
    return argmax(u.data(), outputs_);
  }
  /// argmax_l U_l for the raw input values (pixels) of all rows, each encoded to its row drive by
  /// the crossbar's Encoding, p_j = E(x_j, x_max); a pixel outside [0, x_max] throws invalid_parameter.
  [[nodiscard]] std::size_t classify(std::span<const double> pixels, double max_pixel) const {
    if (pixels.size() != inputs_) throw size_mismatch("crossbar input values (one per row)", inputs_, pixels.size());
    detail::require_positive("full-scale input value x_max", max_pixel);
    std::vector<double> p(inputs_), u(outputs_);
    for (std::size_t j = 0; j < inputs_; ++j)
      p[j] = Encoding::normalized_drive(detail::require_in_range("input value x_j", pixels[j], 0.0, max_pixel), max_pixel);
    forward(p.data(), 1, u.data());
    return argmax(u.data(), outputs_);
  }

 private:
  crossbar(Response response, std::size_t inputs, std::size_t outputs, device::magnetic_state state,
           current_range range, int)
      : response_(std::move(response)),
        state_(state),
        range_(range),
        inputs_(inputs),
        outputs_(outputs),
        currents_(allocate(inputs, outputs)) {}

  /// The zeroed current array, after checking the extents: inputs >= 1, outputs >= 2, and the
  /// tables of the kernels (max(M, 1) + 2) x inputs x outputs doubles addressable (checked
  /// multiplication). An allocation that fails is reported as invalid_parameter too.
  static xt::xtensor<double, 2> allocate(std::size_t inputs, std::size_t outputs) {
    if (inputs == 0) throw invalid_parameter("crossbar inputs (rows)", 0.0, ">= 1");
    if (outputs < 2) throw invalid_parameter("crossbar outputs (columns)", double(outputs), ">= 2");
    constexpr std::size_t tables = (power_order > 0 ? power_order : 1) * 2 + 2;
    constexpr std::size_t limit = std::numeric_limits<std::size_t>::max() / sizeof(double) / tables;
    if (inputs > limit / outputs)
      throw invalid_parameter("crossbar junctions inputs x outputs", double(inputs) * double(outputs),
                              "at most " + std::to_string(limit) + " (addressable memory)");
    try {
      xt::xtensor<double, 2> x = xt::xtensor<double, 2>::from_shape({inputs, outputs});
      std::fill(x.begin(), x.end(), 0.0);
      return x;
    } catch (const std::bad_alloc&) {
      throw invalid_parameter("crossbar junctions inputs x outputs", double(inputs) * double(outputs),
                              "a count whose currents fit in memory");
    } catch (const std::length_error&) {
      throw invalid_parameter("crossbar junctions inputs x outputs", double(inputs) * double(outputs),
                              "a count whose currents fit in memory");
    }
  }

  void check_indices(std::size_t row, std::size_t column) const {
    detail_crossbar::require_index("crossbar row index j", row, inputs_);
    detail_crossbar::require_index("crossbar column index l", column, outputs_);
  }

  [[nodiscard]] std::vector<double> normalized_column_sums(std::span<const units::power> row_powers) const {
    if (row_powers.size() != inputs_) throw size_mismatch("crossbar row powers", inputs_, row_powers.size());
    std::vector<double> p(inputs_), u(outputs_);
    for (std::size_t j = 0; j < inputs_; ++j) {
      p[j] = detail::require_non_negative("laser power P_j [W]", units::in_si(row_powers[j])) /
             units::in_si(response_.max_power());
    }
    forward(p.data(), 1, u.data());
    return u;
  }

  Response response_;
  device::magnetic_state state_;
  current_range range_;
  std::size_t inputs_, outputs_;
  xt::xtensor<double, 2> currents_;  // x_jl = I_jl / I_max
  nonideal::device_deviations deviations_;
  nonideal::dac_quantisation dac_;
};

/// The crossbar of a junction type J (device::mtj): what it trains on is J's network response, the
/// calibrated surface itself (the polynomial kernels) or the composed response bound to the junction.
template <std::size_t Inputs, std::size_t Outputs, class Junction, input_encoding Encoding = encoding::optical_intensity>
using junction_crossbar = crossbar<Inputs, Outputs, typename Junction::network_response_type, Encoding>;

/// The paper's crossbar (bias-enhanced TMS junctions, optical intensity encoding) is a layer.
static_assert(layer<crossbar<64, 10, device::bias_enhanced_tms<1>>>);
static_assert(lit_row_kernels<crossbar<64, 10, device::bias_enhanced_tms<1>>::kernels_type>);
static_assert(layer<crossbar<dynamic_extent, dynamic_extent, device::bias_enhanced_tms<1>>>);
// its kernels offer the dense sample-major path and tile-wise refresh and reduction, which the
// trainer picks through these concepts (a drifted signature would silently fall back otherwise)
static_assert(sample_major_kernels<crossbar<64, 10, device::bias_enhanced_tms<1>>::kernels_type>);
static_assert(refreshable_kernels<crossbar<64, 10, device::bias_enhanced_tms<1>>::kernels_type>);
static_assert(tiled_gradient_kernels<crossbar<64, 10, device::bias_enhanced_tms<1>>::kernels_type>);

}  // namespace spinaptic::network
