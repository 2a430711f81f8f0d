// spinaptic/device/macrospin.hpp: stochastic Landau-Lifshitz-Gilbert-Slonczewski dynamics of
// many independent macrospin free layers, in structure-of-arrays form (float or double).
// Longer than most headers because the parameters, their validation, the Heun step and the
// ensemble that drives it (threads, counter-based noise, switching records) are one model; the
// shared pieces already live elsewhere (saturation_magnetization.hpp, detail/block_partition.hpp).
//
// Gilbert form (docs/magnetization.md; Slonczewski, JMMM 159, L1 (1996)):
//   dm/dt = -g m x (H_eff + b_J p) + alpha m x dm/dt - g a_J m x (m x p),   g = gamma mu0
//   H_eff = H_ext + H_K (m.u) u - Ms (N_x m_x, N_y m_y, N_z m_z) + H_th
//   a_J = hbar eta I / (2 e mu0 Ms V)  [A/m],   b_J = field_like_ratio a_J
//   <H_th,i(t) H_th,j(t')> = 2 alpha k_B T / (gamma mu0^2 Ms V) delta_ij delta(t - t')
// (Brown, Phys. Rev. 130, 1677 (1963)). Solved for dm/dt (Landau-Lifshitz form, exact algebra):
//   dm/dt = -g/(1+alpha^2) [ m x H_p + m x (m x H_d) ]
//   H_p = H_eff + (b_J - alpha a_J) p,   H_d = alpha H_eff + (alpha b_J + a_J) p.
// Integration: stochastic Heun (predictor-corrector, the noise held over the step), which
// converges to the Stratonovich solution (Garcia-Palacios & Lazaro, PRB 58, 14937 (1998)),
// followed by renormalisation to |m| = 1.
//
// Sign convention of the spin-transfer torque (stated, not implied): p is the reference-layer
// magnetisation. With stt_polarity::positive_current_favours_parallel (the default), I > 0 gives
// a_J > 0, which drives m towards +p (AP -> P switching, electrons flowing from the reference into
// the free layer); I < 0 drives m towards -p (P -> AP). The other enumerator flips the sign.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/detail/block_partition.hpp"
#include "spinaptic/detail/constants.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/device/demagnetization.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/saturation_magnetization.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Which current sign favours the parallel state (see the header comment).
enum class stt_polarity : unsigned char {
  positive_current_favours_parallel,
  positive_current_favours_antiparallel
};

/// gamma in rad s^-1 T^-1 (radian is dimensionless in SI).
using gyromagnetic_ratio = units::quantity<decltype(units::si::hertz / units::si::tesla)>;

/// Material and geometry of a macrospin free layer. All junctions of an ensemble share these;
/// applied field, current, temperature and H_K can differ per junction.
struct macrospin_parameters {
  units::magnetic_field_strength saturation_magnetization;  ///< Ms at T = 0 [A/m]
  units::magnetic_field_strength anisotropy_field;          ///< uniaxial H_K [A/m]
  double damping = 0.01;                                    ///< Gilbert alpha (>= 0)
  units::volume volume;                                     ///< free-layer volume V [m^3]
  demagnetizing_factors demag{};                            ///< shape anisotropy
  double spin_polarization = 0.5;                           ///< STT efficiency eta
  double field_like_ratio = 0.0;                            ///< b_J / a_J (0.1-0.3 typical)
  std::array<double, 3> easy_axis{1.0, 0.0, 0.0};           ///< u (normalised on validation)
  std::array<double, 3> reference_direction{1.0, 0.0, 0.0};  ///< p (normalised on validation)
  stt_polarity polarity = stt_polarity::positive_current_favours_parallel;  ///< which current sign favours P
  gyromagnetic_ratio gamma = units::as<gyromagnetic_ratio>(detail::constants::electron_gyromagnetic_ratio);  ///< gyromagnetic ratio gamma [rad s^-1 T^-1]
  /// Bloch law Ms(T) = Ms(0) [1 - (T/T_C)^(3/2)] when > 0 K; 0 K switches it off (Ms constant).
  units::temperature curie_temperature = units::as<units::temperature>(0.0);

  /// Throws invalid_parameter naming the first bad parameter; returns a copy with u, p normalised.
  [[nodiscard]] macrospin_parameters validated() const {
    macrospin_parameters v = *this;
    detail::require_positive("saturation magnetization Ms [A/m]", units::in_si(saturation_magnetization));
    detail::require_non_negative("anisotropy field H_K [A/m]", units::in_si(anisotropy_field));
    detail::require_non_negative("Gilbert damping alpha", damping);
    detail::require_positive("free-layer volume V [m^3]", units::in_si(volume));
    (void)demag.validated();
    detail::require_non_negative("spin polarization eta", spin_polarization);
    detail::require_finite("field-like torque ratio b_J/a_J", field_like_ratio);
    detail::require_positive("gyromagnetic ratio gamma [rad/s/T]", units::in_si(gamma));
    detail::require_non_negative("Curie temperature T_C [K]", units::in_si(curie_temperature));
    normalize(v.easy_axis, "easy axis u");
    normalize(v.reference_direction, "reference direction p");
    return v;
  }

  /// Ms at temperature T [A/m] (Bloch law if enabled; 0 above T_C).
  [[nodiscard]] double saturation_magnetization_at(double kelvin) const noexcept {
    return bloch_saturation_magnetization(units::in_si(saturation_magnetization), units::in_si(curie_temperature), kelvin);
  }

  /// Zero-temperature critical current for AP -> P switching of an in-plane free layer with
  /// easy axis and p along x (Sun, PRB 62, 570 (2000); docs/magnetization.md):
  ///   I_c0 = (2 e alpha mu0 Ms V / hbar eta) (H_1 + H_2)/2   (no applied field, b_J = 0),
  ///   H_1 = H_K + (N_y - N_x) Ms,  H_2 = H_K + (N_z - N_x) Ms
  /// which is (2 e alpha mu0 Ms V / hbar eta)(H_K + Ms/2) for a thin film (N = (0, 0, 1)).
  [[nodiscard]] units::current critical_current() const {
    const auto v = validated();
    const double ms = units::in_si(v.saturation_magnetization), hk = units::in_si(v.anisotropy_field);
    detail::require_positive("spin polarization eta", v.spin_polarization);
    namespace c = detail::constants;
    const double h1 = hk + (v.demag.y - v.demag.x) * ms, h2 = hk + (v.demag.z - v.demag.x) * ms;
    return units::as<units::current>(2.0 * c::elementary_charge * v.damping * c::vacuum_permeability *
                                     ms * units::in_si(v.volume) /
                                     (c::reduced_planck * v.spin_polarization) * 0.5 * (h1 + h2));
  }

  /// Effective uniaxial anisotropy field of the in-plane free layer at temperature T [A/m],
  ///   H_K,eff(T) = H_K + (min(N_y, N_z) - N_x) Ms(T),
  /// the field that the lowest saddle of energy() (m along y for an in-plane film) sets: the
  /// magnetocrystalline H_K plus the shape anisotropy (docs/magnetization.md). Needs the easy axis
  /// along x, the long axis of the demagnetizing frame.
  [[nodiscard]] units::magnetic_field_strength effective_anisotropy_field(units::temperature t) const {
    const auto v = validated();
    if (std::abs(v.easy_axis[0]) < 1.0 - 1e-12)
      throw invalid_parameter("easy axis u_x (energy barrier)", v.easy_axis[0], "+-1 (easy axis along x)");
    const double kelvin = detail::require_positive("temperature T [K]", units::in_si(t));
    const double ms = saturation_magnetization_at(kelvin);
    return units::as<units::magnetic_field_strength>(units::in_si(anisotropy_field) +
                                                     (std::min(demag.y, demag.z) - demag.x) * ms);
  }

  /// Zero-field energy barrier between the two easy-axis minima of energy() [J],
  ///   E_b(T) = mu0 Ms(T) V H_K,eff(T) / 2 = mu0 Ms(T) V [H_K + (min(N_y, N_z) - N_x) Ms(T)] / 2,
  /// i.e. E(m = y) - E(m = x) with the same Ms(T) as energy() (Stoner & Wohlfarth, Phil. Trans. R.
  /// Soc. A 240, 599 (1948), with the shape anisotropy of the demagnetizing tensor).
  [[nodiscard]] units::energy energy_barrier(units::temperature t) const {
    const double ms = saturation_magnetization_at(units::in_si(t));
    return units::as<units::energy>(0.5 * detail::constants::vacuum_permeability * ms *
                                    units::in_si(effective_anisotropy_field(t)) * units::in_si(volume));
  }

  /// Thermal stability Delta(T) = E_b(T) / (k_B T), with energy_barrier() (docs/magnetization.md).
  [[nodiscard]] double thermal_stability(units::temperature t) const {
    const double kelvin = detail::require_positive("temperature T [K]", units::in_si(t));
    return units::in_si(energy_barrier(t)) / (detail::constants::boltzmann * kelvin);
  }

 private:
  static void normalize(std::array<double, 3>& a, const char* name) {
    const double n = std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    detail::require_positive(name, n);
    for (auto& x : a) x /= n;
  }
};

namespace detail_macrospin {
/// One stochastic Heun step for junctions [0, count) of a block. Vectorisable: no branches and
/// no calls. The renormalisation m / |m| uses Newton's iteration for 1/sqrt(s) started at 1
/// (four iterations: |m|^2 = 1 + e after a Heun step gives a residual ~e^16, i.e. exact to
/// rounding for any step that resolves the precession; it converges for 0 < s < 3): a sqrt call
/// would keep GCC's loop scalar because of errno.
template <class Real>
inline void heun_step(Real* __restrict ax, Real* __restrict ay, Real* __restrict az,
                      const Real* __restrict hx, const Real* __restrict hy, const Real* __restrict hz,
                      const Real* __restrict hk, const Real* __restrict ms, const Real* __restrict pp,
                      const Real* __restrict pd, const Real* __restrict sg,
                      const Real* __restrict x0, const Real* __restrict x1, const Real* __restrict x2,
                      std::size_t count, Real dt, Real g, Real alpha, const std::array<Real, 3>& u_axis,
                      const std::array<Real, 3>& p_axis, const std::array<Real, 3>& n_demag) noexcept {
  // Arrays (SI): m; applied field H [A/m]; H_K [A/m]; Ms(T) [A/m]; pp = b_J - alpha a_J and
  // pd = alpha b_J + a_J [A/m]; sg = sqrt(2 alpha k_B T / (gamma mu0^2 Ms V)) [A/m s^1/2];
  // x0, x1, x2: standard normals of the thermal field. Restrict-qualified parameters (not struct
  // members) so that GCC proves independence and vectorises.
  const Real inv_sqrt_dt = Real(1) / std::sqrt(dt), half_dt = Real(0.5) * dt;
  const Real u0 = u_axis[0], u1 = u_axis[1], u2 = u_axis[2];
  const Real p0 = p_axis[0], p1 = p_axis[1], p2 = p_axis[2];
  const Real n0 = n_demag[0], n1 = n_demag[1], n2 = n_demag[2];
  for (std::size_t j = 0; j < count; ++j) {
    const Real s = sg[j] * inv_sqrt_dt;
    // field independent of m: applied + thermal (held over the step: Stratonovich)
    const Real bx = hx[j] + s * x0[j], by = hy[j] + s * x1[j], bz = hz[j] + s * x2[j];
    const Real k = hk[j], msj = ms[j], cp = pp[j], cd = pd[j];
    auto rhs = [=](Real mx, Real my, Real mz, Real& fx, Real& fy, Real& fz) {
      const Real mu = k * (mx * u0 + my * u1 + mz * u2);
      const Real ex = bx + mu * u0 - msj * n0 * mx;
      const Real ey = by + mu * u1 - msj * n1 * my;
      const Real ez = bz + mu * u2 - msj * n2 * mz;
      const Real px = ex + cp * p0, py = ey + cp * p1, pz = ez + cp * p2;
      const Real dx = alpha * ex + cd * p0, dy = alpha * ey + cd * p1, dz = alpha * ez + cd * p2;
      const Real md = mx * dx + my * dy + mz * dz, mm = mx * mx + my * my + mz * mz;
      // m x H_p + m x (m x H_d) = m x H_p + m (m.H_d) - H_d (m.m)
      fx = -g * ((my * pz - mz * py) + mx * md - dx * mm);
      fy = -g * ((mz * px - mx * pz) + my * md - dy * mm);
      fz = -g * ((mx * py - my * px) + mz * md - dz * mm);
    };
    const Real mx = ax[j], my = ay[j], mz = az[j];
    Real f1x, f1y, f1z, f2x, f2y, f2z;
    rhs(mx, my, mz, f1x, f1y, f1z);
    rhs(mx + dt * f1x, my + dt * f1y, mz + dt * f1z, f2x, f2y, f2z);
    const Real nx = mx + half_dt * (f1x + f2x), ny = my + half_dt * (f1y + f2y),
               nz = mz + half_dt * (f1z + f2z);
    const Real s2 = nx * nx + ny * ny + nz * nz;
    Real inv = Real(1.5) - Real(0.5) * s2;
    inv *= Real(1.5) - Real(0.5) * s2 * inv * inv;
    inv *= Real(1.5) - Real(0.5) * s2 * inv * inv;
    inv *= Real(1.5) - Real(0.5) * s2 * inv * inv;
    ax[j] = nx * inv;
    ay[j] = ny * inv;
    az[j] = nz * inv;
  }
}
}  // namespace detail_macrospin

/// N independent macrospin junctions integrated with the stochastic Heun scheme.
///
/// Randomness: the thermal field of junction j at global step n is drawn from the counter-based
/// generator at key (seed, n), positions [j 2^8, ...) (detail/random.hpp), so a trajectory depends only on the seed, never on
/// the number of threads or the block size. Memory: 13 arrays of N Real; no allocation inside
/// advance() except one noise buffer per thread per call.
template <std::floating_point Real = double>
class macrospin_ensemble {
 public:
  static constexpr std::size_t block_size = 256;  ///< junctions per cache block of the kernel

  /// `count` junctions with the shared parameters, seeded by `seed`; m starts along +x.
  macrospin_ensemble(const macrospin_parameters& params, std::size_t count, std::uint64_t seed)
      : p_(params.validated()), n_(count), seed_(seed) {
    if (count == 0) throw invalid_parameter("junction count", 0.0, ">= 1");
    for (auto* a : {&mx_, &my_, &mz_, &hx_, &hy_, &hz_, &hk_, &ms_, &pp_, &pd_, &sg_}) a->resize({n_});
    current_.resize({n_});
    temperature_.resize({n_});
    current_.fill(0.0);
    temperature_.fill(0.0);
    hx_.fill(Real(0));
    hy_.fill(Real(0));
    hz_.fill(Real(0));
    hk_.fill(static_cast<Real>(units::in_si(p_.anisotropy_field)));
    for (std::size_t j = 0; j < n_; ++j) set_direction(j, p_.easy_axis);
    dirty_ = true;
  }

  /// Number of junctions.
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  /// The shared parameters (validated).
  [[nodiscard]] const macrospin_parameters& parameters() const noexcept { return p_; }
  /// The seed of the counter-based noise streams.
  [[nodiscard]] std::uint64_t seed() const noexcept { return seed_; }
  /// Number of Heun steps taken so far (the time index of the random streams).
  [[nodiscard]] std::uint64_t step_count() const noexcept { return steps_; }

  // ---- magnetisation --------------------------------------------------------------------
  /// Sets m_j to the normalised direction (mx, my, mz).
  void set_magnetization(std::size_t j, double x, double y, double z) {
    check_index(j);
    set_direction(j, {x, y, z});
  }
  /// Sets m of every junction to (x, y, z) / |(x, y, z)|.
  void set_magnetization_all(double x, double y, double z) {
    for (std::size_t j = 0; j < n_; ++j) set_direction(j, {x, y, z});
  }
  /// m of junction j.
  [[nodiscard]] std::array<double, 3> magnetization(std::size_t j) const {
    check_index(j);
    return {double(mx_(j)), double(my_(j)), double(mz_(j))};
  }
  /// The x components of m, one per junction.
  [[nodiscard]] const xt::xtensor<Real, 1>& mx() const noexcept { return mx_; }
  /// The y components of m, one per junction.
  [[nodiscard]] const xt::xtensor<Real, 1>& my() const noexcept { return my_; }
  /// The z components of m, one per junction.
  [[nodiscard]] const xt::xtensor<Real, 1>& mz() const noexcept { return mz_; }
  /// m . p (cosine of the angle to the reference layer).
  [[nodiscard]] double alignment(std::size_t j) const {
    const auto m = magnetization(j);
    const auto& q = p_.reference_direction;
    return m[0] * q[0] + m[1] * q[1] + m[2] * q[2];
  }
  /// P if m . p > 0, AP otherwise.
  [[nodiscard]] magnetic_state state(std::size_t j) const {
    return alignment(j) > 0.0 ? magnetic_state::parallel : magnetic_state::antiparallel;
  }

  // ---- drives (units at the boundary; stored as raw SI) ---------------------------------
  /// Bias current of junction j [A].
  void set_current(std::size_t j, units::current i) {
    check_index(j);
    current_(j) = detail::require_finite("bias current I [A]", units::in_si(i));
    dirty_ = true;
  }
  /// Bias current of every junction [A].
  void set_current_all(units::current i) {
    current_.fill(detail::require_finite("bias current I [A]", units::in_si(i)));
    dirty_ = true;
  }
  /// Free-layer temperature (ambient plus heating from the thermal policy).
  void set_temperature(std::size_t j, units::temperature t) {
    check_index(j);
    temperature_(j) = detail::require_non_negative("temperature T [K]", units::in_si(t));
    dirty_ = true;
  }
  /// Temperature of every junction [K].
  void set_temperature_all(units::temperature t) {
    temperature_.fill(detail::require_non_negative("temperature T [K]", units::in_si(t)));
    dirty_ = true;
  }
  /// Applied field of junction j [A/m].
  void set_applied_field(std::size_t j, const std::array<units::magnetic_field_strength, 3>& h) {
    check_index(j);
    hx_(j) = static_cast<Real>(detail::require_finite("applied field H_x [A/m]", units::in_si(h[0])));
    hy_(j) = static_cast<Real>(detail::require_finite("applied field H_y [A/m]", units::in_si(h[1])));
    hz_(j) = static_cast<Real>(detail::require_finite("applied field H_z [A/m]", units::in_si(h[2])));
  }
  /// Applied field of every junction [A/m].
  void set_applied_field_all(const std::array<units::magnetic_field_strength, 3>& h) {
    for (std::size_t j = 0; j < n_; ++j) set_applied_field(j, h);
  }
  /// Per-junction anisotropy field (device-to-device spread).
  void set_anisotropy_field(std::size_t j, units::magnetic_field_strength hk) {
    check_index(j);
    hk_(j) = static_cast<Real>(detail::require_non_negative("anisotropy field H_K [A/m]", units::in_si(hk)));
  }

  // ---- time stepping --------------------------------------------------------------------
  /// Advances every junction by `steps` Heun steps of length dt, splitting the junctions into
  /// `threads` contiguous partitions (results do not depend on `threads`).
  void advance(units::time dt, std::size_t steps, unsigned threads = 1) {
    const double h = detail::require_positive("time step dt [s]", units::in_si(dt));
    if (threads == 0) throw invalid_parameter("threads", 0.0, ">= 1");
    refresh();
    const std::size_t blocks = (n_ + block_size - 1) / block_size;
    auto work = [&](std::size_t b0, std::size_t b1) {
      std::vector<Real> noise(3 * block_size);
      for (std::size_t b = b0; b < b1; ++b) {
        const std::size_t j0 = b * block_size, cnt = std::min(block_size, n_ - j0);
        for (std::size_t s = 0; s < steps; ++s) {
          fill_noise(noise.data(), j0, cnt, steps_ + s);
          run_block(j0, cnt, h, noise.data());
        }
      }
    };
    detail::for_block_partitions(blocks, threads, work);
    steps_ += steps;
  }

  /// One Heun step with caller-supplied standard normals, noise laid out [3][N] (x for all
  /// junctions, then y, then z). For coupled-path convergence studies and peer comparisons.
  void step_with_noise(units::time dt, const Real* noise) {
    const double h = detail::require_positive("time step dt [s]", units::in_si(dt));
    refresh();
    std::vector<Real> buf(3 * block_size);
    for (std::size_t j0 = 0; j0 < n_; j0 += block_size) {
      const std::size_t cnt = std::min(block_size, n_ - j0);
      for (std::size_t c = 0; c < 3; ++c)
        std::copy_n(noise + c * n_ + j0, cnt, buf.data() + c * block_size);
      run_block(j0, cnt, h, buf.data());
    }
    ++steps_;
  }

  // ---- observables ----------------------------------------------------------------------
  /// Magnetic energy without the thermal field,
  ///   E = -mu0 Ms V [H_ext.m + (H_K/2)(m.u)^2 - (Ms/2) sum_i N_i m_i^2]   [J].
  [[nodiscard]] units::energy energy(std::size_t j) const {
    check_index(j);
    const double ms = p_.saturation_magnetization_at(temperature_(j));
    const auto m = magnetization(j);
    const auto& u = p_.easy_axis;
    const double mu = m[0] * u[0] + m[1] * u[1] + m[2] * u[2];
    const double zeeman = double(hx_(j)) * m[0] + double(hy_(j)) * m[1] + double(hz_(j)) * m[2];
    const double demag = p_.demag.x * m[0] * m[0] + p_.demag.y * m[1] * m[1] + p_.demag.z * m[2] * m[2];
    return units::as<units::energy>(-detail::constants::vacuum_permeability * ms *
                                    units::in_si(p_.volume) *
                                    (zeeman + 0.5 * double(hk_(j)) * mu * mu - 0.5 * ms * demag));
  }

 private:
  void check_index(std::size_t j) const {
    detail::check_index("junction index", j, n_);
  }
  void set_direction(std::size_t j, std::array<double, 3> v) {
    const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    detail::require_positive("|m| of the requested magnetization", n);
    mx_(j) = static_cast<Real>(v[0] / n);
    my_(j) = static_cast<Real>(v[1] / n);
    mz_(j) = static_cast<Real>(v[2] / n);
  }

  /// Recomputes the per-junction coefficients from current and temperature (outside the loop).
  void refresh() {
    if (!dirty_) return;
    namespace c = detail::constants;
    const double alpha = p_.damping, vol = units::in_si(p_.volume), gam = units::in_si(p_.gamma);
    const double sign = p_.polarity == stt_polarity::positive_current_favours_parallel ? 1.0 : -1.0;
    for (std::size_t j = 0; j < n_; ++j) {
      const double ms = p_.saturation_magnetization_at(temperature_(j));
      if (!(ms > 0.0))
        throw invalid_parameter("temperature T [K] (Ms(T) vanishes at or above T_C)", temperature_(j),
                                "< Curie temperature");
      const double aj = sign * c::reduced_planck * p_.spin_polarization * current_(j) /
                        (2.0 * c::elementary_charge * c::vacuum_permeability * ms * vol);
      const double bj = p_.field_like_ratio * aj;
      ms_(j) = static_cast<Real>(ms);
      pp_(j) = static_cast<Real>(bj - alpha * aj);
      pd_(j) = static_cast<Real>(alpha * bj + aj);
      sg_(j) = static_cast<Real>(std::sqrt(2.0 * alpha * c::boltzmann * temperature_(j) /
                                           (gam * c::vacuum_permeability * c::vacuum_permeability * ms * vol)));
    }
    dirty_ = false;
  }

  /// Thermal-field normals of step `step`: junction j draws from counter range [j 2^8, (j+1) 2^8)
  /// of the step key (3 normals take ~3.1 draws; 256 is never exhausted in practice).
  void fill_noise(Real* noise, std::size_t j0, std::size_t cnt, std::uint64_t step) const {
    const auto& z = detail::ziggurat_tables::get();
    const std::uint64_t key = detail::step_key(seed_, step);
    for (std::size_t i = 0; i < cnt; ++i) {
      detail::counter_rng g(key, static_cast<std::uint64_t>(j0 + i) << 8);
      noise[i] = static_cast<Real>(detail::standard_normal(g, z));
      noise[block_size + i] = static_cast<Real>(detail::standard_normal(g, z));
      noise[2 * block_size + i] = static_cast<Real>(detail::standard_normal(g, z));
    }
  }

  void run_block(std::size_t j0, std::size_t cnt, double h, const Real* noise) {
    const double alpha = p_.damping;
    const double g = units::in_si(p_.gamma) * detail::constants::vacuum_permeability / (1.0 + alpha * alpha);
    const auto cast3 = [](const std::array<double, 3>& a) {
      return std::array<Real, 3>{static_cast<Real>(a[0]), static_cast<Real>(a[1]), static_cast<Real>(a[2])};
    };
    const std::size_t b = block_size;
    detail_macrospin::heun_step<Real>(
        mx_.data() + j0, my_.data() + j0, mz_.data() + j0, hx_.data() + j0, hy_.data() + j0,
        hz_.data() + j0, hk_.data() + j0, ms_.data() + j0, pp_.data() + j0, pd_.data() + j0,
        sg_.data() + j0, noise, noise + b, noise + 2 * b, cnt, static_cast<Real>(h),
        static_cast<Real>(g), static_cast<Real>(alpha), cast3(p_.easy_axis), cast3(p_.reference_direction),
        {static_cast<Real>(p_.demag.x), static_cast<Real>(p_.demag.y), static_cast<Real>(p_.demag.z)});
  }

  macrospin_parameters p_;
  std::size_t n_;
  std::uint64_t seed_;
  std::uint64_t steps_ = 0;
  bool dirty_ = true;
  xt::xtensor<Real, 1> mx_, my_, mz_, hx_, hy_, hz_, hk_, ms_, pp_, pd_, sg_;
  xt::xtensor<double, 1> current_, temperature_;
};

}  // namespace spinaptic::device
