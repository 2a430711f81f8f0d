// tools/dataparallel: data-parallel training of the crossbar of tools/digits over MPI ranks
// (mpi/data_parallel.hpp): the batch cut into P partitions shared out over the ranks, the
// partition gradients all-gathered and summed in partition order, so that the trained currents
// are bit-identical for every rank count R <= P.
//
//   mpirun -np R dataparallel [--data digits|mnist8|mnist28] [--epochs E] [--batch B]
//                [--partitions P] [--lr ETA] [--beta BETA] [--seed S] [--noise-uV SIGMA]
//                [--currents FILE]
//
// --currents writes the trained normalised currents (raw little-endian doubles) from rank 0, for
// comparing runs bit for bit. The last lines are machine-readable: train_seconds= (slowest rank),
// compute_seconds=, communication_seconds=, update_seconds= (rank 0), test_accuracy=.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/io/idx.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/mpi/data_parallel.hpp>
#include <spinaptic/network/crossbar.hpp>

#include "../common/mpi_command_line.hpp"

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
struct settings {
  std::string data = "digits", currents;
  std::size_t epochs = 5, batch = 32, partitions = 2;
  double lr = 0.05, beta = 0.0, noise_uV = 0.0;
  std::uint64_t seed = 1;
};

template <std::size_t Inputs>
int run(const boost::mpi::communicator& world, const settings& s, io::image_set train, io::image_set test) {
  using layer_type = network::crossbar<Inputs, 10, preset::response_type>;
  layer_type layer(preset::response());
  std::mt19937_64 engine(s.seed);  // identical on every rank
  learning::initialize_currents(layer, engine);
  const learning::data_set train_set(encoding::encode<typename layer_type::encoding_type>(train), train.labels);
  const learning::data_set test_set(encoding::encode<typename layer_type::encoding_type>(test), test.labels);
  nonideal::read_noise noise;
  noise.amplifier_floor = units::as<units::voltage>(s.noise_uV * 1e-6);
  const learning::softmax_cross_entropy_loss loss{s.beta / double(Inputs)};  // s = beta / N_in
  mpi::data_parallel_trainer trainer(world, layer, loss, learning::sgd{.learning_rate = s.lr},
                                     {.batch_size = s.batch, .partitions = s.partitions}, noise);
  world.barrier();
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t e = 0; e < s.epochs; ++e) trainer.train_epoch(train_set, engine);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double slowest = 0.0;
  boost::mpi::reduce(world, seconds, slowest, boost::mpi::maximum<double>(), 0);
  if (world.rank() != 0) return 0;
  const double accuracy = learning::evaluate(layer, test_set, loss).accuracy;
  if (!s.currents.empty())
    std::ofstream(s.currents, std::ios::binary)
        .write(reinterpret_cast<const char*>(layer.normalized_currents().data()),
               std::streamsize(layer.normalized_currents().size() * sizeof(double)));
  const auto& t = trainer.timing();
  std::printf("ranks=%d\nbatch=%zu\npartitions=%zu\nepochs=%zu\n", world.size(), s.batch, s.partitions, s.epochs);
  std::printf("train_seconds=%.6f\ncompute_seconds=%.6f\ncommunication_seconds=%.6f\nupdate_seconds=%.6f\n", slowest,
              t.compute, t.communication, t.update);
  std::printf("test_accuracy=%.6f\n", accuracy);
  return 0;
}

/// The command line (CLI11) on every rank; rank 0 prints. -1: go on; else the exit code.
int parse(int argc, char** argv, settings& s, bool speak) {
  CLI::App app{"Data-parallel training of the digits crossbar over MPI ranks (docs/scaling.md)", "dataparallel"};
  app.add_option("--data", s.data, "data set")->check(CLI::IsMember({"digits", "mnist8", "mnist28"}))->capture_default_str();
  app.add_option("--epochs", s.epochs, "passes over the training set")->check(CLI::Range(std::size_t{1}, std::size_t{100000}))->capture_default_str();
  app.add_option("--batch", s.batch, "mini-batch size B")->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))->capture_default_str();
  app.add_option("--partitions", s.partitions, "partitions P of each batch (>= the rank count)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 16))->capture_default_str();
  app.add_option("--lr", s.lr, "learning rate eta")->check(spinaptic_tools::finite_in(1e-300, 1e6), "(0, 1e6]")->capture_default_str();
  app.add_option("--beta", s.beta, "output scale beta (default: 200 digits, 400 mnist8, 1500 mnist28)")
      ->check(spinaptic_tools::finite_in(1e-300, 1e9), "(0, 1e9]");
  app.add_option("--seed", s.seed, "seed of the one engine (identical on every rank)")->capture_default_str();
  app.add_option("--noise-uV", s.noise_uV, "amplifier read-noise floor [uV rms]")->check(spinaptic_tools::finite_in(0.0, 1e9), "[0, 1e9]");
  app.add_option("--currents", s.currents, "write the trained normalised currents here (rank 0; raw little-endian doubles)");
  return spinaptic_tools::parse_command_line(app, argc, argv, speak);
}
}  // namespace

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  settings s;
  if (const int code = parse(argc, argv, s, world.rank() == 0); code >= 0) return code;
  try {
    if (s.beta == 0.0) s.beta = s.data == "digits" ? 200.0 : s.data == "mnist8" ? 400.0 : 1500.0;
    const std::string root = io::data_directory();
    if (s.data == "digits") {
      const auto all = io::read_digits_csv(root + "/digits/digits.csv");
      std::mt19937_64 split_engine(s.seed);
      auto [train, test] = learning::stratified_split(all.labels, 10, 0.3, split_engine);
      return run<64>(world, s, all.subset(train), all.subset(test));
    }
    auto train = io::read_idx(root + "/mnist/train-images-idx3-ubyte", root + "/mnist/train-labels-idx1-ubyte");
    auto test = io::read_idx(root + "/mnist/t10k-images-idx3-ubyte", root + "/mnist/t10k-labels-idx1-ubyte");
    if (s.data == "mnist8") return run<64>(world, s, encoding::area_average(train, 8, 8), encoding::area_average(test, 8, 8));
    if (s.data == "mnist28") return run<784>(world, s, std::move(train), std::move(test));
    throw file_error("command line", "", "--data must be digits, mnist8 or mnist28");
  } catch (const std::exception& e) {
    std::cerr << "dataparallel: rank " << world.rank() << ": " << e.what() << '\n';
    world.abort(1);
  }
}
