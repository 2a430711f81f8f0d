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
#include <string>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts.hpp"
#include "spinaptic/detail/simd.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/encoding/optical_intensity.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/lit_rows.hpp"
#include "spinaptic/nonideal/dac_quantisation.hpp"
#include "spinaptic/nonideal/device_deviations.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network {

/// Extent for sizes known only at run time (e.g. read from a checkpoint): crossbar<dynamic_extent, ...>.
inline constexpr std::size_t dynamic_extent = std::dynamic_extent;

/// Range of the trainable bias currents: [-I_max, I_max] (signed weights through the odd terms of
/// the cubic response; project default) or [0, I_max] (one current source polarity; Fig. 4g of
/// the paper hints at it). shared/research/paper.md section 6.3.
enum class current_range { bipolar, non_negative };

[[nodiscard]] constexpr double lower_bound(current_range r) noexcept {
  return r == current_range::bipolar ? -1.0 : 0.0;
}

namespace detail_crossbar {
template <class R>
constexpr std::size_t power_order() {
  if constexpr (polynomial_response<R>) return R::power_order;
  else return 0;
}
}  // namespace detail_crossbar

/// Inputs x Outputs junctions (row j, column l) under the paper's reference equations
/// (shared/research/paper.md section 6.3; Oberbauer et al. 2025, Fig. 4c-e):
///   p_j = P_j / P_max                         row drive (Encoding: optical_intensity)
///   V_jl = V_s(P_j, I_jl)                     junction thermovoltage (Response, state s = AP)
///   U_l  = sum_j V_jl                         series sum along column l [V]
///   y    = argmax_l U_l                       predicted class
/// Hot arrays hold the normalised currents x_jl = I_jl / I_max (row-major [j][l]) and the
/// normalised column sums u_l = U_l / V_max; `current()` / `column_voltage()` convert at the API.
///
/// Any `normalized_response` works (e.g. measured_tms, per device per sample). For a
/// `polynomial_response` the column sums factorise, u_l = sum_m sum_j p_j^m G_m(x_jl), so
/// `prepare()` tabulates G_m(x_jl) and G'_m(x_jl) once per update and a batch costs M
/// (batch x Inputs) by (Inputs x Outputs) products.
///
/// Non-idealities it carries (all off by default): per-device deviations (device_spread,
/// stuck_devices) and the current DAC; the forward pass sees the quantised currents, gradients
/// are with respect to the stored full-precision ones (straight-through).
///
/// Thread safety: `prepare()` writes the tables; `forward_prepared` / `backward_prepared` only
/// read them and may run concurrently on disjoint outputs.
template <std::size_t Inputs, std::size_t Outputs, normalized_response Response,
          input_encoding Encoding = encoding::optical_intensity>
class crossbar {
 public:
  /// The junction response policy.
  using response_type = Response;
  /// The input encoding policy.
  using encoding_type = Encoding;
  /// True when an extent is chosen at run time.
  static constexpr bool is_dynamic = Inputs == dynamic_extent || Outputs == dynamic_extent;
  /// True when the response is a polynomial in p (the factorised kernels apply).
  static constexpr bool factorised = polynomial_response<Response>;
  static constexpr std::size_t power_order = detail_crossbar::power_order<Response>();  ///< M (0: generic)
  /// The compile-time row count (dynamic_extent when chosen at run time).
  static constexpr std::size_t static_inputs = Inputs;
  /// The compile-time column count (dynamic_extent when chosen at run time).
  static constexpr std::size_t static_outputs = Outputs;
  static_assert(is_dynamic || (Inputs > 0 && Outputs > 1), "a crossbar needs >= 1 row and >= 2 columns");

  /// A crossbar of compile-time extents, all currents zero, junctions in `state`.
  explicit crossbar(Response response, device::magnetic_state state = device::magnetic_state::antiparallel,
                    current_range range = current_range::bipolar)
    requires(!is_dynamic)
      : crossbar(std::move(response), Inputs, Outputs, state, range, 0) {}

  /// A crossbar of run-time extents (Inputs or Outputs = dynamic_extent).
  crossbar(Response response, std::size_t inputs, std::size_t outputs,
           device::magnetic_state state = device::magnetic_state::antiparallel,
           current_range range = current_range::bipolar)
    requires(is_dynamic)
      : crossbar(std::move(response), inputs, outputs, state, range, 0) {}

  /// Number of rows (inputs) N_in.
  [[nodiscard]] std::size_t inputs() const noexcept { return inputs_; }
  /// Number of columns (outputs) N_out.
  [[nodiscard]] std::size_t outputs() const noexcept { return outputs_; }
  /// Number of junctions, N_in x N_out.
  [[nodiscard]] std::size_t device_count() const noexcept { return inputs_ * outputs_; }
  /// The junction response shared by every device.
  [[nodiscard]] const Response& response() const noexcept { return response_; }
  /// The magnetic state every junction is read in.
  [[nodiscard]] device::magnetic_state state() const noexcept { return state_; }
  /// The range of the normalised currents x.
  [[nodiscard]] current_range range() const noexcept { return range_; }
  /// x_lo: -1 (bipolar) or 0 (non-negative).
  [[nodiscard]] double normalized_lower_bound() const noexcept { return lower_bound(range_); }

  // ---- the controls ------------------------------------------------------------------------
  /// I_jl [A].
  [[nodiscard]] units::current current(std::size_t row, std::size_t column) const {
    return units::as<units::current>(currents_(row, column) * units::in_si(response_.max_current()));
  }
  /// Sets I_jl; outside the crossbar's current range throws invalid_parameter (no clamping).
  void set_current(std::size_t row, std::size_t column, units::current i) {
    const double x = units::in_si(i) / units::in_si(response_.max_current());
    detail::require_in_range("bias current I_jl / I_max", x, normalized_lower_bound(), 1.0);
    currents_(row, column) = x;
  }
  /// x_jl = I_jl / I_max, [row][column] (raw storage the optimisers update in place).
  [[nodiscard]] xt::xtensor<double, 2>& normalized_currents() noexcept { return currents_; }
  /// x_jl = I_jl / I_max [input][output].
  [[nodiscard]] const xt::xtensor<double, 2>& normalized_currents() const noexcept { return currents_; }

  // ---- non-idealities --------------------------------------------------------------------
  /// The per-device deviations (spread, stuck devices), to set.
  [[nodiscard]] nonideal::device_deviations& deviations() noexcept { return deviations_; }
  /// The per-device deviations (spread, stuck devices).
  [[nodiscard]] const nonideal::device_deviations& deviations() const noexcept { return deviations_; }
  /// Factors per device that device_spread draws: M x 4 for a polynomial response, else 1.
  [[nodiscard]] static constexpr std::size_t spread_factors_per_device() noexcept {
    return factorised ? power_order * 4 : 1;
  }
  /// The DAC resolution of currents and laser drives, to set.
  [[nodiscard]] nonideal::dac_quantisation& dac() noexcept { return dac_; }
  /// The DAC resolution of currents and laser drives.
  [[nodiscard]] const nonideal::dac_quantisation& dac() const noexcept { return dac_; }

  // ---- raw kernels -----------------------------------------------------------------------
  /// Tabulates, for every junction, the effective current (quantised, stuck at zero) and
  /// G_m(x), G'_m(x) (polynomial responses). Call after the currents or deviations change.
  void prepare() const {
    check_deviations();
    const std::size_t n = device_count();
    if constexpr (factorised) {
      if (!deviations_.has_spread() && !deviations_.has_stuck() && dac_.current_bits == 0) {
        // ideal devices: one polynomial row per power order, a straight loop over the currents
        const double* x = currents_.data();
        for (std::size_t m = 0; m < power_order; ++m) {
          const auto row = response_.coefficients(state_)[m];
          double* g = g_.data() + m * n;
          double* dg = dg_.data() + m * n;
          for (std::size_t d = 0; d < n; ++d) {
            g[d] = Response::polynomial(row, x[d]);
            dg[d] = Response::polynomial_derivative(row, x[d]);
          }
        }
        return;
      }
    }
    const double lo = normalized_lower_bound();
    const double* x = currents_.data();
    for (std::size_t d = 0; d < n; ++d) {
      const auto mode = deviations_.has_stuck() ? deviations_.stuck[d] : nonideal::stuck_mode::none;
      effective_[d] = mode == nonideal::stuck_mode::zero_current ? 0.0 : dac_.current(x[d], lo);
      slope_mask_[d] = mode == nonideal::stuck_mode::zero_current ? 0.0 : 1.0;
    }
    if constexpr (factorised) {
      using row_t = typename std::remove_cvref_t<decltype(response_.coefficients(state_)[0])>;
      for (std::size_t d = 0; d < n; ++d) {
        const bool stuck_parallel = deviations_.has_stuck() && deviations_.stuck[d] == nonideal::stuck_mode::parallel;
        const auto& c = response_.coefficients(stuck_parallel ? device::magnetic_state::parallel : state_);
        for (std::size_t m = 0; m < power_order; ++m) {
          row_t row = c[m];
          if (deviations_.has_spread())
            for (std::size_t k = 0; k < 4; ++k)
              row[k] *= deviations_.coefficient_factors[d * deviations_.factors_per_device + m * 4 + k];
          g_[m * n + d] = Response::polynomial(row, effective_[d]);
          dg_[m * n + d] = slope_mask_[d] * Response::polynomial_derivative(row, effective_[d]);
        }
      }
    }
  }

  /// u[b][l] = sum_j v(p[b][j], x_jl) = U_l / V_max for `batch` drive vectors p (row-major
  /// [b][j], p = P/P_max), after prepare(). No allocation.
  void forward_prepared(const double* p, std::size_t batch, double* u) const noexcept {
    const std::size_t N = inputs_, L = outputs_;
    for (std::size_t b = 0; b < batch; ++b) {
      double* ub = u + b * L;
      std::fill(ub, ub + L, 0.0);
      const double* pb = p + b * N;
      if constexpr (factorised) {
        column_sums(ub, [&](auto add_row) {
          for (std::size_t j = 0; j < N; ++j) add_row(j, pb[j]);
        });
      } else {
        for (std::size_t j = 0; j < N; ++j)
          for (std::size_t l = 0; l < L; ++l) {
            const std::size_t d = j * L + l;
            ub[l] += gain(d) * response_.normalized(device_state(d), pb[j], effective_[d]);
          }
      }
    }
  }

  /// grad[j][l] += sum_b delta[b][l] dv/dx (p[b][j], x_jl), the back-propagation of dLoss/du =
  /// delta through the column sums to the normalised currents, after prepare(). No allocation.
  void backward_prepared(const double* p, const double* delta, std::size_t batch, double* grad) const noexcept {
    const std::size_t N = inputs_, L = outputs_, n = N * L;
    if constexpr (factorised && Outputs != dynamic_extent) {
      // per row j and power m: A_l = sum_b p_bj^m delta_bl in registers, then grad_jl += G'_m(x_jl) A_l
      for (std::size_t j = 0; j < N; ++j) {
        std::array<std::array<double, Outputs>, power_order> sums{};
        for (std::size_t b = 0; b < batch; ++b) {
          const double pj = p[b * N + j];
          const double* db = delta + b * Outputs;
          double pm = 1.0;
          for (std::size_t m = 0; m < power_order; ++m) {
            pm *= pj;
            for (std::size_t l = 0; l < Outputs; ++l) sums[m][l] += pm * db[l];
          }
        }
        double* gr = grad + j * Outputs;
        for (std::size_t m = 0; m < power_order; ++m) {
          const double* dg = dg_.data() + m * n + j * Outputs;
          for (std::size_t l = 0; l < Outputs; ++l) gr[l] += dg[l] * sums[m][l];
        }
      }
      return;
    }
    for (std::size_t b = 0; b < batch; ++b) {
      const double* pb = p + b * N;
      const double* db = delta + b * L;
      if constexpr (factorised) {
        for (std::size_t j = 0; j < N; ++j) {
          double pm = 1.0;
          double* gr = grad + j * L;
          for (std::size_t m = 0; m < power_order; ++m) {
            pm *= pb[j];
            const double* dg = dg_.data() + m * n + j * L;
            for (std::size_t l = 0; l < L; ++l) gr[l] += pm * dg[l] * db[l];
          }
        }
      } else {
        for (std::size_t j = 0; j < N; ++j)
          for (std::size_t l = 0; l < L; ++l) {
            const std::size_t d = j * L + l;
            grad[d] += db[l] * slope_mask_[d] * gain(d) *
                       response_.normalized_dx(device_state(d), pb[j], effective_[d]);
          }
      }
    }
  }

  // ---- sparse kernels (polynomial responses): only the lit rows of each sample --------------
  /// Scratch doubles backward_lit needs: (M - 1) x Inputs x Outputs (none for M = 1).
  [[nodiscard]] std::size_t lit_scratch_size() const noexcept { return (power_order - 1) * device_count(); }

  /// u[b][l] for samples first .. first+count-1 of `batch`, after prepare(); equal to
  /// forward_prepared on the dense drives (up to the order of the additions). No allocation.
  void forward_lit(const lit_rows& batch, std::size_t first, std::size_t count, double* u) const noexcept
    requires factorised
  {
    for (std::size_t b = 0; b < count; ++b) {
      const std::size_t lo = batch.start[first + b], hi = batch.start[first + b + 1];
      lit_column_sums(batch.row.data() + lo, batch.drive.data() + lo, hi - lo, u + b * columns());
    }
  }

  /// grad = dLoss/dx of samples first .. first+count-1 with dLoss/du = delta (row b - first),
  /// after prepare(). Unlike backward_prepared it *writes* grad (no zeroing needed):
  ///   A_m[j][l] = sum_b p_bj^m delta_bl over the lit rows,  grad_jl = sum_m G'_m(x_jl) A_m[j][l].
  /// A_1 is accumulated in grad itself, A_2..A_M in `scratch` (lit_scratch_size() doubles).
  void backward_lit(const lit_rows& batch, std::size_t first, std::size_t count, const double* delta,
                    double* scratch, double* grad) const noexcept
    requires factorised
  {
    const std::size_t n = device_count();
    std::fill(grad, grad + n, 0.0);
    std::fill(scratch, scratch + (power_order - 1) * n, 0.0);
    for (std::size_t b = 0; b < count; ++b) {
      const std::size_t lo = batch.start[first + b], hi = batch.start[first + b + 1];
      accumulate_lit(batch.row.data() + lo, batch.drive.data() + lo, hi - lo, delta + b * columns(), grad, scratch);
    }
    lit_gradient(grad, scratch);
  }

  // The per-sample pieces of forward_lit and backward_lit, for callers that fuse them (the
  // trainer runs forward, softmax and backward sample by sample). A sample is given by its
  // `count` lit entries: rows[e], drives[e].
  /// u[l] = sum_e sum_m drives[e]^m G_m(x_{rows[e] l}), after prepare().
  void lit_column_sums(const std::uint32_t* rows, const double* drives, std::size_t count, double* u) const noexcept
    requires factorised
  {
    column_sums(u, [&](auto add_row) {
      for (std::size_t e = 0; e < count; ++e) add_row(std::size_t(rows[e]), drives[e]);
    });
  }
  /// lit_column_sums of two samples at once (a and b), each summed in its own entry order, so
  /// the results are those of two calls; interleaved, the two running sums hide each other's
  /// add latency.
  void lit_column_sums_pair(const std::uint32_t* rows_a, const double* drives_a, std::size_t count_a, double* u_a,
                            const std::uint32_t* rows_b, const double* drives_b, std::size_t count_b,
                            double* u_b) const noexcept
    requires factorised
  {
    if constexpr (Outputs != dynamic_extent) {
      const std::size_t n = device_count();
      detail::simd_row<Outputs> sa, sb;
      auto add = [&](detail::simd_row<Outputs>& sums, std::size_t j, double p) {
        double pm = 1.0;
        for (std::size_t m = 0; m < power_order; ++m) {
          pm *= p;
          sums.add_scaled(pm, g_.data() + m * n + j * Outputs);
        }
      };
      const std::size_t both = std::min(count_a, count_b);
      for (std::size_t e = 0; e < both; ++e) {
        add(sa, std::size_t(rows_a[e]), drives_a[e]);
        add(sb, std::size_t(rows_b[e]), drives_b[e]);
      }
      for (std::size_t e = both; e < count_a; ++e) add(sa, std::size_t(rows_a[e]), drives_a[e]);
      for (std::size_t e = both; e < count_b; ++e) add(sb, std::size_t(rows_b[e]), drives_b[e]);
      sa.store(u_a);
      sb.store(u_b);
    } else {
      lit_column_sums(rows_a, drives_a, count_a, u_a);
      lit_column_sums(rows_b, drives_b, count_b, u_b);
    }
  }
  /// A_m[j][l] += p^m delta[l] for each lit entry (j, p) of one sample: A_1 in `a1`, A_2..A_M in
  /// `scratch` (layout of backward_lit).
  void accumulate_lit(const std::uint32_t* rows, const double* drives, std::size_t count, const double* delta,
                      double* a1, double* scratch) const noexcept
    requires factorised
  {
    const std::size_t n = device_count(), L = columns();
    if constexpr (Outputs != dynamic_extent) {  // delta in vector registers
      accumulate_lit_rows(rows, drives, count, detail::simd_row<Outputs>::load(delta), a1, scratch, n, L);
    } else {
      accumulate_lit_rows(rows, drives, count, delta, a1, scratch, n, L);
    }
  }
  /// grad_jl = sum_m G'_m(x_jl) A_m[j][l], in place on A_1 = `a1` (after prepare()).
  void lit_gradient(double* a1, const double* scratch) const noexcept
    requires factorised
  {
    for (std::size_t d = 0; d < device_count(); ++d) a1[d] = lit_gradient_at(d, a1, scratch);
  }
  /// The same for junction d alone (callers that fold it into another pass over the junctions).
  [[nodiscard]] double lit_gradient_at(std::size_t d, const double* a1, const double* scratch) const noexcept
    requires factorised
  {
    const std::size_t n = device_count();
    double g = dg_[d] * a1[d];
    for (std::size_t m = 1; m < power_order; ++m) g += dg_[m * n + d] * scratch[(m - 1) * n + d];
    return g;
  }

  /// prepare() + forward_prepared().
  void forward(const double* p, std::size_t batch, double* u) const {
    prepare();
    forward_prepared(p, batch, u);
  }

  /// argmax_l of one row of column sums (ties: the lowest column).
  [[nodiscard]] static std::size_t argmax(const double* u, std::size_t outputs) noexcept {
    return static_cast<std::size_t>(std::max_element(u, u + outputs) - u);
  }

  // ---- the unit-checked API ---------------------------------------------------------------
  /// U_l = sum_j V(P_j, I_jl) [V] for the laser powers of all rows.
  [[nodiscard]] units::voltage column_voltage(std::span<const units::power> row_powers, std::size_t column) const {
    const auto u = normalized_column_sums(row_powers);
    if (column >= outputs_) throw size_mismatch("crossbar column index bound", outputs_, column);
    return u[column] * response_.max_voltage();
  }
  /// argmax_l U_l: the predicted class for the laser powers of all rows.
  [[nodiscard]] std::size_t predict(std::span<const units::power> row_powers) const {
    const auto u = normalized_column_sums(row_powers);
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
        currents_(xt::xtensor<double, 2>::from_shape({inputs, outputs})),
        effective_(inputs * outputs),
        slope_mask_(inputs * outputs, 1.0),
        g_(power_order * inputs * outputs),
        dg_(power_order * inputs * outputs) {
    if (inputs == 0 || outputs < 2)
      throw invalid_parameter("crossbar extents inputs*outputs", double(inputs * outputs),
                              ">= 1 input row and >= 2 output columns");
    std::fill(currents_.begin(), currents_.end(), 0.0);
  }

  /// The column count, a compile-time constant when Outputs is static.
  [[nodiscard]] constexpr std::size_t columns() const noexcept {
    if constexpr (Outputs != dynamic_extent) return Outputs;
    else return outputs_;
  }

  /// u_b[l] = sum over the rows that `for_each_row(add_row)` visits, add_row(j, p), of
  /// sum_m p^m G_m(x_jl) (polynomial responses, after prepare()). With a compile-time column
  /// count the running sums live in a local array that the compiler keeps in registers.
  template <class ForEachRow>
  void column_sums(double* ub, ForEachRow&& for_each_row) const noexcept {
    const std::size_t n = device_count();
    if constexpr (Outputs != dynamic_extent) {  // the running sums in vector registers
      detail::simd_row<Outputs> sums;
      for_each_row([&](std::size_t j, double p) {
        double pm = 1.0;
        for (std::size_t m = 0; m < power_order; ++m) {
          pm *= p;
          sums.add_scaled(pm, g_.data() + m * n + j * Outputs);
        }
      });
      sums.store(ub);
    } else {
      std::fill(ub, ub + outputs_, 0.0);
      for_each_row([&](std::size_t j, double p) {
        double pm = 1.0;
        for (std::size_t m = 0; m < power_order; ++m) {
          pm *= p;
          const double* g = g_.data() + m * n + j * outputs_;
          for (std::size_t l = 0; l < outputs_; ++l) ub[l] += pm * g[l];
        }
      });
    }
  }

  template <class Delta>
  static void accumulate_lit_rows(const std::uint32_t* rows, const double* drives, std::size_t count,
                                  const Delta& delta, double* a1, double* scratch, std::size_t n, std::size_t L) noexcept {
    for (std::size_t e = 0; e < count; ++e) {
      double pm = 1.0;
      for (std::size_t m = 0; m < power_order; ++m) {
        pm *= drives[e];
        double* a = (m == 0 ? a1 : scratch + (m - 1) * n) + std::size_t(rows[e]) * L;
        if constexpr (Outputs != dynamic_extent)
          delta.add_scaled_to(pm, a);
        else
          for (std::size_t l = 0; l < L; ++l) a[l] += pm * delta[l];
      }
    }
  }

  [[nodiscard]] double gain(std::size_t d) const noexcept {
    return deviations_.has_spread() ? deviations_.coefficient_factors[d * deviations_.factors_per_device] : 1.0;
  }
  [[nodiscard]] device::magnetic_state device_state(std::size_t d) const noexcept {
    return deviations_.has_stuck() && deviations_.stuck[d] == nonideal::stuck_mode::parallel
               ? device::magnetic_state::parallel
               : state_;
  }
  void check_deviations() const {
    if (deviations_.has_spread() &&
        deviations_.coefficient_factors.size() != device_count() * spread_factors_per_device())
      throw size_mismatch("crossbar device spread factors", device_count() * spread_factors_per_device(),
                          deviations_.coefficient_factors.size());
    if (deviations_.has_stuck() && deviations_.stuck.size() != device_count())
      throw size_mismatch("crossbar stuck-device map", device_count(), deviations_.stuck.size());
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
  mutable std::vector<double> effective_, slope_mask_, g_, dg_;  // prepare() tables
};

}  // namespace spinaptic::network
