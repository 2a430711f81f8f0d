// spinaptic/device/vortex_statics.hpp: the free layer as a magnetic vortex in a thin disk:
// its parameters and the rigid-vortex statics (core displacement, <m_x>, susceptibility,
// annihilation and nucleation fields, the hysteretic loop). Equations and limits: docs/vortex.md.
//
// Disk of radius R and thickness L, aspect ratio beta = L/R, in-plane field H along x. The core
// of a vortex of chirality C = +-1 (counter-clockwise +1) and polarity p = +-1 sits at X = (x, y);
// reduced displacement s = X/R. Side-surface-charge-free ("two-vortex") model (Guslienko et al.,
// PRB 65, 024414 (2001)):
//   <m> = xi C (z x X)/R,  xi = 2/3,   so  <m_x> = -xi C y/R
//   W(X) = kappa X^2/2 + kappa a X^4/(4 R^2)   (a: nonlinear stiffness; Dussaux et al., PRB 86,
//                                               014402 (2012) give a ~ 1/4 for the magnetostatic part)
//   kappa = (10/9) mu0 Ms^2 L beta             (thin-disk magnetostatic stiffness; the SI form of
//                                               omega_0 = kappa/G = (20/9) gamma Ms beta [Gaussian],
//                                               Guslienko et al., J. Appl. Phys. 91, 8037 (2002))
// Statics (field along x, core displaced along -C y): s (1 + a s^2) = H/H_1 with
//   H_1 = kappa R^2 / (mu0 Ms V xi) = (10 / (9 pi xi)) Ms beta,
//   chi_0 = d<m_x>/d(H/Ms) at H = 0 = xi Ms / H_1 = 9 pi xi^2 / (10 beta),
//   H_an = H_1 (1 + a)  (the core reaches the edge, s = 1; the vortex is annihilated),
//   H_n = f_n H_an      (nucleation on the way back from saturation; f_n a documented default).
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/device/saturation_magnetization.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Material, geometry and torque parameters of a vortex free layer (a thin disk). All SI.
struct vortex_parameters {
  units::length radius;                                   ///< disk radius R [m]
  units::length thickness;                                ///< free-layer thickness L [m]
  units::magnetic_field_strength saturation_magnetization;  ///< Ms at T = 0 [A/m]
  /// Bloch law Ms(T) = Ms(0) [1 - (T/T_C)^(3/2)]; 0 K switches it off.
  units::temperature curie_temperature = units::as<units::temperature>(0.0);
  double damping = 0.01;                 ///< Gilbert alpha (>= 0)
  units::length core_radius = units::as<units::length>(10e-9);  ///< vortex core radius r_c [m] (~ exchange length)
  int chirality = 1;                     ///< C = +1 (counter-clockwise) or -1
  int polarity = 1;                      ///< core polarity p = +1 (up) or -1
  double nonlinear_stiffness = 0.25;     ///< a in W = kappa X^2/2 + kappa a X^4/(4R^2) (Dussaux 2012)
  double nucleation_fraction = 0.4;      ///< f_n = H_n / H_an (documented default, docs/vortex.md)
  double spin_polarization = 0.5;        ///< STT efficiency eta
  double field_like_ratio = 0.2;         ///< b_J / a_J of the field-like torque
  /// damping-like in-plane torque's force relative to the field-like lever at equal a_J; it acts
  /// through the core only (Khvalkovskiy et al., PRB 80, 140401 (2009)), so ~ r_c / R.
  double damping_like_efficiency = 0.025;
  /// Oersted stiffness kappa_Oe = c_Oe C mu0 Ms L I / (pi R), c_Oe = 0.85 (Khvalkovskiy 2009).
  double oersted_coefficient = 0.85;
  /// gyromagnetic ratio gamma [rad s^-1 T^-1]
  double gamma = detail::constants::electron_gyromagnetic_ratio;

  /// Largest aspect ratio of the thin-disk closed forms (docs/vortex.md, limits).
  static constexpr double max_aspect_ratio = 0.2;
  /// Magnetization ratio of the side-charge-free model, \<m\> = xi s (Guslienko et al. 2001).
  static constexpr double xi = 2.0 / 3.0;

  /// Throws invalid_parameter naming the first bad parameter; returns a copy.
  [[nodiscard]] vortex_parameters validated() const {
    const double r = detail::require_positive("disk radius R [m]", units::in_si(radius));
    const double l = detail::require_positive("free-layer thickness L [m]", units::in_si(thickness));
    detail::require_in_range("aspect ratio beta = L/R", l / r, 1e-4, max_aspect_ratio);
    detail::require_positive("saturation magnetization Ms [A/m]", units::in_si(saturation_magnetization));
    detail::require_non_negative("Curie temperature T_C [K]", units::in_si(curie_temperature));
    detail::require_non_negative("Gilbert damping alpha", damping);
    detail::require_in_range("core radius r_c [m]", units::in_si(core_radius), 1e-12, 0.5 * r);
    if (chirality != 1 && chirality != -1) throw invalid_parameter("chirality C", chirality, "+1 or -1");
    if (polarity != 1 && polarity != -1) throw invalid_parameter("core polarity p", polarity, "+1 or -1");
    detail::require_non_negative("nonlinear stiffness a", nonlinear_stiffness);
    detail::require_in_range("nucleation fraction H_n/H_an", nucleation_fraction, 0.0, 1.0);
    detail::require_non_negative("spin polarization eta", spin_polarization);
    detail::require_finite("field-like torque ratio b_J/a_J", field_like_ratio);
    detail::require_finite("damping-like efficiency", damping_like_efficiency);
    detail::require_non_negative("Oersted coefficient c_Oe", oersted_coefficient);
    detail::require_positive("gyromagnetic ratio gamma [rad/s/T]", gamma);
    return *this;
  }

  /// Aspect ratio beta = L / R.
  [[nodiscard]] double aspect_ratio() const noexcept { return units::in_si(thickness) / units::in_si(radius); }
  /// Disk volume V = pi R^2 L [m^3].
  [[nodiscard]] double volume_si() const noexcept {
    const double r = units::in_si(radius);
    return std::numbers::pi * r * r * units::in_si(thickness);
  }

  /// Ms at temperature T [A/m] (Bloch law if enabled; 0 at and above T_C).
  [[nodiscard]] double saturation_magnetization_at(double kelvin) const noexcept {
    return bloch_saturation_magnetization(units::in_si(saturation_magnetization), units::in_si(curie_temperature), kelvin);
  }

  /// Gyrovector magnitude G = 2 pi Ms L / gamma [N s/m] (Thiele; Huber, PRB 26, 3758 (1982)).
  [[nodiscard]] double gyrovector_si(double kelvin) const noexcept {
    return 2.0 * std::numbers::pi * saturation_magnetization_at(kelvin) * units::in_si(thickness) / gamma;
  }
  /// Damping constant D = alpha pi Ms L (2 + ln(R / r_c)) / gamma [N s/m] (Guslienko, Appl. Phys.
  /// Lett. 89, 022510 (2006)).
  [[nodiscard]] double damping_constant_si(double kelvin) const noexcept {
    return damping * std::numbers::pi * saturation_magnetization_at(kelvin) * units::in_si(thickness) *
           (2.0 + std::log(units::in_si(radius) / units::in_si(core_radius))) / gamma;
  }
  /// Magnetostatic stiffness kappa = (10/9) mu0 Ms(T)^2 L beta [N/m] (header comment).
  [[nodiscard]] double stiffness_si(double kelvin) const noexcept {
    const double ms = saturation_magnetization_at(kelvin);
    return 10.0 / 9.0 * detail::constants::vacuum_permeability * ms * ms * units::in_si(thickness) * aspect_ratio();
  }
  /// Oersted stiffness per ampere, kappa_Oe / I = c_Oe C mu0 Ms L / (pi R) [N/(m A)].
  [[nodiscard]] double oersted_stiffness_per_ampere(double kelvin) const noexcept {
    return oersted_coefficient * chirality * detail::constants::vacuum_permeability *
           saturation_magnetization_at(kelvin) * units::in_si(thickness) / (std::numbers::pi * units::in_si(radius));
  }
  /// Gyrotropic angular frequency of the linear model without damping, omega_0 = kappa / G
  /// = (5 / (9 pi)) gamma mu0 Ms beta [rad/s] (SI form of (20/9) gamma Ms beta, Gaussian).
  [[nodiscard]] double gyrotropic_angular_frequency_si(double kelvin, double current = 0.0) const noexcept {
    return (stiffness_si(kelvin) + oersted_stiffness_per_ampere(kelvin) * current) / gyrovector_si(kelvin);
  }

  /// The field scale H_1 = kappa R^2 / (mu0 Ms V xi) = (10/(9 pi xi)) Ms(T) beta [A/m].
  [[nodiscard]] double field_scale_si(double kelvin) const noexcept {
    return 10.0 / (9.0 * std::numbers::pi * xi) * saturation_magnetization_at(kelvin) * aspect_ratio();
  }
};

/// Which branch of the loop the free layer is on.
enum class vortex_phase : unsigned char { vortex, saturated_positive, saturated_negative };

/// Rigid-vortex statics of one disk at temperature T (header comment for the equations).
class vortex_statics {
 public:
  /// Validates the parameters; T > 0 K and below T_C.
  vortex_statics(const vortex_parameters& p, units::temperature t)
      : p_(p.validated()), kelvin_(detail::require_positive("temperature T [K]", units::in_si(t))) {
    if (!(p_.saturation_magnetization_at(kelvin_) > 0.0))
      throw invalid_parameter("temperature T [K] (Ms(T) vanishes at or above T_C)", kelvin_, "< Curie temperature");
  }

  /// The parameters (validated).
  [[nodiscard]] const vortex_parameters& parameters() const noexcept { return p_; }

  /// Reduced core displacement s >= 0 in the vortex state under field H (solves s + a s^3 = |H|/H_1
  /// by Newton from the linear root; unique for a >= 0). Sign convention: s along -C y for H > 0.
  [[nodiscard]] double displacement(units::magnetic_field_strength h) const {
    const double q = std::abs(detail::require_finite("field H [A/m]", units::in_si(h))) / p_.field_scale_si(kelvin_);
    const double a = p_.nonlinear_stiffness;
    double s = q / (1.0 + a * q * q > 1.0 ? std::cbrt(1.0 + a * q * q) : 1.0);
    for (int it = 0; it < 60; ++it) {
      const double f = s + a * s * s * s - q, df = 1.0 + 3.0 * a * s * s;
      const double next = s - f / df;
      if (std::abs(next - s) <= 1e-15 * (1.0 + s)) return next;
      s = next;
    }
    return s;
  }

  /// \<m_x\> in the vortex state, xi s sign(H) (valid while s < 1, i.e. |H| < H_an).
  [[nodiscard]] double vortex_magnetization(units::magnetic_field_strength h) const {
    const double hv = units::in_si(h);
    return (hv < 0.0 ? -1.0 : 1.0) * vortex_parameters::xi * displacement(h);
  }

  /// Initial susceptibility chi_0 = d\<m_x\>/d(H/Ms) = 9 pi xi^2 / (10 beta) (dimensionless).
  [[nodiscard]] double initial_susceptibility() const noexcept {
    return vortex_parameters::xi * p_.saturation_magnetization_at(kelvin_) / p_.field_scale_si(kelvin_);
  }
  /// Annihilation field H_an = H_1 (1 + a): the core reaches the edge (s = 1).
  [[nodiscard]] units::magnetic_field_strength annihilation_field() const noexcept {
    return units::as<units::magnetic_field_strength>(p_.field_scale_si(kelvin_) * (1.0 + p_.nonlinear_stiffness));
  }
  /// Nucleation field H_n = f_n H_an: coming down from saturation, the vortex re-enters here.
  [[nodiscard]] units::magnetic_field_strength nucleation_field() const noexcept {
    return p_.nucleation_fraction * annihilation_field();
  }

 private:
  vortex_parameters p_;
  double kelvin_;
};

/// The hysteretic quasi-static loop of one disk: vortex state (\<m_x\> = xi s) for |H| < H_an;
/// annihilated into the single-domain state (\<m_x\> = sign(H), the disk is isotropic in plane) at
/// |H| >= H_an; back into the vortex state when |H| falls below H_n.
class vortex_loop {
 public:
  /// Starts in the vortex state.
  vortex_loop(const vortex_parameters& p, units::temperature t) : statics_(p, t) {}

  /// Applies field H (quasi-statically) and returns \<m_x\>.
  double apply(units::magnetic_field_strength h) {
    const double hv = detail::require_finite("field H [A/m]", units::in_si(h));
    const double h_an = units::in_si(statics_.annihilation_field()), h_n = units::in_si(statics_.nucleation_field());
    if (hv >= h_an) phase_ = vortex_phase::saturated_positive;
    else if (hv <= -h_an) phase_ = vortex_phase::saturated_negative;
    else if (phase_ != vortex_phase::vortex && std::abs(hv) < h_n) phase_ = vortex_phase::vortex;
    else if (phase_ == vortex_phase::saturated_positive && hv < 0.0) phase_ = vortex_phase::vortex;
    else if (phase_ == vortex_phase::saturated_negative && hv > 0.0) phase_ = vortex_phase::vortex;
    return magnetization(h);
  }
  /// \<m_x\> on the current branch at field H (without changing the branch).
  [[nodiscard]] double magnetization(units::magnetic_field_strength h) const {
    switch (phase_) {
      case vortex_phase::saturated_positive: return 1.0;
      case vortex_phase::saturated_negative: return -1.0;
      case vortex_phase::vortex: break;
    }
    return statics_.vortex_magnetization(h);
  }
  /// The current branch.
  [[nodiscard]] vortex_phase phase() const noexcept { return phase_; }
  /// The statics of the disk.
  [[nodiscard]] const vortex_statics& statics() const noexcept { return statics_; }

 private:
  vortex_statics statics_;
  vortex_phase phase_ = vortex_phase::vortex;
};

}  // namespace spinaptic::device
