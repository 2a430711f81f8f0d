// python/src/pixels.hpp: what the network bindings share: the current range by name, pixel arrays
// checked against their full scale, and their row drives through the crossbar's encoding.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>

#include <pybind11/numpy.h>

#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/io/image_set.hpp>
#include <spinaptic/network/crossbar.hpp>

#include "common.hpp"

namespace spinaptic::python {

/// "bipolar" or "non_negative"; any other name throws spinaptic::error naming the parameter.
inline network::current_range parse_range(const std::string& r) {
  if (r == "bipolar") return network::current_range::bipolar;
  if (r == "non_negative") return network::current_range::non_negative;
  throw error("spinaptic: parameter 'current_range' = '" + r + "' is invalid; allowed: bipolar, non_negative");
}

/// Pixels [sample, input] as C-contiguous float64, each finite and in [0, max_pixel].
inline py::array_t<double, py::array::c_style> checked_pixels(const py::object& x, double max_pixel) {
  const auto a = as_float_array(x, "X");
  detail::require_positive("max_pixel", max_pixel);
  if (a.ndim() != 2) throw invalid_parameter("X.ndim", double(a.ndim()), "2 (an array [samples, inputs])");
  auto c = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(a);
  const double* p = c.data();
  for (py::ssize_t k = 0; k < c.size(); ++k)
    if (!(p[k] >= 0.0 && p[k] <= max_pixel))
      throw invalid_parameter("X[" + std::to_string(k / c.shape(1)) + ", " + std::to_string(k % c.shape(1)) + "] (pixel)",
                              p[k], "[0, max_pixel = " + std::to_string(max_pixel) + "]");
  return c;
}

/// The row drives p = x / x_max of the crossbar's encoding (encoding/optical_intensity.hpp).
inline xt::xtensor<double, 2> drives_of(const py::array_t<double, py::array::c_style>& x, double max_pixel) {
  io::image_set images{1, static_cast<std::size_t>(x.shape(1)), max_pixel, 256,
                       xt::xtensor<double, 2>::from_shape({static_cast<std::size_t>(x.shape(0)), static_cast<std::size_t>(x.shape(1))}),
                       {}};
  std::copy(x.data(), x.data() + x.size(), images.pixels.data());
  return encoding::encode<encoding::optical_intensity>(images);
}

}  // namespace spinaptic::python
