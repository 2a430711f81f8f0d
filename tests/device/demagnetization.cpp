// Tests for spinaptic/device/demagnetization.hpp against closed forms for spheroids.
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
  // before the renormalisation, the quadrature itself conserves the trace to 1e-5
  const auto raw = device::detail_demag::elliptic_cylinder_exact(1.0, 0.5, 0.04);
  CHECK(raw.x + raw.y + raw.z == Approx(1.0).margin(1e-5));
  CHECK_THROWS_AS(device::elliptic_cylinder_demagnetizing_factors(50.0_nm, 100.0_nm, 2.0_nm),
                  invalid_parameter);
  CHECK_THROWS_AS(device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 0.0_nm),
                  invalid_parameter);
}

TEST_CASE("circular cylinders: thin-disk asymptote and the Chen-Brug-Goldfarb value at t = d", "[demag]") {
  // Thin disk of radius R, thickness t << R: N_x = (t / 2 pi R) [ln(8R/t) - 1/2] + O((t/R)^2 ln)
  // (the self-inductance of a thin ribbon loop; e.g. Chen, Brug & Goldfarb 1991, section III).
  for (double gamma : {0.005, 0.01, 0.02}) {
    const auto n = device::circular_cylinder_demagnetizing_factors(1.0_um, units::as<units::length>(gamma * 1e-6));
    const double r = 0.5, t = gamma;
    CHECK(n.x == Approx(t / (2.0 * std::numbers::pi * r) * (std::log(8.0 * r / t) - 0.5)).margin(1e-5));
    CHECK(n.x == Approx(n.y).epsilon(1e-12));
  }
  // Length = diameter (gamma = 1): magnetometric N_z = 0.3116 (Chen, Brug & Goldfarb, IEEE Trans.
  // Magn. 27, 3601 (1991), Table for chi = 0).
  const auto cube_like = device::circular_cylinder_demagnetizing_factors(1.0_um, 1.0_um);
  CHECK(cube_like.z == Approx(0.3116).margin(1e-4));
  // The elliptic routine at a -> b meets the circular one.
  const auto nearly = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 99.999_nm, 5.0_nm);
  const auto circle = device::circular_cylinder_demagnetizing_factors(100.0_nm, 5.0_nm);
  CHECK(nearly.z == Approx(circle.z).margin(1e-5));
}

TEST_CASE("the equal-volume ellipsoid is 26 % (100 x 2 nm) to 32 % (800 x 9.2 nm) low in-plane", "[demag]") {
  const auto exact_small = device::circular_cylinder_demagnetizing_factors(100.0_nm, 2.0_nm);
  const auto approx_small = device::equal_volume_ellipsoid_demagnetizing_factors(100.0_nm, 100.0_nm, 2.0_nm);
  CHECK(approx_small.x / exact_small.x == Approx(0.74).margin(0.01));
  const auto exact_big = device::circular_cylinder_demagnetizing_factors(800.0_nm, 9.2_nm);
  const auto approx_big = device::equal_volume_ellipsoid_demagnetizing_factors(800.0_nm, 800.0_nm, 9.2_nm);
  CHECK(approx_big.x / exact_big.x == Approx(0.68).margin(0.01));
}
