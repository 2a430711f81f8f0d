// tools/common/mpi_command_line.hpp: the command-line convention of the MPI tools (CLI11). Every
// rank parses the same arguments and reaches the same verdict; only rank 0 prints, and every rank
// returns from main (MPI_Finalize, no MPI_Abort): --help prints and exits 0, a malformed or
// unknown argument is refused with a message and exit status 2 before any work.
#pragma once

#include <cmath>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

namespace spinaptic_tools {

/// Parses `app` on this rank; rank 0 (`speak`) prints the help or the error. -1: go on; else the
/// exit code (0 after --help, 2 for a malformed command line).
inline int parse_command_line(CLI::App& app, int argc, char** argv, bool speak) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = speak ? app.exit(e) : e.get_exit_code();
    return code == 0 ? 0 : 2;
  }
  return -1;
}

/// A CLI11 check: the whole text is a finite number in [lo, hi] (refuses "abc", "nan", "inf", "1x").
inline std::function<std::string(const std::string&)> finite_in(double lo, double hi) {
  return [lo, hi](const std::string& v) {
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (!v.empty() && end && *end == '\0' && std::isfinite(x) && x >= lo && x <= hi) return std::string();
    std::ostringstream range;
    range << "[" << lo << ", " << hi << "]";
    return "'" + v + "' is not a number in " + range.str();
  };
}

/// Gathers every rank's failure message (empty: none); rank 0 prints the first one once, as
/// "<tool>: <message>". True on every rank when any rank failed: all then return 1 from main.
inline bool any_rank_failed(const boost::mpi::communicator& world, const std::string& tool, const std::string& message) {
  std::vector<std::string> all;
  boost::mpi::gather(world, message, all, 0);
  int failed = message.empty() ? 0 : 1, total = 0;
  boost::mpi::all_reduce(world, failed, total, std::plus<int>());
  if (world.rank() == 0)
    for (const auto& m : all)
      if (!m.empty()) {
        std::cerr << tool << ": " << m << (total > 1 ? " (on " + std::to_string(total) + " ranks)" : "") << '\n';
        break;
      }
  return total > 0;
}

}  // namespace spinaptic_tools
