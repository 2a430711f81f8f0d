// Tests for spinaptic/encoding/optical_intensity.hpp: the paper's linear pixel-to-power map and
// the area-averaged down-sampling.
#include <catch2/catch.hpp>

#include <spinaptic/encoding/optical_intensity.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

TEST_CASE("pixel x sets the row's laser power P_max x / x_max", "[encoding]") {
  CHECK(units::in_si(encoding::optical_intensity::laser_power(16.0, 16.0, 150.0_mW)) == Approx(0.150));
  CHECK(units::in_si(encoding::optical_intensity::laser_power(4.0, 16.0, 150.0_mW)) == Approx(0.0375));
  CHECK(units::in_si(encoding::optical_intensity::laser_power(0.0, 16.0, 150.0_mW)) == 0.0);
  CHECK_THROWS_AS(encoding::optical_intensity::laser_power(17.0, 16.0, 150.0_mW), invalid_parameter);
  io::image_set set{1, 2, 255.0, 10, xt::xtensor<double, 2>{{51.0, 255.0}}, {3}};
  const auto p = encoding::encode(set);
  CHECK(p(0, 0) == Approx(0.2));
  CHECK(p(0, 1) == 1.0);
}

TEST_CASE("area averaging: exact block means and conserved intensity for 28 -> 8", "[encoding]") {
  SECTION("4x4 -> 2x2 is the mean of each 2x2 block") {
    io::image_set set{4, 4, 255.0, 10, xt::xtensor<double, 2>::from_shape({1, 16}), {0}};
    for (std::size_t k = 0; k < 16; ++k) set.pixels(0, k) = double(k);
    const auto small = encoding::area_average(set, 2, 2);
    CHECK(small.pixels(0, 0) == Approx((0 + 1 + 4 + 5) / 4.0));
    CHECK(small.pixels(0, 3) == Approx((10 + 11 + 14 + 15) / 4.0));
  }
  SECTION("28x28 -> 8x8: a uniform image stays uniform, the mean is conserved") {
    io::image_set set{28, 28, 255.0, 10, xt::xtensor<double, 2>::from_shape({2, 784}), {0, 1}};
    double sum = 0.0;
    for (std::size_t k = 0; k < 784; ++k) {
      set.pixels(0, k) = 100.0;
      set.pixels(1, k) = double((k * 37) % 256);
      sum += set.pixels(1, k);
    }
    const auto small = encoding::area_average(set, 8, 8);
    CHECK(small.height == 8);
    for (std::size_t k = 0; k < 64; ++k) CHECK(small.pixels(0, k) == Approx(100.0));
    double small_sum = 0.0;
    for (std::size_t k = 0; k < 64; ++k) small_sum += small.pixels(1, k);
    CHECK(small_sum / 64.0 == Approx(sum / 784.0).epsilon(1e-12));
    // the first output pixel covers rows/columns [0, 3.5): 3 full lines and a half line each way
    double corner = 0.0;
    for (std::size_t i = 0; i < 4; ++i)
      for (std::size_t k = 0; k < 4; ++k)
        corner += (i == 3 ? 0.5 : 1.0) * (k == 3 ? 0.5 : 1.0) * set.pixels(1, i * 28 + k);
    CHECK(small.pixels(1, 0) == Approx(corner / 12.25).epsilon(1e-12));
  }
  CHECK_THROWS_AS(encoding::area_average(io::image_set{2, 2, 1.0, 10, xt::xtensor<double, 2>({1, 4}, 0.0), {0}}, 3, 3),
                  invalid_parameter);
}
