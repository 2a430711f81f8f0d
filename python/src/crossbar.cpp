// python/src/crossbar.cpp: training and reading the paper's crossbar (network/crossbar.hpp,
// learning/trainer.hpp) from numpy arrays. Stateless functions: the trained currents live in
// the Python estimator (spinaptic.Crossbar), so it clones and pickles as plain Python.
// Sizes: 64 x 10 (8x8 digits) and 784 x 10 (MNIST) take the compile-time crossbars of
// tools/digits, every other size the run-time extent crossbar<dynamic_extent, dynamic_extent>.
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
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/io/image_set.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/learning_rate_schedule.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/learning/weight_decay.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/nonideal/hardware.hpp>

#include "common.hpp"
#include "chip.hpp"
#include "pixels.hpp"

namespace spinaptic::python {

namespace {

using preset = device::presets::hybrid_mgo_800nm;
using junction_type = preset::junction_type;

/// Calls f(layer) with a zeroed crossbar of inputs x outputs junctions of the preset (AP state),
/// built from the junction as the library builds it (it trains on junction.network_response()):
/// the compile-time crossbars of tools/digits for 64 x 10 and 784 x 10, the run-time extent otherwise.
template <class F>
decltype(auto) with_crossbar(std::size_t inputs, std::size_t outputs, network::current_range range, F&& f) {
  const auto junction = preset::junction(device::antiparallel);
  if (inputs == 64 && outputs == 10) {
    network::junction_crossbar<64, 10, junction_type> layer(junction, range);
    return f(layer);
  }
  if (inputs == 784 && outputs == 10) {
    network::junction_crossbar<784, 10, junction_type> layer(junction, range);
    return f(layer);
  }
  network::junction_crossbar<network::dynamic_extent, network::dynamic_extent, junction_type> layer(
      junction.network_response(), inputs, outputs, junction.state(), range);
  return f(layer);
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

/// Trains a crossbar as tools/digits does (run_single, hardware-aware): engine(seed) ->
/// initialize_currents -> realise the chip (spread and stuck maps, DACs) -> drives through its
/// crosstalk and laser DAC -> `epochs` epochs of the trainer with its read noise, the exponential
/// learning-rate schedule and decoupled weight decay. Between epochs: Ctrl-C
/// (PyErr_CheckSignals) and the optional callback(epoch, epochs, mean_loss, accuracy).
py::dict fit(const py::object& x, const py::object& y, std::size_t classes, double max_pixel, const fit_settings& s,
             const std::string& range_name, const chip_settings& chip_numbers, const py::object& callback) {
  const auto range = parse_range(range_name);
  const nonideal::hardware chip = chip_numbers.hardware();
  if (s.epochs < 1) throw invalid_parameter("epochs", double(s.epochs), ">= 1");
  if (s.batch_size < 1) throw invalid_parameter("batch_size", double(s.batch_size), ">= 1");
  if (s.threads < 1) throw invalid_parameter("threads", double(s.threads), ">= 1");
  detail::require_positive("output_scale", s.output_scale);
  detail::require_non_negative("weight_decay", s.weight_decay);
  if (s.optimizer != "sgd" && s.optimizer != "adam")
    throw error("spinaptic: parameter 'optimizer' = '" + s.optimizer + "' is invalid; allowed: sgd, adam");
  const learning::exponential_schedule schedule(s.learning_rate, s.learning_rate_decay);
  const auto pixels = checked_pixels(x, max_pixel);
  const auto labels = labels_of(y, classes, static_cast<std::size_t>(pixels.shape(0)));
  const std::size_t inputs = static_cast<std::size_t>(pixels.shape(1));
  if (inputs < 1) throw invalid_parameter("number of inputs (X.shape[1])", 0.0, ">= 1");

  py::list history;
  py::dict d;
  with_crossbar(inputs, classes, range, [&](auto& layer) {
    std::mt19937_64 engine(s.seed);  // the one engine of this training
    learning::initialize_currents(layer, engine);
    chip.realize(layer, engine);
    auto drives = drives_of(pixels, max_pixel);
    chip.apply_to_drives(drives);
    const learning::data_set data(std::move(drives), labels);
    const learning::softmax_cross_entropy_loss loss{.logit_scale = s.output_scale / double(inputs)};
    auto train = [&](auto rule) {
      auto noise = chip.noise;
      noise.column_resistance = units::as<units::resistance>(double(inputs) * antiparallel_resistance());
      learning::trainer trainer(layer, loss, rule, {.batch_size = s.batch_size, .threads = s.threads}, noise);
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
    d["normalized_currents"] = out;
    export_deviations(layer, d, "");  // the realised chip, kept for predict()
    return 0;
  });
  d["history"] = history;
  return d;
}

/// Column voltages U_l [V] [sample, column] of the crossbar with normalised currents x_jl for
/// the pixels X, p_j = x_j / max_pixel.
py::array_t<double> column_voltages(const py::object& currents, const py::object& x, double max_pixel,
                                    const std::string& range_name, const chip_settings& chip_numbers,
                                    const py::object& coefficient_factors, std::size_t factors_per_device,
                                    const py::object& stuck) {
  const auto range = parse_range(range_name);
  const nonideal::hardware chip = chip_numbers.hardware();
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
    import_deviations(layer, chip, coefficient_factors, factors_per_device, stuck);
    auto drives = drives_of(pixels, max_pixel);
    chip.apply_to_drives(drives);
    py::gil_scoped_release unlocked;
    double* out = u.mutable_data();
    if (n) layer.forward(drives.data(), n, out);
    const double v_max = units::in_si(layer.response().max_voltage());
    for (std::size_t k = 0; k < n * outputs; ++k) out[k] *= v_max;
    return 0;
  });
  return u;
}

/// Mean energy and latency of one classification (energy/ledger.hpp): E_laser = t_pulse sum_j P_j,
/// E_Joule = t_pulse R_AP sum_jl I_jl^2, latency t_pulse + t_conv, over the images X.
py::dict energy(const py::object& currents, const py::object& x, double max_pixel, double laser_pulse_s) {
  const auto c = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(as_float_array(currents, "normalized_currents"));
  const auto pixels = checked_pixels(x, max_pixel);
  if (c.ndim() != 2 || c.shape(0) != pixels.shape(1))
    throw size_mismatch("X.shape[1] (crossbar inputs)", static_cast<std::size_t>(c.ndim() == 2 ? c.shape(0) : 0),
                        static_cast<std::size_t>(pixels.shape(1)));
  const double i_max = units::in_si(preset::max_current());
  double sum_sq = 0.0;
  for (py::ssize_t k = 0; k < c.size(); ++k) sum_sq += c.data()[k] * c.data()[k];
  energy::ledger ledger(preset::max_power(), units::as<units::resistance>(antiparallel_resistance()), sum_sq * i_max * i_max,
                        {.laser_pulse = units::as<units::time>(detail::require_positive("laser_pulse_s", laser_pulse_s))});
  const auto drives = drives_of(pixels, max_pixel);
  const std::size_t rows = static_cast<std::size_t>(pixels.shape(1));
  for (std::size_t i = 0; i < static_cast<std::size_t>(pixels.shape(0)); ++i) ledger.add(drives.data() + i * rows, rows);
  const auto cost = ledger.mean();
  py::dict d;
  d["laser_J"] = units::in_si(cost.laser);
  d["joule_J"] = units::in_si(cost.joule);
  d["total_J"] = units::in_si(cost.total());
  d["latency_s"] = units::in_si(cost.latency);
  return d;
}

}  // namespace

void register_crossbar(py::module_& m) {
  m.def(
      "crossbar_fit",
      [](const py::object& x, const py::object& y, std::size_t classes, double max_pixel, std::size_t epochs,
         double learning_rate, std::size_t batch_size, double output_scale, const std::string& optimizer,
         double learning_rate_decay, double weight_decay, std::size_t threads, std::uint64_t seed,
         const std::string& current_range, const py::dict& chip, const py::object& callback) {
        return fit(x, y, classes, max_pixel,
                   {epochs, learning_rate, batch_size, output_scale, optimizer, learning_rate_decay, weight_decay,
                    threads, seed},
                   current_range, chip_of(chip), callback);
      },
      py::arg("X"), py::arg("y"), py::arg("classes"), py::arg("max_pixel"), py::arg("epochs"),
      py::arg("learning_rate"), py::arg("batch_size"), py::arg("output_scale"), py::arg("optimizer"),
      py::arg("learning_rate_decay"), py::arg("weight_decay"), py::arg("threads"), py::arg("seed"),
      py::arg("current_range"), py::arg("chip") = py::dict(), py::arg("callback") = py::none(),
      "Trains the paper's crossbar (hybrid_mgo_800nm junctions, AP state, optical intensity encoding) as "
      "tools/digits does; returns {'normalized_currents': x = I/I_max [inputs, classes], 'history': "
      "[(mean_loss, accuracy) per epoch]}. Releases the GIL during each epoch and stops on Ctrl-C.");
  m.def(
      "crossbar_column_voltages",
      [](const py::object& currents, const py::object& x, double max_pixel, const std::string& range,
         const py::dict& chip, const py::object& factors, std::size_t factors_per_device, const py::object& stuck) {
        return column_voltages(currents, x, max_pixel, range, chip_of(chip), factors, factors_per_device, stuck);
      },
      py::arg("normalized_currents"), py::arg("X"), py::arg("max_pixel"), py::arg("current_range"),
      py::arg("chip") = py::dict(), py::arg("coefficient_factors") = py::array_t<double>(0),
      py::arg("factors_per_device") = 0, py::arg("stuck") = py::array_t<std::uint8_t>(0),
        "Column voltages U_l = sum_j V_s(P_j, I_jl) [V], [samples, columns], of the crossbar with currents "
        "x = I/I_max for pixels X (P_j = P_max X_j / max_pixel) on the realised chip (deviations, DACs, "
        "crosstalk; no read noise).");
  m.def("crossbar_energy", &energy, py::arg("normalized_currents"), py::arg("X"), py::arg("max_pixel"),
        py::arg("laser_pulse_s") = 5e-6,
        "Mean energy and latency of one classification over the images X (energy/ledger.hpp): laser_J = "
        "t_pulse sum_j P_j, joule_J = t_pulse R_AP sum_jl I_jl^2, total_J, latency_s.");
}

}  // namespace spinaptic::python
