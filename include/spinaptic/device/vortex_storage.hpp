// spinaptic/device/vortex_storage.hpp: the FM/AFM storage layer of the follow-up's vortex MTJs
// (Oberbauer et al., arXiv:2603.02734 (2026), as described) as a thermally programmable analog
// weight: its exchange field H_s displaces the vortex core and so shifts the gyrotropic
// resonance. Equations, assumptions and limits: docs/vortex.md, "Storage layer".
//
// Programming (field cooling): heated above the storage AFM's blocking temperature T_B,s and
// cooled in the field H_cool, each AFM grain freezes its coupled FM grain along +-H_cool as a
// two-level system in equilibrium at T_B,s (grain moment mu_g), so the net exchange field is
//   H_s = H_s,max tanh(mu0 mu_g H_cool / (k_B T_B,s)).
// Below T_B,s the storage layer holds H_s with no standby power.
// Resonance shift: H_s displaces the core to s_0 (vortex_statics), where the confining energy
// W = kappa R^2 (s^2/2 + a s^4/4) has the radial stiffness kappa (1 + 3 a s_0^2) and the tangential
// kappa (1 + a s_0^2); the Thiele gyration in that anisotropic well has
//   omega(s_0) = sqrt(k_r k_t) G / (G^2 + D^2),  k_r = kappa (1 + 3 a s_0^2), k_t = kappa (1 + a s_0^2)
// (to first order in D/G and in the anisotropy (k_r - k_t)/(k_r + k_t)).
#pragma once

#include <cmath>
#include <numbers>

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// The storage layer's parameters.
struct vortex_storage_parameters {
  /// Largest exchange field on the free layer, H_s,max [A/m] (fully field-cooled): 5.5e3 A/m (69 Oe)
  /// gives the ~15 MHz tuning the follow-up reports for the 800 nm disk (presets::vortex_800nm).
  units::magnetic_field_strength max_exchange_field = units::as<units::magnetic_field_strength>(5.5e3);
  /// Blocking temperature of the storage AFM, T_B,s [K] (reached by laser heating).
  units::temperature blocking_temperature = units::as<units::temperature>(450.0);
  /// Moment of one FM grain, mu_g [A m^2] (a 10 nm x 10 nm x 2 nm CoFe grain: ~3e-19).
  double grain_moment = 3e-19;

  /// Throws invalid_parameter naming the first bad parameter.
  [[nodiscard]] vortex_storage_parameters validated() const {
    detail::require_non_negative("storage exchange field H_s,max [A/m]", units::in_si(max_exchange_field));
    detail::require_positive("storage blocking temperature T_B,s [K]", units::in_si(blocking_temperature));
    detail::require_positive("storage grain moment mu_g [A m^2]", grain_moment);
    return *this;
  }
};

/// One junction's storage layer: programmed by field cooling, read as a resonance shift.
class vortex_storage_layer {
 public:
  /// Starts unprogrammed (H_s = 0).
  explicit vortex_storage_layer(const vortex_storage_parameters& p) : p_(p.validated()) {}

  /// Field cooling: when `peak` >= T_B,s the layer takes H_s = H_s,max tanh(mu0 mu_g H_cool /
  /// (k_B T_B,s)) and returns true; below T_B,s nothing is written and it returns false.
  bool program(units::temperature peak, units::magnetic_field_strength cooling_field) {
    const double t = detail::require_positive("peak temperature [K]", units::in_si(peak));
    const double hc = detail::require_finite("cooling field H_cool [A/m]", units::in_si(cooling_field));
    if (t < units::in_si(p_.blocking_temperature)) return false;
    h_s_ = exchange_field_after_cooling(hc);
    return true;
  }
  /// H_s after field cooling in H_cool [A/m] (header comment).
  [[nodiscard]] double exchange_field_after_cooling(double cooling_field) const noexcept {
    return units::in_si(p_.max_exchange_field) *
           std::tanh(detail::constants::vacuum_permeability * p_.grain_moment * cooling_field /
                     (detail::constants::boltzmann * units::in_si(p_.blocking_temperature)));
  }
  /// The held exchange field H_s [A/m].
  [[nodiscard]] units::magnetic_field_strength exchange_field() const noexcept {
    return units::as<units::magnetic_field_strength>(h_s_);
  }

  /// Gyrotropic angular frequency of `disk` at temperature T under the exchange field H_s
  /// (header comment) [rad/s].
  [[nodiscard]] static double resonance_angular_frequency(const vortex_parameters& disk, units::temperature t,
                                                          units::magnetic_field_strength h_s) {
    const vortex_statics st(disk, t);
    const double s0 = st.displacement(h_s), a = st.parameters().nonlinear_stiffness;
    if (!(s0 < 1.0)) throw invalid_parameter("storage exchange field H_s [A/m] (annihilates the vortex)", units::in_si(h_s),
                                             "< H_an");
    const double k = disk.stiffness_si(units::in_si(t)), g = disk.gyrovector_si(units::in_si(t)),
                 d = disk.damping_constant_si(units::in_si(t));
    return k * std::sqrt((1.0 + 3.0 * a * s0 * s0) * (1.0 + a * s0 * s0)) * g / (g * g + d * d);
  }
  /// Resonance shift f(H_s) - f(0) of `disk` at T caused by this layer's H_s [Hz].
  [[nodiscard]] units::frequency resonance_shift(const vortex_parameters& disk, units::temperature t) const {
    const auto zero = units::as<units::magnetic_field_strength>(0.0);
    return units::as<units::frequency>((resonance_angular_frequency(disk, t, exchange_field()) -
                                        resonance_angular_frequency(disk, t, zero)) / (2.0 * std::numbers::pi));
  }
  /// The cooling field that programs a resonance shift `shift` >= 0 (bisection on the monotonic
  /// f(H_s(H_cool)), H_cool >= 0) [A/m]; throws when the shift is beyond the layer's range.
  [[nodiscard]] units::magnetic_field_strength cooling_field_for_shift(const vortex_parameters& disk, units::temperature t,
                                                                       units::frequency shift) const {
    const double target = detail::require_non_negative("resonance shift [Hz]", units::in_si(shift));
    const auto f_of = [&](double hc) {
      const auto hs = units::as<units::magnetic_field_strength>(exchange_field_after_cooling(hc));
      return (resonance_angular_frequency(disk, t, hs) -
              resonance_angular_frequency(disk, t, units::as<units::magnetic_field_strength>(0.0))) / (2.0 * std::numbers::pi);
    };
    double lo = 0.0, hi = 1.0;
    const double hc_sat = 20.0 * detail::constants::boltzmann * units::in_si(p_.blocking_temperature) /
                          (detail::constants::vacuum_permeability * p_.grain_moment);
    const double f_max = f_of(hc_sat);
    if (target > f_max) throw invalid_parameter("resonance shift [Hz]", target, "<= " + std::to_string(f_max) + " (H_s,max)");
    hi = hc_sat;
    for (int it = 0; it < 200; ++it) {
      const double mid = 0.5 * (lo + hi);
      (f_of(mid) < target ? lo : hi) = mid;
    }
    return units::as<units::magnetic_field_strength>(0.5 * (lo + hi));
  }

 private:
  vortex_storage_parameters p_;
  double h_s_ = 0.0;
};

}  // namespace spinaptic::device
