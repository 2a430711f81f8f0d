// spinaptic/network/spiking/optical_crossbar.hpp: the optically spiking MTJ crossbar as a
// projection: input spikes are laser pulses on the crossbar's rows, each junction's bias current
// is its weight, and each column's summed thermovoltage drives one neuron.
//
// A spike of row i is a laser pulse of power P and width tau_p on every junction of the row. The
// barrier temperature follows the pulse with the junction's thermal lag (first order, time
// constant tau_th, device/thermal.hpp), so the normalised drive is y(t) = 1 - exp(-t/tau_th) during
// the pulse and y(tau_p) exp(-(t - tau_p)/tau_th) after it; its area is exactly tau_p. Junction
// (i, j), in AP under bias I_ij, gives the thermovoltage V_ij y(t) with V_ij = V_AP(P, I_ij) of the
// device response (exact for a response linear in P, as the paper preset's; the quasi-static
// value otherwise). The column voltage V_j = sum_i V_ij y_i(t) is read by an amplifier of input
// resistance R_in, whose current V_j / R_in is the neuron's synaptic current; for a target with an
// exponential synaptic current of time constant tau_syn the charge of one pulse, V_ij tau_p / R_in,
// is delivered as the jump Delta I = V_ij A / (R_in tau_syn), A the pulse area that falls in the
// spike's step, A = tau_p - tau_th (1 - e^{-tau_p/tau_th}) e^{-(dt - tau_p)/tau_th}, and the rest,
// tau_p - A, in the next step.
// Energy per row pulse [D: the bias of a row is switched on with its laser, from the pulse onset
// until the thermovoltage has decayed to e^-5]:
//   E = P tau_p + (tau_p + 5 tau_th) R_AP sum_j I_ij^2.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/device.hpp"
#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/response_surface.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/spiking/spike_index.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// The laser, thermal and read-out parameters of an optically spiking crossbar.
struct optical_spike_parameters {
  units::power pulse_power;                    ///< P, laser power on a row during a pulse
  units::time pulse_width;                     ///< tau_p
  units::time thermal_time_constant;           ///< tau_th of the junctions
  units::resistance read_resistance;           ///< R_in of the column amplifier
  units::time synaptic_time_constant;          ///< tau_syn of the target's input channel
  units::resistance junction_resistance;       ///< R_AP, for the Joule heat
  std::size_t channel = 0;                     ///< the target's input channel (a current)

  /// Throws invalid_parameter unless every quantity is positive.
  [[nodiscard]] optical_spike_parameters validated() const {
    detail::require_positive("laser pulse power P [W]", units::in_si(pulse_power));
    detail::require_positive("laser pulse width tau_p [s]", units::in_si(pulse_width));
    detail::require_positive("thermal time constant tau_th [s]", units::in_si(thermal_time_constant));
    detail::require_positive("read resistance R_in [Ohm]", units::in_si(read_resistance));
    detail::require_positive("synaptic time constant tau_syn [s]", units::in_si(synaptic_time_constant));
    detail::require_positive("junction resistance R_AP [Ohm]", units::in_si(junction_resistance));
    return *this;
  }
};

/// The optically spiking crossbar (see the file comment); Response is the junctions'
/// thermoelectric response.
template <thermoelectric_response Response>
class optical_crossbar_projection {
 public:
  /// rows x columns junctions with zero bias current.
  optical_crossbar_projection(std::size_t rows, std::size_t columns, const Response& response,
                              const optical_spike_parameters& p)
      : response_(response), p_(p.validated()), rows_(rows), columns_(columns) {
    if (rows == 0) throw invalid_parameter("crossbar rows", 0.0, ">= 1");
    if (columns == 0) throw invalid_parameter("crossbar columns", 0.0, ">= 1");
    bias_.resize({rows, columns});
    bias_.fill(0.0);
    now_.resize({rows, columns});
    later_.resize({rows, columns});
    carry_.assign(columns, 0.0);
  }

  [[nodiscard]] std::size_t source_size() const noexcept { return rows_; }       ///< rows
  [[nodiscard]] std::size_t target_size() const noexcept { return columns_; }    ///< columns
  [[nodiscard]] std::size_t channel() const noexcept { return p_.channel; }      ///< target channel

  /// Sets the bias current (the weight) of junction (i, j); |I| <= I_max of the response.
  void set_bias_current(std::size_t i, std::size_t j, units::current c) {
    if (i >= rows_ || j >= columns_) throw invalid_parameter("junction index", static_cast<double>(i * columns_ + j), "< rows x columns");
    const double x = units::in_si(c), m = units::in_si(response_.max_current());
    detail::require_in_range("bias current I [A]", x, -m, m);
    bias_(i, j) = x;
  }
  /// The bias currents [A].
  [[nodiscard]] const xt::xtensor<double, 2>& bias_currents() const noexcept { return bias_; }
  /// Thermovoltage V_AP(P, I_ij) of a pulse on junction (i, j) at its peak (after prepare).
  [[nodiscard]] units::voltage pulse_thermovoltage(std::size_t i, std::size_t j) const {
    return response_.thermovoltage(device::magnetic_state::antiparallel, p_.pulse_power, units::as<units::current>(bias_.at(i, j)));
  }

  /// Splits each pulse's charge between its step and the next, and precomputes the current jumps.
  void prepare(double dt) {
    detail::require_positive("time step dt [s]", dt);
    const double tp = units::in_si(p_.pulse_width), tth = units::in_si(p_.thermal_time_constant);
    if (tp > dt) throw invalid_parameter("laser pulse width tau_p [s]", tp, "<= the time step dt");
    const double rest = tth * -std::expm1(-tp / tth) * std::exp(-(dt - tp) / tth);
    in_step_ = (tp - rest) / tp;
    const double per_volt = tp / (units::in_si(p_.read_resistance) * units::in_si(p_.synaptic_time_constant));
    joule_per_pulse_.assign(rows_, 0.0);
    for (std::size_t i = 0; i < rows_; ++i)
      for (std::size_t j = 0; j < columns_; ++j) {
        const double v = units::in_si(pulse_thermovoltage(i, j));
        now_(i, j) = v * per_volt * in_step_;
        later_(i, j) = v * per_volt * (1.0 - in_step_);
        joule_per_pulse_[i] += bias_(i, j) * bias_(i, j);
      }
    for (auto& e : joule_per_pulse_) e *= (tp + 5.0 * tth) * units::in_si(p_.junction_resistance);
    std::fill(carry_.begin(), carry_.end(), 0.0);
  }

  /// Adds the current jumps of this step's pulses (and the remainder of last step's) to the target;
  /// throws index_out_of_range, before adding anything, for a row index >= rows.
  void deliver(std::span<const std::uint32_t> pre, std::uint64_t /*step*/, double* target) {
    check_spike_indices(pre, rows_, "row index");
    for (std::size_t j = 0; j < columns_; ++j) {
      target[j] += carry_[j];
      carry_[j] = 0.0;
    }
    for (const std::uint32_t i : pre) {
      const double* a = now_.data() + static_cast<std::size_t>(i) * columns_;
      const double* b = later_.data() + static_cast<std::size_t>(i) * columns_;
      for (std::size_t j = 0; j < columns_; ++j) {
        target[j] += a[j];
        carry_[j] += b[j];
      }
      laser_ += units::in_si(p_.pulse_power) * units::in_si(p_.pulse_width);
      joule_ += joule_per_pulse_[i];
      ++pulses_;
    }
  }

  /// Fraction of a pulse's charge delivered in its own step.
  [[nodiscard]] double in_step_fraction() const noexcept { return in_step_; }
  /// Laser pulses so far.
  [[nodiscard]] std::uint64_t pulses() const noexcept { return pulses_; }
  /// Laser energy so far, sum of P tau_p over pulses.
  [[nodiscard]] units::energy laser_energy() const noexcept { return units::as<units::energy>(laser_); }
  /// Joule heat of the bias currents so far.
  [[nodiscard]] units::energy joule_energy() const noexcept { return units::as<units::energy>(joule_); }
  /// Forgets the energy counters.
  void reset_energy() noexcept {
    laser_ = joule_ = 0.0;
    pulses_ = 0;
  }

 private:
  Response response_;
  optical_spike_parameters p_;
  std::size_t rows_, columns_;
  xt::xtensor<double, 2> bias_, now_, later_;
  std::vector<double> carry_, joule_per_pulse_;
  double in_step_ = 1.0, laser_ = 0.0, joule_ = 0.0;
  std::uint64_t pulses_ = 0;
};

static_assert(projection<optical_crossbar_projection<device::bias_enhanced_tms<1>>>);

}  // namespace spinaptic::network::spiking
