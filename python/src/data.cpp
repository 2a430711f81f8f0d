// python/src/data.cpp: the data side of spinaptic._core: the library's stratified split (so a
// Python run splits as the C++ examples do for the same seed), the 8x8 digits of
// scripts/fetch-data, and crossbar checkpoints (io/checkpoint.hpp).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/io/checkpoint.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/learning/split.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

py::array_t<std::int64_t> to_numpy(const std::vector<std::size_t>& v) {
  py::array_t<std::int64_t> a(static_cast<py::ssize_t>(v.size()));
  for (std::size_t k = 0; k < v.size(); ++k) a.mutable_data()[k] = static_cast<std::int64_t>(v[k]);
  return a;
}

/// Labels as the library's uint8 class indices, each checked against [0, classes).
std::vector<std::uint8_t> class_labels(const py::object& y, std::size_t classes) {
  const auto a = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(y);
  if (!a || a.ndim() != 1) {
    PyErr_Clear();
    throw error("spinaptic: parameter 'labels' must be a 1-d array of integer class indices");
  }
  std::vector<std::uint8_t> labels(static_cast<std::size_t>(a.size()));
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const std::int64_t v = a.data()[k];
    if (v < 0 || static_cast<std::size_t>(v) >= classes)
      throw invalid_parameter("labels[" + std::to_string(k) + "]", double(v),
                              "an integer class index in [0, " + std::to_string(classes - 1) + "]");
    labels[k] = static_cast<std::uint8_t>(v);
  }
  return labels;
}

}  // namespace

void register_data(py::module_& m) {
  m.def(
      "stratified_split",
      [](const py::object& labels, std::size_t classes, double test_fraction, std::uint64_t seed) {
        if (classes < 1 || classes > 256) throw invalid_parameter("classes", double(classes), "[1, 256]");
        const auto y = class_labels(labels, classes);
        std::mt19937_64 engine(seed);
        auto [train, test] = learning::stratified_split(y, classes, test_fraction, engine);
        return py::make_tuple(to_numpy(train), to_numpy(test));
      },
      py::arg("labels"), py::arg("classes"), py::arg("test_fraction"), py::arg("seed"),
      "The library's stratified split (learning/split.hpp) with std::mt19937_64(seed): in every class "
      "round(test_fraction n_c) samples go to the test set. Returns (train indices, test indices), "
      "sorted; the same split as the C++ examples' --seed.");
  m.def(
      "load_digits",
      [](const std::string& path) {
        const io::image_set s = io::read_digits_csv(path.empty() ? io::data_directory() + "/digits/digits.csv" : path);
        py::array_t<double> x({static_cast<py::ssize_t>(s.size()), static_cast<py::ssize_t>(s.pixel_count())});
        std::copy(s.pixels.begin(), s.pixels.end(), x.mutable_data());
        py::array_t<std::int64_t> y(static_cast<py::ssize_t>(s.labels.size()));
        for (std::size_t k = 0; k < s.labels.size(); ++k) y.mutable_data()[k] = s.labels[k];
        return py::make_tuple(x, y, s.max_pixel);
      },
      py::arg("path") = "",
      "The 8x8 digits (UCI optdigits test set, 1797 images) from scripts/fetch-data's cache "
      "($SPINAPTIC_DATA or ~/.cache/spinaptic) or `path`: (pixels [image, 64], labels, full-scale pixel).");
  m.def(
      "load_checkpoint",
      [](const std::string& path) {
        const io::checkpoint c = io::load_checkpoint(path);
        py::array_t<double> x({static_cast<py::ssize_t>(c.inputs), static_cast<py::ssize_t>(c.outputs)});
        std::copy(c.normalized_currents.begin(), c.normalized_currents.end(), x.mutable_data());
        py::dict config;
        for (const auto& [k, v] : c.configuration) config[py::str(k)] = v;
        py::dict d;
        d["normalized_currents"] = x;
        d["max_current_A"] = c.max_current_A;
        d["current_range"] = c.range == network::current_range::bipolar ? "bipolar" : "non_negative";
        d["configuration"] = config;
        return d;
      },
      py::arg("path"),
      "A crossbar checkpoint (io/checkpoint.hpp, e.g. the digits example's currents.ckpt): a dict with "
      "normalized_currents x = I/I_max [inputs, outputs] (bit-exact), max_current_A, current_range, configuration.");
}

}  // namespace spinaptic::python
