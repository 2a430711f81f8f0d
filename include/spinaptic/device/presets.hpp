// spinaptic/device/presets.hpp: named, cited parameter sets for real junctions.
#pragma once

#include "spinaptic/device/mtj.hpp"
#include "spinaptic/device/resistance.hpp"
#include "spinaptic/device/response_surface.hpp"
#include "spinaptic/device/stack.hpp"
#include "spinaptic/device/thermal.hpp"
#include "spinaptic/device/thermoelectric.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device::presets {

/// The 800 nm CoFeB/MgO junction of Oberbauer et al., Commun. Phys. 2025 (Fig. 3f, Fig. 4).
/// Sources: [P] the published paper; [L] literature anchor; [D] project default where the paper is
/// silent (shared/research/paper.md section 9).
struct hybrid_mgo_800nm {
  // ---- from the paper [P] ------------------------------------------------------------------
  /// I_bias,max = 3.0 mA: Fig. 4d axis scale. [P]
  static units::current max_current() { return units::as<units::current>(3.0e-3); }
  /// P_max = 150 mW: Fig. 4d axis scale. [P]
  static units::power max_power() { return units::as<units::power>(150e-3); }
  /// V_AP,max = 23.35 mV at (P_max, I_max): Fig. 4d axis scale. [P]
  static units::voltage max_voltage() { return units::as<units::voltage>(23.35e-3); }
  /// Pillar diameter 800 nm ("800 nm MTJs characterised in Fig. 3f", read as the diameter). [P]
  static pillar_geometry geometry() { return pillar_geometry::circular(units::as<units::length>(800e-9)); }
  /// kappa_B = 4.0 W m^-1 K^-1 (bulk MgO). [P]
  static units::thermal_conductivity barrier_bulk_conductivity() {
    return units::as<units::thermal_conductivity>(4.0);
  }
  /// kappa_I = 2.5e7 W m^-2 K^-1 (MgO interface conductance, the paper's ref. 55). [P]
  static units::interface_conductance barrier_interface_conductance() {
    return units::as<units::interface_conductance>(2.5e7);
  }
  /// t_MgO = 2 nm, the thickness of the paper's thermal estimate. [P]
  static units::length barrier_thickness() { return oberbauer2025::barrier.thickness; }

  // ---- documented defaults [D]/[L] ------------------------------------------------------
  /// RA = 10 ohm um^2, the INL intermediate-barrier range 7.5-12.5 (Costa et al., Sci. Rep. 7,
  /// 2017). [L/D]  With A = pi (400 nm)^2 this gives R_P = 19.9 ohm.
  static units::area_resistance area_resistance() { return units::as<units::area_resistance>(10e-12); }
  /// TMR0 = 100 %, typical CoFeB/MgO at room temperature. [L/D]
  static double zero_bias_tmr() { return 1.0; }
  /// V_h = 0.5 V, bias of half TMR, CoFeB/MgO range 0.3-0.6 V. [L/D]
  static units::voltage half_tmr_bias() { return units::as<units::voltage>(0.5); }
  /// zeta = 10 K/W: dT = 1.5 K at 150 mW, so that the zero-bias TMS voltage S_AP dT = 90 uV
  /// matches the laser-TMS value Huebner et al. (arXiv:1706.08287) report for MgO at 150 mW. [L/D]
  static units::thermal_resistance laser_heating_coefficient() {
    return units::as<units::thermal_resistance>(10.0);
  }
  /// R_J = 1000 K/W: share of Joule power that builds a gradient (0.36 K at 3 mA in AP). [D]
  static units::thermal_resistance joule_heating_coefficient() {
    return units::as<units::thermal_resistance>(1000.0);
  }
  /// tau_th = 1 us, the laser-TMS time scale of lithographic stacks (Boehnke et al. 2013). [L/D]
  static units::time thermal_time_constant() { return units::as<units::time>(1e-6); }

  /// The calibrated response: linear in P, cubic in I.
  using response_type = bias_enhanced_tms<1>;
  /// The composed junction type.
  using junction_type = mtj<response_type, tmr_resistance, laser_heating, fixed_state>;

  /// V_s(P, I) = V_max p (c0 + c1 x + c2 x^2 + c3 x^3): AP c = (0, 0.4, 0.1, 0.5) [D] (sums to 1,
  /// so V_AP(P_max, I_max) = 23.35 mV [P]); P state = 0.3 x AP [D].
  static response_type response() {
    const auto& ap = paper_default::antiparallel_row;
    const double r = paper_default::parallel_to_antiparallel_ratio;
    return response_type(response_scale(max_voltage(), max_current(), max_power()),
                         {{{r * ap[0], r * ap[1], r * ap[2], r * ap[3]}}}, {{ap}});
  }
  /// The junction's TMR resistance model.
  static tmr_resistance resistance() {
    return tmr_resistance(resistance_from_area_product(area_resistance(), geometry().area()),
                          zero_bias_tmr(), half_tmr_bias());
  }
  /// The junction's laser and Joule heating.
  static laser_heating heating() {
    return laser_heating(laser_heating_coefficient(), joule_heating_coefficient());
  }
  /// The thermal lag, tau_th = thermal_time_constant().
  static thermal_response thermal() { return thermal_response(thermal_time_constant()); }

  /// The composed junction, in the AP state the paper's network uses (Fig. 4d).
  static junction_type junction(magnetic_state s = magnetic_state::antiparallel) {
    return junction_type{response(), resistance(), heating(), thermal(), fixed_state{s}};
  }
};

}  // namespace spinaptic::device::presets
