// spinaptic/error.hpp: the exceptions spinaptic throws for wrong values and malformed files.
//
// Wrong dimensions are compile errors (units.hpp); wrong *values* are exceptions derived from
// spinaptic::error whose message names the parameter, the value and the allowed range, or the
// file with its line and column (or byte offset).
#pragma once

#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace spinaptic {

/// Base of every exception spinaptic throws on purpose.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A parameter outside its allowed range (NaN, negative, zero where positive is needed...).
class invalid_parameter : public error {
 public:
  /// An error for parameter `name` = `value`, which lies outside `allowed` (a range in words, e.g. "[0, 1]").
  invalid_parameter(std::string_view name, double value, std::string_view allowed)
      : error(compose(name, value, allowed)), name_(name) {}
  /// The name of the parameter that was refused.
  [[nodiscard]] const std::string& parameter() const noexcept { return name_; }

 private:
  static std::string compose(std::string_view name, double value, std::string_view allowed) {
    std::ostringstream s;
    s.precision(17);
    s << "spinaptic: parameter '" << name << "' = " << value << " is invalid; allowed: " << allowed;
    return s.str();
  }
  std::string name_;
};

/// Arrays or extents that do not fit together.
class size_mismatch : public error {
 public:
  /// An error for `what`, which has `got` elements where `expected` are needed.
  size_mismatch(std::string_view what, std::size_t expected, std::size_t got)
      : error("spinaptic: size mismatch in " + std::string(what) + ": expected " +
              std::to_string(expected) + ", got " + std::to_string(got)) {}
};

/// A malformed or unreadable file; the message names the file and where in it.
class file_error : public error {
 public:
  /// An error in `file` at `where` (e.g. "line 3, column 2"), described by `what`.
  file_error(std::string_view file, std::string_view where, std::string_view what)
      : error("spinaptic: " + std::string(file) + (where.empty() ? "" : ":") + std::string(where) +
              ": " + std::string(what)),
        file_(file) {}
  /// The path of the file that could not be read.
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

  /// "line L, column C" for text files.
  static std::string at_line(std::size_t line, std::size_t column) {
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
  }
  /// "byte offset N" for binary files.
  static std::string at_offset(std::size_t offset) { return "byte offset " + std::to_string(offset); }

 private:
  std::string file_;
};

namespace detail {
inline double require_finite(std::string_view name, double v) {
  if (!std::isfinite(v)) throw invalid_parameter(name, v, "a finite number");
  return v;
}
inline double require_positive(std::string_view name, double v) {
  if (!std::isfinite(v) || !(v > 0.0)) throw invalid_parameter(name, v, "finite and > 0");
  return v;
}
inline double require_non_negative(std::string_view name, double v) {
  if (!std::isfinite(v) || v < 0.0) throw invalid_parameter(name, v, "finite and >= 0");
  return v;
}
inline double require_in_range(std::string_view name, double v, double lo, double hi) {
  if (!std::isfinite(v) || v < lo || v > hi) {
    std::ostringstream s;
    s << "[" << lo << ", " << hi << "]";
    throw invalid_parameter(name, v, s.str());
  }
  return v;
}
}  // namespace detail

}  // namespace spinaptic
