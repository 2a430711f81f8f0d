// Tests for spinaptic/device/demagnetization.hpp against closed forms for spheroids.
#include <catch2/catch.hpp>

#include <cmath>

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

TEST_CASE("elliptic cylinder factors are ordered N_x < N_y < N_z and validated", "[demag]") {
  const auto n = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 2.0_nm);
  CHECK(n.x < n.y);
  CHECK(n.y < n.z);
  CHECK_NOTHROW(n.validated());
  CHECK_THROWS_AS(device::elliptic_cylinder_demagnetizing_factors(50.0_nm, 100.0_nm, 2.0_nm),
                  invalid_parameter);
  CHECK_THROWS_AS(device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 0.0_nm),
                  invalid_parameter);
}
