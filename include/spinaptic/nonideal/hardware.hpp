// spinaptic/nonideal/hardware.hpp: all non-idealities of the chip in one configuration.
#pragma once

#include <cstddef>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/nonideal/dac_quantisation.hpp"
#include "spinaptic/nonideal/device_spread.hpp"
#include "spinaptic/nonideal/laser_crosstalk.hpp"
#include "spinaptic/nonideal/read_noise.hpp"
#include "spinaptic/nonideal/stuck_devices.hpp"

namespace spinaptic::nonideal {

/// The non-idealities of one chip, each off by default (shared/research/paper.md section 6.3):
/// realised once per chip (`realise`: spread and stuck maps, drawn from the engine; the DAC
/// setting), applied to the optical inputs (`apply_to_drives`: crosstalk, then the laser DAC),
/// and on every read (`noise`, applied by the trainer and the evaluation). Training with the same
/// object is hardware-aware training.
struct hardware {
  /// Device-to-device spread of the response.
  device_spread spread{};
  /// Stuck devices.
  stuck_devices stuck{};
  /// Read noise on the column voltages.
  read_noise noise{};
  /// DAC resolution of currents and laser drives.
  dac_quantisation dac{};
  /// Laser crosstalk between neighbouring rows.
  laser_crosstalk crosstalk{};

  /// Draws this hardware's deviations for every device of `layer` from `engine` and sets its DAC.
  template <class Crossbar, class Engine>
  void realise(Crossbar& layer, Engine& engine) const {
    spread.realise(layer.deviations(), layer.device_count(), Crossbar::spread_factors_per_device(), engine);
    stuck.realise(layer.deviations(), layer.device_count(), engine);
    layer.dac() = dac;
  }

  /// Row drives p as the chip sees them: neighbour crosstalk, then b-bit laser drivers.
  void apply_to_drives(xt::xtensor<double, 2>& drives) const {
    const std::size_t count = drives.shape()[0], rows = drives.shape()[1];
    crosstalk.apply(drives.data(), count, rows);
    if (dac.power_bits)
      for (double& p : drives) p = dac.power(p);
  }
};

}  // namespace spinaptic::nonideal
