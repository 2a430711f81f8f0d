// spinaptic/device/demagnetization.hpp: demagnetising factors of a uniformly magnetised free
// layer (shape anisotropy of the macrospin).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Diagonal demagnetising tensor in the junction frame (x: long in-plane axis, y: short in-plane
/// axis, z: film normal). The demagnetising field is H_d = -Ms (N_x m_x, N_y m_y, N_z m_z) [A/m].
struct demagnetizing_factors {
  double x = 0.0;  ///< N_x (long in-plane axis)
  double y = 0.0;  ///< N_y (short in-plane axis)
  double z = 1.0;  ///< default: infinite thin film

  /// Checks 0 <= N_i <= 1 and N_x + N_y + N_z = 1 (to 1e-9).
  [[nodiscard]] demagnetizing_factors validated() const {
    detail::require_in_range("demagnetizing factor N_x", x, 0.0, 1.0);
    detail::require_in_range("demagnetizing factor N_y", y, 0.0, 1.0);
    detail::require_in_range("demagnetizing factor N_z", z, 0.0, 1.0);
    if (std::abs(x + y + z - 1.0) > 1e-9)
      throw invalid_parameter("demagnetizing factors N_x + N_y + N_z", x + y + z, "1 (to 1e-9)");
    return *this;
  }
};

namespace detail_demag {
/// Carlson's symmetric elliptic integral R_D(x, y, z) by the duplication theorem (Carlson,
/// Numer. Algorithms 10, 13 (1995); Numerical Recipes 3rd ed. section 6.12). Relative error
/// below 1e-15 with the tolerance used here.
[[nodiscard]] inline double carlson_rd(double x, double y, double z) {
  constexpr double tol = 1e-3, c1 = 3.0 / 14.0, c2 = 1.0 / 6.0, c3 = 9.0 / 22.0, c4 = 3.0 / 26.0,
                   c5 = 0.25 * c3, c6 = 1.5 * c4;
  double sum = 0.0, fac = 1.0, ave = 0.0, dx = 0.0, dy = 0.0, dz = 0.0;
  for (;;) {
    const double sx = std::sqrt(x), sy = std::sqrt(y), sz = std::sqrt(z);
    const double lam = sx * (sy + sz) + sy * sz;
    sum += fac / (sz * (z + lam));
    fac *= 0.25;
    x = 0.25 * (x + lam);
    y = 0.25 * (y + lam);
    z = 0.25 * (z + lam);
    ave = 0.2 * (x + y + 3.0 * z);
    dx = (ave - x) / ave;
    dy = (ave - y) / ave;
    dz = (ave - z) / ave;
    if (std::max({std::abs(dx), std::abs(dy), std::abs(dz)}) < tol) break;
  }
  const double ea = dx * dy, eb = dz * dz, ec = ea - eb, ed = ea - 6.0 * eb, ee = ed + ec + ec;
  return 3.0 * sum + fac * (1.0 + ed * (-c1 + c5 * ed - c6 * dz * ee) +
                            dz * (c2 * ee + dz * (-c3 * ec + dz * c4 * ea))) /
                         (ave * std::sqrt(ave));
}
}  // namespace detail_demag

/// Exact demagnetising factors of a general ellipsoid with semi-axes a, b, c along x, y, z
/// (Osborn, Phys. Rev. 67, 351 (1945)), written with Carlson's integral:
///   N_x = (abc/3) R_D(b^2, c^2, a^2), cyclic for N_y and N_z.
[[nodiscard]] inline demagnetizing_factors ellipsoid_demagnetizing_factors(units::length a,
                                                                           units::length b,
                                                                           units::length c) {
  // Convert once at the boundary; scale by the largest axis so R_D sees O(1) arguments.
  const double sa = detail::require_positive("ellipsoid semi-axis a [m]", units::in_si(a));
  const double sb = detail::require_positive("ellipsoid semi-axis b [m]", units::in_si(b));
  const double sc = detail::require_positive("ellipsoid semi-axis c [m]", units::in_si(c));
  const double s = std::max({sa, sb, sc});
  const double x = sa / s, y = sb / s, z = sc / s, v = x * y * z / 3.0;
  using detail_demag::carlson_rd;
  demagnetizing_factors n{v * carlson_rd(y * y, z * z, x * x), v * carlson_rd(z * z, x * x, y * y),
                          v * carlson_rd(x * x, y * y, z * z)};
  // Osborn's factors sum to 1 exactly; remove the last rounding so validated() holds tightly.
  const double sum = n.x + n.y + n.z;
  n.x /= sum;
  n.y /= sum;
  n.z /= sum;
  return n;
}

namespace detail_demag {
/// Gauss-Legendre nodes and weights on [-1, 1], 8 points.
inline constexpr std::array<double, 8> gl_nodes{-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
                                                -0.1834346424956498, 0.1834346424956498,  0.5255324099163290,
                                                0.7966664774136267,  0.9602898564975363};
inline constexpr std::array<double, 8> gl_weights{0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
                                                  0.3626837833783620, 0.3626837833783620, 0.3137066458778873,
                                                  0.2223810344533745, 0.1012285362903763};

/// Magnetometric factors of a uniformly magnetised elliptic cylinder with semi-axes a >= b (x, y)
/// and thickness t (z), all in units of a, from the shape-amplitude (Fourier) representation of
/// Beleggia, De Graef et al. (J. Magn. Magn. Mater. 263, L1 (2003); J. Phys. D 38, 3333 (2005)):
/// with D(k) = 2 pi a b J1(kappa)/kappa * 2 sin(k_z t/2)/k_z, kappa = sqrt(a^2 k_x^2 + b^2 k_y^2),
/// the k_z integral done in closed form and k_perp = kappa g(phi), g^2 = cos^2/a^2 + sin^2/b^2:
///   N_z = 1/(pi t) int_0^2pi dphi / g  int_0^inf J1(k)^2 (1 - e^{-k g t}) / k^2 dk
///   N_x = 1/(pi t) int_0^2pi dphi cos^2(phi) / (a g)^2  int_0^inf J1(k)^2 / k [t - (1 - e^{-k g t})/(k g)] dk
/// (N_y with sin^2(phi)/(b g)^2). Quadrature: 8-point Gauss-Legendre on 12 panels in phi over
/// [0, pi/2] (one node set when a = b); in k on half-periods of J1^2 up to K = 100 pi, the first
/// one cut geometrically from 1/(2 g t) when g t > 1 (the kernels vary on the scale 1/(g t)); beyond
/// K with the mean <J1(k)^2> = 1/(pi k) after the substitution k = K/s plus the leading
/// oscillating correction -f(K)/(2 pi K) (the remainder is O(K^-3)). Quadrature error below 1e-8
/// absolute (tests): at a = b it meets circular_cylinder_axial_factor within 1.3e-9 for
/// 0.0025 <= t/(2a) <= 10, at b/a = 0.5 and 0.25 it meets 40-digit values (t/a = 0.04 to 20) within
/// 2.1e-9, and the raw factors sum to 1 within 3e-9.
inline demagnetizing_factors elliptic_cylinder_exact(double a, double b, double t) {
  const double pi = std::numbers::pi;
  const bool circular = a == b;
  const int phi_panels = circular ? 1 : 12;
  constexpr int k_panels = 200;  // K = 100 pi
  const double kmax = 0.5 * pi * k_panels;
  double nx = 0.0, ny = 0.0, nz = 0.0;
  for (int panel = 0; panel < phi_panels; ++panel) {
    const double lo = 0.5 * pi * panel / phi_panels, hi = 0.5 * pi * (panel + 1) / phi_panels;
    for (std::size_t q = 0; q < gl_nodes.size(); ++q) {
      const double phi = 0.5 * (lo + hi) + 0.5 * (hi - lo) * gl_nodes[q];
      const double wphi = 0.5 * (hi - lo) * gl_weights[q] * 4.0;  // four quadrants
      const double c2 = std::cos(phi) * std::cos(phi), s2 = 1.0 - c2;
      const double g = std::sqrt(c2 / (a * a) + s2 / (b * b)), gt = g * t;
      auto kernel_z = [&](double k) { return -std::expm1(-k * gt) / (k * k); };
      auto kernel_x = [&](double k) {
        const double u = k * gt;
        return (t + t * std::expm1(-u) / u) / k;
      };
      double iz = 0.0, ix = 0.0;
      auto add_panel = [&](double k0, double k1) {
        for (std::size_t r = 0; r < gl_nodes.size(); ++r) {
          const double k = 0.5 * (k0 + k1) + 0.5 * (k1 - k0) * gl_nodes[r];
          const double w = 0.5 * (k1 - k0) * gl_weights[r];
          const double j = std::cyl_bessel_j(1.0, k), j2 = j * j;
          iz += w * j2 * kernel_z(k);
          ix += w * j2 * kernel_x(k);
        }
      };
      // First half-period: the kernels vary on the scale 1/(g t) near k = 0; for thick layers
      // (g t > 1) it is cut into panels [0, h], [h, 2h], [2h, 4h], ... with h = 1/(2 g t).
      double k_lo = 0.0;
      for (double k_hi = 0.5 / gt; k_hi < 0.5 * pi; k_hi *= 2.0) {
        add_panel(k_lo, k_hi);
        k_lo = k_hi;
      }
      add_panel(k_lo, 0.5 * pi);
      for (int kp = 1; kp < k_panels; ++kp) add_panel(0.5 * pi * kp, 0.5 * pi * (kp + 1));
      for (int sp = 0; sp < 16; ++sp) {  // tail k = K/s, s in (0, 1]
        const double s0 = sp / 16.0, s1 = (sp + 1) / 16.0;
        for (std::size_t r = 0; r < gl_nodes.size(); ++r) {
          const double sv = 0.5 * (s0 + s1) + 0.5 * (s1 - s0) * gl_nodes[r];
          const double k = kmax / sv, w = 0.5 * (s1 - s0) * gl_weights[r] * kmax / (sv * sv);
          const double mean_j2 = 1.0 / (pi * k);
          iz += w * mean_j2 * kernel_z(k);
          ix += w * mean_j2 * kernel_x(k);
        }
      }
      // Beyond K, J1(k)^2 = [1 - sin(2k) + O(1/k)] / (pi k): by parts, the oscillating part adds
      // -int_K^inf sin(2k) f(k) / (pi k) dk = -cos(2K) f(K) / (2 pi K) + O(f K^-3) to the integral
      // of a smooth kernel f, with cos(2K) = 1 at K = 100 pi.
      iz -= kernel_z(kmax) / (2.0 * pi * kmax);
      ix -= kernel_x(kmax) / (2.0 * pi * kmax);
      nz += wphi * iz / g;
      nx += wphi * c2 / (a * a * g * g) * ix;
      ny += wphi * s2 / (b * b * g * g) * ix;
    }
  }
  if (circular) {  // one node set stands for the whole phi integral: int cos^2 = int sin^2 = pi
    const double scale = 2.0 * pi / (4.0 * 0.5 * 0.5 * pi * 2.0);
    nx = ny = 0.5 * (nx + ny) * scale;
    nz *= scale;
  }
  return {nx / (pi * t), ny / (pi * t), nz / (pi * t)};
}
}  // namespace detail_demag

namespace detail_demag {
/// Closed form of the magnetometric axial demagnetising factor of a uniformly magnetised circular
/// cylinder with gamma = length / diameter (Chen, Brug & Goldfarb, IEEE Trans. Magn. 27, 3601
/// (1991); Beleggia et al., J. Phys. D 38, 3333 (2005), at equal semi-axes; docs/physics.md):
///   N_z = 1 + 4/(3 pi gamma) [1 - sqrt(1 + gamma^2) ((1 - gamma^2) E(k) + gamma^2 K(k))],
///   k = 1/sqrt(1 + gamma^2),
/// with K, E the complete elliptic integrals of modulus k. It is the Fourier integral of
/// elliptic_cylinder_exact at a = b done in closed form. K and E come from the arithmetic-geometric
/// mean (Abramowitz & Stegun 17.6): a_0 = 1, b_0 = k' = gamma k, c_0 = k, K = pi / (2 a_N),
/// K - E = K S with S = sum_n 2^(n-1) c_n^2, so the bracket is 1 - sqrt(1 + gamma^2) K [1 + (gamma^2 - 1) S].
/// Limits: N_z = 1 - (2 gamma/pi) [ln(4/gamma) - 1/2] + O(gamma^2 ln gamma) for a thin disk,
/// N_z = 4/(3 pi gamma) - 1/(8 gamma^2) + 1/(64 gamma^4) + O(gamma^-6) for a long rod, and
/// N_z = 0.3116 at gamma = 1. Rounding error: the bracket cancels to O(gamma ln gamma) for thin
/// disks and to 1 - 3 pi gamma / 4 for long rods, so the absolute error is about
/// 1e-15/gamma + 1e-16 gamma^2; tested against 40-digit values within 1e-15 + 3e-15/gamma for
/// 0.0025 <= gamma <= 10 (largest 9e-14, at gamma = 0.01). (libstdc++'s std::comp_ellint_1/2 in
/// this formula were 100 times less accurate near k = 1.)
[[nodiscard]] inline double circular_cylinder_axial_factor(double gamma) {
  const double g2 = gamma * gamma, q = std::sqrt(1.0 + g2), k = 1.0 / q;
  double a = 1.0, b = gamma * k, weight = 0.5, s = 0.5 * k * k;  // n = 0 term of S
  // Quadratic convergence: c_{n+1} = c_n^2 / (4 a_{n+1}), so once c_n < 1e-9 a the next c is below
  // 1e-18 a and both a_n and S are converged to rounding (stopping on c ~ ulp would let the
  // weights 2^n amplify the rounding noise of a - b).
  for (int n = 1; n < 64; ++n) {
    const double c = 0.5 * (a - b), mean = 0.5 * (a + b);
    b = std::sqrt(a * b);
    a = mean;
    weight *= 2.0;
    s += weight * c * c;
    if (std::abs(c) < 1e-9 * a) break;
  }
  const double big_k = 0.5 * std::numbers::pi / a;
  return 1.0 + 4.0 / (3.0 * std::numbers::pi * gamma) * (1.0 - q * big_k * (1.0 + (g2 - 1.0) * s));
}
}  // namespace detail_demag

/// Exact magnetometric demagnetising factors of a circular cylinder (disk) of diameter d and
/// thickness t (axis z), in closed form: N_z = detail_demag::circular_cylinder_axial_factor(t/d)
/// (complete elliptic integrals; Chen, Brug & Goldfarb 1991) and N_x = N_y = (1 - N_z)/2.
/// Exact up to double-precision rounding (below 1e-13 for 0.0025 <= t/d <= 10, docs/physics.md).
[[nodiscard]] inline demagnetizing_factors circular_cylinder_demagnetizing_factors(units::length diameter,
                                                                                   units::length thickness) {
  const double d = detail::require_positive("free-layer diameter [m]", units::in_si(diameter));
  const double t = detail::require_positive("free-layer thickness [m]", units::in_si(thickness));
  const double nz = detail_demag::circular_cylinder_axial_factor(t / d);
  return {0.5 * (1.0 - nz), 0.5 * (1.0 - nz), nz};
}

/// Exact magnetometric demagnetising factors of a uniformly magnetised elliptic-cylinder free layer
/// (in-plane diameters major >= minor along x and y, thickness t along z). For major > minor, by
/// numerical integration of the Fourier representation (Beleggia et al., J. Phys. D 38, 3333
/// (2005); see detail_demag::elliptic_cylinder_exact): quadrature error below 1e-8 absolute
/// (tested against the circular closed form for 0.0025 <= t/d <= 10 and against 40-digit values of
/// elliptic cylinders, docs/physics.md); the factors are renormalised to sum to 1 (a correction of
/// a few 1e-9). For major == minor it returns
/// circular_cylinder_demagnetizing_factors (closed form, Chen, Brug & Goldfarb, IEEE Trans. Magn.
/// 27, 3601 (1991)). The equal-volume ellipsoid (ellipsoid_demagnetizing_factors with c = 3t/4)
/// underestimates the in-plane factor of a thin disk by about 25-30 % (docs/magnetization.md).
[[nodiscard]] inline demagnetizing_factors elliptic_cylinder_demagnetizing_factors(
    units::length major_diameter, units::length minor_diameter, units::length thickness) {
  const double big = detail::require_positive("free-layer major diameter [m]", units::in_si(major_diameter));
  const double small = detail::require_positive("free-layer minor diameter [m]", units::in_si(minor_diameter));
  const double t = detail::require_positive("free-layer thickness [m]", units::in_si(thickness));
  if (small > big) throw invalid_parameter("free-layer minor diameter [m]", small, "<= major diameter");
  if (small == big) return circular_cylinder_demagnetizing_factors(major_diameter, thickness);
  // Units of the semi-major axis a = major / 2.
  demagnetizing_factors n = detail_demag::elliptic_cylinder_exact(1.0, small / big, 2.0 * t / big);
  const double sum = n.x + n.y + n.z;
  n.x /= sum;
  n.y /= sum;
  n.z /= sum;
  return n;
}

/// The equal-volume ellipsoid approximation of an elliptic cylinder (in-plane semi-axes major/2,
/// minor/2, out-of-plane semi-axis 3t/4), the common compact-model shortcut, kept for comparison:
/// it underestimates the in-plane factors of thin disks by 25-30 % (docs/magnetization.md).
[[nodiscard]] inline demagnetizing_factors equal_volume_ellipsoid_demagnetizing_factors(
    units::length major_diameter, units::length minor_diameter, units::length thickness) {
  detail::require_positive("free-layer major diameter [m]", units::in_si(major_diameter));
  detail::require_positive("free-layer minor diameter [m]", units::in_si(minor_diameter));
  detail::require_positive("free-layer thickness [m]", units::in_si(thickness));
  if (units::in_si(minor_diameter) > units::in_si(major_diameter))
    throw invalid_parameter("free-layer minor diameter [m]", units::in_si(minor_diameter), "<= major diameter");
  return ellipsoid_demagnetizing_factors(0.5 * major_diameter, 0.5 * minor_diameter, 0.75 * thickness);
}

}  // namespace spinaptic::device
