// spinaptic/mpi/sweep_file.hpp: a design-space sweep described in a JSON file, expanded into
// numbered points (grid and/or list, times seeds). Format: docs/scaling.md, "Sweep files".
// Longer than most headers: the reader validates the whole document (size, depth, numbers, seed
// ranges, point count) before it builds anything, and its error messages name the line and column of
// the offending value through json_locations; both serve this one format. The location index is a
// candidate for a header of its own if a second JSON format needs it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "spinaptic/error.hpp"
#include "spinaptic/mpi/sweep_point.hpp"
#include "spinaptic/nonideal/dac_quantization.hpp"

namespace spinaptic::mpi {

/// A sweep: the data set and its points, point i at index i (the key of its CSV row).
struct sweep {
  std::string data = "digits";        ///< "digits" or "mnist8"
  std::vector<point_settings> points;  ///< in the order the file defines (see read_sweep_file)
};

/// Largest sweep file read, in bytes (1 MiB): a sweep of a million points fits in a few lines.
inline constexpr std::size_t max_sweep_file_bytes = std::size_t{1} << 20;
/// Deepest nesting of arrays and objects in a sweep file (the format needs 3: {"grid": {"k": [..]}}).
inline constexpr std::size_t max_sweep_depth = 16;
/// Most points one sweep may expand to (list entries x grid values x seeds), checked before any
/// point is built: a point_settings takes about 300 bytes, so the largest sweep holds ~0.3 GB.
inline constexpr std::size_t max_sweep_points = 1'000'000;

namespace detail_sweep {

using json = nlohmann::ordered_json;

/// Throws file_error unless `text` is at most max_sweep_file_bytes long and nests arrays and
/// objects at most max_sweep_depth deep (brackets inside strings do not count). Runs before the
/// JSON parser and the location index, so neither sees a text that could exhaust memory or stack.
inline void check_size_and_depth(const std::string& file, std::string_view text) {
  if (text.size() > max_sweep_file_bytes)
    throw file_error(file, "", "file is " + std::to_string(text.size()) + " bytes; a sweep file may hold at most " +
                                   std::to_string(max_sweep_file_bytes) + " bytes");
  std::size_t depth = 0, line = 1, column = 1;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_sweep_depth)
        throw file_error(file, file_error::at_line(line, column),
                         "arrays and objects nested " + std::to_string(depth) + " deep; a sweep file allows at most " +
                             std::to_string(max_sweep_depth));
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    if (c == '\n') { ++line; column = 1; } else { ++column; }
  }
}

/// Line and column (1-based) of every object key and array element of a JSON text, by JSON
/// pointer ("/grid/epochs", "/seeds/2"). The text must already be valid JSON (parsed before) and
/// no deeper than max_sweep_depth (check_size_and_depth): the walk recurses once per level.
class json_locations {
 public:
  explicit json_locations(const std::string& text) : text_(text) { value(""); }

  /// "line L, column C" of the pointer, or of the closest enclosing one that is known.
  [[nodiscard]] std::string at(std::string pointer) const {
    for (;;) {
      if (auto it = where_.find(pointer); it != where_.end()) return file_error::at_line(it->second.first, it->second.second);
      const auto slash = pointer.rfind('/');
      if (slash == std::string::npos) return file_error::at_line(1, 1);
      pointer.erase(slash);
    }
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' || text_[pos_] == '\n'))
      advance();
  }
  void advance() {
    if (text_[pos_] == '\n') { ++line_; column_ = 1; } else { ++column_; }
    ++pos_;
  }
  std::string string_token() {  // at the opening quote; returns the raw contents
    std::string s;
    advance();
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\') { s += text_[pos_]; advance(); }
      if (pos_ < text_.size()) { s += text_[pos_]; advance(); }
    }
    if (pos_ < text_.size()) advance();
    return s;
  }
  void value(const std::string& pointer) {
    skip_space();
    if (pos_ >= text_.size()) return;
    where_.try_emplace(pointer, line_, column_);
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      advance();
      for (std::size_t index = 0;; ++index) {
        skip_space();
        // any closing bracket ends the container, and every pass consumes at least one byte:
        // the walk terminates on any text (it is only run on valid JSON)
        if (pos_ >= text_.size() || text_[pos_] == '}' || text_[pos_] == ']') break;
        const std::size_t before = pos_;
        if (c == '{') {
          const std::size_t line = line_, column = column_;
          const std::string key = text_[pos_] == '"' ? string_token() : std::string();
          where_.try_emplace(pointer + "/" + key, line, column);
          skip_space();
          if (pos_ < text_.size() && text_[pos_] == ':') advance();
          value(pointer + "/" + key);
        } else {
          value(pointer + "/" + std::to_string(index));
        }
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ',') advance();
        if (pos_ == before) advance();
      }
      if (pos_ < text_.size()) advance();
    } else if (c == '"') {
      string_token();
    } else {
      while (pos_ < text_.size() && std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos) advance();
    }
  }

  const std::string& text_;
  std::size_t pos_ = 0, line_ = 1, column_ = 1;
  std::map<std::string, std::pair<std::size_t, std::size_t>> where_;
};

/// The JSON type a setting accepts.
enum class setting_kind { count, real, text };

/// One key of a sweep point: its name, type, and how to set it and print it.
struct setting_field {
  const char* name;
  setting_kind kind;
  void (*set)(point_settings&, const json&);
  std::string (*print)(const point_settings&);
  std::uint64_t max_count;  ///< largest value of a count (checked before it is narrowed to the member)
};

inline std::string print_value(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);  // round-trips every double
  return buffer;
}
inline std::string print_value(std::uint64_t v) { return std::to_string(v); }
inline std::string print_value(unsigned v) { return std::to_string(v); }
inline std::string print_value(const std::string& v) { return v; }

/// The field of member `Member`; a count accepts 0 ... `max_count` (default: the member type's range).
template <auto Member>
setting_field field(const char* name, std::uint64_t max_count = std::numeric_limits<std::uint64_t>::max()) {
  using T = std::remove_cvref_t<decltype(std::declval<point_settings&>().*Member)>;
  constexpr setting_kind kind = std::is_same_v<T, std::string> ? setting_kind::text
                                : std::is_floating_point_v<T>   ? setting_kind::real
                                                                : setting_kind::count;
  if constexpr (kind == setting_kind::count)
    if (max_count > std::uint64_t(std::numeric_limits<T>::max())) max_count = std::uint64_t(std::numeric_limits<T>::max());
  return {name, kind, [](point_settings& s, const json& v) { s.*Member = v.get<T>(); },
          [](const point_settings& s) { return print_value(s.*Member); }, max_count};
}

/// Every key a point accepts, in CSV column order.
inline const std::vector<setting_field>& setting_fields() {
  using p = point_settings;
  static const std::vector<setting_field> fields{
      field<&p::epochs>("epochs"), field<&p::learning_rate>("learning_rate"), field<&p::batch>("batch"),
      field<&p::output_scale>("output_scale"), field<&p::optimizer>("optimizer"), field<&p::range>("range"),
      field<&p::seed>("seed"), field<&p::test_fraction>("test_fraction"), field<&p::max_current_mA>("max_current_mA"),
      field<&p::laser_power_mW>("laser_power_mW"), field<&p::laser_pulse_us>("laser_pulse_us"),
      field<&p::current_bits>("current_bits", nonideal::dac_quantization::max_bits),
      field<&p::power_bits>("power_bits", nonideal::dac_quantization::max_bits), field<&p::spread>("spread"),
      field<&p::stuck>("stuck"), field<&p::stuck_mode>("stuck_mode"), field<&p::read_noise_uV>("read_noise_uV"),
      field<&p::bandwidth_Hz>("bandwidth_Hz"), field<&p::crosstalk>("crosstalk"),
      field<&p::area_resistance_ohm_um2>("area_resistance_ohm_um2"), field<&p::diameter_nm>("diameter_nm"),
      field<&p::tmr>("tmr"), field<&p::parallel_ratio>("parallel_ratio")};
  return fields;
}

inline const char* kind_name(setting_kind k) {
  return k == setting_kind::count ? "a non-negative integer" : k == setting_kind::real ? "a number" : "a string";
}
inline bool has_kind(const json& v, setting_kind k) {
  return k == setting_kind::count ? v.is_number_unsigned() : k == setting_kind::real ? v.is_number() : v.is_string();
}

/// Reads and checks a sweep file (see read_sweep_file).
class sweep_reader {
 public:
  /// Checks size and depth, parses (nlohmann), and only then indexes the locations of the keys.
  sweep_reader(std::string file, const std::string& text) : file_(std::move(file)) {
    check_size_and_depth(file_, text);
    try {
      root_ = json::parse(text);
    } catch (const json::out_of_range& e) {  // a number beyond the range of a double, e.g. 1e400
      throw file_error(file_, "", std::string("a number is out of range (a finite double, |x| <= 1.7976931348623157e308): ") + e.what());
    } catch (const json::exception& e) {  // its message names line and column
      throw file_error(file_, "", std::string("not valid JSON: ") + e.what());
    }
    where_.emplace(text);
  }

  /// The sweep, every point validated (validate_point); a json exception that slipped past the
  /// checks above becomes a file_error too.
  sweep read() {
    try {
      return read_checked();
    } catch (const error&) {
      throw;
    } catch (const json::exception& e) {
      throw file_error(file_, "", std::string("malformed sweep: ") + e.what());
    }
  }

 private:
  sweep read_checked() {
    if (!root_.is_object()) fail("", "the top level must be an object {...}");
    for (const auto& [key, v] : root_.items())
      if (key != "data" && key != "base" && key != "grid" && key != "list" && key != "seeds")
        fail("/" + key, "unknown key '" + key + "' (allowed at the top level: data, base, grid, list, seeds)");
    sweep s;
    if (root_.contains("data")) {
      if (!root_["data"].is_string()) fail("/data", "key 'data' expects a string (digits or mnist8)");
      s.data = root_["data"].get<std::string>();
      if (s.data != "digits" && s.data != "mnist8") fail("/data", "key 'data' = '" + s.data + "' is not one of: digits, mnist8");
    }
    point_settings base;
    if (root_.contains("base")) {
      const json& b = object_at("/base", root_["base"]);
      for (const auto& [key, v] : b.items()) assign(base, "/base/" + key, key, v);
    }
    // the number of points, checked against max_sweep_points before any point is built
    std::size_t total = 1;
    auto count_in = [&](const std::string& pointer, std::uint64_t n) {
      if (n > max_sweep_points || !detail::checked_multiply(total, std::size_t(n), total) || total > max_sweep_points)
        fail(pointer, "the sweep would have more than " + std::to_string(max_sweep_points) +
                          " points (list entries x grid values x seeds); split it into several sweeps");
    };
    if (root_.contains("list") && root_["list"].is_array()) count_in("/list", root_["list"].size());
    if (root_.contains("grid") && root_["grid"].is_object())
      for (const auto& [key, values] : root_["grid"].items())
        if (values.is_array()) count_in("/grid/" + key, values.size());
    const std::vector<std::uint64_t> seeds = seed_list();
    count_in("/seeds", seeds.empty() ? 1 : seeds.size());

    // the list (one empty entry when absent), each entry crossed with the grid, then the seeds
    std::vector<point_settings> entries;
    if (root_.contains("list")) {
      const json& l = root_["list"];
      if (!l.is_array()) fail("/list", "key 'list' expects an array of objects");
      if (l.empty()) fail("/list", "key 'list' is empty: a sweep needs at least one point");
      for (std::size_t i = 0; i < l.size(); ++i) {
        const std::string at = "/list/" + std::to_string(i);
        point_settings p = base;
        for (const auto& [key, v] : object_at(at, l[i]).items()) assign(p, at + "/" + key, key, v);
        entries.push_back(p);
      }
    } else {
      entries.push_back(base);
    }
    std::vector<point_settings> crossed = entries;
    if (root_.contains("grid")) {
      const json& g = object_at("/grid", root_["grid"]);
      if (g.empty()) fail("/grid", "key 'grid' is empty: give at least one key with a list of values");
      for (const auto& [key, values] : g.items()) {
        const std::string at = "/grid/" + key;
        if (!values.is_array()) fail(at, "grid key '" + key + "' expects an array of values");
        if (values.empty()) fail(at, "grid key '" + key + "' is an empty grid: give at least one value");
        std::vector<point_settings> next;
        next.reserve(crossed.size() * values.size());
        for (const auto& p : crossed)
          for (std::size_t i = 0; i < values.size(); ++i) {  // the last grid key varies fastest
            point_settings q = p;
            assign(q, at + "/" + std::to_string(i), key, values[i]);
            next.push_back(q);
          }
        crossed = std::move(next);
      }
    }
    if (!seeds.empty()) {
      s.points.reserve(crossed.size() * seeds.size());
      for (const auto& p : crossed)
        for (const std::uint64_t seed : seeds) {
          point_settings q = p;
          q.seed = seed;
          s.points.push_back(std::move(q));
        }
    } else {
      s.points = std::move(crossed);
    }
    for (std::size_t i = 0; i < s.points.size(); ++i) {  // every value checked before any training
      try {
        validate_point(s.points[i]);
      } catch (const error& e) {
        throw file_error(file_, "", "point " + std::to_string(i) + ": " + e.what());
      }
    }
    return s;
  }

  /// The seeds with the pointer of each (empty when the file has no "seeds"). A range
  /// {"first": a, "count": n} is checked before it is expanded: 1 <= n <= max_sweep_points and
  /// a + n - 1 <= 2^64 - 1 (no seed wraps to 0).
  std::vector<std::uint64_t> seed_list() const {
    std::vector<std::uint64_t> seeds;
    if (!root_.contains("seeds")) return seeds;
    const json& v = root_["seeds"];
    if (v.is_object()) {  // {"first": a, "count": n} = [a, a + 1, ..., a + n - 1]
      for (const auto& [key, x] : v.items()) {
        if (key != "first" && key != "count") fail("/seeds/" + key, "unknown key '" + key + "' (seeds: first, count)");
        if (!x.is_number_unsigned()) fail("/seeds/" + key, "key '" + key + "' expects a non-negative integer, got " + x.type_name());
      }
      if (!v.contains("count")) fail("/seeds", "key 'seeds' as an object needs 'count' (and optionally 'first')");
      const std::uint64_t first = v.contains("first") ? v["first"].get<std::uint64_t>() : 1;
      const std::uint64_t count = v["count"].get<std::uint64_t>();
      if (count == 0) fail("/seeds/count", "key 'count' = 0: give at least one seed");
      if (count > max_sweep_points)
        fail("/seeds/count", "key 'count' = " + std::to_string(count) + " is outside [1, " +
                                 std::to_string(max_sweep_points) + "] (the most points of one sweep)");
      if (first > std::numeric_limits<std::uint64_t>::max() - (count - 1))
        fail(v.contains("first") ? "/seeds/first" : "/seeds/count",
             "seeds " + std::to_string(first) + " ... " + std::to_string(first) + " + " + std::to_string(count - 1) +
                 " pass 2^64 - 1 = 18446744073709551615 (seeds are 64-bit; they would wrap to 0)");
      seeds.reserve(std::size_t(count));
      for (std::uint64_t k = 0; k < count; ++k) seeds.push_back(first + k);
      return seeds;
    }
    if (!v.is_array()) fail("/seeds", "key 'seeds' expects an array of non-negative integers or {\"first\": a, \"count\": n}");
    if (v.empty()) fail("/seeds", "key 'seeds' is empty: give at least one seed");
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string at = "/seeds/" + std::to_string(i);
      point_settings probe;
      assign(probe, at, "seed", v[i]);
      seeds.push_back(probe.seed);
    }
    return seeds;
  }

  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
    throw file_error(file_, where_ ? where_->at(pointer) : file_error::at_line(1, 1), what);
  }
  const json& object_at(const std::string& pointer, const json& v) const {
    if (!v.is_object()) fail(pointer, "key '" + pointer.substr(pointer.rfind('/') + 1) + "' expects an object {...}");
    return v;
  }
  void assign(point_settings& p, const std::string& pointer, const std::string& key, const json& v) const {
    for (const auto& f : setting_fields()) {
      if (key != f.name) continue;
      if (!has_kind(v, f.kind))
        fail(pointer, "key '" + key + "' expects " + kind_name(f.kind) + ", got " + v.type_name() + " " + v.dump());
      if (f.kind == setting_kind::count && v.get<std::uint64_t>() > f.max_count)
        fail(pointer, "key '" + key + "' = " + v.dump() + " is outside [0, " + std::to_string(f.max_count) + "]");
      f.set(p, v);
      return;
    }
    std::string known;
    for (const auto& f : setting_fields()) known += std::string(known.empty() ? "" : ", ") + f.name;
    fail(pointer, "unknown key '" + key + "' (known point keys: " + known + ")");
  }

  std::string file_;
  std::optional<json_locations> where_;
  json root_;
};

}  // namespace detail_sweep

/// Reads a sweep from JSON text (`file` names it in errors). Top-level keys:
///   "data":  "digits" (default) or "mnist8"
///   "base":  {key: value, ...}          settings shared by every point (defaults: point_settings)
///   "list":  [{key: value, ...}, ...]   explicit points (each on top of base)
///   "grid":  {key: [values], ...}       the Cartesian product, crossed with every list entry; the
///                                       last key varies fastest
///   "seeds": [s, ...] or {"first": a, "count": n}
///                                       every point above once per seed (innermost)
/// Point keys are the members of point_settings. A malformed file, an unknown key, a value of the
/// wrong JSON type or an empty grid/list/seeds throws file_error naming the file, the key and its
/// line and column; a value out of its range (validate_point) throws file_error naming the point
/// index and the parameter.
[[nodiscard]] inline sweep parse_sweep(const std::string& text, const std::string& file = "<sweep>") {
  return detail_sweep::sweep_reader(file, text).read();
}

/// Reads a sweep file (see parse_sweep). A path that is not a regular file (a directory, a FIFO,
/// /dev/zero), a file over max_sweep_file_bytes or an unreadable one throws file_error before
/// more than max_sweep_file_bytes + 1 bytes are read.
[[nodiscard]] inline sweep read_sweep_file(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw file_error(path, "", "cannot open the sweep file (no such file)");
  if (!std::filesystem::is_regular_file(status)) throw file_error(path, "", "the sweep file is not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw file_error(path, "", "cannot open the sweep file");
  std::string text(max_sweep_file_bytes + 1, '\0');
  in.read(text.data(), std::streamsize(text.size()));
  if (in.bad()) throw file_error(path, "", "cannot read the sweep file");
  text.resize(std::size_t(in.gcount()));
  return parse_sweep(text, path);
}

/// The CSV header of a sweep's results: index, every point key, then the measured columns.
[[nodiscard]] inline std::string csv_header() {
  std::string h = "index";
  for (const auto& f : detail_sweep::setting_fields()) {
    h += ',';
    h += f.name;
  }
  return h + ",test_accuracy,train_accuracy,energy_J,laser_energy_J,joule_energy_J";
}

/// The settings part of point `index`'s CSV row ("index,epochs,...,parallel_ratio").
[[nodiscard]] inline std::string csv_settings(std::size_t index, const point_settings& p) {
  std::string row = std::to_string(index);
  for (const auto& f : detail_sweep::setting_fields()) {
    row += ',';
    row += f.print(p);
  }
  return row;
}

/// The whole CSV row of a finished point (no newline).
[[nodiscard]] inline std::string csv_row(std::size_t index, const point_settings& p, const point_result& r) {
  using detail_sweep::print_value;
  return csv_settings(index, p) + "," + print_value(r.test_accuracy) + "," + print_value(r.train_accuracy) + "," +
         print_value(r.energy_J) + "," + print_value(r.laser_energy_J) + "," + print_value(r.joule_energy_J);
}

}  // namespace spinaptic::mpi
