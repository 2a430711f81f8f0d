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
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <spinaptic/mpi/sweep_analysis.hpp>
#include <spinaptic/mpi/sweep_file.hpp>
#include <spinaptic/mpi/sweep_point.hpp>
#include <spinaptic/mpi/sweep_scheduler.hpp>

#include "../common/mpi_command_line.hpp"

namespace {
struct options {
  std::string file, csv, pareto, yield;
  double threshold = 0.9;
  bool resume = false, verbose = false;
};

/// The command line (CLI11), parsed identically on every rank; only rank 0 prints. Returns -1 to
/// go on, else the exit code (0 after --help, 2 for a malformed command line).
int parse(int argc, char** argv, options& o, bool speak) {
  CLI::App app{"A design-space sweep of the digits crossbar over MPI ranks (docs/scaling.md)", "sweep"};
  app.add_option("SWEEP.json", o.file, "the sweep file (JSON; format in docs/scaling.md)")->required();
  app.add_option("--csv", o.csv, "the results journal (CSV; appended row by row, resumable)")->required();
  app.add_flag("--resume", o.resume, "continue the journal of an earlier run of the same sweep");
  app.add_flag("--verbose", o.verbose, "print each rank's pid");
  app.add_option("--pareto", o.pareto, "plot test accuracy against energy per classification (PNG, and SVG beside it)");
  auto* y = app.add_option("--yield", o.yield, "plot the histogram of the chips' test accuracies (PNG, and SVG beside it)");
  app.add_option("--threshold", o.threshold, "accuracy threshold of --yield, in [0, 1]")
      ->check(spinaptic_tools::finite_in(0.0, 1.0), "[0, 1]")
      ->needs(y)
      ->capture_default_str();
  return spinaptic_tools::parse_command_line(app, argc, argv, speak);
}
}  // namespace

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv, boost::mpi::threading::funneled);
  boost::mpi::communicator world;
  options o;
  if (const int code = parse(argc, argv, o, world.rank() == 0); code >= 0) return code;
  // every rank reads the sweep file and the data; a failure is reported once and every rank
  // returns 1 through MPI_Finalize (no MPI_Abort)
  std::string failure;
  spinaptic::mpi::sweep s;
  spinaptic::mpi::point_data data;
  try {
    s = spinaptic::mpi::read_sweep_file(o.file);  // every rank reads it: same points everywhere
    data = spinaptic::mpi::point_data::load(s.data);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  if (spinaptic_tools::any_rank_failed(world, "sweep", failure)) return 1;
  try {
    const auto t0 = std::chrono::steady_clock::now();
    if (o.verbose) std::fprintf(stderr, "sweep: rank %d pid %d\n", world.rank(), int(::getpid()));
    const auto report = spinaptic::mpi::run_sweep(world, s, o.csv, o.resume, [&](const spinaptic::mpi::point_settings& p) {
      return spinaptic::mpi::evaluate_point(p, data);
    });
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<double> busy;
    boost::mpi::gather(world, report.busy_seconds, busy, 0);
    std::vector<std::size_t> computed;
    boost::mpi::gather(world, report.computed_here, computed, 0);
    if (world.rank() == 0) {
      try {  // no collective follows: a failed plot ends rank 0 alone, with status 1 and the CSV complete
        if (!o.pareto.empty()) spinaptic::mpi::plot_pareto(o.csv, o.pareto);
        if (!o.yield.empty()) std::printf("yield_fraction=%.6f\n", spinaptic::mpi::plot_yield(o.csv, o.yield, o.threshold));
      } catch (const std::exception& e) {
        std::cerr << "sweep: the sweep is complete in " << o.csv << ", but plotting failed: " << e.what() << '\n';
        return 1;
      }
      std::size_t total = 0;
      for (std::size_t r = 0; r < computed.size(); ++r) {
        std::printf("rank %zu: %zu points, busy %.3f s\n", r, computed[r], busy[r]);
        total += computed[r];
      }
      std::printf("points=%zu\nskipped=%zu\ncomputed=%zu\nwall_seconds=%.6f\n", report.points, report.skipped, total, wall);
    }
    return 0;
  } catch (const spinaptic::mpi::collective_error& e) {  // thrown on every rank: report once, no abort
    if (world.rank() == 0) std::cerr << "sweep: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {  // one rank alone: the others may wait for it, so abort the job
    std::cerr << "sweep: rank " << world.rank() << ": " << e.what() << '\n';
    world.abort(1);
  }
}
