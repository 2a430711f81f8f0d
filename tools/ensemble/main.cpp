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
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <numbers>
#include <string>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/mpi/macrospin_shards.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

int main(int argc, char** argv) {
  boost::mpi::environment env(argc, argv);
  boost::mpi::communicator world;
  try {
    std::map<std::string, std::string> kv;
    if (argc % 2 == 0) throw file_error("command line", "", "options come in pairs: --name value");
    for (int i = 1; i + 1 < argc; i += 2) kv[std::string(argv[i]).substr(2)] = argv[i + 1];
    for (const auto& [k, v] : kv)
      if (k != "junctions" && k != "currents" && k != "shards" && k != "pulse-ns" && k != "relax-ns" &&
          k != "thermalise-ns" && k != "seed" && k != "csv" && k != "max-ratio")
        throw file_error("command line", "", "unknown option --" + k);
    auto count = [&](const char* k, std::size_t d) { return kv.count(k) ? std::size_t(std::stoull(kv[k])) : d; };
    auto real = [&](const char* k, double d) { return kv.count(k) ? std::stod(kv[k]) : d; };
    const std::size_t junctions = count("junctions", std::size_t(1) << 20), K = count("currents", 16),
                      shards = count("shards", 64);
    if (K == 0 || junctions % K != 0) throw invalid_parameter("junctions / currents", double(junctions), "a multiple of --currents");
    const device::macrospin_parameters p = device::presets::cofeb_ellipse_100x50x2nm::macrospin();
    const double ic = units::in_si(p.critical_current());
    const double max_ratio = real("max-ratio", 5.0);
    std::vector<units::current> currents;
    for (std::size_t k = 0; k < K; ++k) currents.push_back(units::as<units::current>(max_ratio * double(k) / double(K - 1 ? K - 1 : 1) * ic));
    mpi::switching_protocol protocol;
    protocol.thermalize_steps = std::size_t(real("thermalise-ns", 0.1) * 1000.0 + 0.5);
    protocol.pulse_steps = std::size_t(real("pulse-ns", 2.0) * 1000.0 + 0.5);
    protocol.relax_steps = std::size_t(real("relax-ns", 0.5) * 1000.0 + 0.5);
    const auto curve = mpi::switching_probability(world, p, currents, junctions / K, shards, count("seed", 17), protocol);
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
    if (kv.count("csv")) std::ofstream(kv["csv"]) << csv;
    std::printf("ranks=%d\njunctions=%zu\ncompute_seconds=%.6f\ncommunication_seconds=%.6f\n", world.size(),
                curve.junctions, slowest, curve.communication_seconds);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "ensemble: rank " << world.rank() << ": " << e.what() << '\n';
    world.abort(1);
  }
}
