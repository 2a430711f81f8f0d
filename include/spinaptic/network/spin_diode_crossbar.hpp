// spinaptic/network/spin_diode_crossbar.hpp: the spin-diode mode of the vortex-junction crossbar
// (Oberbauer et al., arXiv:2603.02734 (2026), as described; every assumption is listed in
// docs/vortex.md, "The spin-diode crossbar"). Rows carry RF power near the gyrotropic resonance;
// each junction's FM/AFM storage layer holds its resonance shift, the trainable weight; the
// rectified DC voltages of a column add in series; argmax readout.
//
//   p_j = P_rf,j / P_rf,max                          row drive (pixel x_j / x_max)
//   I_rf,jl^2 = 2 p_j P_rf,max / R_0                 RF current in a junction of resistance R_0
//   V_jl = dR/dm <I m_x>(omega_d; omega_r + 2 pi delta_jl)   (vortex_spin_diode.hpp, Lorentzian form)
//        = p_j V_1(delta_jl),  V_1 linear in P_rf,max (small signal)
//   delta_jl = x_jl delta_max,  x_jl in [-1, 1]      resonance shift set by the storage layer
//   u_l = sum_j p_j v(x_jl),  v = V_1 / V_max,  V_max = max over the range of |V_1|
// The shape of V_1 in delta (symmetric plus antisymmetric Lorentzian) takes both signs, so the
// weights are signed without a second device.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <span>
#include <vector>

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/vortex_spin_diode.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network {

/// The device and drive of a spin-diode crossbar (SI at the API).
struct spin_diode_crossbar_parameters {
  device::vortex_parameters disk;     ///< the free layer of every junction
  units::temperature temperature;     ///< free-layer temperature T
  units::resistance parallel_resistance;      ///< R_P [ohm]
  units::resistance antiparallel_resistance;  ///< R_AP [ohm]
  units::power max_rf_power;          ///< P_rf,max per junction [W]
  /// Drive frequency offset from the unshifted resonance, f_d - f_r [Hz] (0: drive at f_r).
  units::frequency drive_detuning = units::as<units::frequency>(0.0);
  /// Largest resonance shift |delta| of the storage layer [Hz] (the follow-up: ~15 MHz in all).
  units::frequency max_shift = units::as<units::frequency>(7.5e6);
};

/// Rectified voltage per unit row drive, V_1(delta) [V], of one junction (header comment).
class spin_diode_weight {
 public:
  /// Validates the parameters (through vortex_spin_diode and the resistance checks).
  explicit spin_diode_weight(const spin_diode_crossbar_parameters& p)
      : sd_(p.disk, p.temperature, units::as<units::current>(0.0)) {
    const double pmax = detail::require_positive("max RF power P_rf,max [W]", units::in_si(p.max_rf_power));
    shift_ = 2.0 * std::numbers::pi * detail::require_positive("max resonance shift [Hz]", units::in_si(p.max_shift));
    drive_ = sd_.resonance_angular_frequency() +
             2.0 * std::numbers::pi * detail::require_finite("drive detuning [Hz]", units::in_si(p.drive_detuning));
    const double r0 = units::in_si(1.0 / device::vortex_conductance(p.parallel_resistance, p.antiparallel_resistance, 0.0));
    const auto irf = units::as<units::current>(std::sqrt(2.0 * pmax / r0));
    // dR/dm at m = 0: the spin-diode voltage of a unit rectified product (1 A)
    const double dr_dm = units::in_si(device::spin_diode_voltage(p.parallel_resistance, p.antiparallel_resistance,
                                                                 units::as<units::current>(1.0)));
    s_ = dr_dm * units::in_si(sd_.symmetric_amplitude(irf));
    n_ = dr_dm * units::in_si(sd_.antisymmetric_amplitude(irf));
    gamma_ = sd_.half_width();
    double m = 0.0;
    for (int k = 0; k <= 4000; ++k) m = std::max(m, std::abs(volts(-1.0 + k / 2000.0)));
    vmax_ = m;
    if (!(vmax_ > 0.0)) throw invalid_parameter("spin-diode full scale V_max [V]", vmax_, "> 0 (no torque drives the core)");
  }
  /// V_1 at normalised shift x = delta / delta_max [V].
  [[nodiscard]] double volts(double x) const noexcept {
    const double d = sd_.resonance_angular_frequency() + x * shift_ - drive_, den = d * d + gamma_ * gamma_;
    return (s_ * gamma_ * gamma_ + n_ * d * gamma_) / den;
  }
  /// v(x) = V_1(x) / V_max.
  [[nodiscard]] double normalized(double x) const noexcept { return volts(x) / vmax_; }
  /// dv/dx, analytic.
  [[nodiscard]] double normalized_slope(double x) const noexcept {
    const double d = sd_.resonance_angular_frequency() + x * shift_ - drive_, g2 = gamma_ * gamma_, den = d * d + g2;
    const double dv_dd = (n_ * gamma_ * den - (s_ * g2 + n_ * d * gamma_) * 2.0 * d) / (den * den);
    return dv_dd * shift_ / vmax_;
  }
  /// V_max, the largest |V_1| over the shift range [V].
  [[nodiscard]] units::voltage full_scale() const noexcept { return units::as<units::voltage>(vmax_); }
  /// The junction's small-signal response.
  [[nodiscard]] const device::vortex_spin_diode& response() const noexcept { return sd_; }

 private:
  device::vortex_spin_diode sd_;
  double shift_ = 0.0, drive_ = 0.0, s_ = 0.0, n_ = 0.0, gamma_ = 0.0, vmax_ = 0.0;
};

class spin_diode_crossbar;

/// Prepared kernels of a spin_diode_crossbar: tables v(x_jl), v'(x_jl) (spinaptic::layer_kernels).
class spin_diode_kernels {
 public:
  /// Tabulates v and v' of every junction.
  inline void prepare(const spin_diode_crossbar& c);
  /// No per-sample state between forward and backward.
  [[nodiscard]] std::size_t workspace_size() const noexcept { return 0; }
  /// One accumulator per junction: sum over samples of p_j delta_l.
  [[nodiscard]] std::size_t accumulator_size() const noexcept { return v_.size(); }
  /// out_l = sum_j p_j v_jl.
  void forward(dense_drives in, double* out, double* /*workspace*/) const {
    std::fill(out, out + cols_, 0.0);
    for (std::size_t j = 0; j < rows_; ++j) {
      const double p = in.drive[j];
      if (p == 0.0) continue;
      const double* v = v_.data() + j * cols_;
      for (std::size_t l = 0; l < cols_; ++l) out[l] += p * v[l];
    }
  }
  /// delta_in_j = sum_l v_jl delta_l; accumulator_jl += p_j delta_l.
  void backward(dense_drives in, double* /*workspace*/, const double* delta, double* delta_in, double* acc) const {
    for (std::size_t j = 0; j < rows_; ++j) {
      const double p = in.drive[j];
      const double* v = v_.data() + j * cols_;
      if (delta_in) {
        double s = 0.0;
        for (std::size_t l = 0; l < cols_; ++l) s += v[l] * delta[l];
        delta_in[j] = s;
      }
      if (p == 0.0) continue;
      double* a = acc + j * cols_;
      for (std::size_t l = 0; l < cols_; ++l) a[l] += p * delta[l];
    }
  }
  /// dLoss/dx_d = v'(x_d) accumulator_d; clears the entry.
  template <std::size_t I>
  [[nodiscard]] double gradient_and_clear(double* acc, std::size_t d) const {
    static_assert(I == 0, "spin_diode_crossbar has one parameter block");
    const double g = slope_[d] * acc[d];
    acc[d] = 0.0;
    return g;
  }

 private:
  std::size_t rows_ = 0, cols_ = 0;
  std::vector<double> v_, slope_;
};

/// Inputs x Outputs spin-diode junctions (header comment); one parameter block, the normalised
/// resonance shifts x_jl in [-1, 1] (row-major [j][l]). Satisfies spinaptic::layer.
class spin_diode_crossbar {
 public:
  /// the prepared kernels
  using kernels_type = spin_diode_kernels;
  /// one block: the normalised resonance shifts
  static constexpr std::size_t parameter_blocks = 1;

  /// `inputs` x `outputs` junctions, every shift at 0 (use initialize()).
  spin_diode_crossbar(std::size_t inputs, std::size_t outputs, const spin_diode_crossbar_parameters& p)
      : rows_(inputs), cols_(outputs), weight_(p), x_(inputs * outputs, 0.0) {
    if (inputs == 0) throw invalid_parameter("crossbar inputs", 0.0, ">= 1");
    if (outputs == 0) throw invalid_parameter("crossbar outputs", 0.0, ">= 1");
  }
  /// Number of rows.
  [[nodiscard]] std::size_t inputs() const noexcept { return rows_; }
  /// Number of columns.
  [[nodiscard]] std::size_t outputs() const noexcept { return cols_; }
  /// The trainable block: x_jl in [-1, 1].
  template <std::size_t I>
  [[nodiscard]] parameter_view parameters() {
    static_assert(I == 0, "spin_diode_crossbar has one parameter block");
    return {std::span<double>(x_), -1.0, 1.0};
  }
  /// x_jl (read-only).
  [[nodiscard]] const std::vector<double>& shifts() const noexcept { return x_; }
  /// The junction response.
  [[nodiscard]] const spin_diode_weight& weight() const noexcept { return weight_; }
  /// V_max, the full scale of one junction's rectified voltage at p = 1.
  [[nodiscard]] units::voltage output_full_scale() const noexcept { return weight_.full_scale(); }
  /// Resonance shift of junction (j, l) [Hz].
  [[nodiscard]] units::frequency resonance_shift(std::size_t j, std::size_t l, units::frequency max_shift) const {
    if (j >= rows_) throw index_out_of_range("row", j, rows_);
    if (l >= cols_) throw index_out_of_range("column", l, cols_);
    return x_[j * cols_ + l] * max_shift;
  }
  /// Draws every x_jl uniformly from [-1, 1] with `engine`.
  template <std::uniform_random_bit_generator Engine>
  void initialize(Engine& engine) {
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (auto& x : x_) x = u(engine);
  }

 private:
  std::size_t rows_, cols_;
  spin_diode_weight weight_;
  std::vector<double> x_;
  friend class spin_diode_kernels;
};

inline void spin_diode_kernels::prepare(const spin_diode_crossbar& c) {
  rows_ = c.rows_;
  cols_ = c.cols_;
  v_.resize(c.x_.size());
  slope_.resize(c.x_.size());
  for (std::size_t d = 0; d < c.x_.size(); ++d) {
    v_[d] = c.weight_.normalized(c.x_[d]);
    slope_[d] = c.weight_.normalized_slope(c.x_[d]);
  }
}

static_assert(layer<spin_diode_crossbar>);

}  // namespace spinaptic::network
