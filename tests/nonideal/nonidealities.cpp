// Tests for spinaptic/nonideal: each non-ideality against a hand-computed crossbar output or its
// closed-form statistics; all are off by default.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/nonideal/hardware.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;
using layer_type = network::crossbar<8, 4, preset::response_type>;

namespace {
layer_type random_layer(unsigned seed) {
  layer_type layer(preset::response());
  std::mt19937_64 engine(seed);
  learning::initialize_currents(layer, engine);
  return layer;
}
std::vector<double> drives() { return {0.1, 0.9, 0.5, 0.0, 1.0, 0.3, 0.7, 0.2}; }
std::vector<double> column_sums(const layer_type& layer) {
  std::vector<double> u(4);
  const auto p = drives();
  layer.forward(p.data(), 1, u.data());
  return u;
}
/// v of the paper response with a coefficient row c: p (c0 + c1 x + c2 x^2 + c3 x^3).
double v(const std::array<double, 4>& c, double p, double x) { return p * (((c[3] * x + c[2]) * x + c[1]) * x + c[0]); }
}  // namespace

TEST_CASE("every non-ideality is off by default", "[nonideal]") {
  const nonideal::hardware hw;
  CHECK_FALSE(hw.spread.enabled());
  CHECK_FALSE(hw.stuck.enabled());
  CHECK_FALSE(hw.noise.enabled());
  CHECK(hw.dac.current_bits == 0);
  CHECK(hw.dac.power_bits == 0);
  CHECK_FALSE(hw.crosstalk.enabled());
  auto layer = random_layer(1);
  const auto ideal = column_sums(layer);
  std::mt19937_64 engine(1);
  hw.realize(layer, engine);
  CHECK(column_sums(layer) == ideal);
}

TEST_CASE("device spread: per-device coefficients c_mk (1 + sigma eps)", "[nonideal][spread]") {
  auto layer = random_layer(2);
  std::mt19937_64 engine(5);
  nonideal::device_spread{.relative_sigma = 0.1}.realize(layer.deviations(), layer.device_count(),
                                                          layer_type::spread_factors_per_device(), engine);
  const auto& f = layer.deviations().coefficient_factors;
  REQUIRE(f.size() == 32 * 4);
  // column 2 by hand with each device's own coefficients
  const auto p = drives();
  const auto c = preset::response().coefficients(device::antiparallel)[0];
  double by_hand = 0.0;
  for (std::size_t j = 0; j < 8; ++j) {
    const std::size_t d = j * 4 + 2;
    std::array<double, 4> cd{};
    for (std::size_t k = 0; k < 4; ++k) cd[k] = c[k] * f[d * 4 + k];
    by_hand += v(cd, p[j], layer.normalized_currents()(j, 2));
  }
  CHECK(column_sums(layer)[2] == Approx(by_hand).epsilon(1e-13));
  // the statistics of many draws: mean 1, standard deviation sigma
  nonideal::device_deviations many;
  nonideal::device_spread{.relative_sigma = 0.05}.realize(many, 20000, 4, engine);
  double mean = 0.0, var = 0.0;
  for (double x : many.coefficient_factors) mean += x;
  mean /= double(many.coefficient_factors.size());
  for (double x : many.coefficient_factors) var += (x - mean) * (x - mean);
  var /= double(many.coefficient_factors.size() - 1);
  CHECK(mean == Approx(1.0).margin(0.05 * 4 / std::sqrt(80000.0)));  // 4 standard errors
  CHECK(std::sqrt(var) == Approx(0.05).epsilon(0.02));
}

TEST_CASE("stuck devices: P state answers 0.3 x V_AP, zero current answers 0 and stops learning", "[nonideal][stuck]") {
  auto layer = random_layer(3);
  const auto ideal = column_sums(layer);
  std::mt19937_64 engine(7);
  nonideal::stuck_devices{.fraction = 0.25, .mode = nonideal::stuck_mode::parallel}.realize(
      layer.deviations(), layer.device_count(), engine);
  std::size_t stuck = 0;
  for (auto s : layer.deviations().stuck) stuck += s == nonideal::stuck_mode::parallel;
  CHECK(stuck == 8);  // round(0.25 x 32)
  const auto p = drives();
  const auto c = preset::response().coefficients(device::antiparallel)[0];
  for (std::size_t l = 0; l < 4; ++l) {
    double by_hand = 0.0;
    for (std::size_t j = 0; j < 8; ++j) {
      const double ratio = layer.deviations().stuck[j * 4 + l] == nonideal::stuck_mode::parallel ? 0.3 : 1.0;
      by_hand += ratio * v(c, p[j], layer.normalized_currents()(j, l));
    }
    CHECK(column_sums(layer)[l] == Approx(by_hand).epsilon(1e-13));
  }
  CHECK(column_sums(layer) != ideal);

  auto open = random_layer(3);
  nonideal::stuck_devices{.fraction = 1.0, .mode = nonideal::stuck_mode::zero_current}.realize(
      open.deviations(), open.device_count(), engine);
  for (double u : column_sums(open)) CHECK(u == 0.0);  // c0 = 0: no bias, no bTMS voltage
  std::vector<double> delta{1.0, -1.0, 0.5, 2.0};
  layer_type::kernels_type kernels;
  kernels.prepare(open);
  std::vector<double> accumulator(kernels.accumulator_size(), 0.0);
  kernels.backward(network::dense_drives{p.data(), 8}, nullptr, delta.data(), nullptr, accumulator.data());
  for (std::size_t d = 0; d < 32; ++d) CHECK(kernels.gradient_and_clear<0>(accumulator.data(), d) == 0.0);
}

TEST_CASE("DAC quantisation: 2^b levels including both ends", "[nonideal][dac]") {
  // 2 bits over [-1, 1]: levels -1, -1/3, 1/3, 1
  CHECK(nonideal::quantize(0.3, 2, -1.0, 1.0) == Approx(1.0 / 3.0));
  CHECK(nonideal::quantize(-0.9, 2, -1.0, 1.0) == -1.0);
  CHECK(nonideal::quantize(0.0, 0, -1.0, 1.0) == 0.0);  // off
  CHECK(nonideal::quantize(0.74, 3, 0.0, 1.0) == Approx(5.0 / 7.0));
  // the crossbar reads with quantised currents
  auto layer = random_layer(4), by_hand = random_layer(4);
  layer.dac().current_bits = 3;
  for (double& x : by_hand.normalized_currents()) x = nonideal::quantize(x, 3, -1.0, 1.0);
  CHECK(column_sums(layer) == column_sums(by_hand));
  // laser drivers
  nonideal::hardware hw;
  hw.dac.power_bits = 1;
  xt::xtensor<double, 2> p{{0.2, 0.6, 1.0}};
  hw.apply_to_drives(p);
  CHECK(p(0, 0) == 0.0);
  CHECK(p(0, 1) == 1.0);
}

TEST_CASE("laser crosstalk: p'_j = p_j + alpha (p_{j-1} + p_{j+1})", "[nonideal][crosstalk]") {
  nonideal::laser_crosstalk crosstalk{.neighbour_fraction = 0.1};
  std::vector<double> p{1.0, 0.0, 0.5, 0.0, /* second vector */ 0.2, 0.2, 0.2, 0.2};
  crosstalk.apply(p.data(), 2, 4);
  CHECK(p[0] == Approx(1.0));
  CHECK(p[1] == Approx(0.1 * 1.5));
  CHECK(p[2] == Approx(0.5));
  CHECK(p[3] == Approx(0.05));
  CHECK(p[4] == Approx(0.22));
  CHECK(p[5] == Approx(0.24));
}

TEST_CASE("read noise: Johnson sqrt(4 k_B T R df) plus the amplifier floor", "[nonideal][noise]") {
  nonideal::read_noise noise{.temperature = 300.0_K, .column_resistance = 2560.0_Ohm,
                             .bandwidth = 1.0_MHz, .amplifier_floor = 0.0_V};
  const double johnson = std::sqrt(4 * 1.380649e-23 * 300 * 2560 * 1e6);  // 6.3 uV
  CHECK(units::in_si(noise.sigma()) == Approx(johnson).epsilon(1e-12));
  noise.amplifier_floor = 10.0_uV;
  CHECK(units::in_si(noise.sigma()) == Approx(std::hypot(johnson, 10e-6)).epsilon(1e-12));
  // empirical standard deviation of the added noise, in units of V_max
  std::vector<double> u(40000, 0.0);
  std::mt19937_64 engine(3);
  noise.apply(u.data(), u.size(), 23.35_mV, engine);
  double var = 0.0;
  for (double x : u) var += x * x;
  CHECK(std::sqrt(var / double(u.size())) == Approx(units::in_si(noise.sigma()) / 23.35e-3).epsilon(0.02));
  CHECK_THROWS_AS((nonideal::read_noise{.bandwidth = units::as<units::frequency>(-1.0)}.sigma()), invalid_parameter);
}

TEST_CASE("hardware-aware training: read noise during training is drawn from the run's engine", "[nonideal][training]") {
  auto train = [](double noise_uV, std::uint64_t seed) {
    auto layer = random_layer(5);
    xt::xtensor<double, 2> p = xt::xtensor<double, 2>::from_shape({16, 8});
    std::vector<std::uint8_t> y;
    for (std::size_t i = 0; i < 16; ++i) {
      y.push_back(static_cast<std::uint8_t>(i % 4));
      for (std::size_t j = 0; j < 8; ++j) p(i, j) = j / 2 == i % 4 ? 1.0 : 0.1;
    }
    nonideal::read_noise noise{.amplifier_floor = units::as<units::voltage>(noise_uV * 1e-6)};
    learning::trainer trainer(layer, learning::sgd{}, {.batch_size = 4}, noise);
    std::mt19937_64 engine(seed);
    const learning::data_set data(p, y);
    for (int e = 0; e < 3; ++e) trainer.train_epoch(data, engine);
    return std::vector<double>(layer.normalized_currents().begin(), layer.normalized_currents().end());
  };
  CHECK(train(1000.0, 1) == train(1000.0, 1));
  CHECK(train(1000.0, 1) != train(0.0, 1));
}

TEST_CASE("NaN and absurd non-ideality settings are refused (issue 9: NaN crosstalk, 2000-bit DAC)", "[nonideal][errors]") {
  std::mt19937_64 engine(1);
  auto layer = random_layer(6);
  xt::xtensor<double, 2> p{{0.2, 0.6, 1.0}};
  nonideal::hardware nan_crosstalk;
  nan_crosstalk.crosstalk.neighbour_fraction = std::nan("");
  CHECK_THROWS_AS(nan_crosstalk.apply_to_drives(p), invalid_parameter);
  CHECK_THROWS_AS(nan_crosstalk.realize(layer, engine), invalid_parameter);
  std::vector<double> raw{0.1, 0.2};
  CHECK_THROWS_AS((nonideal::laser_crosstalk{.neighbour_fraction = std::nan("")}.apply(raw.data(), 1, 2)), invalid_parameter);
  nonideal::hardware wide_dac;
  wide_dac.dac.current_bits = 2000;
  CHECK_THROWS_AS(wide_dac.realize(layer, engine), invalid_parameter);
  layer.dac().current_bits = 2000;  // set directly: refused when the kernels are prepared
  std::vector<double> u(4);
  const auto d = drives();
  CHECK_THROWS_AS(layer.forward(d.data(), 1, u.data()), invalid_parameter);
  nonideal::hardware wide_laser_dac;
  wide_laser_dac.dac.power_bits = 2000;
  CHECK_THROWS_AS(wide_laser_dac.apply_to_drives(p), invalid_parameter);
  nonideal::hardware nan_spread;
  nan_spread.spread.relative_sigma = std::nan("");
  CHECK_THROWS_AS(nan_spread.realize(layer, engine), invalid_parameter);
  CHECK_NOTHROW(nonideal::dac_quantization{.current_bits = 52, .power_bits = 8}.validate());
}
