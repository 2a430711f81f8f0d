// Tests for the two-layer opto-electronic network (network/sequential.hpp, transfer_stage.hpp,
// opto_electronic.hpp): the transfer stage's saturating map and derivative, gradients through
// both crossbars and the stage against central differences, and training on a separable set.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <type_traits>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/opto_electronic.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
constexpr std::size_t N = 6, H = 4, L = 3;

/// G = P_max / (4 V_max): slope k = 1 in normalised units.
network::laser_driver_gain unit_slope_gain() {
  return units::as<network::laser_driver_gain>(units::in_si(preset::max_power()) / (4.0 * units::in_si(preset::max_voltage())));
}

template <std::size_t Hidden>
auto random_net(unsigned seed) {
  auto net = network::make_opto_electronic_network<N, Hidden, L>(preset::response(), H, unit_slope_gain(),
                                                                   units::as<units::voltage>(0.002));
  std::mt19937_64 engine(seed);
  learning::initialize_currents(net.template layer<0>(), engine);
  learning::initialize_currents(net.template layer<2>(), engine);
  return net;
}

std::vector<double> random_drives(std::size_t count, std::size_t rows, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> p(0.0, 1.0);
  std::vector<double> v(count * rows);
  for (double& d : v) d = p(engine) < 0.3 ? 0.0 : p(engine);  // some dark rows
  return v;
}
}  // namespace

TEST_CASE("transfer stage: P = P_max s(4 G (U - U_0) / P_max), saturating in [0, P_max]", "[network][transfer]") {
  const network::transfer_stage stage(3, units::as<network::laser_driver_gain>(2.0), 5.0_mV, preset::max_voltage(),
                                      preset::max_power());
  CHECK(units::in_si(stage.laser_power(5.0_mV)) == Approx(0.5 * units::in_si(preset::max_power())));  // P_max / 2 at U_0
  CHECK(units::in_si(stage.laser_power(10.0_V)) == Approx(units::in_si(preset::max_power())));
  CHECK(units::in_si(stage.laser_power(-10.0_V)) == Approx(0.0).margin(1e-30));
  // slope at U_0 is G = 2 W/V: central difference over +-1 uV
  const double slope = (units::in_si(stage.laser_power(5.001_mV)) - units::in_si(stage.laser_power(4.999_mV))) / 2e-6;
  CHECK(slope == Approx(2.0).epsilon(1e-6));
  CHECK_THROWS_AS(network::transfer_stage(3, units::as<network::laser_driver_gain>(-1.0), 0.0_V, preset::max_voltage(),
                                          preset::max_power()),
                  invalid_parameter);
  CHECK_THROWS_AS(network::transfer_stage(0, units::as<network::laser_driver_gain>(1.0), 0.0_V, preset::max_voltage(),
                                          preset::max_power()),
                  invalid_parameter);
}

TEMPLATE_TEST_CASE_SIG("two-layer gradients through both crossbars and the transfer stage match central differences",
                       "[network][gradient]", ((std::size_t Hidden), Hidden), (H), (network::dynamic_extent)) {
  for (double alpha : {0.0, 0.1}) {
    INFO("crosstalk alpha " << alpha);
    auto net = random_net<Hidden>(3);
    net.template layer<1>().crosstalk().neighbour_fraction = alpha;
    constexpr std::size_t B = 3;
    auto drives = random_drives(B, N, 4);
    const std::vector<std::uint8_t> labels{0, 2, 1};
    const learning::softmax_cross_entropy_loss loss{.logit_scale = 3.0};
    using net_t = decltype(net);
    auto total_loss = [&](const net_t& n) {
      typename net_t::kernels_type k;
      k.prepare(n);
      std::vector<double> ws(k.workspace_size()), u(L), delta(L);
      learning::loss_sum sum;
      for (std::size_t b = 0; b < B; ++b) {
        k.forward(network::dense_drives{drives.data() + b * N, N}, u.data(), ws.data());
        loss.sample(u.data(), labels[b], L, delta.data(), sum);
      }
      return sum.value();
    };
    typename net_t::kernels_type k;
    k.prepare(net);
    std::vector<double> ws(k.workspace_size()), u(L), delta(L), acc(k.accumulator_size(), 0.0), input_delta(B * N);
    learning::loss_sum unused;
    for (std::size_t b = 0; b < B; ++b) {
      k.forward(network::dense_drives{drives.data() + b * N, N}, u.data(), ws.data());
      loss.sample(u.data(), labels[b], L, delta.data(), unused);
      k.backward(network::dense_drives{drives.data() + b * N, N}, ws.data(), delta.data(), input_delta.data() + b * N,
                 acc.data());
    }
    std::vector<double> g0(N * H), g1(H * L);
    for (std::size_t d = 0; d < N * H; ++d) g0[d] = k.template gradient_and_clear<0>(acc.data(), d);
    for (std::size_t d = 0; d < H * L; ++d) g1[d] = k.template gradient_and_clear<1>(acc.data(), d);
    const double h = 1e-6;
    auto check_block = [&](auto& values, const std::vector<double>& analytic) {
      for (std::size_t d = 0; d < analytic.size(); ++d) {
        double& x = values.data()[d];
        const double x0 = x;
        x = x0 + h;
        const double up = total_loss(net);
        x = x0 - h;
        const double down = total_loss(net);
        x = x0;
        CHECK(analytic[d] == Approx((up - down) / (2 * h)).epsilon(1e-5).margin(1e-8));
      }
    };
    check_block(net.template layer<0>().normalized_currents(), g0);
    check_block(net.template layer<2>().normalized_currents(), g1);
    for (std::size_t j = 0; j < B * N; ++j) {  // dLoss/dp of the pixels, through both layers
      const double p0 = drives[j];
      drives[j] = p0 + h;
      const double up = total_loss(net);
      drives[j] = p0 - h;
      const double down = total_loss(net);
      drives[j] = p0;
      CHECK(input_delta[j] == Approx((up - down) / (2 * h)).epsilon(1e-5).margin(1e-8));
    }
  }
}

TEST_CASE("the generic trainer trains the two-layer network to 100 % on a separable set", "[network][training]") {
  auto net = random_net<H>(1);
  xt::xtensor<double, 2> p = xt::xtensor<double, 2>::from_shape({60, N});
  std::vector<std::uint8_t> y;
  std::mt19937_64 engine(2);
  std::uniform_real_distribution<double> jitter(0.0, 0.05);
  for (std::size_t i = 0; i < 60; ++i) {
    y.push_back(static_cast<std::uint8_t>(i % L));
    for (std::size_t j = 0; j < N; ++j) p(i, j) = (j / 2 == i % L ? 1.0 : 0.1) - jitter(engine);
  }
  const learning::data_set data(p, y);
  learning::trainer trainer(net, learning::softmax_cross_entropy_loss{.logit_scale = 2.0},
                            learning::adam{.learning_rate = 0.02}, {.batch_size = 10, .threads = 2, .chunks = 3});
  for (int epoch = 0; epoch < 60; ++epoch) trainer.train_epoch(data, engine);
  CHECK(learning::evaluate(net, data, trainer.loss_function()).accuracy == 1.0);
  for (double x : net.layer<0>().normalized_currents()) CHECK((x >= -1.0 && x <= 1.0));
}

TEST_CASE("layers that do not fit together are refused", "[network]") {
  using cb = network::crossbar<network::dynamic_extent, network::dynamic_extent, preset::response_type>;
  CHECK_THROWS_AS((network::sequential<cb, cb>(cb(preset::response(), 4, 3), cb(preset::response(), 5, 2))), size_mismatch);
}

TEST_CASE("energy ledger of two layers: lasers, Joule heat and latency of both", "[network][energy]") {
  const energy::read_timing timing{};
  energy::ledger first(preset::max_power(), 40.0_Ohm, 1e-6, timing), second(preset::max_power(), 40.0_Ohm, 2e-6, timing);
  const std::vector<double> p1{0.5, 0.5}, p2{1.0, 0.0, 0.25};
  first.add(p1.data(), 2);
  second.add(p2.data(), 3);
  const auto both = first.mean() + second.mean();
  const double t = units::in_si(timing.laser_pulse);
  CHECK(units::in_si(both.laser) == Approx(t * 0.150 * (1.0 + 1.25)));
  CHECK(units::in_si(both.joule) == Approx(t * 40.0 * 3e-6));
  CHECK(units::in_si(both.latency) == Approx(2.0 * units::in_si(timing.latency())));  // the layers read in series
}

TEST_CASE("read noise on the hidden columns: N(0, sigma_U / V_max), the same for any thread count", "[network][noise]") {
  const std::size_t channels = 4000;
  network::transfer_stage stage(channels, unit_slope_gain(), 0.0_V, preset::max_voltage(), preset::max_power());
  stage.noise().amplifier_floor = units::as<units::voltage>(0.2 * units::in_si(preset::max_voltage()));  // sigma = 0.2 V_max
  stage.noise_seed() = 7;
  network::transfer_stage::kernels_type k;
  k.prepare(stage);
  const std::vector<double> u(channels, 0.3);
  std::vector<double> p(channels), s(channels);
  k.forward(network::dense_drives{u.data(), channels}, p.data(), s.data());
  double sum = 0.0, sum2 = 0.0;
  for (double x : s) {  // the noisy input, recovered from the logistic output (slope k = 1, u_0 = 0)
    const double n = std::log(x / (1.0 - x)) - 0.3;
    sum += n;
    sum2 += n * n;
  }
  const double mean = sum / double(channels), sd = std::sqrt(sum2 / double(channels) - mean * mean);
  CHECK(std::abs(mean) < 4.0 * 0.2 / std::sqrt(double(channels)));  // within 4 standard errors
  CHECK(sd == Approx(0.2).epsilon(0.05));                             // 4000 draws: 1.1 % standard error
  // a second step draws anew; the noise-free stage is untouched
  std::vector<double> s2(channels);
  k.prepare(stage);
  k.forward(network::dense_drives{u.data(), channels}, p.data(), s2.data());
  CHECK(s2 != s);
  // hardware-aware training with hidden read noise is bit-identical for 1 and 3 threads
  auto train = [](std::size_t threads) {
    auto net = random_net<H>(4);
    net.layer<1>().noise().amplifier_floor = units::as<units::voltage>(0.05 * units::in_si(preset::max_voltage()));
    net.layer<1>().noise_seed() = 11;
    xt::xtensor<double, 2> drives = xt::xtensor<double, 2>::from_shape({30, N});
    std::vector<std::uint8_t> y;
    for (std::size_t i = 0; i < 30; ++i) {
      y.push_back(static_cast<std::uint8_t>(i % L));
      for (std::size_t j = 0; j < N; ++j) drives(i, j) = j / 2 == i % L ? 1.0 : 0.1;
    }
    const learning::data_set data(drives, y);
    learning::trainer trainer(net, learning::softmax_cross_entropy_loss{.logit_scale = 2.0},
                              learning::adam{.learning_rate = 0.02}, {.batch_size = 10, .threads = threads, .chunks = 3});
    std::mt19937_64 engine(5);
    for (int epoch = 0; epoch < 5; ++epoch) trainer.train_epoch(data, engine);
    const auto& x = net.layer<0>().normalized_currents();
    return std::vector<double>(x.begin(), x.end());
  };
  CHECK(train(1) == train(3));
}

TEST_CASE("run-time extents: an N x H x L network of dynamic_extent in every place has those sizes and the "
          "fixed network's outputs", "[network][extent]") {
  constexpr auto D = network::dynamic_extent;
  const auto gain = unit_slope_gain();
  const auto offset = units::as<units::voltage>(0.002);
  auto dynamic_net = network::make_opto_electronic_network<D, D, D>(preset::response(), N, H, L, gain, offset);
  auto fixed_net = network::make_opto_electronic_network<N, H, L>(preset::response(), H, gain, offset);
  CHECK(dynamic_net.inputs() == N);  // was SIZE_MAX rows: Inputs itself was passed as the row count
  CHECK(dynamic_net.template layer<0>().outputs() == H);
  CHECK(dynamic_net.template layer<2>().inputs() == H);
  CHECK(dynamic_net.outputs() == L);  // was SIZE_MAX columns
  std::mt19937_64 e1(5), e2(5);
  learning::initialize_currents(dynamic_net.template layer<0>(), e1);
  learning::initialize_currents(dynamic_net.template layer<2>(), e1);
  learning::initialize_currents(fixed_net.template layer<0>(), e2);
  learning::initialize_currents(fixed_net.template layer<2>(), e2);
  auto column_voltages = [](const auto& net, const std::vector<double>& p) {
    typename std::decay_t<decltype(net)>::kernels_type k;
    k.prepare(net);
    std::vector<double> ws(k.workspace_size()), u(L);
    k.forward(network::dense_drives{p.data(), N}, u.data(), ws.data());
    return u;
  };
  const auto drives = random_drives(1, N, 6);
  const auto u_dynamic = column_voltages(dynamic_net, drives);
  const auto u_fixed = column_voltages(fixed_net, drives);
  for (std::size_t l = 0; l < L; ++l) CHECK(u_dynamic[l] == Approx(u_fixed[l]).epsilon(1e-12));

  // a run-time extent that contradicts a compile-time one is refused by name
  CHECK_THROWS_AS((network::make_opto_electronic_network<N, H, L>(preset::response(), H + 1, gain, offset)),
                  invalid_parameter);
  CHECK_THROWS_AS((network::make_opto_electronic_network<N, D, D>(preset::response(), N + 1, H, L, gain, offset)),
                  invalid_parameter);
  CHECK_THROWS_AS((network::make_opto_electronic_network<D, D, D>(preset::response(), N, H, 1, gain, offset)),
                  invalid_parameter);  // a crossbar needs >= 2 columns
}
