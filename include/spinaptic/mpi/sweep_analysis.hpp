// spinaptic/mpi/sweep_analysis.hpp: analyses of a finished sweep CSV: the accuracy-against-energy
// Pareto front and the Monte-Carlo yield of chips, with gnuplot PNGs.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "spinaptic/error.hpp"

namespace spinaptic::mpi {

/// A sweep CSV held as named numeric columns (text columns read as NaN).
struct sweep_table {
  std::vector<std::string> names;          ///< header fields
  std::vector<std::vector<double>> rows;   ///< [row][column]

  /// Column position of `name`; throws file_error when absent.
  [[nodiscard]] std::size_t column(const std::string& name) const {
    for (std::size_t c = 0; c < names.size(); ++c)
      if (names[c] == name) return c;
    throw file_error("sweep CSV", "header", "no column '" + name + "'");
  }
  /// All values of column `name`.
  [[nodiscard]] std::vector<double> values(const std::string& name) const {
    const std::size_t c = column(name);
    std::vector<double> v;
    for (const auto& r : rows) v.push_back(r[c]);
    return v;
  }

  /// Reads a CSV written by the sweep driver (header line, then rows of the same width).
  static sweep_table read(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw file_error(path, "", "cannot open the sweep CSV");
    sweep_table t;
    std::string line, field;
    if (!std::getline(in, line)) throw file_error(path, file_error::at_line(1, 1), "empty file");
    for (std::istringstream h(line); std::getline(h, field, ',');) t.names.push_back(field);
    for (std::size_t number = 2; std::getline(in, line); ++number) {
      std::vector<double> row;
      for (std::istringstream r(line); std::getline(r, field, ',');) {
        char* end = nullptr;
        const double v = std::strtod(field.c_str(), &end);
        row.push_back(end && *end == '\0' && !field.empty() ? v : std::nan(""));
      }
      if (row.size() != t.names.size())
        throw file_error(path, file_error::at_line(number, 1), "row has " + std::to_string(row.size()) + " fields, header " +
                                                                 std::to_string(t.names.size()));
      t.rows.push_back(std::move(row));
    }
    return t;
  }
};

/// Indices of the Pareto-optimal points when `cost` is minimised and `gain` maximised: point i is
/// on the front when no other point has cost <= cost_i and gain >= gain_i with one of them strict.
/// Returned in ascending cost. O(n log n): sort by (cost, -gain), keep each strict new best gain.
[[nodiscard]] inline std::vector<std::size_t> pareto_front(const std::vector<double>& cost, const std::vector<double>& gain) {
  if (cost.size() != gain.size()) throw size_mismatch("pareto_front: gain values", cost.size(), gain.size());
  std::vector<std::size_t> order(cost.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return cost[a] != cost[b] ? cost[a] < cost[b] : gain[a] > gain[b];
  });
  std::vector<std::size_t> front;
  double best = -INFINITY;
  for (std::size_t i : order)
    if (gain[i] > best) {
      front.push_back(i);
      best = gain[i];
    }
  return front;
}

/// Yield of a Monte-Carlo chip population: the fraction of accuracies >= threshold and the
/// histogram of the accuracies in `bins` equal bins over [lo, hi].
struct yield_summary {
  double fraction_above = 0.0;        ///< (number with a >= threshold) / N
  std::vector<std::size_t> counts;    ///< histogram counts per bin
  double lo = 0.0;                    ///< lower end of the histogram range
  double hi = 1.0;                    ///< upper end of the histogram range
};

/// Computes the yield summary of `accuracies` (N >= 1 chips).
[[nodiscard]] inline yield_summary chip_yield(const std::vector<double>& accuracies, double threshold, std::size_t bins = 20) {
  if (accuracies.empty()) throw invalid_parameter("number of chips", 0.0, ">= 1");
  if (bins == 0) throw invalid_parameter("histogram bins", 0.0, ">= 1");
  yield_summary y;
  y.lo = *std::min_element(accuracies.begin(), accuracies.end());
  y.hi = *std::max_element(accuracies.begin(), accuracies.end());
  if (y.hi <= y.lo) y.hi = y.lo + 1e-3;
  y.counts.assign(bins, 0);
  std::size_t above = 0;
  for (double a : accuracies) {
    above += a >= threshold;
    const auto b = std::min(bins - 1, std::size_t((a - y.lo) / (y.hi - y.lo) * double(bins)));
    ++y.counts[b];
  }
  y.fraction_above = double(above) / double(accuracies.size());
  return y;
}

namespace detail_analysis {
/// A scratch directory for gnuplot's data and script (mkdtemp under $TMPDIR or /tmp), removed
/// with everything in it when the object goes: nothing but the figures lands beside them.
class scratch_directory {
 public:
  scratch_directory() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/spinaptic-plot-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw file_error(pattern, "", "cannot create a temporary directory for gnuplot");
    path_ = pattern;
  }
  scratch_directory(const scratch_directory&) = delete;
  scratch_directory& operator=(const scratch_directory&) = delete;
  ~scratch_directory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  /// `name` inside the directory.
  [[nodiscard]] std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// `png` with its extension replaced by `extension` ("out/pareto.png" -> "out/pareto.svg").
inline std::string beside(const std::string& png, const std::string& extension) {
  return std::filesystem::path(png).replace_extension(extension).string();
}

/// Single-quoted for gnuplot ('' stands for a quote inside).
inline std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'";
}

/// Runs the gnuplot commands `body` (no terminal, no output) twice: PNG at `png` and SVG beside
/// it, both with 12 pt labels. `scratch` holds the script.
inline void plot(const scratch_directory& scratch, const std::string& png, const std::string& body) {
  const std::string script = scratch / "plot.gp";
  {
    std::ofstream gp(script);
    gp << "set terminal pngcairo size 900,620 noenhanced font 'Sans,12'\nset output " << quoted(png) << "\n"
       << body << "\nset terminal svg size 900,620 noenhanced font 'Sans,12' background '#ffffff'\nset output "
       << quoted(beside(png, ".svg")) << "\nreplot\nunset output\n";
    if (!gp) throw file_error(script, "", "cannot write the gnuplot script");
  }
  std::string shell = "'";  // the script's path for sh: ' written as '\''
  for (char c : script) shell += c == '\'' ? std::string("'\\''") : std::string(1, c);
  if (std::system(("gnuplot " + shell + "' 2>&1").c_str()) != 0)
    throw file_error(png, "", "gnuplot failed (is gnuplot installed? scripts/install-deps)");
}
}  // namespace detail_analysis

/// Writes PNG `png` and an SVG beside it (same name, .svg): every point's test accuracy against
/// its energy per classification (log axis, nJ), the Pareto front joined and marked. gnuplot's
/// data and script live in a temporary directory that is removed. Returns the front's row indices.
inline std::vector<std::size_t> plot_pareto(const std::string& csv, const std::string& png) {
  const auto t = sweep_table::read(csv);
  const auto energy = t.values("energy_J"), accuracy = t.values("test_accuracy");
  const auto front = pareto_front(energy, accuracy);
  const detail_analysis::scratch_directory scratch;
  const std::string data = scratch / "points.dat";
  {
    std::ofstream d(data);
    d.precision(10);
    d << "# energy_nJ test_accuracy (all points)\n";
    for (std::size_t i = 0; i < energy.size(); ++i) d << energy[i] * 1e9 << ' ' << accuracy[i] << '\n';
    d << "\n\n# Pareto front\n";
    for (std::size_t i : front) d << energy[i] * 1e9 << ' ' << accuracy[i] << '\n';
  }
  std::ostringstream body;
  body << "set title 'Test accuracy against energy per classification (" << energy.size() << " design points)'\n"
       << "set xlabel 'energy per classification (nJ)'; set ylabel 'test accuracy'; set logscale x; set grid\n"
       << "set format x '%g'; set key bottom right\n"
       << "plot " << detail_analysis::quoted(data) << " index 0 using 1:2 with points pt 7 ps 0.8 lc rgb '#8080a0' title 'design points', "
       << "'' index 1 using 1:2 with linespoints pt 6 ps 2 lw 2 lc rgb 'red' title 'Pareto front'";
  detail_analysis::plot(scratch, png, body.str());
  return front;
}

/// Writes PNG `png` and an SVG beside it (same name, .svg): the histogram of the chips' test
/// accuracies and the threshold (gnuplot's files in a temporary directory, removed); returns the
/// fraction of chips with accuracy >= threshold.
inline double plot_yield(const std::string& csv, const std::string& png, double threshold) {
  const auto t = sweep_table::read(csv);
  const auto y = chip_yield(t.values("test_accuracy"), threshold);
  const double width = (y.hi - y.lo) / double(y.counts.size());
  std::size_t peak = 0;
  const detail_analysis::scratch_directory scratch;
  const std::string data = scratch / "histogram.dat";
  {
    std::ofstream d(data);
    d.precision(10);
    for (std::size_t b = 0; b < y.counts.size(); ++b) {
      d << y.lo + (double(b) + 0.5) * width << ' ' << y.counts[b] << '\n';
      peak = std::max(peak, y.counts[b]);
    }
  }
  std::ostringstream body;
  body << "set title sprintf('Monte-Carlo yield: %d chips, %.1f %% with test accuracy >= " << threshold << "', "
       << t.rows.size() << ", " << 100.0 * y.fraction_above << ")\n"
       << "set xlabel 'test accuracy'; set ylabel 'chips'; set style fill solid 0.6; set boxwidth " << width * 0.9
       << "\nset arrow from " << threshold << ",0 to " << threshold << "," << peak
       << " nohead lw 2 lc rgb 'red'\nset yrange [0:*]; set grid\n"
       << "plot " << detail_analysis::quoted(data) << " using 1:2 with boxes lc rgb '#4060a0' title 'chips per bin'";
  detail_analysis::plot(scratch, png, body.str());
  return y.fraction_above;
}

}  // namespace spinaptic::mpi
