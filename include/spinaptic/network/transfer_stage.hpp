// spinaptic/network/transfer_stage.hpp: the opto-electronic link between two crossbars: a column
// voltage of one layer sets the laser power of a row of the next.
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/nonideal/dac_quantization.hpp"
#include "spinaptic/nonideal/laser_crosstalk.hpp"
#include "spinaptic/nonideal/read_noise.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network {

/// Transconductance of a laser driver in optical watts per volt of input, dP/dU [W/V].
using laser_driver_gain = units::quantity<decltype(units::si::watt / units::si::volt)>;

/// The transfer stage between an N x H crossbar and an H x L crossbar: each of the H column
/// voltages U_k of the first drives, through a voltage amplifier and a laser driver, the laser of
/// row k of the second. The driver saturates softly between dark and its full power P_max, the
/// logistic map (docs/network.md, "Transfer stage"; docs/physics.md):
///   P_k = P_max s(4 G (U_k - U_0) / P_max),   s(t) = 1 / (1 + e^-t),
/// with G [W/V] the small-signal gain dP/dU at the offset voltage U_0 [V] (where P = P_max / 2),
/// so P is in (0, P_max) for every U and P -> P_max for U >> U_0, P -> 0 for U << U_0. In the
/// normalised units of the crossbars, u = U / V_max (the first layer's full scale) and
/// p = P / P_max (the second layer's drive):
///   p_k = s(k (u_k - u_0)),  k = 4 G V_max / P_max,  u_0 = U_0 / V_max,
///   dp_k/du_k = k p_k (1 - p_k)       (analytic derivative used by the backward pass).
/// Non-idealities of the link apply here, each off by default: read noise on the first layer's
/// column voltages, u_k -> u_k + (sigma_U / V_max) z_k with z_k ~ N(0, 1) (nonideal::read_noise;
/// z_k is a counter-based draw from `noise_seed`, the step and the channel and value of u_k, so it
/// is the same for any thread count); neighbour crosstalk of the second layer's lasers
/// p'_k = p_k + alpha (p_{k-1} + p_{k+1}) (linear, its exact transpose in backward); and a b-bit
/// laser DAC (forward quantised, straight-through gradient, Bengio et al. arXiv:1308.3432).
/// It has no trainable parameters (zero parameter blocks).
class transfer_stage {
 public:
  /// Its kernels: the normalised constants, copied by prepare().
  class kernels_type;
  /// No trainable parameters.
  static constexpr std::size_t parameter_blocks = 0;

  /// H channels; gain G > 0 [W/V], offset U_0 [V], the first layer's full scale V_max != 0 [V]
  /// and the second layer's laser full power P_max > 0 [W]. Throws invalid_parameter otherwise.
  transfer_stage(std::size_t channels, laser_driver_gain gain, units::voltage offset, units::voltage input_full_scale,
                 units::power max_power)
      : channels_(channels), gain_(gain), offset_(offset), input_full_scale_(input_full_scale), max_power_(max_power) {
    if (channels == 0) throw invalid_parameter("transfer stage channels", 0.0, ">= 1");
    detail::require_positive("laser driver gain G [W/V]", units::in_si(gain));
    detail::require_finite("laser driver offset U_0 [V]", units::in_si(offset));
    detail::require_finite("input full scale V_max [V]", units::in_si(input_full_scale));
    if (units::in_si(input_full_scale) == 0.0) throw invalid_parameter("input full scale V_max [V]", 0.0, "!= 0");
    detail::require_positive("laser full power P_max [W]", units::in_si(max_power));
  }

  /// H (inputs).
  [[nodiscard]] std::size_t inputs() const noexcept { return channels_; }
  /// H (outputs).
  [[nodiscard]] std::size_t outputs() const noexcept { return channels_; }
  /// G [W/V].
  [[nodiscard]] laser_driver_gain gain() const noexcept { return gain_; }
  /// U_0 [V].
  [[nodiscard]] units::voltage offset() const noexcept { return offset_; }
  /// P_max [W].
  [[nodiscard]] units::power max_power() const noexcept { return max_power_; }
  /// k = 4 G V_max / P_max, the slope of the normalised map in units of u.
  [[nodiscard]] double normalized_slope() const {
    return 4.0 * units::in_si(gain_) * units::in_si(input_full_scale_) / units::in_si(max_power_);
  }
  /// u_0 = U_0 / V_max.
  [[nodiscard]] double normalized_offset() const { return units::in_si(offset_) / units::in_si(input_full_scale_); }
  /// P_k [W] for a column voltage U_k (the ideal map, no crosstalk or DAC).
  [[nodiscard]] units::power laser_power(units::voltage column_voltage) const {
    const double t = 4.0 * units::in_si(gain_) * (units::in_si(column_voltage) - units::in_si(offset_)) /
                     units::in_si(max_power_);
    return max_power_ * (1.0 / (1.0 + std::exp(-t)));
  }
  /// The laser DAC of the second layer's rows (power_bits).
  [[nodiscard]] nonideal::dac_quantization& dac() noexcept { return dac_; }
  /// The laser DAC (read-only).
  [[nodiscard]] const nonideal::dac_quantization& dac() const noexcept { return dac_; }
  /// Crosstalk between the second layer's rows.
  [[nodiscard]] nonideal::laser_crosstalk& crosstalk() noexcept { return crosstalk_; }
  /// Crosstalk (read-only).
  [[nodiscard]] const nonideal::laser_crosstalk& crosstalk() const noexcept { return crosstalk_; }
  /// Read noise on the first layer's column voltages (column_resistance: that layer's column).
  [[nodiscard]] nonideal::read_noise& noise() noexcept { return noise_; }
  /// Read noise (read-only).
  [[nodiscard]] const nonideal::read_noise& noise() const noexcept { return noise_; }
  /// Seed of the read-noise draws (set it from the simulation's engine).
  [[nodiscard]] std::uint64_t& noise_seed() noexcept { return noise_seed_; }
  /// Seed of the read-noise draws (read-only).
  [[nodiscard]] std::uint64_t noise_seed() const noexcept { return noise_seed_; }

 private:
  std::size_t channels_;
  laser_driver_gain gain_;
  units::voltage offset_, input_full_scale_;
  units::power max_power_;
  nonideal::dac_quantization dac_{};
  nonideal::laser_crosstalk crosstalk_{};
  nonideal::read_noise noise_{};
  std::uint64_t noise_seed_ = 0;
};

/// The prepared transfer stage: the normalised constants; forward and backward per sample.
/// Workspace: the H logistic outputs s_k (before crosstalk and DAC), kept for backward.
class transfer_stage::kernels_type {
 public:
  /// Copies the constants of `stage`; validates its DAC, crosstalk and noise settings. Every call
  /// starts a new step of noise draws.
  void prepare(const transfer_stage& stage) {
    stage.dac().validate();
    stage.crosstalk().validate();
    noise_sigma_ = units::in_si(stage.noise().sigma()) / std::abs(units::in_si(stage.input_full_scale_));
    noise_seed_ = stage.noise_seed() ^ (0x9e3779b97f4a7c15ULL * ++steps_);
    channels_ = stage.inputs();
    slope_ = stage.normalized_slope();
    offset_ = stage.normalized_offset();
    alpha_ = stage.crosstalk().neighbour_fraction;
    dac_ = stage.dac();
  }
  /// H doubles per sample.
  [[nodiscard]] std::size_t workspace_size() const noexcept { return channels_; }
  /// No parameters, no accumulator.
  [[nodiscard]] std::size_t accumulator_size() const noexcept { return 0; }
  /// p = DAC(crosstalk(s(k (u - u_0)))).
  void forward(dense_drives in, double* p, double* workspace) const noexcept {
    for (std::size_t k = 0; k < channels_; ++k) {
      const double u = noise_sigma_ > 0.0 ? in.drive[k] + noise_sigma_ * gaussian(k, in.drive[k]) : in.drive[k];
      workspace[k] = 1.0 / (1.0 + std::exp(-slope_ * (u - offset_)));
    }
    double previous = 0.0;
    for (std::size_t k = 0; k < channels_; ++k) {
      const double next = k + 1 < channels_ ? workspace[k + 1] : 0.0;
      p[k] = dac_.power(workspace[k] + alpha_ * (previous + next));
      previous = workspace[k];
    }
  }
  /// delta_in_k = k s_k (1 - s_k) (delta_k + alpha (delta_{k-1} + delta_{k+1})).
  void backward(dense_drives, const double* workspace, const double* delta, double* delta_in, double*) const noexcept {
    if (!delta_in) return;
    for (std::size_t k = 0; k < channels_; ++k) {
      const double around = (k > 0 ? delta[k - 1] : 0.0) + (k + 1 < channels_ ? delta[k + 1] : 0.0);
      const double s = workspace[k];
      delta_in[k] = slope_ * s * (1.0 - s) * (delta[k] + alpha_ * around);
    }
  }

 private:
  /// splitmix64 (Steele, Lea & Flood, OOPSLA 2014): a 64-bit mix of the counter.
  [[nodiscard]] static std::uint64_t mix(std::uint64_t z) noexcept {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// z ~ N(0, 1) for channel k and column value u of this step (Box-Muller on two mixed words).
  [[nodiscard]] double gaussian(std::size_t k, double u) const noexcept {
    const std::uint64_t a = mix(noise_seed_ ^ mix(std::bit_cast<std::uint64_t>(u) ^ mix(k)));
    const std::uint64_t b = mix(a);
    const double u1 = (double(a >> 11) + 1.0) * 0x1.0p-53, u2 = double(b >> 11) * 0x1.0p-53;  // u1 in (0, 1]
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  std::size_t channels_ = 0;
  double slope_ = 1.0, offset_ = 0.0, alpha_ = 0.0, noise_sigma_ = 0.0;
  std::uint64_t noise_seed_ = 0, steps_ = 0;
  nonideal::dac_quantization dac_{};
};

static_assert(layer<transfer_stage>);

}  // namespace spinaptic::network
