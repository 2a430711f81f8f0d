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

#include "../common/mpi_command_line.hpp"

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  int repeats = 200;
  CLI::App app{"Time of one MPI all-gather against message size (docs/scaling.md)", "allgather_probe"};
  app.add_option("--repeats", repeats, "all-gathers per message size")->check(CLI::Range(1, 1000000))->capture_default_str();
  if (const int code = spinaptic_tools::parse_command_line(app, argc, argv, world.rank() == 0); code >= 0) return code;
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
