// spinaptic/nonideal/hardware.hpp: all non-idealities of the chip in one configuration.
#pragma once

#include <concepts>
#include <cstddef>
#include <random>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/nonideal/dac_quantization.hpp"
#include "spinaptic/nonideal/device_spread.hpp"
#include "spinaptic/nonideal/laser_crosstalk.hpp"
#include "spinaptic/nonideal/read_noise.hpp"
#include "spinaptic/nonideal/stuck_devices.hpp"

namespace spinaptic::nonideal {

/// The non-idealities of one chip, each off by default (docs/physics.md):
/// realised once per chip (`realize`: spread and stuck maps, drawn from the engine; the DAC
/// setting), applied to the optical inputs (`apply_to_drives`: crosstalk, then the laser DAC),
/// and on every read (`noise`, applied by the trainer and the evaluation). Training with the same
/// object is hardware-aware training.
struct hardware {
  device_spread spread{};        ///< device-to-device spread of the response coefficients
  stuck_devices stuck{};         ///< junctions that do not follow their control
  read_noise noise{};            ///< noise on the column voltages
  dac_quantization dac{};        ///< current and laser DACs
  laser_crosstalk crosstalk{};   ///< light leaking into neighbouring rows

  /// Throws invalid_parameter for any NaN or out-of-range setting.
  void validate() const {
    detail::require_non_negative("device spread sigma", spread.relative_sigma);
    detail::require_in_range("stuck device fraction", stuck.fraction, 0.0, 1.0);
    (void)noise.sigma();
    dac.validate();
    crosstalk.validate();
  }

  /// Draws this chip's spread and stuck maps into `layer` and sets its current DAC; throws
  /// invalid_parameter for a NaN or out-of-range setting (before drawing anything).
  template <class Crossbar, std::uniform_random_bit_generator Engine>
  void realize(Crossbar& layer, Engine& engine) const {
    validate();
    spread.realize(layer.deviations(), layer.device_count(), Crossbar::spread_factors_per_device(), engine);
    stuck.realize(layer.deviations(), layer.device_count(), engine);
    layer.dac() = dac;
  }

  /// Row drives p as the chip sees them: neighbour crosstalk, then b-bit laser drivers.
  void apply_to_drives(xt::xtensor<double, 2>& drives) const {
    validate();
    const std::size_t count = drives.shape()[0], rows = drives.shape()[1];
    crosstalk.apply(drives.data(), count, rows);
    if (dac.power_bits)
      for (double& p : drives) p = dac.power(p);
  }
};

}  // namespace spinaptic::nonideal
