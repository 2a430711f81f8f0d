// spinaptic/device/vortex_presets.hpp: the paper's 800 nm junction with its free layer as a
// magnetic vortex (docs/vortex.md, "Preset"). [P] the paper (Oberbauer et al., Commun. Phys.
// 2025); [L] literature value; [D] documented default where the paper is silent.
#pragma once

#include "spinaptic/device/presets.hpp"
#include "spinaptic/device/vortex_pinning.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/device/vortex_storage.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device::presets {

/// The 800 nm CoFeB(2)/Ta(0.21)/NiFe(7) free layer as a vortex, with the pinning landscape and the
/// exchange-biased reference layer of the field-sweep spikes, heated as physics_mgo_800nm.
struct vortex_800nm {
  /// Disk radius R = 400 nm: the 800 nm pillar read as the diameter (docs/physics.md section 1). [P]
  static units::length radius() { return units::as<units::length>(400e-9); }
  /// Magnetic thickness L = 9.0 nm: CoFeB 2 nm + NiFe 7 nm, exchange-coupled through 0.21 nm Ta. [P]
  static units::length thickness() { return units::as<units::length>(9.0e-9); }
  /// Ms(0) = 1.1e6 A/m, chosen so that the Bloch law of vortex_parameters gives Ms(295 K) =
  /// 8.75e5 A/m, the thickness-weighted room-temperature CoFeB (1.2e6 A/m) and Ni80Fe20 (8.0e5 A/m)
  /// value; the (T/T_C)^(3/2) form overstates the fall with T, so the heating shift of the
  /// gyrotropic frequency is an upper estimate (docs/vortex.md). [L/D]
  static units::magnetic_field_strength saturation_magnetization() {
    return units::as<units::magnetic_field_strength>(1.1e6);
  }
  /// T_C = 850 K: Ni80Fe20 (~870 K) dominates the bilayer. [L]
  static units::temperature curie_temperature() { return units::as<units::temperature>(850.0); }
  /// Ambient T0 = 295 K, as physics_mgo_800nm. [D]
  static units::temperature ambient_temperature() { return physics_mgo_800nm::ambient_temperature(); }

  /// The vortex parameters: alpha = 0.01 (NiFe) [L], r_c = 10 nm (about twice the NiFe exchange
  /// length) [L], C = p = +1 [D], a = 1/4 (Dussaux et al. 2012) [L], f_n = 0.4 [D], eta = 0.5,
  /// b_J/a_J = 0.2, damping-like efficiency r_c/R = 0.025 [D], c_Oe = 0.85 (Khvalkovskiy 2009) [L].
  static vortex_parameters disk() {
    vortex_parameters p{radius(), thickness(), saturation_magnetization()};
    p.curie_temperature = curie_temperature();
    return p.validated();
  }
  /// Pinning sites every 10 nm (grain size), E_p = 0.5 eV, f_0 = 1 GHz. [D]
  static vortex_pinning_parameters pinning() { return {}; }
  /// Reference layer: H_ex0 = 1 kOe (docs/physics.md section 7), IrMn T_B = 500 K [L], H_c = 50 Oe. [D]
  static reference_layer_parameters reference() { return {}; }

  /// FM/AFM storage layer: H_s,max = 69 Oe (the ~15 MHz tuning of the follow-up), T_B,s = 450 K,
  /// grain moment 3e-19 A m^2. [D]
  static vortex_storage_parameters storage() { return {}; }

  /// Free-layer temperature under laser power P and bias I: T0 plus the mean junction rise of
  /// physics_mgo_800nm's thermal stack (sink rise plus the electrodes' mean rise) in the AP state.
  static units::temperature free_layer_temperature(units::power laser_power, units::current i) {
    const auto j = physics_mgo_800nm::junction();
    return ambient_temperature() + physics_mgo_800nm::heating().junction_temperature_rise(laser_power, i, j.resistance(i));
  }
};

}  // namespace spinaptic::device::presets
