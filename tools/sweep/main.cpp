// tools/sweep: a design-space sweep of the digits crossbar over MPI ranks (component
// spinaptic::mpi). Format of the sweep file and the analyses: docs/scaling.md.
//
//   mpirun -np R sweep SWEEP.json --csv RESULTS.csv [--resume] [--verbose]
//                [--pareto PNG] [--yield PNG [--threshold ACC]]
//
// Every finished point is appended (flushed and fsynced) to RESULTS.csv by rank 0; a run killed at
// any moment continues with --resume and neither loses nor repeats a finished point. When all
// points are in, the file is sorted by point index: byte-identical for any R. --pareto plots test
// accuracy against energy per classification with the Pareto front marked; --yield plots the
// accuracy histogram of the points (one chip per seed) and the fraction above --threshold.
// The last lines printed by rank 0 are machine-readable: points=, computed=, busy_seconds=, wall_seconds=.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <unistd.h>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <spinaptic/mpi/sweep_analysis.hpp>
#include <spinaptic/mpi/sweep_file.hpp>
#include <spinaptic/mpi/sweep_point.hpp>
#include <spinaptic/mpi/sweep_scheduler.hpp>

namespace {
[[noreturn]] void usage(const std::string& why) {
  std::cerr << "sweep: " << why
            << "\nusage: sweep SWEEP.json --csv RESULTS.csv [--resume] [--verbose] [--pareto PNG] [--yield PNG "
               "[--threshold ACC]]\n";
  std::exit(2);
}
}  // namespace

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv, boost::mpi::threading::funneled);
  boost::mpi::communicator world;
  std::string file, csv, pareto, yield;
  double threshold = 0.9;
  bool resume = false, verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : (usage("missing value after " + a), std::string()); };
    if (a == "--resume") resume = true;
    else if (a == "--verbose") verbose = true;
    else if (a == "--csv") csv = value();
    else if (a == "--pareto") pareto = value();
    else if (a == "--yield") yield = value();
    else if (a == "--threshold") threshold = std::stod(value());
    else if (a.rfind("--", 0) == 0) usage("unknown option " + a);
    else file = a;
  }
  if (file.empty() || csv.empty()) usage("a sweep file and --csv are required");
  try {
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = spinaptic::mpi::read_sweep_file(file);  // every rank reads it: same points everywhere
    const auto data = spinaptic::mpi::point_data::load(s.data);
    if (verbose) std::fprintf(stderr, "sweep: rank %d pid %d\n", world.rank(), int(::getpid()));
    const auto report = spinaptic::mpi::run_sweep(world, s, csv, resume, [&](const spinaptic::mpi::point_settings& p) {
      return spinaptic::mpi::evaluate_point(p, data);
    });
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<double> busy;
    boost::mpi::gather(world, report.busy_seconds, busy, 0);
    std::vector<std::size_t> computed;
    boost::mpi::gather(world, report.computed_here, computed, 0);
    if (world.rank() == 0) {
      if (!pareto.empty()) spinaptic::mpi::plot_pareto(csv, pareto);
      if (!yield.empty()) std::printf("yield_fraction=%.6f\n", spinaptic::mpi::plot_yield(csv, yield, threshold));
      std::size_t total = 0;
      for (std::size_t r = 0; r < computed.size(); ++r) {
        std::printf("rank %zu: %zu points, busy %.3f s\n", r, computed[r], busy[r]);
        total += computed[r];
      }
      std::printf("points=%zu\nskipped=%zu\ncomputed=%zu\nwall_seconds=%.6f\n", report.points, report.skipped, total, wall);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "sweep: rank " << world.rank() << ": " << e.what() << '\n';
    world.abort(1);
  }
}
