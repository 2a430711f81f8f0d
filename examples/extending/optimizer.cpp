// examples/extending/optimizer.cpp: one's own update rule for the trainer (docs/extending.md).
//
// The concepts (spinaptic/concepts/learning.hpp):
//   elementwise_optimizer<O>: o.reset(n)             check the hyper-parameters (spinaptic::error), size the state
//                             o.begin_step()         once per step
//                             o.update(x_k, g_k, k)  -> new x_k, which the trainer fuses into its gradient pass
//   whole_vector_optimizer<O>: o.reset(n), o.step(x, g, n) and static constexpr bool whole_vector_update = true
//   optimizer<O>:             either form;  rated_optimizer<O>: also a public `double learning_rate`
// The rule here: heavy-ball momentum (Polyak, USSR Comput. Math. Math. Phys. 4, 1 (1964)),
//   v_k <- mu v_k + g_k,   x_k <- x_k - eta v_k.
// With a constant gradient g the n-th step leaves, from v = 0,
//   x_n = x_0 - eta g / (1 - mu) (n - mu (1 - mu^n) / (1 - mu)),
// which the program checks before it trains the paper's 64 x 10 crossbar with the rule (paper: 93.7 %).
// The last line printed is test_accuracy=0.xxxx
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/error.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>

#include "../common/command_line.hpp"

namespace sp = spinaptic;

/// Heavy-ball momentum on a flat parameter array.
struct momentum {
  double learning_rate = 0.005;  ///< eta >= 0
  double momentum_factor = 0.9;  ///< mu in [0, 1)
  std::vector<double> velocity{};

  void reset(std::size_t n) {
    if (!(learning_rate >= 0.0)) throw sp::invalid_parameter("momentum learning rate eta", learning_rate, ">= 0");
    if (!(momentum_factor >= 0.0 && momentum_factor < 1.0))
      throw sp::invalid_parameter("momentum factor mu", momentum_factor, "[0, 1)");
    velocity.assign(n, 0.0);
  }
  void begin_step() noexcept {}
  [[nodiscard]] double update(double x, double g, std::size_t k) noexcept {
    velocity[k] = momentum_factor * velocity[k] + g;
    return x - learning_rate * velocity[k];
  }
  void step(double* x, const double* g, std::size_t n) noexcept {
    begin_step();
    for (std::size_t k = 0; k < n; ++k) x[k] = update(x[k], g[k], k);
  }
};
static_assert(sp::learning::elementwise_optimizer<momentum> && sp::learning::rated_optimizer<momentum>);

int main(int argc, char** argv) try {
  if (const int code = example::parse_without_options(argc, argv, "one's own update rule for the trainer (docs/extending.md)."); code >= 0) return code;
  // The closed form under a constant gradient.
  momentum rule;
  rule.reset(1);
  const double g = 0.3, eta = rule.learning_rate, mu = rule.momentum_factor;
  double x = 1.0;
  for (int n = 1; n <= 50; ++n) rule.step(&x, &g, 1);
  const double closed = 1.0 - eta * g / (1.0 - mu) * (50.0 - mu * (1.0 - std::pow(mu, 50)) / (1.0 - mu));
  std::printf("constant gradient, 50 steps: x = %.15f, closed form %.15f\n", x, closed);
  if (std::abs(x - closed) > 1e-13) return 1;

  // The paper's crossbar on the 8x8 digits, trained with it (as examples/crossbar with SGD).
  const auto digits = sp::io::read_digits_csv(sp::io::data_directory() + "/digits/digits.csv");
  std::mt19937_64 engine(1);
  const auto [train_index, test_index] = sp::learning::stratified_split(digits.labels, 10, 0.3, engine);
  const auto train_images = digits.subset(train_index), test_images = digits.subset(test_index);
  const sp::learning::data_set train(sp::encoding::encode(train_images), train_images.labels);
  const sp::learning::data_set test(sp::encoding::encode(test_images), test_images.labels);
  using junction = sp::device::presets::hybrid_mgo_800nm;
  sp::network::crossbar<64, 10, junction::response_type> chip(junction::response(), sp::device::antiparallel,
                                                              sp::network::current_range::bipolar);
  sp::learning::initialize_currents(chip, engine);
  sp::learning::trainer trainer(chip, momentum{}, {.output_scale = 200.0, .batch_size = 32});
  for (int epoch = 0; epoch < 300; ++epoch) (void)trainer.train_epoch(train, engine);
  const double accuracy = trainer.evaluate(test, engine).accuracy;
  std::printf("test_accuracy=%.4f\n", accuracy);
  return accuracy >= 0.937 ? 0 : 1;  // the paper's 93.7 % (Oberbauer et al. 2025, Fig. 4f)
} catch (const std::exception& e) {
  std::fprintf(stderr, "optimizer: %s\n", e.what());
  return 1;
}
