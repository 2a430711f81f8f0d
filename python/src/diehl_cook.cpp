// python/src/diehl_cook.cpp: the unsupervised network of Diehl & Cook, Front. Comput. Neurosci.
// 9:99 (2015) (network/spiking/diehl_cook.hpp) from Python: present images, get each excitatory
// neuron's spike count per image as arrays; learning on or off; the input weights.
#include <cstdint>
#include <memory>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/network/spiking/diehl_cook.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

namespace ss = network::spiking;

struct diehl_cook_handle {
  ss::diehl_cook_settings settings;
  std::unique_ptr<ss::diehl_cook_network> net;
};

diehl_cook_handle make(std::size_t inputs, std::size_t excitatory, std::uint64_t seed, double lockout_s,
                       double input_delay_s, double pre_rate_S, double post_rate_S) {
  if (inputs < 1) throw invalid_parameter("inputs", 0.0, ">= 1");
  if (excitatory < 1) throw invalid_parameter("excitatory", 0.0, ">= 1");
  diehl_cook_handle h;
  h.settings.inputs = inputs;
  h.settings.excitatory = excitatory;
  h.settings.seed = seed;
  h.settings.lockout = units::as<units::time>(detail::require_non_negative("lockout_s", lockout_s));
  h.settings.input_delay = units::as<units::time>(detail::require_non_negative("input_delay_s", input_delay_s));
  if (pre_rate_S >= 0.0) h.settings.rule.pre_rate = units::as<units::conductance>(pre_rate_S);
  else if (!(pre_rate_S == -1.0)) throw invalid_parameter("pre_rate_S", pre_rate_S, ">= 0 (or -1: the paper's 1e-4 nS)");
  if (post_rate_S >= 0.0) h.settings.rule.post_rate = units::as<units::conductance>(post_rate_S);
  else if (!(post_rate_S == -1.0)) throw invalid_parameter("post_rate_S", post_rate_S, ">= 0 (or -1: the paper's 1e-2 nS)");
  h.net = std::make_unique<ss::diehl_cook_network>(h.settings);
  return h;
}

/// Spike counts [image, neuron] of the excitatory neurons for each image (pixels in [0, max_pixel];
/// Poisson rates max_rate x / max_pixel; shown again brighter while fewer than min_spikes answer).
py::array_t<std::uint32_t> present(diehl_cook_handle& h, const py::object& images, double max_pixel) {
  detail::require_positive("max_pixel", max_pixel);
  const auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(as_float_array(images, "images"));
  if (a.ndim() != 2) throw invalid_parameter("images.ndim", double(a.ndim()), "2 ([images, inputs])");
  if (static_cast<std::size_t>(a.shape(1)) != h.settings.inputs)
    throw size_mismatch("images.shape[1] (network inputs)", h.settings.inputs, static_cast<std::size_t>(a.shape(1)));
  for (py::ssize_t k = 0; k < a.size(); ++k)
    detail::require_in_range("images (pixel value)", a.data()[k], 0.0, max_pixel);
  const std::size_t n = static_cast<std::size_t>(a.shape(0)), e = h.settings.excitatory;
  py::array_t<std::uint32_t> counts({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(e)});
  for (std::size_t i = 0; i < n; ++i) {
    {
      py::gil_scoped_release unlocked;
      const auto c = h.net->present(a.data() + i * h.settings.inputs, max_pixel);
      std::copy(c.begin(), c.end(), counts.mutable_data() + i * e);
    }
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  }
  return counts;
}

}  // namespace

void register_diehl_cook(py::module_& m) {
  py::class_<diehl_cook_handle>(m, "DiehlCook",
                                "The unsupervised spiking network of Diehl & Cook 2015 (Poisson inputs -> excitatory "
                                "LIF with adaptive thresholds and STDP -> one-to-one inhibition -> lateral inhibition; "
                                "docs/spiking.md).")
      .def(py::init(&make), py::arg("inputs") = 784, py::arg("excitatory") = 400, py::kw_only(),
           py::arg("seed") = 1, py::arg("lockout_s") = 0.0, py::arg("input_delay_s") = 0.0,
           py::arg("pre_rate_S") = -1.0, py::arg("post_rate_S") = -1.0,
           "inputs pixels, `excitatory` neurons (as many inhibitory), seed of the initial weights and Poisson "
           "streams, lock-out after a spike [s], input delays uniform in [0, input_delay_s], STDP rates "
           "nu_pre, nu_post [S] (-1: the paper's 1e-4 nS and 1e-2 nS).")
      .def("present", &present, py::arg("images"), py::arg("max_pixel"),
           "Shows each image (350 ms, then 150 ms rest; again brighter while fewer than 5 spikes answer) and returns "
           "the excitatory spike counts [images, neurons] (uint32). Learns unless set_learning(False); releases the GIL "
           "and stops on Ctrl-C between images.")
      .def("set_learning", [](diehl_cook_handle& h, bool on) { h.net->set_learning(on); }, py::arg("on"),
           "Learning on (the default) or off: off freezes the weights and the adaptive thresholds.")
      .def_property_readonly("presentations", [](const diehl_cook_handle& h) { return h.net->presentations(); },
                             "presentations so far (an image shown again brighter counts again)")
      .def_property_readonly("weights", [](diehl_cook_handle& h) {
        const auto& w = h.net->weights();
        py::array_t<double> out({static_cast<py::ssize_t>(w.shape()[0]), static_cast<py::ssize_t>(w.shape()[1])});
        std::copy(w.begin(), w.end(), out.mutable_data());
        return out;
      }, "input -> excitatory weights [inputs, neurons] [S] (a copy)");
}

}  // namespace spinaptic::python
