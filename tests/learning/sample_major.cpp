// Tests for the dense sample-major path of the trainer (crossbar_kernels::forward_block and
// gradient_block, softmax_cross_entropy_loss::block): each equals the per-sample passes bit for
// bit (forward(), softmax_cross_entropy_sample(), backward() into one accumulator per chunk and
// gradient_tile() over the chunks, as the lit-row path runs them), for a row count and a batch
// that are not multiples of the vector width, a power order of 1 and of 2, and logits wide
// enough to take exp's clamp; a trainer on the dense path (forced by dense_from = 0) trains the
// same currents as on the lit-row path, for 1, 2, 3 and 7 chunks and 1 and 2 threads; refresh()
// of a tile gives the tables of a new prepare(), ideal or not.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstring>
#include <random>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/response_surface.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/nonideal/hardware.hpp>

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
/// Drives in [0, 1) with about half the rows dark, and labels.
xt::xtensor<double, 2> random_drives(std::size_t samples, std::size_t rows, std::mt19937_64& engine) {
  xt::xtensor<double, 2> p = xt::xtensor<double, 2>::from_shape({samples, rows});
  std::uniform_real_distribution<double> drive(0.0, 1.0);
  std::bernoulli_distribution dark(0.5);
  for (double& v : p) v = dark(engine) ? 0.0 : drive(engine);
  return p;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

/// One batch of `batch` samples cut into the chunks `bounds` through the block kernels and
/// through the per-sample kernels; every output, delta, loss and gradient must be the same bits.
template <class Layer>
void check_blocks_equal_samples(Layer& layer, std::size_t batch, const std::vector<std::size_t>& bounds, double logit_scale) {
  using kernels_t = typename Layer::kernels_type;
  constexpr std::size_t W = kernels_t::block_samples, L = Layer::static_outputs;
  const std::size_t N = layer.inputs(), C = bounds.size() - 1;
  std::mt19937_64 engine(11);
  learning::initialize_currents(layer, engine);
  const auto drives = random_drives(batch, N, engine);
  std::vector<std::size_t> labels(batch);
  for (std::size_t b = 0; b < batch; ++b) labels[b] = (3 * b + 1) % L;
  kernels_t kernels;
  kernels.prepare(layer);
  const learning::softmax_cross_entropy_loss loss{.logit_scale = logit_scale};

  // per sample: forward, loss, backward into the chunk's accumulator, then the ordered chunk sum
  std::vector<double> u(batch * L), delta(batch * L), acc(C * kernels.accumulator_size(), 0.0);
  std::vector<double> sample_loss(C), grad_samples(N * L, 0.0);
  std::vector<std::size_t> sample_correct(C, 0);
  for (std::size_t c = 0; c < C; ++c) {
    learning::loss_sum sum;
    for (std::size_t b = bounds[c]; b < bounds[c + 1]; ++b) {
      const network::dense_drives in{drives.data() + b * N, N};
      kernels.forward(in, u.data() + b * L);
      sample_correct[c] += loss.sample<L>(u.data() + b * L, labels[b], L, delta.data() + b * L, sum);
      kernels.backward(in, nullptr, delta.data() + b * L, nullptr, acc.data() + c * kernels.accumulator_size());
    }
    sample_loss[c] = sum.value();
  }
  kernels.template gradient_tile<0>(acc.data(), kernels.accumulator_size(), C, 0, N * L, grad_samples.data());

  // sample-major: blocks of W per chunk (the last one padded with a dark sample)
  const std::vector<double> dark(N, 0.0);
  std::vector<const double*> rows(batch + W, dark.data());
  for (std::size_t b = 0; b < batch; ++b) rows[b] = drives.data() + b * N;
  const std::size_t stride = (batch + W) * L;
  std::vector<double> uT(C * stride), deltaT(C * stride), u_blocks(batch * L), delta_blocks(batch * L);
  std::vector<double> block_loss(C), grad_blocks(N * L);
  std::vector<std::size_t> block_correct(C, 0);
  for (std::size_t c = 0; c < C; ++c) {
    learning::loss_sum sum;
    for (std::size_t b = bounds[c], k = 0; b < bounds[c + 1]; b += W, ++k) {
      kernels.forward_block(rows.data() + b, uT.data() + c * stride + k * W * L);
      block_correct[c] += loss.block<L, W>(uT.data() + c * stride + k * W * L, labels.data() + b,
                                           std::min(W, bounds[c + 1] - b), deltaT.data() + c * stride + k * W * L, sum);
      for (std::size_t q = 0; q < W && b + q < bounds[c + 1]; ++q)
        for (std::size_t l = 0; l < L; ++l) {
          u_blocks[(b + q) * L + l] = uT[c * stride + k * W * L + l * W + q];
          delta_blocks[(b + q) * L + l] = deltaT[c * stride + k * W * L + l * W + q];
        }
    }
    block_loss[c] = sum.value();
  }
  const std::size_t half = N / W / 2 * W;  // two row ranges, as two threads would take them
  kernels.gradient_block(rows.data(), bounds.data(), C, deltaT.data(), stride, 0, half, grad_blocks.data());
  kernels.gradient_block(rows.data(), bounds.data(), C, deltaT.data(), stride, half, N, grad_blocks.data());

  CHECK(same_bits(u, u_blocks));
  CHECK(same_bits(delta, delta_blocks));
  CHECK(same_bits(sample_loss, block_loss));
  CHECK(sample_correct == block_correct);
  CHECK(same_bits(grad_samples, grad_blocks));
}

/// A loss that offers only the per-sample form: the trainer then takes its lit-row path.
struct per_sample_softmax {
  learning::softmax_cross_entropy_loss inner;
  using sum_type = learning::loss_sum;
  bool sample(const double* u, std::size_t label, std::size_t outputs, double* delta, sum_type& sum) const noexcept {
    return inner.sample(u, label, outputs, delta, sum);
  }
};
}  // namespace

TEST_CASE("sample-major kernels and loss give the bits of the per-sample passes", "[learning][sample-major]") {
  SECTION("13 rows x 3 columns, cubic response, batch 11 in chunks of 5 and 6") {
    network::crossbar<13, 3, preset::response_type> layer(preset::response());
    check_blocks_equal_samples(layer, 11, {0, 5, 11}, 6.0);
  }
  SECTION("64 x 10 (the digits chip), batch 32 in 3 chunks") {
    network::crossbar<64, 10, preset::response_type> layer(preset::response());
    check_blocks_equal_samples(layer, 32, {0, 10, 21, 32}, 200.0 / 64.0);
  }
  SECTION("power order 2: A_m and G'_m of both powers") {
    using response = device::bias_enhanced_tms<2>;  // a non-separable M = 2 surface
    const response r(preset::response().scale(), {{{0.01, 0.2, -0.05, 0.3}, {0.02, -0.1, 0.15, 0.2}}},
                     {{{0.02, 0.4, 0.1, 0.5}, {-0.01, 0.3, -0.2, 0.1}}});
    network::crossbar<9, 4, response> layer(r);
    check_blocks_equal_samples(layer, 7, {0, 7}, 3.0);
  }
  SECTION("logits spread past exp's range: the clamped lanes") {
    network::crossbar<13, 3, preset::response_type> layer(preset::response());
    check_blocks_equal_samples(layer, 9, {0, 4, 9}, 5000.0);
  }
}

TEST_CASE("the trainer's dense sample-major path trains the currents of its lit-row path", "[learning][sample-major][reproducible]") {
  using layer_t = network::crossbar<24, 5, preset::response_type>;
  std::mt19937_64 data_engine(5);
  const auto drives = random_drives(70, 24, data_engine);
  std::vector<std::uint8_t> labels(70);
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = static_cast<std::uint8_t>((i * 7) % 5);
  const learning::data_set data(drives, labels);
  auto train = [&](auto loss, std::size_t chunks, std::size_t threads) {
    layer_t layer(preset::response());
    std::mt19937_64 engine(9);
    learning::initialize_currents(layer, engine);
    learning::trainer trainer(layer, loss, learning::sgd{.learning_rate = 0.05},
                              {.batch_size = 16, .threads = threads, .chunks = chunks, .dense_from = 0.0});
    for (int epoch = 0; epoch < 4; ++epoch) trainer.train_epoch(data, engine);
    const auto& x = layer.normalized_currents();
    return std::vector<double>(x.begin(), x.end());
  };
  const learning::softmax_cross_entropy_loss softmax{.logit_scale = 100.0 / 24.0};
  for (std::size_t chunks : {1, 2, 3, 7}) {
    const auto lit_rows = train(per_sample_softmax{softmax}, chunks, 1);
    CHECK(same_bits(train(softmax, chunks, 1), lit_rows));
    CHECK(same_bits(train(softmax, chunks, 2), lit_rows));
  }
}

TEST_CASE("training_options::dense_from must be finite or negative", "[learning][sample-major]") {
  network::crossbar<24, 5, preset::response_type> layer(preset::response());
  const learning::softmax_cross_entropy_loss softmax{.logit_scale = 100.0 / 24.0};
  auto make = [&](double dense_from) {
    learning::trainer trainer(layer, softmax, learning::sgd{.learning_rate = 0.05},
                              {.batch_size = 16, .dense_from = dense_from});
  };
  CHECK_THROWS_AS(make(std::nan("")), invalid_parameter);
  CHECK_THROWS_AS(make(std::numeric_limits<double>::infinity()), invalid_parameter);
  CHECK_NOTHROW(make(-1.0));
  CHECK_NOTHROW(make(0.0));
  CHECK_NOTHROW(make(2.0));
}

TEST_CASE("refresh() of a tile gives the tables of a new prepare()", "[learning][sample-major]") {
  using layer_t = network::crossbar<16, 4, preset::response_type>;
  for (bool ideal : {true, false}) {
    layer_t layer(preset::response());
    std::mt19937_64 engine(3);
    learning::initialize_currents(layer, engine);
    if (!ideal) {
      nonideal::hardware chip;
      chip.spread.relative_sigma = 0.2;
      chip.stuck.fraction = 0.1;
      chip.dac.current_bits = 5;
      chip.realize(layer, engine);
    }
    layer_t::kernels_type refreshed, fresh;
    refreshed.prepare(layer);
    double* x = layer.normalized_currents().data();
    for (std::size_t d = 20; d < 37; ++d) x[d] = -x[d] * 0.5;  // a tile changed in place
    refreshed.refresh<0>(20, 17);
    fresh.prepare(layer);
    for (std::size_t m = 1; m <= layer_t::power_order; ++m) {
      const auto a = refreshed.table(m), b = fresh.table(m), da = refreshed.slope_table(m), db = fresh.slope_table(m);
      CHECK(std::equal(a.begin(), a.end(), b.begin()));
      CHECK(std::equal(da.begin(), da.end(), db.begin()));
    }
  }
}
