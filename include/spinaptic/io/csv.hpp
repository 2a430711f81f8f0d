// spinaptic/io/csv.hpp: a small, strict CSV reader that remembers where every field came from,
// so that a malformed file is refused with its name, line and column.
#pragma once

#include <charconv>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "spinaptic/error.hpp"

namespace spinaptic::io {

/// One field of a CSV row with its 1-based line and column (column counts characters).
struct csv_field {
  /// The field's text, trimmed.
  std::string text;
  /// 1-based line of the field in its file.
  std::size_t line = 0;
  /// 1-based column (field index) in its line.
  std::size_t column = 0;
};

using csv_row = std::vector<csv_field>;

/// A parsed CSV text: rows of fields. Lines that are empty or start with '#' are skipped.
/// Fields are separated by ',' and trimmed of spaces and tabs; quoting is not supported.
struct csv_table {
  std::string source;  ///< the file name, for error messages
  /// The data rows, without the header and comment lines.
  std::vector<csv_row> rows;

  /// file:line L, column C: what.
  [[noreturn]] void fail(const csv_field& f, std::string_view what) const {
    throw file_error(source, file_error::at_line(f.line, f.column), what);
  }

  /// The field parsed as a finite double; anything else throws naming file, line, column.
  [[nodiscard]] double number(const csv_field& f) const {
    double v = 0.0;
    const char* first = f.text.data();
    const char* last = first + f.text.size();
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (f.text.empty() || ec != std::errc{} || ptr != last)
      fail(f, "expected a number, found '" + f.text + "'");
    if (!std::isfinite(v)) fail(f, "expected a finite number, found '" + f.text + "'");
    return v;
  }
};

/// Parse CSV text; `source` names it in error messages.
[[nodiscard]] inline csv_table parse_csv(std::string_view text, std::string source) {
  csv_table table{std::move(source), {}};
  std::size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first_non_space = line.find_first_not_of(" \t");
    if (first_non_space != std::string_view::npos && line[first_non_space] != '#') {
      csv_row row;
      std::size_t start = 0;
      while (true) {
        std::size_t comma = line.find(',', start);
        std::size_t stop = comma == std::string_view::npos ? line.size() : comma;
        std::string_view raw = line.substr(start, stop - start);
        std::size_t lead = raw.find_first_not_of(" \t");
        std::size_t col = start + 1 + (lead == std::string_view::npos ? 0 : lead);
        std::string_view trimmed = lead == std::string_view::npos ? std::string_view{} : raw.substr(lead);
        while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
          trimmed.remove_suffix(1);
        row.push_back(csv_field{std::string(trimmed), line_no, col});
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
      table.rows.push_back(std::move(row));
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return table;
}

/// Read and parse a CSV file; an unreadable file throws file_error naming it.
[[nodiscard]] inline csv_table read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw file_error(path, "", "cannot open file for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_csv(buffer.str(), path);
}

}  // namespace spinaptic::io
