// spinaptic/device/vortex_dynamics.hpp: thermal Thiele dynamics of the vortex cores of many
// independent disks, in structure-of-arrays form (float or double). Equations: docs/vortex.md.
//
// Thiele's equation (Thiele, PRL 30, 230 (1973); Huber, PRB 26, 3758 (1982)) for the core X:
//   p G (z x dX/dt) - D dX/dt + F = 0,   G = 2 pi Ms L / gamma,
//   D = alpha pi Ms L (2 + ln(R/r_c)) / gamma   (Guslienko, APL 89, 022510 (2006)),
// solved for the velocity, per component:
//   dx/dt = (D F_x - p G F_y) / (G^2 + D^2),   dy/dt = (D F_y + p G F_x) / (G^2 + D^2).
// Forces (vortex_statics.hpp for the statics):
//   confinement   F_W = -(kappa(T) + kappa_Oe I) X (1 + a |X|^2 / R^2)
//   Zeeman        F = (mu0 Ms V xi C / R) (H_y, -H_x),  with the field-like torque b_J = r a_J
//                 added to H_x (p along x), a_J = hbar eta I / (2 e mu0 Ms V)
//   damping-like  F_x += eps (mu0 Ms V xi C / R) a_J     (phenomenological, docs/vortex.md)
//   thermal       <F_i(t) F_j(t')> = 2 D k_B T delta_ij delta(t - t')  (fluctuation-dissipation)
// Current I(t) = I_dc + I_rf cos(omega t) per junction. Integration: stochastic Heun with the
// noise held over the step (additive noise: Ito = Stratonovich).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/detail/block_partition.hpp"
#include "spinaptic/detail/constants.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

namespace detail_vortex {
/// Per-junction coefficients of one Thiele step (raw SI, reduced coordinate s = X/R).
template <class Real>
struct thiele_arrays {
  Real* sx;          ///< s_x
  Real* sy;          ///< s_y
  Real* pr;          ///< RF phasor, real part cos(omega t)
  Real* pi;          ///< RF phasor, imaginary part sin(omega t)
  Real* acc;         ///< running integral of I(t) \<m_x\>(t) dt [A s]
  const Real* k;     ///< kappa(T) R [N]
  const Real* ko;    ///< kappa_Oe/I R [N/A]
  const Real* fx;    ///< Zeeman force along x: lever H_y [N]
  const Real* fy;    ///< field force along y: -lever H_x [N]
  const Real* gx;    ///< force per ampere along x (damping-like torque) [N/A]
  const Real* gy;    ///< force per ampere along y (field-like torque) [N/A]
  const Real* cd;    ///< D / ((G^2 + D^2) R) [1/(N s)]
  const Real* cg;    ///< p G / ((G^2 + D^2) R) [1/(N s)]
  const Real* sn;    ///< sqrt(2 D k_B T) [N s^1/2]
  const Real* idc;   ///< I_dc [A]
  const Real* irf;   ///< I_rf [A]
  const Real* wr;    ///< cos(omega dt)
  const Real* wi;    ///< sin(omega dt)
};

/// One stochastic Heun step for junctions [0, count). Branch-free and call-free (vectorisable):
/// restrict-qualified parameters (not struct members or locals) so that GCC proves independence.
/// mxs = -xi C converts s_y to \<m_x\>; a is the nonlinear stiffness.
template <class Real>
inline void heun_loop(Real* __restrict sx, Real* __restrict sy, Real* __restrict pr, Real* __restrict pim,
                      Real* __restrict acc, const Real* __restrict k, const Real* __restrict ko,
                      const Real* __restrict fx, const Real* __restrict fy, const Real* __restrict gx,
                      const Real* __restrict gy, const Real* __restrict cd, const Real* __restrict cg,
                      const Real* __restrict sn, const Real* __restrict idc, const Real* __restrict irf,
                      const Real* __restrict wr, const Real* __restrict wi, const Real* __restrict nx,
                      const Real* __restrict ny, std::size_t count, Real dt, Real a, Real mxs) noexcept {
  const Real inv_sqrt_dt = Real(1) / std::sqrt(dt), half_dt = Real(0.5) * dt;
  for (std::size_t j = 0; j < count; ++j) {
    const Real s = sn[j] * inv_sqrt_dt;
    const Real tx = fx[j] + s * nx[j], ty = fy[j] + s * ny[j];
    const Real c0 = pr[j], s0 = pim[j];
    Real c1 = c0 * wr[j] - s0 * wi[j], s1 = s0 * wr[j] + c0 * wi[j];
    const Real nrm = Real(1.5) - Real(0.5) * (c1 * c1 + s1 * s1);  // keeps |phasor| = 1
    c1 *= nrm;
    s1 *= nrm;
    const Real i0 = idc[j] + irf[j] * c0, i1 = idc[j] + irf[j] * c1;
    const Real kk = k[j], kof = ko[j], gxj = gx[j], gyj = gy[j], cdj = cd[j], cgj = cg[j];
    const Real x = sx[j], y = sy[j];
    // first stage at (x, y, i0)
    const Real st1 = (kk + kof * i0) * (Real(1) + a * (x * x + y * y));
    const Real f1x = tx + gxj * i0 - st1 * x, f1y = ty + gyj * i0 - st1 * y;
    const Real v1x = cdj * f1x - cgj * f1y, v1y = cdj * f1y + cgj * f1x;
    // second stage at the predictor, current i1
    const Real px = x + dt * v1x, py = y + dt * v1y;
    const Real st2 = (kk + kof * i1) * (Real(1) + a * (px * px + py * py));
    const Real f2x = tx + gxj * i1 - st2 * px, f2y = ty + gyj * i1 - st2 * py;
    const Real v2x = cdj * f2x - cgj * f2y, v2y = cdj * f2y + cgj * f2x;
    const Real ny1 = y + half_dt * (v1y + v2y);
    sx[j] = x + half_dt * (v1x + v2x);
    sy[j] = ny1;
    acc[j] += half_dt * mxs * (i0 * y + i1 * ny1);
    pr[j] = c1;
    pim[j] = s1;
  }
}

/// heun_loop() on the arrays of one block.
template <class Real>
inline void heun_step(const thiele_arrays<Real>& v, const Real* nx, const Real* ny, std::size_t count, Real dt, Real a,
                      Real mxs) noexcept {
  heun_loop<Real>(v.sx, v.sy, v.pr, v.pi, v.acc, v.k, v.ko, v.fx, v.fy, v.gx, v.gy, v.cd, v.cg, v.sn, v.idc, v.irf, v.wr,
                  v.wi, nx, ny, count, dt, a, mxs);
}
}  // namespace detail_vortex

/// N independent vortex disks under Thiele dynamics (stochastic Heun).
///
/// Randomness: the thermal force of junction j at global step n is drawn from the counter-based
/// generator at key (seed, n), positions [j 2^8, ...) (detail/random.hpp), so a trajectory
/// depends only on the seed, never on the number of threads. Memory: about 24 arrays of N Real.
template <std::floating_point Real = double>
class vortex_ensemble {
 public:
  static constexpr std::size_t block_size = 256;  ///< junctions per cache block of the kernel

  /// `count` disks with the shared parameters, seeded by `seed`; cores start at the centre,
  /// temperature 0 K (no noise), no current, no field.
  vortex_ensemble(const vortex_parameters& params, std::size_t count, std::uint64_t seed)
      : p_(params.validated()), n_(count), seed_(seed) {
    if (count == 0) throw invalid_parameter("junction count", 0.0, ">= 1");
    for (auto* q : {&sx_, &sy_, &pr_, &pi_, &acc_, &k_, &ko_, &fx_, &fy_, &gx_, &gy_, &cd_, &cg_, &sn_, &idc_,
                    &irf_, &wr_, &wi_})
      q->resize({n_});
    for (auto* q : {&temperature_, &hx_, &hy_, &current_, &rf_amplitude_, &rf_omega_, &acc_time_})
      q->resize({n_});
    for (auto* q : {&sx_, &sy_, &pi_, &acc_}) q->fill(Real(0));
    pr_.fill(Real(1));
    for (auto* q : {&temperature_, &hx_, &hy_, &current_, &rf_amplitude_, &rf_omega_, &acc_time_}) q->fill(0.0);
  }

  /// Number of junctions.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// The shared parameters (validated).
  [[nodiscard]] const vortex_parameters& parameters() const noexcept { return p_; }
  /// Number of Heun steps taken so far (the time index of the random streams).
  [[nodiscard]] std::uint64_t step_count() const noexcept { return steps_; }

  // ---- state ----------------------------------------------------------------------------
  /// Core position of junction j [m].
  [[nodiscard]] std::array<units::length, 2> core_position(std::size_t j) const {
    check_index(j);
    const double r = units::in_si(p_.radius);
    return {units::as<units::length>(r * double(sx_(j))), units::as<units::length>(r * double(sy_(j)))};
  }
  /// Places the core of junction j at (x, y) [m] (|X| < R).
  void set_core_position(std::size_t j, units::length x, units::length y) {
    check_index(j);
    const double r = units::in_si(p_.radius);
    const double a = detail::require_finite("core position x [m]", units::in_si(x)) / r;
    const double b = detail::require_finite("core position y [m]", units::in_si(y)) / r;
    if (!(a * a + b * b < 1.0)) throw invalid_parameter("core distance |X|/R", std::sqrt(a * a + b * b), "< 1");
    sx_(j) = static_cast<Real>(a);
    sy_(j) = static_cast<Real>(b);
  }
  /// Places every core at (x, y) [m].
  void set_core_position_all(units::length x, units::length y) {
    for (std::size_t j = 0; j < n_; ++j) set_core_position(j, x, y);
  }
  /// Reduced positions s_x = x/R, one per junction.
  [[nodiscard]] const xt::xtensor<Real, 1>& reduced_x() const noexcept { return sx_; }
  /// Reduced positions s_y = y/R, one per junction.
  [[nodiscard]] const xt::xtensor<Real, 1>& reduced_y() const noexcept { return sy_; }
  /// \<m_x\> of junction j, -xi C y / R (p along x; vortex_statics.hpp).
  [[nodiscard]] double average_magnetization(std::size_t j) const {
    check_index(j);
    return -vortex_parameters::xi * p_.chirality * double(sy_(j));
  }
  /// P if \<m_x\> >= 0, AP otherwise (the sign of the analog state; magnetization_dynamics).
  [[nodiscard]] magnetic_state state(std::size_t j) const {
    return average_magnetization(j) >= 0.0 ? magnetic_state::parallel : magnetic_state::antiparallel;
  }
  /// Confinement energy W(X) = kappa(T) |X|^2/2 + kappa a |X|^4/(4 R^2) of junction j [J] (no
  /// Oersted or Zeeman part).
  [[nodiscard]] units::energy confinement_energy(std::size_t j) const {
    check_index(j);
    const double r = units::in_si(p_.radius), s2 = double(sx_(j)) * double(sx_(j)) + double(sy_(j)) * double(sy_(j));
    const double kap = p_.stiffness_si(temperature_(j));
    return units::as<units::energy>(kap * r * r * (0.5 * s2 + 0.25 * p_.nonlinear_stiffness * s2 * s2));
  }

  // ---- drives ---------------------------------------------------------------------------
  /// DC bias current of junction j [A].
  void set_current(std::size_t j, units::current i) {
    check_index(j);
    current_(j) = detail::require_finite("bias current I [A]", units::in_si(i));
    dirty_ = true;
  }
  /// DC bias current of every junction [A].
  void set_current_all(units::current i) {
    for (std::size_t j = 0; j < n_; ++j) set_current(j, i);
  }
  /// RF current I_rf cos(omega t) of junction j: amplitude [A] and frequency f = omega / 2 pi [Hz];
  /// the phase starts at 0 now (the phasor is reset).
  void set_rf_current(std::size_t j, units::current amplitude, units::frequency f) {
    check_index(j);
    rf_amplitude_(j) = detail::require_finite("RF current amplitude I_rf [A]", units::in_si(amplitude));
    rf_omega_(j) = 2.0 * std::numbers::pi * detail::require_non_negative("RF frequency f [Hz]", units::in_si(f));
    pr_(j) = Real(1);
    pi_(j) = Real(0);
    dirty_ = true;
  }
  /// Free-layer temperature of junction j (ambient plus heating; Ms(T) follows) [K].
  void set_temperature(std::size_t j, units::temperature t) {
    check_index(j);
    const double kelvin = detail::require_non_negative("temperature T [K]", units::in_si(t));
    if (!(p_.saturation_magnetization_at(kelvin) > 0.0))
      throw invalid_parameter("temperature T [K] (Ms(T) vanishes at or above T_C)", kelvin, "< Curie temperature");
    temperature_(j) = kelvin;
    dirty_ = true;
  }
  /// Temperature of every junction [K].
  void set_temperature_all(units::temperature t) {
    for (std::size_t j = 0; j < n_; ++j) set_temperature(j, t);
  }
  /// In-plane applied field of junction j (x along the reference layer) [A/m].
  void set_applied_field(std::size_t j, units::magnetic_field_strength hx, units::magnetic_field_strength hy) {
    check_index(j);
    hx_(j) = detail::require_finite("applied field H_x [A/m]", units::in_si(hx));
    hy_(j) = detail::require_finite("applied field H_y [A/m]", units::in_si(hy));
    dirty_ = true;
  }
  /// In-plane applied field of every junction [A/m].
  void set_applied_field_all(units::magnetic_field_strength hx, units::magnetic_field_strength hy) {
    for (std::size_t j = 0; j < n_; ++j) set_applied_field(j, hx, hy);
  }

  // ---- rectification --------------------------------------------------------------------
  /// Time average \<I(t) \<m_x\>(t)\> of junction j since the last reset_averages() [A] (trapezoid
  /// rule over the steps); the spin-diode voltage follows from it (spin_diode.hpp).
  [[nodiscard]] units::current mean_current_magnetization(std::size_t j) const {
    check_index(j);
    if (!(acc_time_(j) > 0.0)) throw invalid_parameter("averaging time [s]", acc_time_(j), "> 0 (advance first)");
    return units::as<units::current>(double(acc_(j)) / acc_time_(j));
  }
  /// Restarts the time averages.
  void reset_averages() {
    acc_.fill(Real(0));
    acc_time_.fill(0.0);
  }

  // ---- time stepping --------------------------------------------------------------------
  /// Advances every junction by `steps` Heun steps of length dt, splitting the junctions into
  /// `threads` contiguous partitions (results do not depend on `threads`).
  void advance(units::time dt, std::size_t steps, unsigned threads = 1) {
    const double h = detail::require_positive("time step dt [s]", units::in_si(dt));
    if (threads == 0) throw invalid_parameter("threads", 0.0, ">= 1");
    if (h != last_dt_) dirty_ = true;
    last_dt_ = h;
    refresh();
    const std::size_t blocks = (n_ + block_size - 1) / block_size;
    const Real a = static_cast<Real>(p_.nonlinear_stiffness);
    const Real mxs = static_cast<Real>(-vortex_parameters::xi * p_.chirality);
    auto work = [&](std::size_t b0, std::size_t b1) {
      std::vector<Real> noise(2 * block_size);
      const auto& z = detail::ziggurat_tables::get();
      for (std::size_t b = b0; b < b1; ++b) {
        const std::size_t j0 = b * block_size, cnt = std::min(block_size, n_ - j0);
        const auto v = arrays(j0);
        for (std::size_t s = 0; s < steps; ++s) {
          const std::uint64_t key = detail::step_key(seed_, steps_ + s);
          for (std::size_t i = 0; i < cnt; ++i) {
            detail::counter_rng g(key, static_cast<std::uint64_t>(j0 + i) << 8);
            noise[i] = static_cast<Real>(detail::standard_normal(g, z));
            noise[block_size + i] = static_cast<Real>(detail::standard_normal(g, z));
          }
          detail_vortex::heun_step<Real>(v, noise.data(), noise.data() + block_size, cnt, static_cast<Real>(h), a, mxs);
        }
      }
    };
    detail::for_block_partitions(blocks, threads, work);
    acc_time_ += h * static_cast<double>(steps);
    steps_ += steps;
  }

 private:
  void check_index(std::size_t j) const {
    if (j >= n_) throw index_out_of_range("junction index", j, n_);
  }

  detail_vortex::thiele_arrays<Real> arrays(std::size_t j0) {
    return {sx_.data() + j0,  sy_.data() + j0,  pr_.data() + j0, pi_.data() + j0,  acc_.data() + j0,
            k_.data() + j0,   ko_.data() + j0,  fx_.data() + j0, fy_.data() + j0,  gx_.data() + j0,
            gy_.data() + j0,  cd_.data() + j0,  cg_.data() + j0, sn_.data() + j0,  idc_.data() + j0,
            irf_.data() + j0, wr_.data() + j0,  wi_.data() + j0};
  }

  /// Recomputes the per-junction coefficients from temperature, current and field (outside the
  /// loop; SI doubles converted once to Real here).
  void refresh() {
    if (!dirty_) return;
    namespace c = detail::constants;
    const double r = units::in_si(p_.radius), vol = p_.volume_si();
    for (std::size_t j = 0; j < n_; ++j) {
      const double tk = temperature_(j), ms = p_.saturation_magnetization_at(tk);
      const double g = p_.gyrovector_si(tk), d = p_.damping_constant_si(tk), den = (g * g + d * d) * r;
      const double lever = c::vacuum_permeability * ms * vol * vortex_parameters::xi * p_.chirality / r;
      const double aj_per_a = c::reduced_planck * p_.spin_polarization / (2.0 * c::elementary_charge * c::vacuum_permeability * ms * vol);
      k_(j) = static_cast<Real>(p_.stiffness_si(tk) * r);
      ko_(j) = static_cast<Real>(p_.oersted_stiffness_per_ampere(tk) * r);
      fx_(j) = static_cast<Real>(lever * hy_(j));
      fy_(j) = static_cast<Real>(-lever * hx_(j));
      gx_(j) = static_cast<Real>(p_.damping_like_efficiency * lever * aj_per_a);
      gy_(j) = static_cast<Real>(-p_.field_like_ratio * lever * aj_per_a);
      cd_(j) = static_cast<Real>(d / den);
      cg_(j) = static_cast<Real>(p_.polarity * g / den);
      sn_(j) = static_cast<Real>(std::sqrt(2.0 * d * c::boltzmann * tk));
      idc_(j) = static_cast<Real>(current_(j));
      irf_(j) = static_cast<Real>(rf_amplitude_(j));
      wr_(j) = static_cast<Real>(std::cos(rf_omega_(j) * last_dt_));
      wi_(j) = static_cast<Real>(std::sin(rf_omega_(j) * last_dt_));
    }
    dirty_ = false;
  }

  vortex_parameters p_;
  std::size_t n_;
  std::uint64_t seed_;
  std::uint64_t steps_ = 0;
  bool dirty_ = true;
  double last_dt_ = 0.0;
  xt::xtensor<Real, 1> sx_, sy_, pr_, pi_, acc_, k_, ko_, fx_, fy_, gx_, gy_, cd_, cg_, sn_, idc_, irf_, wr_, wi_;
  xt::xtensor<double, 1> temperature_, hx_, hy_, current_, rf_amplitude_, rf_omega_, acc_time_;
};

}  // namespace spinaptic::device
