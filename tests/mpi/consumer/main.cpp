// A user's MPI program: a two-point sweep parsed on every rank, the point count reduced over ranks.
#include <cstdio>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <spinaptic/mpi/sweep_file.hpp>

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  const auto s = spinaptic::mpi::parse_sweep(R"({"grid": {"laser_power_mW": [75, 150]}})");
  std::size_t total = 0;
  boost::mpi::reduce(world, s.points.size(), total, std::plus<std::size_t>(), 0);
  if (world.rank() == 0) std::printf("sweep points on %d ranks: %zu\n", world.size(), total);
  return total == 2 * std::size_t(world.size()) ? 0 : 1;
}
