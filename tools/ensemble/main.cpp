// tools/ensemble: spin-transfer switching probability against current of a large stochastic-LLGS
// ensemble (the 100 nm x 50 nm x 2 nm CoFeB-like free layer of examples/switching_probability at
// 300 K), split into fixed shards over MPI ranks (mpi/macrospin_shards.hpp).
//
//   mpirun -np R ensemble [--junctions N] [--currents K] [--shards S] [--pulse-ns T] [--relax-ns T]
//                [--thermalise-ns T] [--max-ratio A] [--seed S] [--csv FILE]
//
// N junctions in all (default 2^20 = 1048576), K currents from 0 to A I_c0 (default 5), N/K per current.
// Rank 0 prints I/I_c0, I [mA], P_sw and its binomial standard error, writes them to --csv, and
// the machine-readable lines junctions=, compute_seconds= (slowest rank), communication_seconds=.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/mpi/macrospin_shards.hpp>

#include "../common/mpi_command_line.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;

namespace {
struct options {
  std::size_t junctions = std::size_t(1) << 20, currents = 16, shards = 64;
  double pulse_ns = 2.0, relax_ns = 0.5, thermalise_ns = 0.1, max_ratio = 5.0;
  std::uint64_t seed = 17;
  std::string csv;
};

/// The command line (CLI11) on every rank; rank 0 prints. -1: go on; else the exit code.
int parse(int argc, char** argv, options& o, bool speak) {
  CLI::App app{"Switching probability against current of a sharded sLLGS ensemble over MPI ranks (docs/scaling.md)",
               "ensemble"};
  app.add_option("--junctions", o.junctions, "junctions in all, a multiple of --currents")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 32))->capture_default_str();
  app.add_option("--currents", o.currents, "currents from 0 to --max-ratio I_c0")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 16))->capture_default_str();
  app.add_option("--shards", o.shards, "fixed shards per current (divides junctions / currents)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 32))->capture_default_str();
  // durations: at dt = 1 ps, at most 10^7 steps each
  app.add_option("--pulse-ns", o.pulse_ns, "current pulse [ns]")->check(spinaptic_tools::finite_in(0.0, 1e4), "[0, 1e4]")->capture_default_str();
  app.add_option("--relax-ns", o.relax_ns, "relaxation after the pulse [ns]")->check(spinaptic_tools::finite_in(0.0, 1e4), "[0, 1e4]")->capture_default_str();
  app.add_option("--thermalise-ns", o.thermalise_ns, "thermalisation before the pulse [ns]")
      ->check(spinaptic_tools::finite_in(0.0, 1e4), "[0, 1e4]")->capture_default_str();
  app.add_option("--max-ratio", o.max_ratio, "largest current / I_c0")->check(spinaptic_tools::finite_in(0.0, 1e3), "[0, 1e3]")->capture_default_str();
  app.add_option("--seed", o.seed, "seed of the run (shard seeds derive from it)")->capture_default_str();
  app.add_option("--csv", o.csv, "also write the curve to this CSV (rank 0)");
  const int code = spinaptic_tools::parse_command_line(app, argc, argv, speak);
  if (code >= 0) return code;
  std::string why;
  if (o.junctions % o.currents != 0)
    why = "--junctions " + std::to_string(o.junctions) + " is not a multiple of --currents " + std::to_string(o.currents);
  else if ((o.junctions / o.currents) % o.shards != 0)
    why = "--shards " + std::to_string(o.shards) + " does not divide the " + std::to_string(o.junctions / o.currents) +
          " junctions per current";
  if (why.empty()) return -1;
  if (speak) std::cerr << why << "\nRun with --help for more information.\n";
  return 2;
}
}  // namespace

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  options o;
  if (const int code = parse(argc, argv, o, world.rank() == 0); code >= 0) return code;
  try {
    const std::size_t K = o.currents, junctions = o.junctions;
    const device::macrospin_parameters p = device::presets::cofeb_ellipse_100x50x2nm::macrospin();
    const double ic = units::in_si(p.critical_current());
    std::vector<units::current> currents;
    for (std::size_t k = 0; k < K; ++k) currents.push_back(units::as<units::current>(o.max_ratio * double(k) / double(K - 1 ? K - 1 : 1) * ic));
    mpi::switching_protocol protocol;  // dt = 1 ps: steps = round(t / 1 ps)
    protocol.thermalize_steps = std::size_t(o.thermalise_ns * 1000.0 + 0.5);
    protocol.pulse_steps = std::size_t(o.pulse_ns * 1000.0 + 0.5);
    protocol.relax_steps = std::size_t(o.relax_ns * 1000.0 + 0.5);
    const auto curve = mpi::switching_probability(world, p, currents, junctions / K, o.shards, o.seed, protocol);
    double slowest = 0.0;
    boost::mpi::reduce(world, curve.compute_seconds, slowest, boost::mpi::maximum<double>(), 0);
    if (world.rank() != 0) return 0;
    std::string csv = "current_over_Ic0,current_mA,switching_probability,standard_error\n";
    for (std::size_t k = 0; k < K; ++k) {
      const double ps = curve.probability[k], n = double(junctions / K);
      char line[160];
      std::snprintf(line, sizeof line, "%.6f,%.6f,%.8f,%.8f\n", units::in_si(currents[k]) / ic,
                    units::in_si(currents[k]) * 1e3, ps, std::sqrt(ps * (1.0 - ps) / n));
      csv += line;
    }
    std::fputs(csv.c_str(), stdout);
    if (!o.csv.empty()) {
      std::ofstream out(o.csv);
      out << csv;
      if (!out) throw file_error(o.csv, "", "cannot write the CSV");
    }
    std::printf("ranks=%d\njunctions=%zu\ncompute_seconds=%.6f\ncommunication_seconds=%.6f\n", world.size(),
                curve.junctions, slowest, curve.communication_seconds);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "ensemble: rank " << world.rank() << ": " << e.what() << '\n';
    world.abort(1);
  }
}
