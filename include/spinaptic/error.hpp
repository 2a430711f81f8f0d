// spinaptic/error.hpp: the exceptions spinaptic throws for wrong values and malformed files.
//
// Wrong dimensions are compile errors (units.hpp); wrong *values* are exceptions derived from
// spinaptic::error whose message names the parameter, the value and the allowed range, or the
// file with its line and column (or byte offset).
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <new>
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
  /// "spinaptic: parameter 'name' = value is invalid; allowed: allowed".
  invalid_parameter(std::string_view name, double value, std::string_view allowed)
      : error(compose(name, value, allowed)), name_(name) {}
  /// The name of the refused parameter.
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
  /// "spinaptic: size mismatch in what: expected E, got G".
  size_mismatch(std::string_view what, std::size_t expected, std::size_t got)
      : error("spinaptic: size mismatch in " + std::string(what) + ": expected " +
              std::to_string(expected) + ", got " + std::to_string(got)) {}
};

/// An index outside [0, count): names the index, its value and the valid range (or says that
/// there is no valid index when count is 0), e.g. "index 'image index' = 3 is out of range; allowed:
/// [0, 2] (3 elements)".
class index_out_of_range : public error {
 public:
  /// what: the index's name; index: its value; count: the number of valid indices.
  index_out_of_range(std::string_view what, std::size_t index, std::size_t count)
      : error("spinaptic: index '" + std::string(what) + "' = " + std::to_string(index) +
              " is out of range; " +
              (count == 0 ? std::string("there are no elements")
                          : "allowed: [0, " + std::to_string(count - 1) + "] (" + std::to_string(count) +
                                (count == 1 ? " element)" : " elements)"))),
        index_(index),
        count_(count) {}
  /// The index that was refused.
  [[nodiscard]] std::size_t index() const noexcept { return index_; }
  /// The number of elements: valid indices are [0, count).
  [[nodiscard]] std::size_t count() const noexcept { return count_; }

 private:
  std::size_t index_, count_;
};

/// A malformed or unreadable file; the message names the file and where in it.
class file_error : public error {
 public:
  /// "spinaptic: file:where: what" (without ":where" when `where` is empty).
  file_error(std::string_view file, std::string_view where, std::string_view what)
      : error("spinaptic: " + std::string(file) + (where.empty() ? "" : ":") + std::string(where) +
              ": " + std::string(what)),
        file_(file) {}
  /// The file (or source name) the error is about.
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
/// a x b for sizes read from a file or given by a user; false (and `product` untouched) when the
/// product exceeds the largest std::size_t, so a caller can refuse it before allocating.
[[nodiscard]] constexpr bool checked_multiply(std::size_t a, std::size_t b, std::size_t& product) noexcept {
  if (a != 0 && b > std::numeric_limits<std::size_t>::max() / a) return false;
  product = a * b;
  return true;
}

/// Runs `read()` (a reader of the file `path`) and lets only spinaptic::error out: an allocation
/// failure or any other std::exception from below (std::bad_alloc, std::length_error, an
/// iostream or filesystem failure) is rethrown as a file_error naming the file and the cause.
template <class Read>
decltype(auto) reading_file(std::string_view path, Read&& read) {
  try {
    return read();
  } catch (const error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw file_error(path, "", "out of memory while reading the file");
  } catch (const std::exception& e) {
    throw file_error(path, "", std::string("cannot read the file: ") + e.what());
  }
}

/// `index`, or index_out_of_range naming `what`, the index and [0, count) unless index < count
/// (the one check of an index a user passes).
inline std::size_t check_index(std::string_view what, std::size_t index, std::size_t count) {
  if (index >= count) throw index_out_of_range(what, index, count);
  return index;
}

/// `v`, or invalid_parameter naming `name` unless v is finite.
inline double require_finite(std::string_view name, double v) {
  if (!std::isfinite(v)) throw invalid_parameter(name, v, "a finite number");
  return v;
}
/// `v`, or invalid_parameter naming `name` unless v is finite and > 0.
inline double require_positive(std::string_view name, double v) {
  if (!std::isfinite(v) || !(v > 0.0)) throw invalid_parameter(name, v, "finite and > 0");
  return v;
}
/// `v`, or invalid_parameter naming `name` unless v is finite and >= 0.
inline double require_non_negative(std::string_view name, double v) {
  if (!std::isfinite(v) || v < 0.0) throw invalid_parameter(name, v, "finite and >= 0");
  return v;
}
/// `v`, or invalid_parameter naming `name` and [lo, hi] unless v is finite and in [lo, hi].
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
