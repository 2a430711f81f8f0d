// spinaptic/device/vortex_spin_diode.hpp: the spin-diode effect of a vortex junction in the
// small-signal steady state: the rectified product <I(t) <m_x>(t)> of an RF current
// I_rf cos(omega t) and the gyration it drives, its Lorentzian form, and the DC voltage
// <I(t) R(t)> through the analog resistance (Tulapurkar et al., Nature 438, 339 (2005);
// docs/vortex.md).
//
// Linearised Thiele equation around X = 0 (vortex_dynamics.hpp) with complex amplitudes
// X(t) = Re(X^ e^{i omega t}), A = kappa + i omega D, B = i p G omega, forces per ampere
// g_x = eps lever a_J/I (damping-like), g_y = -r lever a_J/I (field-like):
//   -B y^ - A x^ + g_x I_rf = 0,   B x^ - A y^ + g_y I_rf = 0
//   =>  y^ = I_rf (B g_x + A g_y) / (A^2 + B^2),   <m_x>^ = -xi C y^ / R,
//   <I m_x> = I_rf Re(<m_x>^) / 2.
// Poles: omega = kappa / (G -+ i D), i.e. the resonance omega_r = kappa G / (G^2 + D^2) and the
// half-width Gamma = kappa D / (G^2 + D^2). One-pole (Lorentzian) form near omega_r, with
// A^2 + B^2 = (A - G omega)(A + G omega) and A - G omega = (G - i D)(omega_r + i Gamma - omega):
//   y^ ~ K / (Delta + i Gamma),  K = I_rf (B g_x + A g_y) / ((A + G omega)(G - i D)) at omega_r,
//   <I m_x> = S Gamma^2 / (Delta^2 + Gamma^2) + N Delta Gamma / (Delta^2 + Gamma^2),
//   Delta = omega_r - omega,  S = c Im(K) / Gamma,  N = c Re(K) / Gamma,  c = -xi C I_rf / (2 R).
// To leading order in D/G, S = -xi C p g_x I_rf^2 / (4 R G Gamma) (the damping-like force) and
// N = -xi C g_y I_rf^2 / (4 R G Gamma) (the field-like force): symmetric and antisymmetric parts.
#pragma once

#include <cmath>
#include <complex>
#include <numbers>

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Small-signal spin-diode response of one vortex disk at temperature T and DC current I_dc.
class vortex_spin_diode {
 public:
  /// Validates the parameters; T >= 0 below T_C; I_dc finite.
  vortex_spin_diode(const vortex_parameters& p, units::temperature t, units::current dc_current)
      : p_(p.validated()),
        kelvin_(detail::require_non_negative("temperature T [K]", units::in_si(t))),
        idc_(detail::require_finite("bias current I_dc [A]", units::in_si(dc_current))) {
    const double ms = p_.saturation_magnetization_at(kelvin_);
    if (!(ms > 0.0))
      throw invalid_parameter("temperature T [K] (Ms(T) vanishes at or above T_C)", kelvin_, "< Curie temperature");
    namespace c = detail::constants;
    const double r = units::in_si(p_.radius), vol = p_.volume_si();
    const double lever = c::vacuum_permeability * ms * vol * vortex_parameters::xi * p_.chirality / r;
    const double aj = c::reduced_planck * p_.spin_polarization / (2.0 * c::elementary_charge * c::vacuum_permeability * ms * vol);
    gx_ = p_.damping_like_efficiency * lever * aj;
    gy_ = -p_.field_like_ratio * lever * aj;
    g_ = p_.gyrovector_si(kelvin_);
    d_ = p_.damping_constant_si(kelvin_);
    k_ = p_.stiffness_si(kelvin_) + p_.oersted_stiffness_per_ampere(kelvin_) * idc_;
    if (!(k_ > 0.0)) throw invalid_parameter("stiffness kappa + kappa_Oe I_dc [N/m]", k_, "> 0 (I_dc too negative for this chirality)");
  }

  /// Resonance angular frequency omega_r = kappa G / (G^2 + D^2) [rad/s] (kappa with the Oersted part).
  [[nodiscard]] double resonance_angular_frequency() const noexcept { return k_ * g_ / (g_ * g_ + d_ * d_); }
  /// Resonance frequency f_r = omega_r / (2 pi).
  [[nodiscard]] units::frequency resonance_frequency() const noexcept {
    return units::as<units::frequency>(resonance_angular_frequency() / (2.0 * std::numbers::pi));
  }
  /// Half-width at half-maximum Gamma = kappa D / (G^2 + D^2) [rad/s].
  [[nodiscard]] double half_width() const noexcept { return k_ * d_ / (g_ * g_ + d_ * d_); }

  /// Exact linear response \<I(t) \<m_x\>(t)\> [A] at RF amplitude I_rf and frequency f.
  [[nodiscard]] units::current rectified_product(units::current rf_amplitude, units::frequency f) const {
    const double irf = detail::require_finite("RF current amplitude I_rf [A]", units::in_si(rf_amplitude));
    const double w = 2.0 * std::numbers::pi * detail::require_non_negative("RF frequency f [Hz]", units::in_si(f));
    const std::complex<double> a(k_, w * d_), b(0.0, p_.polarity * g_ * w);
    const std::complex<double> y = irf * (b * gx_ + a * gy_) / (a * a + b * b);
    const double mx = -vortex_parameters::xi * p_.chirality * y.real() / units::in_si(p_.radius);
    return units::as<units::current>(0.5 * irf * mx);
  }

  /// Symmetric amplitude S of the Lorentzian form (header comment) [A].
  [[nodiscard]] units::current symmetric_amplitude(units::current rf_amplitude) const {
    const double irf = detail::require_finite("RF current amplitude I_rf [A]", units::in_si(rf_amplitude));
    return units::as<units::current>(lever_constant(irf) * pole_residue(irf).imag() / half_width());
  }
  /// Antisymmetric amplitude N of the Lorentzian form (header comment) [A].
  [[nodiscard]] units::current antisymmetric_amplitude(units::current rf_amplitude) const {
    const double irf = detail::require_finite("RF current amplitude I_rf [A]", units::in_si(rf_amplitude));
    return units::as<units::current>(lever_constant(irf) * pole_residue(irf).real() / half_width());
  }
  /// The Lorentzian form S Gamma^2/(Delta^2 + Gamma^2) + N Delta Gamma/(Delta^2 + Gamma^2) [A].
  [[nodiscard]] units::current lorentzian(units::current rf_amplitude, units::frequency f) const {
    const double w = 2.0 * std::numbers::pi * units::in_si(f), gm = half_width();
    const double delta = resonance_angular_frequency() - w, den = delta * delta + gm * gm;
    return units::as<units::current>(units::in_si(symmetric_amplitude(rf_amplitude)) * gm * gm / den +
                                     units::in_si(antisymmetric_amplitude(rf_amplitude)) * delta * gm / den);
  }

 private:
  /// c = -xi C I_rf / (2 R).
  [[nodiscard]] double lever_constant(double irf) const noexcept {
    return -vortex_parameters::xi * p_.chirality * irf / (2.0 * units::in_si(p_.radius));
  }
  /// K = I_rf (B g_x + A g_y) / ((A + G omega)(G - i D)) at omega_r [m rad/s].
  [[nodiscard]] std::complex<double> pole_residue(double irf) const noexcept {
    const double w = resonance_angular_frequency();
    const std::complex<double> a(k_, w * d_), b(0.0, p_.polarity * g_ * w);
    return irf * (b * gx_ + a * gy_) / ((a + g_ * w) * std::complex<double>(g_, -d_));
  }

  vortex_parameters p_;
  double kelvin_, idc_;
  double gx_ = 0.0, gy_ = 0.0, g_ = 0.0, d_ = 0.0, k_ = 0.0;
};

/// Conductance of a vortex junction, linear in \<m_x\> (the local Slonczewski law
/// G(theta) = (G_P + G_AP)/2 + (G_P - G_AP)/2 cos(theta), PRB 39, 6995 (1989), averaged over the
/// disk, parallel channels): G = (G_P + G_AP)/2 + (G_P - G_AP)/2 \<m_x\>.
[[nodiscard]] inline units::conductance vortex_conductance(units::resistance r_p, units::resistance r_ap, double mx) {
  const double gp = 1.0 / detail::require_positive("R_P [ohm]", units::in_si(r_p));
  const double gap = 1.0 / detail::require_positive("R_AP [ohm]", units::in_si(r_ap));
  detail::require_in_range("<m_x>", mx, -1.0, 1.0);
  return units::as<units::conductance>(0.5 * (gp + gap) + 0.5 * (gp - gap) * mx);
}

/// Spin-diode DC voltage \<I(t) R(t)\> = R(m_0) \<I\> + dR/dm \<I (m_x - m_0)\> to first order in the
/// gyration, with dR/dm = -R^2 (G_P - G_AP)/2 at the static \<m_x\> = m_0 (docs/vortex.md). Takes the
/// rectified product of vortex_spin_diode or vortex_ensemble::mean_current_magnetization (at m_0 = 0
/// and no DC current, V = dR/dm \<I m_x\>).
[[nodiscard]] inline units::voltage spin_diode_voltage(units::resistance r_p, units::resistance r_ap,
                                                       units::current rectified_product, double m0 = 0.0) {
  const double g = units::in_si(vortex_conductance(r_p, r_ap, m0));
  const double dr_dm = -(0.5 * (1.0 / units::in_si(r_p) - 1.0 / units::in_si(r_ap))) / (g * g);
  return units::as<units::voltage>(dr_dm * detail::require_finite("<I m_x> [A]", units::in_si(rectified_product)));
}

}  // namespace spinaptic::device
