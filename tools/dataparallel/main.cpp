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
#include <spinaptic/learning/initialisation.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/mpi/data_parallel.hpp>
#include <spinaptic/network/crossbar.hpp>

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
  learning::initialise_currents(layer, engine);
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
}  // namespace

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  try {
    settings s;
    std::map<std::string, std::string> kv;
    for (int i = 1; i + 1 < argc; i += 2) kv[std::string(argv[i]).substr(2)] = argv[i + 1];
    if (argc % 2 == 0) throw invalid_parameter("number of command-line words (pairs --flag value)", argc - 1, "even");
    for (const auto& [k, v] : kv) {
      if (k == "data") s.data = v;
      else if (k == "currents") s.currents = v;
      else if (k == "epochs") s.epochs = std::stoul(v);
      else if (k == "batch") s.batch = std::stoul(v);
      else if (k == "partitions") s.partitions = std::stoul(v);
      else if (k == "lr") s.lr = std::stod(v);
      else if (k == "beta") s.beta = std::stod(v);
      else if (k == "seed") s.seed = std::stoull(v);
      else if (k == "noise-uV") s.noise_uV = std::stod(v);
      else throw file_error("command line", "", "unknown option --" + k);
    }
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
