// spinaptic/device/demagnetization.hpp: demagnetising factors of a uniformly magnetised free
// layer (shape anisotropy of the macrospin).
#pragma once

#include <algorithm>
#include <cmath>

#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// Diagonal demagnetising tensor in the junction frame (x: long in-plane axis, y: short in-plane
/// axis, z: film normal). The demagnetising field is H_d = -Ms (N_x m_x, N_y m_y, N_z m_z) [A/m].
struct demagnetizing_factors {
  /// N_x, along the long in-plane axis.
  double x = 0.0;
  /// N_y, along the short in-plane axis.
  double y = 0.0;
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

/// Demagnetising factors of an elliptic-cylinder free layer (in-plane diameters major >= minor,
/// thickness t) in the equal-volume ellipsoid approximation: the ellipsoid with the same in-plane
/// semi-axes (major/2, minor/2) and the same volume, hence out-of-plane semi-axis c = 3t/4, whose
/// factors are Osborn's exact ones. This is the standard macrospin-compact-model shortcut; for a
/// thin disk it underestimates the in-plane factor of the true cylinder by roughly 10-20 %
/// (compare Beleggia et al., J. Phys. D 38, 3333 (2005), for the exact cylinder integrals).
/// Pass demagnetizing_factors directly when a better value is known.
[[nodiscard]] inline demagnetizing_factors elliptic_cylinder_demagnetizing_factors(
    units::length major_diameter, units::length minor_diameter, units::length thickness) {
  detail::require_positive("free-layer major diameter [m]", units::in_si(major_diameter));
  detail::require_positive("free-layer minor diameter [m]", units::in_si(minor_diameter));
  detail::require_positive("free-layer thickness [m]", units::in_si(thickness));
  if (units::in_si(minor_diameter) > units::in_si(major_diameter))
    throw invalid_parameter("free-layer minor diameter [m]", units::in_si(minor_diameter),
                            "<= major diameter");
  return ellipsoid_demagnetizing_factors(0.5 * major_diameter, 0.5 * minor_diameter,
                                         0.75 * thickness);
}

}  // namespace spinaptic::device
