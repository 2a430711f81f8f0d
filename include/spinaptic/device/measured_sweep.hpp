// spinaptic/device/measured_sweep.hpp: a user's measured sweep V(P, I) per magnetic state, as points
// (no grid needed), read from and written to the CSV format of measured_tms (which builds its
// grid from these points) and of the calibration fits.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/io/csv.hpp"
#include "spinaptic/io/durable_write.hpp"

namespace spinaptic::device {

/// Measured points of a lock-in sweep, structure of arrays in SI (W, A, V).
struct measured_sweep {
  std::vector<magnetic_state> state;  ///< magnetic state of each point
  std::vector<double> power;          ///< laser power P [W]
  std::vector<double> current;        ///< bias current I [A]
  std::vector<double> voltage;        ///< measured V_AC [V]
  std::string source;                 ///< file the points came from ("" when built in code)
  std::vector<std::size_t> line;      ///< source line of each point (0 when built in code)
  /// 1-based character columns of each point's power, current and voltage fields (0 in code)
  std::vector<std::array<std::size_t, 3>> columns;

  /// Number of points.
  [[nodiscard]] std::size_t size() const noexcept { return voltage.size(); }
  /// Appends one point (P [W], I [A], V [V]) with its source line and the columns of its power,
  /// current and voltage fields (diagnostics).
  void add(magnetic_state s, double p, double i, double v, std::size_t source_line,
           std::array<std::size_t, 3> source_columns) {
    add(s, p, i, v);
    line.back() = source_line;
    columns.back() = source_columns;
  }
  /// Appends one point (P [W], I [A], V [V]) built in code.
  void add(magnetic_state s, double p, double i, double v) {
    line.push_back(0);
    columns.push_back({0, 0, 0});
    state.push_back(s);
    power.push_back(detail::require_non_negative("laser power P [W]", p));
    current.push_back(detail::require_finite("bias current I [A]", i));
    voltage.push_back(detail::require_finite("voltage V [V]", v));
  }
  /// Number of points in state s.
  [[nodiscard]] std::size_t count(magnetic_state s) const noexcept {
    return static_cast<std::size_t>(std::count(state.begin(), state.end(), s));
  }
};

/// Reads a sweep from a parsed CSV table with the header state,power_W,current_A,voltage_V (any
/// column order; state P/AP or parallel/antiparallel), the format of device::measured_tms. A
/// malformed file throws file_error naming file, line and column.
[[nodiscard]] inline measured_sweep sweep_from_table(const io::csv_table& table) {
  if (table.rows.empty()) throw file_error(table.source, "", "empty file: expected a header line");
  const io::csv_row& header = table.rows.front();
  constexpr std::array<const char*, 4> names{"state", "power_W", "current_A", "voltage_V"};
  std::array<std::size_t, 4> column{};
  for (std::size_t n = 0; n < names.size(); ++n) {
    auto it = std::find_if(header.begin(), header.end(), [&](const io::csv_field& f) { return f.text == names[n]; });
    if (it == header.end())
      throw file_error(table.source, file_error::at_line(header.front().line, 1),
                       std::string("missing column '") + names[n] +
                           "' (expected header: state,power_W,current_A,voltage_V)");
    column[n] = static_cast<std::size_t>(it - header.begin());
  }
  measured_sweep sweep;
  sweep.source = table.source;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const io::csv_row& row = table.rows[r];
    if (row.size() != header.size())
      throw file_error(table.source, file_error::at_line(row.front().line, row.back().column),
                       "expected " + std::to_string(header.size()) + " columns, found " + std::to_string(row.size()));
    const io::csv_field& sf = row[column[0]];
    magnetic_state s = magnetic_state::parallel;
    if (sf.text == "P" || sf.text == "parallel") s = magnetic_state::parallel;
    else if (sf.text == "AP" || sf.text == "antiparallel") s = magnetic_state::antiparallel;
    else table.fail(sf, "expected state P or AP, found '" + sf.text + "'");
    const double p = table.number(row[column[1]]);
    if (p < 0.0) table.fail(row[column[1]], "laser power must be >= 0");
    sweep.add(s, p, table.number(row[column[2]]), table.number(row[column[3]]), row[column[1]].line,
              {row[column[1]].column, row[column[2]].column, row[column[3]].column});
  }
  if (sweep.size() == 0) throw file_error(table.source, "", "no data rows");
  return sweep;
}

/// Reads a sweep CSV file (see sweep_from_table).
[[nodiscard]] inline measured_sweep read_sweep(const std::string& path) { return sweep_from_table(io::read_csv(path)); }

/// Writes a sweep in the same CSV format (full precision). The file is replaced crash-safely
/// (io::write_file_durably: a unique temporary, fsync, rename), so a failed or concurrent write
/// never leaves a partial sweep under `path`.
inline void write_sweep(const std::string& path, const measured_sweep& sweep) {
  std::ostringstream out;
  out.precision(17);
  out << "state,power_W,current_A,voltage_V\n";
  for (std::size_t n = 0; n < sweep.size(); ++n)
    out << (sweep.state[n] == magnetic_state::parallel ? "P" : "AP") << ',' << sweep.power[n] << ','
        << sweep.current[n] << ',' << sweep.voltage[n] << '\n';
  io::write_file_durably(path, out.str());
}

}  // namespace spinaptic::device
