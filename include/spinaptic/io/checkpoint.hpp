// spinaptic/io/checkpoint.hpp: trained bias currents saved with the configuration that produced
// them; written atomically, verified by a checksum on load.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <unistd.h>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/error.hpp"
#include "spinaptic/network/crossbar.hpp"

namespace spinaptic::io {

/// The state of a trained crossbar: its extents, current range, the normalised currents
/// x_jl = I_jl / I_max (bit-exact, hexadecimal floating point) and free-form configuration
/// (key -> value, e.g. beta, learning rate, seed, data set) that produced them.
struct checkpoint {
  /// @{
  /// Crossbar extents: rows (inputs) and columns (outputs).
  std::size_t inputs = 0, outputs = 0;
  /// @}
  /// The currents' range: bipolar x in [-1, 1] or non-negative x in [0, 1].
  network::current_range range = network::current_range::bipolar;
  double max_current_A = 0.0;  ///< I_max the currents are normalised to [A]
  /// Free-form configuration, key -> value, in file order.
  std::vector<std::pair<std::string, std::string>> configuration;
  /// x_jl = I_jl / I_max [input][output].
  xt::xtensor<double, 2> normalized_currents = xt::xtensor<double, 2>::from_shape({0, 0});

  /// The crossbar's state, with `configuration`.
  template <class Crossbar>
  [[nodiscard]] static checkpoint of(const Crossbar& layer, std::vector<std::pair<std::string, std::string>> config) {
    return checkpoint{layer.inputs(), layer.outputs(), layer.range(), units::in_si(layer.response().max_current()),
                      std::move(config), layer.normalized_currents()};
  }

  /// Loads the currents into a crossbar of the same extents, range and I_max (else throws).
  template <class Crossbar>
  void restore(Crossbar& layer) const {
    if (layer.inputs() != inputs) throw size_mismatch("checkpoint rows (crossbar inputs)", layer.inputs(), inputs);
    if (layer.outputs() != outputs) throw size_mismatch("checkpoint columns (crossbar outputs)", layer.outputs(), outputs);
    if (layer.range() != range) throw error("spinaptic: checkpoint current range differs from the crossbar's");
    if (units::in_si(layer.response().max_current()) != max_current_A)
      throw invalid_parameter("checkpoint I_max [A]", max_current_A, "equal to the crossbar's I_max");
    layer.normalized_currents() = normalized_currents;
  }

  /// The configuration value of `key`; throws spinaptic::error when the key is absent.
  [[nodiscard]] std::string value(std::string_view key) const {
    for (const auto& [k, v] : configuration)
      if (k == key) return v;
    throw error("spinaptic: checkpoint has no configuration key '" + std::string(key) + "'");
  }
};

namespace detail_checkpoint {
inline constexpr std::string_view magic = "spinaptic-checkpoint 1";

/// FNV-1a, 64 bit (Fowler, Noll, Vo): detects truncation and any altered byte.
inline std::uint64_t fnv1a(std::string_view bytes) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}
inline std::string hex(double v) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::hex);
  (void)ec;
  return std::string(buffer, end);
}
inline bool valid_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') return false;
  return true;
}
}  // namespace detail_checkpoint

/// Writes `c` to `path.tmp-<pid>` and renames it over `path`, so a crash never leaves a partial
/// checkpoint under the real name. Configuration keys and values must be single tokens.
inline void save_checkpoint(const std::string& path, const checkpoint& c) {
  using namespace detail_checkpoint;
  if (c.normalized_currents.shape()[0] != c.inputs || c.normalized_currents.shape()[1] != c.outputs)
    throw size_mismatch("checkpoint currents", c.inputs * c.outputs, c.normalized_currents.size());
  std::ostringstream body;
  body << magic << '\n'
       << "inputs " << c.inputs << '\n'
       << "outputs " << c.outputs << '\n'
       << "range " << (c.range == network::current_range::bipolar ? "bipolar" : "non_negative") << '\n'
       << "max_current_A " << hex(c.max_current_A) << '\n';
  for (const auto& [k, v] : c.configuration) {
    if (!valid_token(k) || !valid_token(v))
      throw error("spinaptic: checkpoint configuration '" + k + "' = '" + v + "' must be non-empty single tokens");
    body << "config " << k << ' ' << v << '\n';
  }
  body << "currents\n";
  for (std::size_t j = 0; j < c.inputs; ++j) {
    for (std::size_t l = 0; l < c.outputs; ++l) body << (l ? " " : "") << hex(c.normalized_currents(j, l));
    body << '\n';
  }
  const std::string text = body.str();
  char sum[32];
  std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(fnv1a(text)));
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw file_error(temporary, "", "cannot open for writing");
    out << text << "checksum " << sum << '\n';
    out.flush();
    if (!out) throw file_error(temporary, "", "write failed");
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary);
    throw file_error(path, "", "cannot rename the temporary checkpoint into place: " + ec.message());
  }
}

/// Reads a checkpoint; a missing or wrong checksum (truncated or altered file), an unknown format
/// or a malformed line throws file_error with the line number.
[[nodiscard]] inline checkpoint load_checkpoint(const std::string& path) {
  using namespace detail_checkpoint;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw file_error(path, "", "cannot open file for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const std::size_t mark = text.rfind("checksum ");
  if (mark == std::string::npos || (mark > 0 && text[mark - 1] != '\n'))
    throw file_error(path, "", "no checksum line: the checkpoint is truncated or not a checkpoint");
  const std::string_view body(text.data(), mark);
  std::string stored = text.substr(mark + 9);
  while (!stored.empty() && (stored.back() == '\n' || stored.back() == '\r')) stored.pop_back();
  char expected[32];
  std::snprintf(expected, sizeof expected, "%016llx", static_cast<unsigned long long>(fnv1a(body)));
  if (stored != expected)
    throw file_error(path, "", "checksum mismatch (stored " + stored + ", computed " + expected +
                                   "): the checkpoint was altered or truncated");

  checkpoint c;
  std::istringstream lines{std::string(body)};
  std::string line;
  std::size_t line_no = 0;
  auto fail = [&](const std::string& what) -> void {
    throw file_error(path, file_error::at_line(line_no, 1), what);
  };
  auto number = [&](std::string_view s) {
    double v = 0.0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::hex);
    if (ec != std::errc{} || ptr != s.data() + s.size()) fail("expected a hexadecimal number, found '" + std::string(s) + "'");
    return v;
  };
  bool in_currents = false;
  std::size_t row = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line_no == 1) {
      if (line != magic) fail("not a spinaptic checkpoint (expected '" + std::string(magic) + "')");
      continue;
    }
    std::istringstream fields(line);
    if (in_currents) {
      if (row >= c.inputs) fail("more current rows than inputs = " + std::to_string(c.inputs));
      std::string token;
      std::size_t l = 0;
      while (fields >> token) {
        if (l >= c.outputs) fail("more than outputs = " + std::to_string(c.outputs) + " currents in a row");
        c.normalized_currents(row, l++) = number(token);
      }
      if (l != c.outputs) fail("expected " + std::to_string(c.outputs) + " currents, found " + std::to_string(l));
      ++row;
      continue;
    }
    std::string key, value, extra;
    fields >> key >> value;
    if (key == "inputs") c.inputs = std::stoul(value);
    else if (key == "outputs") c.outputs = std::stoul(value);
    else if (key == "range") {
      if (value == "bipolar") c.range = network::current_range::bipolar;
      else if (value == "non_negative") c.range = network::current_range::non_negative;
      else fail("unknown current range '" + value + "'");
    } else if (key == "max_current_A") c.max_current_A = number(value);
    else if (key == "config") {
      fields >> extra;
      c.configuration.emplace_back(value, extra);
    } else if (key == "currents") {
      if (c.inputs == 0 || c.outputs == 0) fail("currents before the extents");
      c.normalized_currents = xt::xtensor<double, 2>::from_shape({c.inputs, c.outputs});
      in_currents = true;
    } else fail("unknown field '" + key + "'");
  }
  if (!in_currents || row != c.inputs)
    throw file_error(path, file_error::at_line(line_no, 1),
                     "expected " + std::to_string(c.inputs) + " current rows, found " + std::to_string(row));
  return c;
}

}  // namespace spinaptic::io
