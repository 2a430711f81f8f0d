// spinaptic/io/checkpoint.hpp: trained bias currents saved with the configuration that produced
// them; written atomically and durably, verified by a checksum and by strict parsing on load.
//
// Format (text, one item per line):
//   spinaptic-checkpoint 1
//   inputs <N>            decimal, 1 <= N
//   outputs <M>           decimal, 1 <= M
//   range bipolar|non_negative
//   max_current_A <I_max> hexadecimal floating point, finite and > 0
//   config <key> <value>  zero or more, single tokens
//   currents
//   N lines of M hexadecimal x_jl, each finite and in [-1, 1] (bipolar) or [0, 1] (non_negative)
//   checksum <FNV-1a 64 of everything above, 16 hex digits>
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>


#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/error.hpp"
#include "spinaptic/io/durable_write.hpp"
#include "spinaptic/io/read_file.hpp"
#include "spinaptic/network/crossbar.hpp"

namespace spinaptic::io {

/// The state of a trained crossbar: its extents, current range, the normalised currents
/// x_jl = I_jl / I_max (bit-exact, hexadecimal floating point) and free-form configuration
/// (key -> value, e.g. beta, learning rate, seed, data set) that produced them.
struct checkpoint {
  std::size_t inputs = 0;   ///< crossbar rows j
  std::size_t outputs = 0;  ///< crossbar columns l
  network::current_range range = network::current_range::bipolar;  ///< allowed range of x_jl
  double max_current_A = 0.0;  ///< I_max the currents are normalised to [A]
  std::vector<std::pair<std::string, std::string>> configuration;  ///< key -> value, single tokens
  xt::xtensor<double, 2> normalized_currents = xt::xtensor<double, 2>::from_shape({0, 0});  ///< x_jl [inputs, outputs]

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

  /// The configuration value of `key` (the first one); an absent key throws error.
  [[nodiscard]] std::string value(std::string_view key) const {
    for (const auto& [k, v] : configuration)
      if (k == key) return v;
    throw error("spinaptic: checkpoint has no configuration key '" + std::string(key) + "'");
  }
};

namespace detail_checkpoint {
/// The first line of every checkpoint: format name and version.
inline constexpr std::string_view magic = "spinaptic-checkpoint 1";

/// FNV-1a, 64 bit (Fowler, Noll, Vo): detects truncation and any altered byte. It is no defence
/// against a crafted file (anyone can recompute it): the parser trusts nothing it reads. The
/// product wraps modulo 2^64 by definition (exempt from clang's unsigned-overflow check, which
/// the fuzz harnesses enable to catch wrapping size arithmetic).
#if defined(__clang__)
__attribute__((no_sanitize("unsigned-integer-overflow")))
#endif
inline std::uint64_t fnv1a(std::string_view bytes) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}
/// The checksum of `body` as the 16 lower-case hex digits the checksum line holds.
inline std::string checksum_hex(std::string_view body) {
  char sum[32];
  std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(fnv1a(body)));
  return sum;
}
/// `v` as hexadecimal floating point without the 0x prefix (std::to_chars): exact, round-trips.
inline std::string hex(double v) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::hex);
  (void)ec;
  return std::string(buffer, end);
}
/// The separators of the format: space, tab, CR, LF, VT, FF.
inline bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}
/// A configuration key or value: non-empty, without separators.
inline bool valid_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (is_space(c)) return false;
  return true;
}
/// A token of a line with its 1-based column.
struct token {
  std::string_view text;  ///< the token, a view into the line
  std::size_t column;     ///< 1-based column of its first character
};
/// The whitespace-separated tokens of `line`.
inline std::vector<token> tokens(std::string_view line) {
  std::vector<token> out;
  std::size_t k = 0;
  while (k < line.size()) {
    while (k < line.size() && is_space(line[k])) ++k;
    const std::size_t start = k;
    while (k < line.size() && !is_space(line[k])) ++k;
    if (k > start) out.push_back({line.substr(start, k - start), start + 1});
  }
  return out;
}
/// "" when x_jl is finite and in [lower_bound(range), 1], else what is wrong with it.
inline std::string current_problem(double x, network::current_range range) {
  const double lo = network::lower_bound(range);
  if (std::isfinite(x) && x >= lo && x <= 1.0) return {};
  std::ostringstream s;
  s.precision(17);
  s << "normalised current x = " << x << " is outside [" << lo << ", 1] of a "
    << (range == network::current_range::bipolar ? "bipolar" : "non_negative") << " checkpoint";
  return s.str();
}
}  // namespace detail_checkpoint

/// The text of `c` in the checkpoint format (see the top of this header), checksum line included.
/// Extents of 0, currents whose shape is not inputs x outputs, a non-finite or non-positive I_max,
/// a current outside the checkpoint's range or a configuration entry that is not two single
/// tokens throw error: what is written can always be loaded.
[[nodiscard]] inline std::string format_checkpoint(const checkpoint& c) {
  using namespace detail_checkpoint;
  if (c.inputs == 0 || c.outputs == 0)
    throw invalid_parameter(c.inputs == 0 ? "checkpoint inputs" : "checkpoint outputs", 0.0, "at least 1");
  std::size_t count = 0;
  if (!detail::checked_multiply(c.inputs, c.outputs, count) || c.normalized_currents.shape()[0] != c.inputs ||
      c.normalized_currents.shape()[1] != c.outputs)
    throw size_mismatch("checkpoint currents (inputs x outputs)", count, c.normalized_currents.size());
  if (!std::isfinite(c.max_current_A) || !(c.max_current_A > 0.0))
    throw invalid_parameter("checkpoint I_max [A]", c.max_current_A, "finite and > 0");
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
    for (std::size_t l = 0; l < c.outputs; ++l) {
      const double x = c.normalized_currents(j, l);
      if (const std::string problem = current_problem(x, c.range); !problem.empty())
        throw error("spinaptic: checkpoint current (" + std::to_string(j) + ", " + std::to_string(l) + "): " + problem);
      body << (l ? " " : "") << hex(x);
    }
    body << '\n';
  }
  std::string text = std::move(body).str();
  text += "checksum " + checksum_hex(text) + "\n";
  return text;
}

/// Writes `c` (format_checkpoint) to a unique temporary beside `path` (pid, thread, counter;
/// created exclusively), fsyncs it, renames it over `path` and fsyncs the directory: a crash never
/// leaves a partial checkpoint under the real name, a checkpoint reported saved survives a power
/// loss, writers in several threads or processes never share a temporary, and every failure
/// removes the temporary and throws file_error (or the error of format_checkpoint).
inline void save_checkpoint(const std::string& path, const checkpoint& c) {
  write_file_durably(path, format_checkpoint(c));
}

/// Parses checkpoint text named `source` in error messages. A missing or wrong checksum
/// (truncated or altered text), an unknown format, a malformed or repeated field, extents that are
/// not plain decimal integers >= 1, extents whose product overflows or exceeds what the rest of
/// the text can hold, a non-finite or non-positive I_max, or a current that is not finite and in
/// the checkpoint's range throws file_error with the line and column. No other exception escapes.
[[nodiscard]] inline checkpoint parse_checkpoint(std::string_view text, const std::string& source) {
  using namespace detail_checkpoint;
  return detail::reading_file(source, [&] {
    const std::size_t mark = text.rfind("checksum ");
    if (mark == std::string_view::npos || (mark > 0 && text[mark - 1] != '\n'))
      throw file_error(source, "", "no checksum line: the checkpoint is truncated or not a checkpoint");
    const std::string_view body = text.substr(0, mark);
    std::string_view stored = text.substr(mark + 9);
    while (!stored.empty() && (stored.back() == '\n' || stored.back() == '\r')) stored.remove_suffix(1);
    const std::string expected = checksum_hex(body);
    if (stored != expected)
      throw file_error(source, "", "checksum mismatch (stored " + std::string(stored) + ", computed " + expected +
                                       "): the checkpoint was altered or truncated");

    checkpoint c;
    std::size_t line_no = 0, pos = 0;
    auto fail = [&](std::size_t column, const std::string& what) {
      throw file_error(source, file_error::at_line(line_no, column), what);
    };
    auto extent = [&](const token& t, const char* name) {
      // Plain decimal digits only: no sign, no exponent, no trailing text.
      std::size_t v = 0;
      auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v, 10);
      const bool digits = t.text.find_first_not_of("0123456789") == std::string_view::npos;
      if (!digits || ec == std::errc::invalid_argument || ptr != t.text.data() + t.text.size())
        fail(t.column, std::string(name) + " must be a decimal integer >= 1, found '" + std::string(t.text) + "'");
      if (ec == std::errc::result_out_of_range || v == 0)
        fail(t.column, std::string(name) + " = " + std::string(t.text) + " is out of range [1, " +
                           std::to_string(std::numeric_limits<std::size_t>::max()) + "]");
      return v;
    };
    auto number = [&](const token& t) {
      double v = 0.0;
      auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v, std::chars_format::hex);
      if (ec != std::errc{} || ptr != t.text.data() + t.text.size())
        fail(t.column, "expected a hexadecimal number, found '" + std::string(t.text) + "'");
      return v;
    };
    bool seen_inputs = false, seen_outputs = false, seen_range = false, seen_max = false, in_currents = false;
    std::size_t row = 0;
    while (pos < body.size()) {
      std::size_t end = body.find('\n', pos);
      if (end == std::string_view::npos) end = body.size();  // only when the body does not end in '\n'
      const std::string_view line = body.substr(pos, end - pos);
      pos = end + 1;
      ++line_no;
      if (line_no == 1) {
        if (line != magic) fail(1, "not a spinaptic checkpoint (expected '" + std::string(magic) + "')");
        continue;
      }
      const std::vector<token> t = tokens(line);
      if (in_currents) {
        if (row >= c.inputs) fail(1, "more current rows than inputs = " + std::to_string(c.inputs));
        if (t.size() != c.outputs)
          fail(t.size() > c.outputs ? t[c.outputs].column : line.size() + 1,
               "expected " + std::to_string(c.outputs) + " currents in a row, found " + std::to_string(t.size()));
        for (std::size_t l = 0; l < c.outputs; ++l) {
          const double x = number(t[l]);
          if (const std::string problem = current_problem(x, c.range); !problem.empty()) fail(t[l].column, problem);
          c.normalized_currents(row, l) = x;
        }
        ++row;
        continue;
      }
      if (t.empty()) fail(1, "empty line in the header");
      const std::string_view key = t[0].text;
      const std::size_t want = key == "config" ? 3 : key == "currents" ? 1 : 2;
      const bool known = key == "inputs" || key == "outputs" || key == "range" || key == "max_current_A" ||
                         key == "config" || key == "currents";
      if (!known) fail(t[0].column, "unknown field '" + std::string(key) + "'");
      if (t.size() != want)
        fail(t.size() > want ? t[want].column : line.size() + 1,
             "'" + std::string(key) + "' takes " + std::to_string(want - 1) + (want == 2 ? " value" : " values") +
                 ", found " + std::to_string(t.size() - 1));
      auto once = [&](bool& seen) {
        if (seen) fail(t[0].column, "'" + std::string(key) + "' given twice");
        seen = true;
      };
      if (key == "inputs") {
        once(seen_inputs);
        c.inputs = extent(t[1], "inputs");
      } else if (key == "outputs") {
        once(seen_outputs);
        c.outputs = extent(t[1], "outputs");
      } else if (key == "range") {
        once(seen_range);
        if (t[1].text == "bipolar") c.range = network::current_range::bipolar;
        else if (t[1].text == "non_negative") c.range = network::current_range::non_negative;
        else fail(t[1].column, "unknown current range '" + std::string(t[1].text) + "' (bipolar or non_negative)");
      } else if (key == "max_current_A") {
        once(seen_max);
        c.max_current_A = number(t[1]);
        if (!std::isfinite(c.max_current_A) || !(c.max_current_A > 0.0))
          fail(t[1].column, "max_current_A = " + std::string(t[1].text) + " must be finite and > 0");
      } else if (key == "config") {
        c.configuration.emplace_back(std::string(t[1].text), std::string(t[2].text));
      } else {  // currents
        if (!seen_inputs || !seen_outputs || !seen_range || !seen_max)
          fail(1, "currents before the header is complete (inputs, outputs, range and max_current_A)");
        // Each current takes at least two bytes (a digit and a separator): refuse extents the
        // rest of the text cannot hold before allocating anything.
        std::size_t count = 0;
        const std::size_t remaining = body.size() - std::min(pos, body.size());
        if (!detail::checked_multiply(c.inputs, c.outputs, count) || count > remaining / 2)
          fail(1, "inputs x outputs = " + std::to_string(c.inputs) + " x " + std::to_string(c.outputs) +
                      " currents cannot be held by the " + std::to_string(remaining) +
                      " bytes that follow (at least 2 bytes each)");
        c.normalized_currents = xt::xtensor<double, 2>::from_shape({c.inputs, c.outputs});
        in_currents = true;
      }
    }
    if (line_no == 0) throw file_error(source, "", "not a spinaptic checkpoint (empty before the checksum line)");
    if (!in_currents || row != c.inputs)
      throw file_error(source, file_error::at_line(line_no, 1),
                       in_currents ? "expected " + std::to_string(c.inputs) + " current rows, found " + std::to_string(row)
                                   : std::string("no 'currents' section"));
    return c;
  });
}

/// Reads the checkpoint file `path` (format and errors of parse_checkpoint); an unreadable file
/// throws file_error naming it.
[[nodiscard]] inline checkpoint load_checkpoint(const std::string& path) {
  return parse_checkpoint(read_text_file(path), path);
}

}  // namespace spinaptic::io
