// spinaptic/encoding/optical_intensity.hpp: pixel value -> laser power of its crossbar row.
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/encoding.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/io/image_set.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::encoding {

/// Optical intensity encoding of Oberbauer et al. 2025, Fig. 4c: each pixel x_j sets the laser
/// power of row j,
///   P_j = P_max x_j / x_max,      p_j = P_j / P_max = x_j / x_max in [0, 1]
/// (linear, non-inverted; docs/physics.md); P_max = 150 mW for the paper's
/// 800 nm junction. The same power drives every junction of the row.
struct optical_intensity {
  /// p_j = x_j / x_max (raw kernel).
  [[nodiscard]] static constexpr double normalized_drive(double pixel, double max_pixel) noexcept {
    return pixel / max_pixel;
  }
  /// P_j = P_max x_j / x_max [W]. A pixel outside [0, x_max] throws invalid_parameter.
  [[nodiscard]] static units::power laser_power(double pixel, double max_pixel, units::power max_power) {
    detail::require_positive("full-scale pixel value x_max", max_pixel);
    detail::require_in_range("pixel value x", pixel, 0.0, max_pixel);
    return normalized_drive(pixel, max_pixel) * max_power;
  }
};

static_assert(input_encoding<optical_intensity>);

/// The normalised row drives of a whole image set, [image, row] = E::normalized_drive(x, x_max).
template <input_encoding Encoding = optical_intensity>
[[nodiscard]] xt::xtensor<double, 2> encode(const io::image_set& images) {
  detail::require_positive("full-scale pixel value x_max", images.max_pixel);
  xt::xtensor<double, 2> drives = xt::xtensor<double, 2>::from_shape(images.pixels.shape());
  const double* x = images.pixels.data();
  double* p = drives.data();
  for (std::size_t k = 0; k < images.pixels.size(); ++k) p[k] = Encoding::normalized_drive(x[k], images.max_pixel);
  return drives;
}

/// Area-averaged down-sampling of every image to height x width pixels (e.g. MNIST 28x28 -> 8x8
/// for the paper's 64-row chip). Output pixel (r, c) is the mean of the input over the box
/// [r H/h, (r+1) H/h) x [c W/w, (c+1) W/w); input pixels cut by a box edge count with the
/// covered fraction of their area, so the total intensity is conserved:
///   y_rc = (h w / (H W)) sum_{i,k} a_ri b_ck x_ik,  a_ri = |[i, i+1) n [r H/h, (r+1) H/h)|.
[[nodiscard]] inline io::image_set area_average(const io::image_set& images, std::size_t height, std::size_t width) {
  if (height == 0 || width == 0 || height > images.height || width > images.width)
    throw invalid_parameter("area_average target size (height*width)", double(height * width),
                            "1 .. the source size, both sides");
  const std::size_t H = images.height, W = images.width, n = images.size();
  // overlap weights a[r][i] of source line i with target line r (one axis at a time)
  auto weights = [](std::size_t source, std::size_t target) {
    xt::xtensor<double, 2> a({target, source}, 0.0);
    const double box = double(source) / double(target);
    for (std::size_t r = 0; r < target; ++r)
      for (std::size_t i = 0; i < source; ++i) {
        const double lo = std::max(double(i), double(r) * box), hi = std::min(double(i + 1), double(r + 1) * box);
        if (hi > lo) a(r, i) = (hi - lo) / box;
      }
    return a;
  };
  const auto a = weights(H, height), b = weights(W, width);
  io::image_set out{height, width, images.max_pixel, images.classes,
                    xt::xtensor<double, 2>({n, height * width}, 0.0), images.labels};
  for (std::size_t s = 0; s < n; ++s) {
    const double* x = images.pixels.data() + s * H * W;
    double* y = out.pixels.data() + s * height * width;
    for (std::size_t r = 0; r < height; ++r)
      for (std::size_t i = 0; i < H; ++i) {
        const double ari = a(r, i);
        if (ari == 0.0) continue;
        for (std::size_t c = 0; c < width; ++c) {
          double row_sum = 0.0;
          for (std::size_t k = 0; k < W; ++k) row_sum += b(c, k) * x[i * W + k];
          y[r * width + c] += ari * row_sum;
        }
      }
  }
  return out;
}

}  // namespace spinaptic::encoding
