// spinaptic/io/csv.hpp: a small, strict CSV reader that remembers where every field came from,
// so that a malformed file is refused with its name, line and column.
//
// Memory: a row is split only up to a caller-given number of fields; a line with more fields is
// refused with the column of the first field too many, before any of them is stored. A 10 MB line
// of commas therefore costs the 10 MB of text, not one stored field per comma.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "spinaptic/error.hpp"
#include "spinaptic/io/read_file.hpp"

namespace spinaptic::io {

/// One field of a CSV row with its 1-based line and column (column counts characters).
struct csv_field {
  std::string text;        ///< the field, trimmed of surrounding spaces and tabs
  std::size_t line = 0;    ///< 1-based line number in the source
  std::size_t column = 0;  ///< 1-based column of the field's first non-blank character
};

/// The fields of one CSV line, in order.
using csv_row = std::vector<csv_field>;

/// Fields per row that parse_csv and read_csv accept unless told otherwise (2^16: wider than any
/// image-per-line data set we read, e.g. 28 x 28 MNIST pixels and a label = 785 fields).
inline constexpr std::size_t csv_default_max_fields = std::size_t{1} << 16;

/// The field parsed as a finite double; anything else throws file_error naming `source`, the
/// field's line and column.
[[nodiscard]] inline double csv_number(std::string_view source, const csv_field& f) {
  double v = 0.0;
  const char* first = f.text.data();
  const char* last = first + f.text.size();
  auto [ptr, ec] = std::from_chars(first, last, v);
  if (f.text.empty() || ec != std::errc{} || ptr != last)
    throw file_error(source, file_error::at_line(f.line, f.column), "expected a number, found '" + f.text + "'");
  if (!std::isfinite(v))
    throw file_error(source, file_error::at_line(f.line, f.column),
                     "expected a finite number, found '" + f.text + "'");
  return v;
}

/// Streams the rows of a CSV text one at a time. Lines that are empty (or blank) or start with
/// '#' are skipped; fields are separated by ',' and trimmed of spaces and tabs; quoting is not
/// supported; a carriage return before the '\n' is dropped. The text must outlive the reader.
class csv_reader {
 public:
  /// Reads `text`; `source` names it in error messages; a row with more than `max_fields`
  /// fields throws file_error at the column of field max_fields + 1.
  csv_reader(std::string_view text, std::string source, std::size_t max_fields = csv_default_max_fields)
      : text_(text), source_(std::move(source)), max_fields_(max_fields) {
    if (max_fields_ == 0) throw invalid_parameter("CSV fields per row", 0.0, "at least 1");
  }

  /// The next non-skipped row into `row` (its previous contents are replaced, its storage reused);
  /// false at the end of the text.
  bool next(csv_row& row) {
    while (!done_) {
      std::size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view line = text_.substr(pos_, end - pos_);
      ++line_no_;
      if (end == text_.size()) done_ = true;
      else pos_ = end + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const auto first_non_space = line.find_first_not_of(" \t");
      if (first_non_space == std::string_view::npos || line[first_non_space] == '#') continue;
      split(line, row);
      return true;
    }
    return false;
  }

  /// The name used in error messages.
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  /// The most fields a row may have.
  [[nodiscard]] std::size_t max_fields() const noexcept { return max_fields_; }

 private:
  void split(std::string_view line, csv_row& row) const {
    std::size_t count = 0, start = 0;
    // First pass: count the fields without storing any, so that an over-long row costs nothing.
    for (std::size_t comma = line.find(','); ; comma = line.find(',', comma + 1)) {
      if (++count > max_fields_)
        throw file_error(source_, file_error::at_line(line_no_, start + 1),
                         "more than " + std::to_string(max_fields_) + " fields in a row (field " +
                             std::to_string(max_fields_ + 1) + " starts here)");
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    row.resize(count);
    start = 0;
    for (std::size_t k = 0; k < count; ++k) {
      std::size_t comma = line.find(',', start);
      std::size_t stop = comma == std::string_view::npos ? line.size() : comma;
      std::string_view raw = line.substr(start, stop - start);
      std::size_t lead = raw.find_first_not_of(" \t");
      std::string_view trimmed = lead == std::string_view::npos ? std::string_view{} : raw.substr(lead);
      while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
      row[k].text.assign(trimmed.data(), trimmed.size());
      row[k].line = line_no_;
      row[k].column = start + 1 + (lead == std::string_view::npos ? 0 : lead);
      start = stop + 1;
    }
  }

  std::string_view text_;
  std::string source_;
  std::size_t max_fields_;
  std::size_t pos_ = 0, line_no_ = 0;
  bool done_ = false;
};

/// A parsed CSV text: rows of fields (the rules of csv_reader).
struct csv_table {
  std::string source;  ///< the file name, for error messages
  std::vector<csv_row> rows;  ///< the rows that were not skipped, in order

  /// Throws file_error "source:line L, column C: what" at the field `f`.
  [[noreturn]] void fail(const csv_field& f, std::string_view what) const {
    throw file_error(source, file_error::at_line(f.line, f.column), what);
  }

  /// The field parsed as a finite double; anything else throws naming file, line, column.
  [[nodiscard]] double number(const csv_field& f) const { return csv_number(source, f); }
};

/// Parse CSV text; `source` names it in error messages; a row with more than `max_fields` fields
/// throws file_error (line and column of the first field too many) before it is stored.
[[nodiscard]] inline csv_table parse_csv(std::string_view text, std::string source,
                                         std::size_t max_fields = csv_default_max_fields) {
  return detail::reading_file(source, [&] {
    csv_reader reader(text, source, max_fields);
    csv_table table{source, {}};
    csv_row row;
    while (reader.next(row)) table.rows.push_back(row);
    return table;
  });
}

/// Read and parse a CSV file (rules of parse_csv); an unreadable file throws file_error naming it.
[[nodiscard]] inline csv_table read_csv(const std::string& path, std::size_t max_fields = csv_default_max_fields) {
  return parse_csv(read_text_file(path), path, max_fields);
}

}  // namespace spinaptic::io
