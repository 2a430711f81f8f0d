// python/src/crossbar.cpp: training and reading the paper's crossbar (network/crossbar.hpp,
// learning/trainer.hpp) from numpy arrays. Stateless functions: the trained currents live in
// the Python estimator (spinaptic.Crossbar), so it clones and pickles as plain Python.
// Sizes: 64 x 10 (8x8 digits) and 784 x 10 (MNIST) take the compile-time crossbars of
// examples/digits, every other size the run-time extent crossbar<dynamic_extent, dynamic_extent>.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/io/image_set.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialisation.hpp>
#include <spinaptic/learning/learning_rate_schedule.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/learning/weight_decay.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/nonideal/hardware.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

using preset = device::presets::hybrid_mgo_800nm;
using response_type = preset::response_type;

network::current_range parse_range(const std::string& r) {
  if (r == "bipolar") return network::current_range::bipolar;
  if (r == "non_negative") return network::current_range::non_negative;
  throw error("spinaptic: parameter 'current_range' = '" + r + "' is invalid; allowed: bipolar, non_negative");
}

/// Calls f(layer) with a zeroed crossbar of inputs x outputs junctions: the compile-time
/// crossbars of examples/digits for 64 x 10 and 784 x 10, the run-time extent otherwise.
template <class F>
decltype(auto) with_crossbar(std::size_t inputs, std::size_t outputs, network::current_range range, F&& f) {
  if (inputs == 64 && outputs == 10) {
    network::crossbar<64, 10, response_type> layer(preset::response(), device::antiparallel, range);
    return f(layer);
  }
  if (inputs == 784 && outputs == 10) {
    network::crossbar<784, 10, response_type> layer(preset::response(), device::antiparallel, range);
    return f(layer);
  }
  network::crossbar<network::dynamic_extent, network::dynamic_extent, response_type> layer(
      preset::response(), inputs, outputs, device::antiparallel, range);
  return f(layer);
}

/// Pixels [sample, input] as C-contiguous float64, each finite and in [0, max_pixel].
py::array_t<double, py::array::c_style> checked_pixels(const py::object& x, double max_pixel) {
  const auto a = as_float_array(x, "X");
  detail::require_positive("max_pixel", max_pixel);
  if (a.ndim() != 2)
    throw invalid_parameter("X.ndim", double(a.ndim()), "2 (an array [samples, inputs])");
  auto c = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(a);
  const double* p = c.data();
  for (py::ssize_t k = 0; k < c.size(); ++k)
    if (!(p[k] >= 0.0 && p[k] <= max_pixel))
      throw invalid_parameter("X[" + std::to_string(k / c.shape(1)) + ", " + std::to_string(k % c.shape(1)) + "] (pixel)",
                              p[k], "[0, max_pixel = " + std::to_string(max_pixel) + "]");
  return c;
}

/// The row drives p = x / x_max of the crossbar's encoding (encoding/optical_intensity.hpp).
xt::xtensor<double, 2> drives_of(const py::array_t<double, py::array::c_style>& x, double max_pixel) {
  io::image_set images{1, static_cast<std::size_t>(x.shape(1)), max_pixel, 256,
                       xt::xtensor<double, 2>::from_shape({static_cast<std::size_t>(x.shape(0)), static_cast<std::size_t>(x.shape(1))}),
                       {}};
  std::copy(x.data(), x.data() + x.size(), images.pixels.data());
  return encoding::encode<encoding::optical_intensity>(images);
}

struct fit_settings {
  std::size_t epochs;
  double learning_rate;
  std::size_t batch_size;
  double output_scale;
  std::string optimizer;
  double learning_rate_decay;
  double weight_decay;
  std::size_t threads;
  std::uint64_t seed;
};

/// Trains a crossbar as examples/digits does (run_single, ideal chip): engine(seed) ->
/// initialise_currents -> realise the (ideal) chip -> `epochs` epochs of the trainer with the
/// exponential learning-rate schedule and decoupled weight decay. Between epochs: Ctrl-C
/// (PyErr_CheckSignals) and the optional callback(epoch, epochs, mean_loss, accuracy).
py::dict fit(const py::object& x, const py::object& y, std::size_t classes, double max_pixel, const fit_settings& s,
             const std::string& range_name, const py::object& callback) {
  const auto range = parse_range(range_name);
  if (s.epochs < 1) throw invalid_parameter("epochs", double(s.epochs), ">= 1");
  if (s.batch_size < 1) throw invalid_parameter("batch_size", double(s.batch_size), ">= 1");
  if (s.threads < 1) throw invalid_parameter("threads", double(s.threads), ">= 1");
  if (classes < 2 || classes > 256) throw invalid_parameter("number of classes", double(classes), "[2, 256]");
  detail::require_positive("output_scale", s.output_scale);
  detail::require_non_negative("weight_decay", s.weight_decay);
  if (s.optimizer != "sgd" && s.optimizer != "adam")
    throw error("spinaptic: parameter 'optimizer' = '" + s.optimizer + "' is invalid; allowed: sgd, adam");
  const learning::exponential_schedule schedule(s.learning_rate, s.learning_rate_decay);
  const auto pixels = checked_pixels(x, max_pixel);
  const auto labels_in = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(y);
  if (!labels_in || labels_in.ndim() != 1) {
    PyErr_Clear();
    throw error("spinaptic: parameter 'y' must be a 1-d array of class indices");
  }
  if (labels_in.shape(0) != pixels.shape(0))
    throw size_mismatch("y (one label per row of X)", static_cast<std::size_t>(pixels.shape(0)),
                        static_cast<std::size_t>(labels_in.shape(0)));
  if (pixels.shape(0) < 1) throw invalid_parameter("number of samples", 0.0, ">= 1");
  std::vector<std::uint8_t> labels(static_cast<std::size_t>(labels_in.shape(0)));
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const std::int64_t v = labels_in.data()[k];
    if (v < 0 || static_cast<std::size_t>(v) >= classes)
      throw invalid_parameter("y[" + std::to_string(k) + "]", double(v), "a class index in [0, classes - 1]");
    labels[k] = static_cast<std::uint8_t>(v);
  }
  const std::size_t inputs = static_cast<std::size_t>(pixels.shape(1));
  if (inputs < 1) throw invalid_parameter("number of inputs (X.shape[1])", 0.0, ">= 1");

  py::list history;
  auto currents = with_crossbar(inputs, classes, range, [&](auto& layer) {
    std::mt19937_64 engine(s.seed);  // the one engine of this training
    learning::initialise_currents(layer, engine);
    const nonideal::hardware chip{};  // the ideal chip (no deviations, no noise)
    chip.realise(layer, engine);
    auto drives = drives_of(pixels, max_pixel);
    chip.apply_to_drives(drives);
    const learning::data_set data(std::move(drives), labels);
    const learning::softmax_cross_entropy_loss loss{.logit_scale = s.output_scale / double(inputs)};
    auto train = [&](auto rule) {
      learning::trainer trainer(layer, loss, rule, {.batch_size = s.batch_size, .threads = s.threads}, chip.noise);
      for (std::size_t epoch = 1; epoch <= s.epochs; ++epoch) {
        trainer.optimizer_state().rule.learning_rate = schedule.rate(epoch - 1);
        learning::pass_result r;
        {
          py::gil_scoped_release unlocked;
          r = trainer.train_epoch(data, engine);
        }
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
        history.append(py::make_tuple(r.mean_loss, r.accuracy));
        if (!callback.is_none()) callback(epoch, s.epochs, r.mean_loss, r.accuracy);
      }
    };
    if (s.optimizer == "adam")
      train(learning::decoupled_weight_decay<learning::adam>{.rule = {.learning_rate = s.learning_rate}, .lambda = s.weight_decay});
    else
      train(learning::decoupled_weight_decay<learning::sgd>{.rule = {.learning_rate = s.learning_rate}, .lambda = s.weight_decay});
    py::array_t<double> out({static_cast<py::ssize_t>(inputs), static_cast<py::ssize_t>(classes)});
    std::copy(layer.normalized_currents().begin(), layer.normalized_currents().end(), out.mutable_data());
    return out;
  });
  py::dict d;
  d["normalized_currents"] = currents;
  d["history"] = history;
  return d;
}

/// Column voltages U_l [V] [sample, column] of the crossbar with normalised currents x_jl for
/// the pixels X, p_j = x_j / max_pixel.
py::array_t<double> column_voltages(const py::object& currents, const py::object& x, double max_pixel,
                                    const std::string& range_name) {
  const auto range = parse_range(range_name);
  const auto c = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(as_float_array(currents, "normalized_currents"));
  if (c.ndim() != 2) throw invalid_parameter("normalized_currents.ndim", double(c.ndim()), "2 ([inputs, outputs])");
  const auto pixels = checked_pixels(x, max_pixel);
  const std::size_t inputs = static_cast<std::size_t>(c.shape(0)), outputs = static_cast<std::size_t>(c.shape(1));
  if (static_cast<std::size_t>(pixels.shape(1)) != inputs)
    throw size_mismatch("X.shape[1] (crossbar inputs)", inputs, static_cast<std::size_t>(pixels.shape(1)));
  const std::size_t n = static_cast<std::size_t>(pixels.shape(0));
  py::array_t<double> u({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(outputs)});
  with_crossbar(inputs, outputs, range, [&](auto& layer) {
    const double lo = layer.normalized_lower_bound();
    for (py::ssize_t k = 0; k < c.size(); ++k)
      detail::require_in_range("normalized_currents (I / I_max)", c.data()[k], lo, 1.0);
    std::copy(c.data(), c.data() + c.size(), layer.normalized_currents().begin());
    const auto drives = drives_of(pixels, max_pixel);
    py::gil_scoped_release unlocked;
    double* out = u.mutable_data();
    if (n) layer.forward(drives.data(), n, out);
    const double v_max = units::in_si(layer.response().max_voltage());
    for (std::size_t k = 0; k < n * outputs; ++k) out[k] *= v_max;
    return 0;
  });
  return u;
}

}  // namespace

void register_crossbar(py::module_& m) {
  m.def(
      "crossbar_fit",
      [](const py::object& x, const py::object& y, std::size_t classes, double max_pixel, std::size_t epochs,
         double learning_rate, std::size_t batch_size, double output_scale, const std::string& optimizer,
         double learning_rate_decay, double weight_decay, std::size_t threads, std::uint64_t seed,
         const std::string& current_range, const py::object& callback) {
        return fit(x, y, classes, max_pixel,
                   {epochs, learning_rate, batch_size, output_scale, optimizer, learning_rate_decay, weight_decay,
                    threads, seed},
                   current_range, callback);
      },
      py::arg("X"), py::arg("y"), py::arg("classes"), py::arg("max_pixel"), py::arg("epochs"),
      py::arg("learning_rate"), py::arg("batch_size"), py::arg("output_scale"), py::arg("optimizer"),
      py::arg("learning_rate_decay"), py::arg("weight_decay"), py::arg("threads"), py::arg("seed"),
      py::arg("current_range"), py::arg("callback") = py::none(),
      "Trains the paper's crossbar (hybrid_mgo_800nm junctions, AP state, optical intensity encoding) as "
      "examples/digits does; returns {'normalized_currents': x = I/I_max [inputs, classes], 'history': "
      "[(mean_loss, accuracy) per epoch]}. Releases the GIL during each epoch and stops on Ctrl-C.");
  m.def("crossbar_column_voltages", &column_voltages, py::arg("normalized_currents"), py::arg("X"),
        py::arg("max_pixel"), py::arg("current_range"),
        "Column voltages U_l = sum_j V_s(P_j, I_jl) [V], [samples, columns], of the crossbar with currents "
        "x = I/I_max for pixels X (P_j = P_max X_j / max_pixel).");
}

}  // namespace spinaptic::python
