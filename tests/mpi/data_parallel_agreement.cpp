// Data-parallel ranks that do not agree are refused on every rank, before any collective of the
// training (issue 19, item 15: different data or batch sizes deadlocked, different crossbar sizes
// aborted inside an MPI assertion). Runs under mpirun -np 2 (tests/mpi/CMakeLists.txt, with a
// timeout: a deadlock fails the test) and prints "data_parallel_agreement: PASS" when every case
// is refused with a spinaptic::error on both ranks and agreeing ranks still train.
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/error.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/mpi/data_parallel.hpp>
#include <spinaptic/network/crossbar.hpp>

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
/// n samples of `rows` drives, 2 classes: class c lights the first or the second half of the rows.
learning::data_set two_classes(std::size_t n, std::size_t rows) {
  xt::xtensor<double, 2> drives = xt::zeros<double>({n, rows});
  std::vector<std::uint8_t> labels;
  for (std::size_t i = 0; i < n; ++i) {
    labels.push_back(std::uint8_t(i % 2));
    for (std::size_t j = 0; j < rows; ++j) drives(i, j) = (j < rows / 2) == (i % 2 == 0) ? 1.0 : 0.0;
  }
  return {drives, labels};
}

/// One epoch of a crossbar with `Inputs` rows on `samples` samples with batch size `batch`;
/// returns the message of the spinaptic::error it threw, or "" when it trained.
template <std::size_t Inputs>
std::string train(const boost::mpi::communicator& world, std::size_t samples, std::size_t batch) {
  try {
    network::crossbar<Inputs, 2, preset::response_type> layer(preset::response());
    const auto data = two_classes(samples, Inputs);
    const learning::softmax_cross_entropy_loss loss{100.0 / double(Inputs)};
    mpi::data_parallel_trainer trainer(world, layer, loss, learning::sgd{}, {.batch_size = batch, .partitions = 2});
    std::mt19937_64 engine(1);
    (void)trainer.train_epoch(data, engine);
    return "";
  } catch (const error& e) {
    return e.what();
  }
}
}  // namespace

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  const bool second = world.rank() == 1;
  int failures = 0;
  auto expect = [&](const char* name, const std::string& message, bool refused) {
    const bool ok = refused ? !message.empty() : message.empty();
    if (!ok) {
      ++failures;
      std::cerr << "data_parallel_agreement: rank " << world.rank() << ": " << name << ": "
                << (refused ? "not refused" : "refused: " + message) << '\n';
    }
    if (refused && ok && world.rank() == 0) std::cout << name << ": " << message << '\n';
  };
  // the cases: batch 32 on rank 0 and 16 on rank 1; 100 samples on rank 0 and 90 on
  // rank 1; a crossbar of 64 rows (8x8 digits) on rank 0 and 784 rows (MNIST) on rank 1
  expect("different batch sizes", train<64>(world, 100, second ? 16 : 32), true);
  expect("different data sizes", train<64>(world, second ? 90 : 100, 32), true);
  expect("different crossbar sizes", second ? train<784>(world, 100, 32) : train<64>(world, 100, 32), true);
  // one rank refused locally (a zero batch on rank 1): the other rank is refused too
  expect("one rank's bad batch size", train<64>(world, 100, second ? 0 : 32), true);
  // agreeing ranks train
  expect("agreeing ranks", train<64>(world, 100, 32), false);
  int total = 0;
  boost::mpi::all_reduce(world, failures, total, std::plus<int>());
  if (world.rank() == 0) std::cout << (total == 0 ? "data_parallel_agreement: PASS" : "data_parallel_agreement: FAIL") << '\n';
  return total == 0 ? 0 : 1;
}
