// tools/allgather_probe: the time of one MPI all-gather against message size, the communication
// term of docs/scaling.md's model t(m) = alpha + m / beta (m bytes per rank).
//
//   mpirun -np R allgather_probe [--repeats N]
//
// For m = 8 B ... 1 MiB per rank, N all-gathers (default 200) after a barrier each; rank 0 prints
// the minimum (the machine's latency and bandwidth) and the median (what a loaded machine gives)
// as allgather_bytes=M min_seconds=T median_seconds=T.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  const int repeats = argc == 3 && std::string(argv[1]) == "--repeats" ? std::max(1, std::stoi(argv[2])) : 200;
  for (std::size_t doubles = 1; doubles <= (std::size_t(1) << 17); doubles *= 8) {
    std::vector<double> send(doubles, double(world.rank())), receive(doubles * std::size_t(world.size()));
    std::vector<double> times;
    for (int k = 0; k < repeats; ++k) {
      world.barrier();
      const auto t0 = std::chrono::steady_clock::now();
      boost::mpi::all_gather(world, send.data(), int(doubles), receive.data());
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    double slowest_median = 0.0;
    boost::mpi::reduce(world, times[times.size() / 2], slowest_median, boost::mpi::maximum<double>(), 0);
    if (world.rank() == 0)
      std::printf("allgather_bytes=%zu min_seconds=%.3g median_seconds=%.3g\n", doubles * 8, times.front(), slowest_median);
  }
  return 0;
}
