// spinaptic/nonideal/read_noise.hpp: noise on the column voltages read out by the amplifiers.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <random>

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::nonideal {

/// Gaussian read noise on each column voltage U_l, the sum of two independent sources:
///   sigma_U = sqrt(4 k_B T R_col df + sigma_amp^2),
/// Johnson-Nyquist noise of the column's series resistance R_col over the read bandwidth df
/// (Nyquist, Phys. Rev. 32, 110 (1928)) and the input-referred floor sigma_amp of the amplifier or
/// lock-in (1-10 uV, docs/physics.md). Off by default (df = 0, floor 0).
struct read_noise {
  units::temperature temperature = units::as<units::temperature>(300.0);  ///< T of the column resistance
  units::resistance column_resistance = units::as<units::resistance>(0.0);  ///< R_col = sum_j R_jl
  units::frequency bandwidth = units::as<units::frequency>(0.0);            ///< df
  units::voltage amplifier_floor = units::as<units::voltage>(0.0);          ///< sigma_amp (rms)

  /// sigma_U [V rms].
  [[nodiscard]] units::voltage sigma() const {
    const double T = detail::require_non_negative("read noise temperature T [K]", units::in_si(temperature));
    const double R = detail::require_non_negative("column resistance R_col [ohm]", units::in_si(column_resistance));
    const double df = detail::require_non_negative("read bandwidth df [Hz]", units::in_si(bandwidth));
    const double amp = detail::require_non_negative("amplifier noise floor [V]", units::in_si(amplifier_floor));
    return units::as<units::voltage>(std::sqrt(4.0 * detail::constants::boltzmann * T * R * df + amp * amp));
  }
  /// Whether sigma_U > 0.
  [[nodiscard]] bool enabled() const { return units::in_si(sigma()) > 0.0; }

  /// Adds the noise to `count` normalised column sums u = U / V_max (raw kernel, no allocation).
  template <std::uniform_random_bit_generator Engine>
  void apply(double* column_sums, std::size_t count, units::voltage max_voltage, Engine& engine) const {
    const double s = units::in_si(sigma()) / std::abs(units::in_si(max_voltage));
    if (!(s > 0.0)) return;
    std::normal_distribution<double> eps(0.0, 1.0);
    for (std::size_t k = 0; k < count; ++k) column_sums[k] += s * eps(engine);
  }
};

}  // namespace spinaptic::nonideal
