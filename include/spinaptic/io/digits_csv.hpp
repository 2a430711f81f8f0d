// spinaptic/io/digits_csv.hpp: reader for the 8x8 handwritten digits as shipped by scikit-learn
// (sklearn/datasets/data/digits.csv.gz, decompressed by scripts/fetch-data).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "spinaptic/error.hpp"
#include "spinaptic/io/csv.hpp"
#include "spinaptic/io/image_set.hpp"

namespace spinaptic::io {

/// Reads the UCI "Optical Recognition of Handwritten Digits" 8x8 set (Alpaydin & Kaynak 1998;
/// scikit-learn's copy is the 1797-image test set optdigits.tes). One image per line:
/// 64 integer pixel counts in [0, 16] (row-major 8x8), then the label in [0, 9].
/// A line with the wrong number of fields (also a file cut off mid-line), a non-integer, a pixel
/// outside [0, 16] or a label outside [0, 9] throws file_error naming the file, line and column.
[[nodiscard]] inline image_set read_digits_csv(const std::string& path) {
  constexpr std::size_t side = 8, pixels_per_image = side * side;
  constexpr double max_count = 16.0;
  const csv_table table = read_csv(path);
  if (table.rows.empty()) throw file_error(path, "", "empty file: expected 1 line per image");
  image_set set{side, side, max_count, 10,
                xt::xtensor<double, 2>::from_shape({table.rows.size(), pixels_per_image}), {}};
  set.labels.reserve(table.rows.size());
  auto integer_in = [&](const csv_field& f, double lo, double hi, const char* what) {
    const double v = table.number(f);
    if (v != std::floor(v) || v < lo || v > hi)
      table.fail(f, std::string(what) + " must be an integer in [" + std::to_string(int(lo)) + ", " +
                        std::to_string(int(hi)) + "], found '" + f.text + "'");
    return v;
  };
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const csv_row& row = table.rows[r];
    if (row.size() != pixels_per_image + 1)
      table.fail(row.back(), "expected " + std::to_string(pixels_per_image + 1) +
                                 " fields (64 pixels and a label), found " + std::to_string(row.size()));
    for (std::size_t j = 0; j < pixels_per_image; ++j)
      set.pixels(r, j) = integer_in(row[j], 0.0, max_count, "pixel");
    set.labels.push_back(static_cast<std::uint8_t>(integer_in(row[pixels_per_image], 0.0, 9.0, "label")));
  }
  return set;
}

}  // namespace spinaptic::io
