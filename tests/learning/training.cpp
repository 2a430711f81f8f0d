// Tests for spinaptic/learning: the loss gradient against finite differences, training reaching
// 100 % on a separable set, bit-reproducibility (same seed; any thread count), and a CI-sized run
// on the real 8x8 digits.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <random>
#include <vector>

#include <spinaptic/device/measured_response.hpp>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/mean_squared_error.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>

#include "../support/fetched_data.hpp"
#include "../support/sampled_measurement.hpp"

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
/// A separable set: class c lights rows 4c..4c+3 at full power, every other row at 0.1 (16 rows,
/// 4 classes), plus uniform jitter of 0.05.
struct separable_set {
  xt::xtensor<double, 2> drives = xt::xtensor<double, 2>::from_shape({200, 16});
  std::vector<std::uint8_t> labels;
  [[nodiscard]] learning::data_set prepared() const { return {drives, labels}; }
  explicit separable_set(unsigned seed) {
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> jitter(0.0, 0.05);
    for (std::size_t i = 0; i < 200; ++i) {
      const auto c = static_cast<std::uint8_t>(i % 4);
      labels.push_back(c);
      for (std::size_t j = 0; j < 16; ++j) drives(i, j) = (j / 4 == c ? 1.0 : 0.1) - jitter(engine);
    }
  }
};

template <class Optimizer>
std::vector<double> train_separable(Optimizer opt, std::uint64_t seed, std::size_t threads, double* accuracy,
                                    std::size_t chunks = 2) {
  network::crossbar<16, 4, preset::response_type> layer(preset::response());
  std::mt19937_64 engine(seed);
  learning::initialize_currents(layer, engine);
  const auto data = separable_set(7).prepared();
  learning::trainer trainer(layer, opt, {.output_scale = 100.0, .batch_size = 16, .threads = threads, .chunks = chunks});
  for (int epoch = 0; epoch < 30; ++epoch) trainer.train_epoch(data, engine);
  if (accuracy) *accuracy = trainer.evaluate(data, engine).accuracy;
  const auto& x = layer.normalized_currents();
  return {x.begin(), x.end()};
}
}  // namespace

TEST_CASE("softmax cross-entropy: value and gradient against closed form and finite differences", "[learning]") {
  const std::vector<double> u{0.2, -0.1, 0.4, 1.0, 0.0, -0.5};
  const std::vector<std::uint8_t> y{2, 0};
  std::vector<double> delta(6);
  std::size_t correct = 0;
  const double s = 1.7;
  const double loss = learning::softmax_cross_entropy(u.data(), y.data(), 2, 3, s, delta.data(), &correct);
  auto sample_loss = [&](const std::vector<double>& v, std::size_t b) {
    double z = 0.0;
    for (std::size_t l = 0; l < 3; ++l) z += std::exp(s * v[b * 3 + l]);
    return std::log(z) - s * v[b * 3 + y[b]];
  };
  CHECK(loss == Approx(sample_loss(u, 0) + sample_loss(u, 1)).epsilon(1e-14));
  CHECK(correct == 2);  // argmax 2 and 0
  for (std::size_t k = 0; k < 6; ++k) {
    auto up = u, down = u;
    up[k] += 1e-6;
    down[k] -= 1e-6;
    const std::size_t b = k / 3;
    CHECK(delta[k] == Approx((sample_loss(up, b) - sample_loss(down, b)) / 2e-6).epsilon(1e-7));
  }
}

TEST_CASE("a trainer step follows the analytic gradient of the mean batch loss", "[learning][gradient]") {
  network::crossbar<8, 3, preset::response_type> layer(preset::response());
  std::mt19937_64 engine(3);
  learning::initialize_currents(layer, engine);
  xt::xtensor<double, 2> drives = xt::xtensor<double, 2>::from_shape({5, 8});
  std::uniform_real_distribution<double> p(0.0, 1.0);
  for (double& d : drives) d = p(engine);
  const std::vector<std::uint8_t> labels{0, 1, 2, 1, 0};
  const std::vector<std::size_t> batch{0, 1, 2, 3, 4};
  const double beta = 50.0, eta = 1e-3;
  auto mean_loss = [&](const network::crossbar<8, 3, preset::response_type>& l) {
    std::vector<double> u(15), delta(15);
    l.forward(drives.data(), 5, u.data());
    return learning::softmax_cross_entropy(u.data(), labels.data(), 5, 3, beta / 8.0, delta.data()) / 5.0;
  };
  auto before = layer;
  learning::trainer trainer(layer, learning::sgd{.learning_rate = eta}, {.output_scale = beta, .batch_size = 5});
  trainer.train_batch(learning::data_set(drives, labels), batch, engine);
  for (std::size_t d = 0; d < 24; ++d) {  // x_after = x_before - eta dL/dx
    auto up = before, down = before;
    up.normalized_currents().data()[d] += 1e-6;
    down.normalized_currents().data()[d] -= 1e-6;
    const double fd = (mean_loss(up) - mean_loss(down)) / 2e-6;
    const double step = before.normalized_currents().data()[d] - layer.normalized_currents().data()[d];
    CHECK(step == Approx(eta * fd).epsilon(1e-5).margin(1e-12));
  }
}

TEST_CASE("training reaches 100 % on a linearly separable set, with SGD and with Adam", "[learning]") {
  double accuracy = 0.0;
  train_separable(learning::sgd{.learning_rate = 0.05}, 1, 1, &accuracy);
  CHECK(accuracy == 1.0);
  train_separable(learning::adam{.learning_rate = 0.01}, 1, 1, &accuracy);
  CHECK(accuracy == 1.0);
}

TEST_CASE("a crossbar of a measured response table trains like the polynomial it samples", "[learning][measured]") {
  // the paper surface sampled on an 11 x 21 grid, then interpolated bilinearly (measured_tms)
  network::crossbar<16, 4, device::measured_tms> layer(testing::sampled_measurement(10, 10));
  std::mt19937_64 engine(1);
  learning::initialize_currents(layer, engine);
  const auto data = separable_set(7).prepared();
  learning::trainer trainer(layer, learning::sgd{.learning_rate = 0.05}, {.output_scale = 100.0, .batch_size = 16, .threads = 2});
  for (int epoch = 0; epoch < 30; ++epoch) trainer.train_epoch(data, engine);
  CHECK(trainer.evaluate(data, engine).accuracy == 1.0);
}

TEST_CASE("the same seed gives the same currents bit for bit, for any thread count", "[learning][reproducible]") {
  const auto a = train_separable(learning::sgd{.learning_rate = 0.05}, 42, 1, nullptr);
  const auto b = train_separable(learning::sgd{.learning_rate = 0.05}, 42, 1, nullptr);
  const auto c = train_separable(learning::sgd{.learning_rate = 0.05}, 42, 2, nullptr);
  const auto d = train_separable(learning::sgd{.learning_rate = 0.05}, 43, 1, nullptr);
  CHECK(a == b);
  CHECK(a == c);
  CHECK(a != d);
}

TEST_CASE("a data set is prepared once: new drives are a new data set, never a stale index", "[learning]") {
  network::crossbar<16, 4, preset::response_type> layer(preset::response());
  separable_set data(3);
  learning::trainer trainer(layer, learning::sgd{}, {.batch_size = 4});
  std::mt19937_64 engine(1);
  const std::vector<std::size_t> first{0, 1, 2, 3};
  trainer.train_batch(data.prepared(), first, engine);
  // all rows dark: v = 0 at p = 0, so the gradient and the step are zero
  for (double& p : data.drives) p = 0.0;
  const auto dark = data.prepared();
  const std::vector<double> before(layer.normalized_currents().begin(), layer.normalized_currents().end());
  const auto r = trainer.train_batch(dark, first, engine);
  CHECK(std::vector<double>(layer.normalized_currents().begin(), layer.normalized_currents().end()) == before);
  CHECK(r.mean_loss == Approx(std::log(4.0)));  // uniform softmax over 4 classes
}

TEST_CASE("currents stay inside [-I_max, I_max], or [0, I_max] in non-negative mode", "[learning]") {
  for (auto range : {network::current_range::bipolar, network::current_range::non_negative}) {
    network::crossbar<16, 4, preset::response_type> layer(preset::response(), device::antiparallel, range);
    std::mt19937_64 engine(9);
    learning::initialize_currents(layer, engine);
    const double lo = range == network::current_range::bipolar ? -1.0 : 0.0;
    for (double x : layer.normalized_currents()) CHECK((std::abs(x) >= 0.3 && std::abs(x) <= 1.0 && x >= lo));
    const auto data = separable_set(2).prepared();
    learning::trainer trainer(layer, learning::sgd{.learning_rate = 1000.0}, {.batch_size = 8});
    trainer.train_epoch(data, engine);
    std::size_t at_bound = 0;
    for (double x : layer.normalized_currents()) {
      CHECK((x >= lo && x <= 1.0));
      at_bound += (x == lo || x == 1.0);
    }
    INFO("range " << int(range));
    CHECK(at_bound > 0);  // the huge step hits the bounds, and they hold
  }
}

TEST_CASE("stratified split keeps the class proportions and is disjoint", "[learning][split]") {
  std::vector<std::uint8_t> labels;
  for (int c = 0; c < 3; ++c)
    for (int k = 0; k < 10 * (c + 1); ++k) labels.push_back(static_cast<std::uint8_t>(c));  // 10, 20, 30
  std::mt19937_64 engine(1);
  auto [train, test] = learning::stratified_split(labels, 3, 0.3, engine);
  CHECK(test.size() == 3 + 6 + 9);
  CHECK(train.size() == 60 - 18);
  std::vector<int> seen(60, 0);
  for (auto i : train) ++seen[i];
  for (auto i : test) ++seen[i];
  CHECK(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
  std::mt19937_64 again(1);
  CHECK(learning::stratified_split(labels, 3, 0.3, again).second == test);
  std::mt19937_64 folds_engine(1);
  const auto folds = learning::stratified_folds(labels, 3, 5, folds_engine);
  for (const auto& f : folds) CHECK(f.size() == 12);
}

TEST_CASE("CI-sized training on the 8x8 digits reaches >= 90 % test accuracy", "[learning][data]") {
  const std::string path = testing::fetched_data("digits/digits.csv");
  if (path.empty()) return;
  const auto all = io::read_digits_csv(path);
  std::mt19937_64 engine(1);
  auto [train_idx, test_idx] = learning::stratified_split(all.labels, 10, 0.3, engine);
  const auto train = all.subset(train_idx), test = all.subset(test_idx);
  const learning::data_set train_set(encoding::encode(train), train.labels), test_set(encoding::encode(test), test.labels);
  network::crossbar<64, 10, preset::response_type> layer(preset::response());
  learning::initialize_currents(layer, engine);
  learning::trainer trainer(layer, learning::sgd{.learning_rate = 0.05}, {.output_scale = 200.0, .batch_size = 32});
  for (int epoch = 0; epoch < 60; ++epoch) trainer.train_epoch(train_set, engine);
  const auto result = learning::evaluate(layer, test_set, trainer.loss_function());
  CHECK(result.samples == 539);
  CHECK(result.accuracy >= 0.90);
  std::size_t total = 0;
  for (auto c : result.confusion) total += c;
  CHECK(total == 539);
}

TEST_CASE("bad learning parameters and data are refused at construction (issue 9)", "[learning][errors]") {
  network::crossbar<16, 4, preset::response_type> layer(preset::response());
  auto make = [&](auto rule) { learning::trainer t(layer, rule, {.batch_size = 4}); };
  CHECK_THROWS_AS(make(learning::sgd{.learning_rate = std::nan("")}), invalid_parameter);
  CHECK_THROWS_AS(make(learning::sgd{.learning_rate = -0.1}), invalid_parameter);
  CHECK_THROWS_AS(make(learning::adam{.beta1 = 1.0}), invalid_parameter);
  CHECK_THROWS_AS(make(learning::adam{.beta1 = -0.1}), invalid_parameter);
  CHECK_THROWS_AS(make(learning::adam{.beta2 = 1.5}), invalid_parameter);
  CHECK_THROWS_AS(make(learning::adam{.learning_rate = std::nan("")}), invalid_parameter);
  CHECK_NOTHROW(make(learning::adam{}));
  // issue 19.9: the output scale beta of the convenience constructor (logits beta U / (N_in V_max))
  for (double beta : {std::nan(""), 0.0, -1.0}) {
    try {
      learning::trainer t(layer, learning::sgd{}, {.output_scale = beta, .batch_size = 4});
      FAIL("output_scale beta = " << beta << " was accepted");
    } catch (const invalid_parameter& e) {
      CHECK(e.parameter() == "training_options::output_scale (beta)");
    }
  }
  CHECK_NOTHROW(learning::trainer(layer, learning::sgd{}, {.output_scale = 1e-3, .batch_size = 4}));
  // one NaN drive: refused when the data set is prepared, naming the sample and the row
  separable_set data(1);
  data.drives(3, 5) = std::nan("");
  try {
    (void)data.prepared();
    FAIL("a NaN drive was accepted");
  } catch (const invalid_parameter& e) {
    CHECK_THAT(e.what(), Catch::Contains("sample 3, row 5"));
  }
  data.drives(3, 5) = -0.5;
  CHECK_THROWS_AS(data.prepared(), invalid_parameter);
  // train_batch checks the values of the sample indices, not only their count
  const auto good = separable_set(1).prepared();
  learning::trainer trainer(layer, learning::sgd{}, {.batch_size = 4});
  std::mt19937_64 engine(1);
  const std::vector<std::size_t> outside{0, 1, 200, 3};
  CHECK_THROWS_AS(trainer.train_batch(good, outside, engine), index_out_of_range);
  CHECK_THROWS_AS(trainer.train_batch(good, std::vector<std::size_t>(5, 0), engine), invalid_parameter);
  CHECK_THROWS_AS(trainer.train_batch(good, std::vector<std::size_t>{}, engine), invalid_parameter);
  // labels beyond the outputs
  xt::xtensor<double, 2> p = xt::zeros<double>({2, 16});
  const learning::data_set bad_labels(p, {0, 4});
  CHECK_THROWS_AS(trainer.train_epoch(bad_labels, engine), invalid_parameter);
}

TEST_CASE("one reduction path: 1, 2, 3 and 7 chunks are each bit-identical across thread counts", "[learning][reproducible]") {
  for (std::size_t chunks : {1, 2, 3, 7}) {
    INFO("chunks " << chunks);
    const auto one = train_separable(learning::sgd{.learning_rate = 0.05}, 42, 1, nullptr, chunks);
    CHECK(train_separable(learning::sgd{.learning_rate = 0.05}, 42, 2, nullptr, chunks) == one);
    CHECK(train_separable(learning::sgd{.learning_rate = 0.05}, 42, 3, nullptr, chunks) == one);
    CHECK(train_separable(learning::adam{.learning_rate = 0.01}, 42, 1, nullptr, chunks) ==
          train_separable(learning::adam{.learning_rate = 0.01}, 42, 4, nullptr, chunks));
  }
  // the chunk partition changes only the order of the additions: results agree to rounding
  const auto a = train_separable(learning::sgd{.learning_rate = 0.05}, 42, 1, nullptr, 1);
  const auto b = train_separable(learning::sgd{.learning_rate = 0.05}, 42, 1, nullptr, 7);
  for (std::size_t k = 0; k < a.size(); ++k) CHECK(a[k] == Approx(b[k]).epsilon(1e-9).margin(1e-12));
}

namespace {
/// A rule that offers only the whole-array step (no element-wise form) and says so
/// (whole_vector_update): the trainer must hand it the full gradient and clip afterwards. Plain
/// SGD arithmetic, so it must match learning::sgd.
struct whole_array_sgd {
  static constexpr bool whole_vector_update = true;
  double learning_rate = 0.05;
  void reset(std::size_t) {}
  void step(double* x, const double* g, std::size_t n) const {
    for (std::size_t k = 0; k < n; ++k) x[k] -= learning_rate * g[k];
  }
};
static_assert(learning::optimizer<whole_array_sgd> && !learning::elementwise_optimizer<whole_array_sgd>);
/// The same rule without the declaration: not an optimizer (it would silently run on the slower
/// whole-vector path; tests/compile_fail/optimizer_off_fast_path.cpp shows the diagnostic).
struct undeclared_whole_array_sgd {
  double learning_rate = 0.05;
  void reset(std::size_t) {}
  void step(double*, const double*, std::size_t) const {}
};
static_assert(!learning::optimizer<undeclared_whole_array_sgd>);
/// An element-wise rule without a step(): learning::step() provides it.
struct update_only_sgd {
  double learning_rate = 0.05;
  void reset(std::size_t) {}
  void begin_step() {}
  [[nodiscard]] double update(double x, double g, std::size_t) const { return x - learning_rate * g; }
};
static_assert(learning::elementwise_optimizer<update_only_sgd>);
}  // namespace

TEST_CASE("a rule without the element-wise form trains exactly like its fused equivalent", "[learning]") {
  CHECK(train_separable(whole_array_sgd{}, 5, 2, nullptr) == train_separable(learning::sgd{}, 5, 2, nullptr));
  CHECK(train_separable(update_only_sgd{}, 5, 2, nullptr) == train_separable(learning::sgd{}, 5, 2, nullptr));
  // the provided whole-vector step of an element-wise rule: x - eta g
  update_only_sgd rule;
  std::vector<double> x{1.0, -0.5};
  const std::vector<double> g{2.0, 4.0};
  learning::step(rule, x.data(), g.data(), 2);
  CHECK(x == std::vector<double>{1.0 - 0.05 * 2.0, -0.5 - 0.05 * 4.0});
}

TEST_CASE("mean squared error: value and gradient, and it trains the crossbar", "[learning][loss]") {
  const learning::mean_squared_error_loss mse{.output_scale = 2.0};
  const std::vector<double> u{0.1, 0.7, -0.2};
  std::vector<double> delta(3);
  learning::plain_sum sum;
  CHECK(mse.sample(u.data(), 1, 3, delta.data(), sum));
  // L = 1/2 [(0.2)^2 + (1.4 - 1)^2 + (-0.4)^2] = 0.18
  CHECK(sum.value() == Approx(0.18).epsilon(1e-14));
  CHECK(delta[0] == Approx(2.0 * 0.2));
  CHECK(delta[1] == Approx(2.0 * 0.4));
  CHECK(delta[2] == Approx(2.0 * -0.4));
  network::crossbar<16, 4, preset::response_type> layer(preset::response());
  std::mt19937_64 engine(2);
  learning::initialize_currents(layer, engine);
  const auto data = separable_set(7).prepared();
  learning::trainer trainer(layer, learning::mean_squared_error_loss{.output_scale = 0.5}, learning::sgd{.learning_rate = 0.05},
                            {.batch_size = 16});
  const double before = learning::evaluate(layer, data, trainer.loss_function()).mean_loss;
  for (int epoch = 0; epoch < 30; ++epoch) trainer.train_epoch(data, engine);
  const auto after = learning::evaluate(layer, data, trainer.loss_function());
  CHECK(after.mean_loss < 0.5 * before);
  CHECK(after.accuracy == 1.0);
}
