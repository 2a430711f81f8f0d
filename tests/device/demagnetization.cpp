// Tests for spinaptic/device/demagnetization.hpp: closed forms for spheroids, 40-digit reference
// values and asymptotes for circular cylinders, and the elliptic-cylinder quadrature against them.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include <spinaptic/device/demagnetization.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

TEST_CASE("a sphere has N = 1/3 on every axis", "[demag]") {
  const auto n = device::ellipsoid_demagnetizing_factors(5.0_nm, 5.0_nm, 5.0_nm);
  CHECK(n.x == Approx(1.0 / 3.0).epsilon(1e-12));
  CHECK(n.y == Approx(1.0 / 3.0).epsilon(1e-12));
  CHECK(n.z == Approx(1.0 / 3.0).epsilon(1e-12));
}

TEST_CASE("prolate and oblate spheroids match the closed forms", "[demag]") {
  // Prolate, long axis x with a/b = 3: e^2 = 1 - 1/9, N_x = (1 - e^2)/e^2 (atanh(e)/e - 1).
  {
    const auto n = device::ellipsoid_demagnetizing_factors(30.0_nm, 10.0_nm, 10.0_nm);
    const double e = std::sqrt(1.0 - 1.0 / 9.0);
    const double nx = (1.0 - e * e) / (e * e) * (std::atanh(e) / e - 1.0);
    CHECK(n.x == Approx(nx).epsilon(1e-10));
    CHECK(n.y == Approx((1.0 - nx) / 2.0).epsilon(1e-10));
  }
  // Oblate, short axis z with c/a = 0.1: N_z = (1 + e^2)/e^3 (e - atan(e)), e^2 = a^2/c^2 - 1.
  {
    const auto n = device::ellipsoid_demagnetizing_factors(10.0_nm, 10.0_nm, 1.0_nm);
    const double e = std::sqrt(100.0 - 1.0);
    const double nz = (1.0 + e * e) / (e * e * e) * (e - std::atan(e));
    CHECK(n.z == Approx(nz).epsilon(1e-10));
    CHECK(n.x + n.y + n.z == Approx(1.0).epsilon(1e-14));
  }
}

TEST_CASE("elliptic cylinder factors are ordered N_x < N_y < N_z, sum to 1 and are validated", "[demag]") {
  const auto n = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 2.0_nm);
  CHECK(n.x < n.y);
  CHECK(n.y < n.z);
  CHECK_NOTHROW(n.validated());
  // before the renormalisation, the quadrature itself conserves the trace to 1e-8
  const auto raw = device::detail_demag::elliptic_cylinder_exact(1.0, 0.5, 0.04);
  CHECK(raw.x + raw.y + raw.z == Approx(1.0).epsilon(0.0).margin(1e-8));
  CHECK_THROWS_AS(device::elliptic_cylinder_demagnetizing_factors(50.0_nm, 100.0_nm, 2.0_nm),
                  invalid_parameter);
  CHECK_THROWS_AS(device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 0.0_nm),
                  invalid_parameter);
}

namespace {
/// N_z of circular cylinders against gamma = length / diameter, evaluated in 40-digit arithmetic
/// both from the Fourier integral (1/gamma) int J1(k)^2 (1 - e^{-2 gamma k}) / k^2 dk and from the
/// closed form with complete elliptic integrals, which agree to 1e-25; produced by
///   python3 scripts/cylinder_demag_reference.py        (mpmath 1.3.0; 2 min 22 s)
struct cylinder_reference {
  double gamma;
  double nz;
};
constexpr cylinder_reference cylinder_nz[] = {
    {0.0025, 0.98905369723927857},
    {0.01, 0.96503975422588385},
    {0.05, 0.87638519029523699},
    {0.1, 0.79667648247808674},
    {0.2, 0.68017453221814163},
    {0.5, 0.47448997574807252},
    {1, 0.31157739267962331},
    {2, 0.18186424806529684},
    {5, 0.079907329172223488},
    {10, 0.041192875796277065},
};
}  // namespace

TEST_CASE("circular cylinders match 40-digit reference values of the magnetometric N_z", "[demag]") {
  for (const auto& [gamma, nz] : cylinder_nz) {
    CAPTURE(gamma);
    const auto n = device::circular_cylinder_demagnetizing_factors(1.0_um, units::as<units::length>(gamma * 1e-6));
    // rounding of the closed form: the bracket cancels to O(gamma ln gamma) for thin disks
    CHECK(n.z == Approx(nz).epsilon(0.0).margin(1e-15 + 3e-15 / gamma));
    CHECK(n.x == Approx(n.y).epsilon(0.0).margin(1e-15));
    CHECK(n.x + n.y + n.z == Approx(1.0).epsilon(0.0).margin(1e-15));
    CHECK_NOTHROW(n.validated());
  }
  // Length = diameter: N_z = 0.3116 (Chen, Brug & Goldfarb, IEEE Trans. Magn. 27, 3601 (1991),
  // magnetometric factor at chi = 0, gamma = 1).
  CHECK(device::circular_cylinder_demagnetizing_factors(1.0_um, 1.0_um).z == Approx(0.3116).margin(5e-5));
  CHECK_THROWS_AS(device::circular_cylinder_demagnetizing_factors(0.0_nm, 2.0_nm), invalid_parameter);
  CHECK_THROWS_AS(device::circular_cylinder_demagnetizing_factors(100.0_nm, -2.0_nm), invalid_parameter);
}

TEST_CASE("circular cylinders: thin-disk and long-rod asymptotes", "[demag]") {
  // Thin disk of radius R, thickness t << R: N_x = (t / 2 pi R) [ln(8R/t) - 1/2] + O((t/R)^2 ln)
  // (the self-inductance of a thin ribbon loop; e.g. Chen, Brug & Goldfarb 1991, section III).
  for (double gamma : {0.0025, 0.005, 0.01, 0.02}) {
    CAPTURE(gamma);
    const auto n = device::circular_cylinder_demagnetizing_factors(1.0_um, units::as<units::length>(gamma * 1e-6));
    const double r = 0.5, t = gamma;
    CHECK(n.x == Approx(t / (2.0 * std::numbers::pi * r) * (std::log(8.0 * r / t) - 0.5)).margin(1e-5));
  }
  // Long rod: N_z = (1/gamma) [4/(3 pi) - int J1^2 e^{-2 gamma k} / k^2 dk] with
  // J1(k)^2 / k^2 = 1/4 - k^2/16 + 5 k^4/768 - ... integrated term by term:
  // N_z = 4/(3 pi gamma) - 1/(8 gamma^2) + 1/(64 gamma^4) - 5/(1024 gamma^6) + ...
  for (double gamma : {10.0, 20.0, 40.0}) {
    CAPTURE(gamma);
    const auto n = device::circular_cylinder_demagnetizing_factors(1.0_um, units::as<units::length>(gamma * 1e-6));
    const double g2 = gamma * gamma;
    CHECK(n.z == Approx(4.0 / (3.0 * std::numbers::pi * gamma) - 1.0 / (8.0 * g2) + 1.0 / (64.0 * g2 * g2))
                     .epsilon(0.0)
                     .margin(6.0 / (1024.0 * g2 * g2 * g2)));
  }
}

TEST_CASE("the elliptic-cylinder quadrature meets the circular closed form within 1e-8", "[demag]") {
  // The Fourier quadrature at a = b (radius 1, thickness 2 gamma) against the closed form, over
  // gamma = length / diameter from 0.0025 to 10: the stated quadrature error is 1e-8 absolute.
  for (double gamma : {0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0}) {
    CAPTURE(gamma);
    const auto quadrature = device::detail_demag::elliptic_cylinder_exact(1.0, 1.0, 2.0 * gamma);
    const double exact = device::detail_demag::circular_cylinder_axial_factor(gamma);
    CHECK(quadrature.z == Approx(exact).epsilon(0.0).margin(1e-8));
    CHECK(quadrature.x == Approx(0.5 * (1.0 - exact)).epsilon(0.0).margin(1e-8));
  }
  // The elliptic routine at a -> b meets the circular closed form, and at a = b returns it.
  const auto nearly = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 99.999_nm, 5.0_nm);
  const auto circle = device::circular_cylinder_demagnetizing_factors(100.0_nm, 5.0_nm);
  CHECK(nearly.z == Approx(circle.z).margin(1e-5));
  const auto same = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 100.0_nm, 5.0_nm);
  CHECK(same.z == circle.z);
}

namespace {
/// (b/a, t/a, N_x, N_y, N_z) of elliptic cylinders with semi-axes a = 1 >= b and thickness t, in
/// 40-digit arithmetic from the phi integral of the circular closed form (for t/a >= 1 also from
/// the Bessel-function integral directly, agreeing to 1e-25); same script as above (8.6 min).
struct elliptic_reference {
  double b, t, nx, ny, nz;
};
constexpr elliptic_reference elliptic_factors[] = {
    {0.5, 0.04, 0.023485506090526488, 0.061711428866333582, 0.91480306504313993},  // 100 x 50 x 2 nm
    {0.5, 1, 0.18879402994133111, 0.43309805383004591, 0.37810791622862298},
    {0.25, 0.1, 0.0320781979070921, 0.21234668182146052, 0.75557512027144738},
    {0.5, 20, 0.32154232556340575, 0.64994875821696403, 0.028508916219630225},
};
}  // namespace

TEST_CASE("elliptic cylinders match 40-digit reference values within the quadrature error 1e-8", "[demag]") {
  for (const auto& [b, t, nx, ny, nz] : elliptic_factors) {
    CAPTURE(b, t);
    const auto raw = device::detail_demag::elliptic_cylinder_exact(1.0, b, t);
    CHECK(raw.x == Approx(nx).epsilon(0.0).margin(1e-8));
    CHECK(raw.y == Approx(ny).epsilon(0.0).margin(1e-8));
    CHECK(raw.z == Approx(nz).epsilon(0.0).margin(1e-8));
    const auto n = device::elliptic_cylinder_demagnetizing_factors(
        units::as<units::length>(2e-6), units::as<units::length>(2e-6 * b), units::as<units::length>(t * 1e-6));
    CHECK(n.x == Approx(nx).epsilon(0.0).margin(1e-8));
    CHECK(n.y == Approx(ny).epsilon(0.0).margin(1e-8));
    CHECK(n.z == Approx(nz).epsilon(0.0).margin(1e-8));
  }
}

TEST_CASE("long elliptic cylinders follow the asymptotic series of N_z", "[demag]") {
  // With J1(k)^2/k^2 = 1/4 - k^2/16 + 5 k^4/768 - ... integrated term by term under the Fourier
  // integral (semi-axes a = 1 >= b, thickness t >> 1, g^2 = cos^2 + sin^2/b^2):
  //   N_z = 16 b K(e) / (3 pi^2 t) - a b / (2 t^2) + a b (a^2 + b^2) / (8 t^4) + R,
  //   e^2 = 1 - b^2/a^2,  |R| <= 5/(16 t^6)   (the next term, bounded with g >= 1/a).
  for (double b : {0.5, 0.25}) {
    for (double t : {20.0, 40.0, 80.0}) {
      CAPTURE(b, t);
      const auto n = device::detail_demag::elliptic_cylinder_exact(1.0, b, t);
      const double big_k = std::comp_ellint_1(std::sqrt(1.0 - b * b)), pi = std::numbers::pi;
      const double series = 16.0 * b * big_k / (3.0 * pi * pi * t) - b / (2.0 * t * t) +
                            b * (1.0 + b * b) / (8.0 * t * t * t * t);
      CHECK(n.z == Approx(series).epsilon(0.0).margin(1e-8 + 5.0 / (16.0 * std::pow(t, 6))));
    }
  }
}

TEST_CASE("the equal-volume ellipsoid is 26 % (100 x 2 nm) to 32 % (800 x 9.2 nm) low in-plane", "[demag]") {
  const auto exact_small = device::circular_cylinder_demagnetizing_factors(100.0_nm, 2.0_nm);
  const auto approx_small = device::equal_volume_ellipsoid_demagnetizing_factors(100.0_nm, 100.0_nm, 2.0_nm);
  CHECK(approx_small.x / exact_small.x == Approx(0.74).margin(0.01));
  const auto exact_big = device::circular_cylinder_demagnetizing_factors(800.0_nm, 9.2_nm);
  const auto approx_big = device::equal_volume_ellipsoid_demagnetizing_factors(800.0_nm, 800.0_nm, 9.2_nm);
  CHECK(approx_big.x / exact_big.x == Approx(0.68).margin(0.01));
}
