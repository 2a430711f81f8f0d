// spinaptic/io/image_set.hpp: a labelled set of grey-level images, the common result of the
// data-set readers (digits_csv.hpp, idx.hpp) and the input of the optical encoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/error.hpp"

namespace spinaptic::io {

/// Images as rows of raw pixel values (row-major, height x width per image) with class labels.
/// `max_pixel` is the full-scale pixel value of the format: 16 for the 8x8 optdigits counts
/// (Alpaydin & Kaynak 1998), 255 for MNIST grey levels (LeCun et al. 1998).
struct image_set {
  std::size_t height = 0;      ///< pixels per image column
  std::size_t width = 0;       ///< pixels per image row
  double max_pixel = 0.0;      ///< full-scale pixel value x_max
  std::size_t classes = 10;    ///< labels lie in [0, classes)
  xt::xtensor<double, 2> pixels = xt::xtensor<double, 2>::from_shape({0, 0});  ///< [image, pixel]
  std::vector<std::uint8_t> labels;  ///< one per image

  /// Number of images.
  [[nodiscard]] std::size_t size() const noexcept { return labels.size(); }
  /// Pixels per image, height x width.
  [[nodiscard]] std::size_t pixel_count() const noexcept { return height * width; }

  /// The images with the given indices, in that order (used for train/test splits); an index
  /// >= size() throws index_out_of_range.
  [[nodiscard]] image_set subset(const std::vector<std::size_t>& indices) const {
    image_set out{height, width, max_pixel, classes,
                  xt::xtensor<double, 2>::from_shape({indices.size(), pixel_count()}), {}};
    out.labels.reserve(indices.size());
    const std::size_t n = pixel_count();
    for (std::size_t r = 0; r < indices.size(); ++r) {
      if (indices[r] >= size()) throw index_out_of_range("image_set::subset image index", indices[r], size());
      const double* src = pixels.data() + indices[r] * n;
      double* dst = out.pixels.data() + r * n;
      for (std::size_t j = 0; j < n; ++j) dst[j] = src[j];
      out.labels.push_back(labels[indices[r]]);
    }
    return out;
  }
};

}  // namespace spinaptic::io
