// spinaptic/io/digits_csv.hpp: reader for the 8x8 handwritten digits as shipped by scikit-learn
// (sklearn/datasets/data/digits.csv.gz, decompressed by scripts/fetch-data).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "spinaptic/error.hpp"
#include "spinaptic/io/csv.hpp"
#include "spinaptic/io/image_set.hpp"

namespace spinaptic::io {

/// Parses the UCI "Optical Recognition of Handwritten Digits" 8x8 set (Alpaydin & Kaynak 1998;
/// scikit-learn's copy is the 1797-image test set optdigits.tes) from `text`, named `source` in
/// error messages. One image per line: 64 integer pixel counts in [0, 16] (row-major 8x8), then
/// the label in [0, 9]. A line with the wrong number of fields (also a file cut off mid-line), a
/// non-integer, a pixel outside [0, 16] or a label outside [0, 9] throws file_error naming the
/// source, line and column; a line with more than 65 fields is refused at field 66, before the
/// rest of it is split. No other exception type escapes.
[[nodiscard]] inline image_set parse_digits_csv(std::string_view text, const std::string& source) {
  return detail::reading_file(source, [&] {
    constexpr std::size_t side = 8, pixels_per_image = side * side, fields = pixels_per_image + 1;
    constexpr double max_count = 16.0;
    csv_reader reader(text, source, fields);
    auto integer_in = [&](const csv_field& f, double lo, double hi, const char* what) {
      const double v = csv_number(source, f);
      if (v != std::floor(v) || v < lo || v > hi)
        throw file_error(source, file_error::at_line(f.line, f.column),
                         std::string(what) + " must be an integer in [" + std::to_string(int(lo)) + ", " +
                             std::to_string(int(hi)) + "], found '" + f.text + "'");
      return v;
    };
    std::vector<double> pixels;
    std::vector<std::uint8_t> labels;
    csv_row row;
    while (reader.next(row)) {
      if (row.size() != fields)
        throw file_error(source, file_error::at_line(row.back().line, row.back().column),
                         "expected " + std::to_string(fields) + " fields (64 pixels and a label), found " +
                             std::to_string(row.size()));
      for (std::size_t j = 0; j < pixels_per_image; ++j)
        pixels.push_back(integer_in(row[j], 0.0, max_count, "pixel"));
      labels.push_back(static_cast<std::uint8_t>(integer_in(row[pixels_per_image], 0.0, 9.0, "label")));
    }
    if (labels.empty()) throw file_error(source, "", "empty file: expected 1 line per image");
    image_set set{side, side, max_count, 10, xt::xtensor<double, 2>::from_shape({labels.size(), pixels_per_image}),
                  std::move(labels)};
    std::copy(pixels.begin(), pixels.end(), set.pixels.data());
    return set;
  });
}

/// Reads the 8x8 digits file `path` (format and errors of parse_digits_csv); an unreadable file
/// throws file_error naming it.
[[nodiscard]] inline image_set read_digits_csv(const std::string& path) {
  return parse_digits_csv(read_text_file(path), path);
}

}  // namespace spinaptic::io
