// spinaptic/energy/ledger.hpp: energy and latency of one classification on the optical crossbar.
#pragma once

#include <cstddef>

#include "spinaptic/device/read_pulse.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::energy {

/// The read timing of one classification. All rows are pulsed together and all columns are read
/// in parallel, so the latency is one pulse plus one conversion:
///   t_read = t_pulse + t_conv.
/// Defaults [D]: t_pulse = 5 tau_th = 5 us, long enough for the thermovoltage to settle to
/// 1 - e^-5 = 99.3 % with the 1 us thermal time constant of lithographic stacks (Boehnke et al.
/// 2013; presets::hybrid_mgo_800nm::thermal_time_constant); t_conv = 1 us for the column ADC.
/// settled() takes the pulse from a junction's own thermal dynamics instead.
struct read_timing {
  units::time laser_pulse = units::as<units::time>(5e-6);  ///< t_pulse
  units::time conversion = units::as<units::time>(1e-6);   ///< t_conv

  /// The timing whose laser pulse is the time the junction's signal at (P, I) needs to reach
  /// `fraction` of its steady value after a laser step, through the junction's own thermal dynamics
  /// (device::read_pulse_width; docs/physics.md section 2.3), and conversion time t_conv.
  template <class Junction>
  [[nodiscard]] static read_timing settled(const Junction& j, units::power p, units::current i,
                                           double fraction = 0.99,
                                           units::time conversion_time = units::as<units::time>(1e-6)) {
    read_timing t;
    t.laser_pulse = device::read_pulse_width(j, p, i, fraction);
    t.conversion = conversion_time;
    return t;
  }

  /// t_read = t_pulse + t_conv; throws invalid_parameter for t_pulse <= 0 or t_conv < 0.
  [[nodiscard]] units::time latency() const {
    detail::require_positive("laser pulse duration [s]", units::in_si(laser_pulse));
    detail::require_non_negative("conversion time [s]", units::in_si(conversion));
    return laser_pulse + conversion;
  }
};

/// Energy of one classification, split by where it is spent.
struct classification_cost {
  units::energy laser = units::as<units::energy>(0.0);  ///< sum_j P_j t_pulse (one pulse per row)
  units::energy laser_per_row_pulse = units::as<units::energy>(0.0);  ///< laser / N_rows
  units::energy joule = units::as<units::energy>(0.0);  ///< sum_jl I_jl^2 R t_pulse
  units::time latency = units::as<units::time>(0.0);    ///< t_pulse + t_conv

  /// laser + joule.
  [[nodiscard]] units::energy total() const { return laser + joule; }
};

/// The cost of two layers read one after the other (a two-layer network): energies add, and so
/// do the latencies (the second layer's lasers wait for the first layer's column voltages).
/// laser_per_row_pulse becomes the mean of the two layers' per-row figures.
[[nodiscard]] inline classification_cost operator+(const classification_cost& a, const classification_cost& b) {
  classification_cost c;
  c.laser = a.laser + b.laser;
  c.laser_per_row_pulse = 0.5 * (a.laser_per_row_pulse + b.laser_per_row_pulse);
  c.joule = a.joule + b.joule;
  c.latency = a.latency + b.latency;
  return c;
}

/// Energy ledger of a crossbar: the bias currents flow while the laser pulse heats the rows
/// (the thermovoltage is read under bias, Oberbauer et al. 2025), so per classification
///   E_laser = t_pulse sum_j P_j,     E_joule = t_pulse R sum_jl I_jl^2,
/// with the optical power that reaches the junctions (absorption losses of the source are not
/// counted) and R the junction resistance in the network's state (R_AP at zero bias, 39.8 ohm for
/// the paper preset). `add` accumulates one classification from its normalised row drives; `mean`
/// is the average cost per classification.
class ledger {
 public:
  /// `sum_squared_current` = sum_jl I_jl^2 [A^2] of the crossbar (constant while it classifies).
  ledger(units::power max_power, units::resistance junction_resistance, double sum_squared_current,
         read_timing timing = {})
      : max_power_(detail::require_positive("P_max [W]", units::in_si(max_power))),
        resistance_(detail::require_non_negative("junction resistance [ohm]", units::in_si(junction_resistance))),
        sum_squared_current_(detail::require_non_negative("sum of I^2 [A^2]", sum_squared_current)),
        timing_(timing) {}

  /// Sum of I_jl^2 of a crossbar, in A^2 (convenience for the constructor).
  template <class Crossbar>
  [[nodiscard]] static double sum_squared_current(const Crossbar& layer) {
    const double i_max = units::in_si(layer.response().max_current());
    double s = 0.0;
    for (double x : layer.normalized_currents()) s += x * x;
    return s * i_max * i_max;
  }

  /// One classification with normalised row drives p_j = P_j / P_max.
  void add(const double* drives, std::size_t rows) noexcept {
    double p = 0.0;
    for (std::size_t j = 0; j < rows; ++j) p += drives[j];
    sum_of_drives_ += p;
    rows_ = rows;
    ++classifications_;
  }

  /// Classifications added so far.
  [[nodiscard]] std::size_t classifications() const noexcept { return classifications_; }

  /// Mean cost per classification (all zero before the first `add`).
  [[nodiscard]] classification_cost mean() const {
    classification_cost c;
    const double t = units::in_si(timing_.laser_pulse);
    c.latency = timing_.latency();
    if (classifications_ == 0) return c;
    c.laser = units::as<units::energy>(t * max_power_ * sum_of_drives_ / double(classifications_));
    c.laser_per_row_pulse = c.laser / double(rows_);
    c.joule = units::as<units::energy>(t * resistance_ * sum_squared_current_);
    return c;
  }

 private:
  double max_power_, resistance_, sum_squared_current_;
  read_timing timing_;
  double sum_of_drives_ = 0.0;
  std::size_t classifications_ = 0, rows_ = 1;
};

}  // namespace spinaptic::energy
