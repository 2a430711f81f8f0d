// examples/crossbar: the network of Oberbauer et al. 2025 (Commun. Phys., Fig. 4) in one page.
// A 64 x 10 crossbar of the paper's 800 nm MTJs in the AP state: pixel j of an 8x8 digit sets the
// laser power of row j, each junction's bias current is a trainable weight, the thermovoltages add
// along each column and the largest column voltage is the digit (docs/network.md). Trained with
// SGD on softmax cross-entropy through the analytic dV/dI; the paper reaches 93.7 %.
//
//   crossbar [--epochs N] [--seed S]      (the full application with every option: tools/digits)
//
// Data: the 8x8 digits CSV from scripts/fetch-data (cache: $SPINAPTIC_DATA or ~/.cache/spinaptic).
// The last line printed is test_accuracy=0.xxxx.
#include <cstdio>
#include <random>

#include "../common/command_line.hpp"

#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>

namespace sp = spinaptic;

int main(int argc, char** argv) {
  return example::guarded_main("crossbar", [&] {
    std::size_t epochs = 300;
    std::uint64_t seed = 1;
    example::command_line cli{"Train the paper's 64 x 10 MTJ crossbar on the 8x8 digits; the last line is test_accuracy=0.xxxx"};
    cli.add("--epochs", epochs, "training epochs").range(std::size_t{1}, std::size_t{100000}).show_default();
    cli.add("--seed", seed, "seed of the one random engine (split, initial currents, batches)").show_default();
    if (const int code = cli.parse(argc, argv); code >= 0) return code;

    // The 1797 digits, split 70/30 with every class in proportion; pixels 0..16 -> p = P / P_max.
    const auto digits = sp::io::read_digits_csv(sp::io::data_directory() + "/digits/digits.csv");
    std::mt19937_64 engine(seed);
    const auto [train_index, test_index] = sp::learning::stratified_split(digits.labels, 10, 0.3, engine);
    const auto train_images = digits.subset(train_index), test_images = digits.subset(test_index);
    const sp::learning::data_set train(sp::encoding::encode(train_images), train_images.labels);
    const sp::learning::data_set test(sp::encoding::encode(test_images), test_images.labels);

    // The chip: 64 rows x 10 columns of the paper's junction (calibrated surface, AP state), built
    // from the junction itself, so it trains on what junction.thermovoltage reports; currents in
    // [-I_max, I_max].
    const auto junction = sp::device::presets::hybrid_mgo_800nm::junction();
    sp::network::junction_crossbar<64, 10, decltype(junction)> chip(junction, sp::network::current_range::bipolar);
    sp::learning::initialize_currents(chip, engine);

    // Logits beta U_l / (N V_max) with beta = 200; SGD with step 0.05 on x = I / I_max; batches of 32.
    sp::learning::trainer trainer(chip, sp::learning::sgd{.learning_rate = 0.05}, {.output_scale = 200.0, .batch_size = 32});
    for (std::size_t epoch = 1; epoch <= epochs; ++epoch) {
      const auto pass = trainer.train_epoch(train, engine);
      if (epoch % 50 == 0 || epoch == epochs) std::printf("epoch %zu: loss %.4f\n", epoch, pass.mean_loss);
    }
    const auto result = trainer.evaluate(test, engine);
    std::printf("test_accuracy=%.4f\n", result.accuracy);
    return 0;
  });
}
