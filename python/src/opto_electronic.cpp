// python/src/opto_electronic.cpp: the two-layer opto-electronic network (network/opto_electronic.hpp:
// N x H crossbar -> transfer stage -> H x L crossbar) trained and read from numpy arrays, as
// examples/digits --hidden H does on the ideal chip. Stateless: the estimator holds the currents.
// Sizes: 64 x H x 10 takes the example's network<64, dynamic_extent, 10>; any other size the
// all-run-time network<dynamic_extent, dynamic_extent, dynamic_extent>.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
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
#include <spinaptic/network/opto_electronic.hpp>
#include <spinaptic/nonideal/hardware.hpp>

#include "common.hpp"
#include "pixels.hpp"

namespace spinaptic::python {

namespace {

using preset = device::presets::hybrid_mgo_800nm;
using response_type = preset::response_type;
constexpr std::size_t dyn = network::dynamic_extent;

/// Calls f(net) with a zeroed N x H x L network: gain G [W/V], offset U_0 [V].
template <class F>
decltype(auto) with_network(std::size_t n, std::size_t h, std::size_t l, double gain_W_per_V, double offset_V,
                            network::current_range range, F&& f) {
  auto build = [&]<std::size_t N, std::size_t L>() {
    using net_type = network::opto_electronic_network<N, dyn, L, response_type>;
    using first_t = std::remove_cvref_t<decltype(std::declval<net_type&>().template layer<0>())>;
    using second_t = std::remove_cvref_t<decltype(std::declval<net_type&>().template layer<2>())>;
    return net_type(first_t(preset::response(), n, h, device::antiparallel, range),
                    network::transfer_stage(h, units::as<network::laser_driver_gain>(gain_W_per_V),
                                            units::as<units::voltage>(offset_V), preset::max_voltage(), preset::max_power()),
                    second_t(preset::response(), h, l, device::antiparallel, range));
  };
  if (n == 64 && l == 10) {
    auto net = build.template operator()<64, 10>();
    return f(net);
  }
  auto net = build.template operator()<dyn, dyn>();
  return f(net);
}

py::array_t<double> copy_of(const xt::xtensor<double, 2>& a) {
  py::array_t<double> out({static_cast<py::ssize_t>(a.shape()[0]), static_cast<py::ssize_t>(a.shape()[1])});
  std::copy(a.begin(), a.end(), out.mutable_data());
  return out;
}

void load(xt::xtensor<double, 2>& into, const py::object& from, const char* name, double lo) {
  const auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(as_float_array(from, name));
  if (a.ndim() != 2 || static_cast<std::size_t>(a.shape(0)) != into.shape()[0] ||
      static_cast<std::size_t>(a.shape(1)) != into.shape()[1])
    throw size_mismatch(std::string(name) + " (elements)", into.size(), static_cast<std::size_t>(a.size()));
  for (py::ssize_t k = 0; k < a.size(); ++k) detail::require_in_range(name, a.data()[k], lo, 1.0);
  std::copy(a.data(), a.data() + a.size(), into.begin());
}

}  // namespace

void register_opto_electronic(py::module_& m) {
  m.def(
      "opto_electronic_fit",
      [](const py::object& x, const py::object& y, std::size_t classes, std::size_t hidden, double max_pixel,
         std::size_t epochs, double learning_rate, std::size_t batch_size, double output_scale, const std::string& optimizer,
         double learning_rate_decay, double weight_decay, double gain_W_per_V, double offset_V, std::size_t threads,
         std::uint64_t seed, const std::string& range_name, const py::object& callback) {
        const auto range = parse_range(range_name);
        if (epochs < 1) throw invalid_parameter("epochs", double(epochs), ">= 1");
        if (batch_size < 1) throw invalid_parameter("batch_size", double(batch_size), ">= 1");
        if (threads < 1) throw invalid_parameter("threads", double(threads), ">= 1");
        if (hidden < 1) throw invalid_parameter("hidden", double(hidden), ">= 1");
        if (classes < 2 || classes > 256) throw invalid_parameter("number of classes", double(classes), "[2, 256]");
        if (optimizer != "sgd" && optimizer != "adam")
          throw error("spinaptic: parameter 'optimizer' = '" + optimizer + "' is invalid; allowed: sgd, adam");
        detail::require_positive("output_scale", output_scale);
        const learning::exponential_schedule schedule(learning_rate, learning_rate_decay);
        const auto pixels = checked_pixels(x, max_pixel);
        const auto labels_in = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(y);
        if (!labels_in || labels_in.ndim() != 1 || labels_in.shape(0) != pixels.shape(0)) {
          PyErr_Clear();
          throw error("spinaptic: parameter 'y' must be a 1-d array of class indices, one per row of X");
        }
        std::vector<std::uint8_t> labels(static_cast<std::size_t>(labels_in.shape(0)));
        for (std::size_t k = 0; k < labels.size(); ++k) {
          const std::int64_t v = labels_in.data()[k];
          if (v < 0 || static_cast<std::size_t>(v) >= classes)
            throw invalid_parameter("y[" + std::to_string(k) + "]", double(v), "a class index in [0, classes - 1]");
          labels[k] = static_cast<std::uint8_t>(v);
        }
        const std::size_t inputs = static_cast<std::size_t>(pixels.shape(1));
        py::list history;
        py::dict d;
        with_network(inputs, hidden, classes, gain_W_per_V, offset_V, range, [&](auto& net) {
          auto& first = net.template layer<0>();
          auto& stage = net.template layer<1>();
          auto& second = net.template layer<2>();
          std::mt19937_64 engine(seed);  // as examples/digits run_two_layer, ideal chip
          learning::initialise_currents(first, engine);
          learning::initialise_currents(second, engine);
          const nonideal::hardware chip{};
          const double r_ap = units::in_si(preset::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0)));
          chip.realise(first, engine);
          chip.realise(second, engine);
          stage.dac().power_bits = chip.dac.power_bits;
          stage.crosstalk() = chip.crosstalk;
          stage.noise() = chip.noise;
          stage.noise().column_resistance = units::as<units::resistance>(double(inputs) * r_ap);
          if (stage.noise().enabled()) stage.noise_seed() = engine();
          auto drives = drives_of(pixels, max_pixel);
          chip.apply_to_drives(drives);
          const learning::data_set data(std::move(drives), labels);
          auto noise = chip.noise;
          noise.column_resistance = units::as<units::resistance>(double(hidden) * r_ap);
          const learning::softmax_cross_entropy_loss loss{.logit_scale = output_scale / double(hidden)};
          auto train = [&](auto rule) {
            learning::trainer trainer(net, loss, rule, {.batch_size = batch_size, .threads = threads}, noise);
            for (std::size_t epoch = 1; epoch <= epochs; ++epoch) {
              trainer.optimizer_state().rule.learning_rate = schedule.rate(epoch - 1);
              learning::pass_result r;
              {
                py::gil_scoped_release unlocked;
                r = trainer.train_epoch(data, engine);
              }
              if (PyErr_CheckSignals() != 0) throw py::error_already_set();
              history.append(py::make_tuple(r.mean_loss, r.accuracy));
              if (!callback.is_none()) callback(epoch, epochs, r.mean_loss, r.accuracy);
            }
          };
          if (optimizer == "adam")
            train(learning::decoupled_weight_decay<learning::adam>{.rule = {.learning_rate = learning_rate}, .lambda = weight_decay});
          else
            train(learning::decoupled_weight_decay<learning::sgd>{.rule = {.learning_rate = learning_rate}, .lambda = weight_decay});
          d["first_currents"] = copy_of(first.normalized_currents());
          d["second_currents"] = copy_of(second.normalized_currents());
          return 0;
        });
        d["history"] = history;
        return d;
      },
      py::arg("X"), py::arg("y"), py::arg("classes"), py::arg("hidden"), py::arg("max_pixel"), py::arg("epochs"),
      py::arg("learning_rate"), py::arg("batch_size"), py::arg("output_scale"), py::arg("optimizer"),
      py::arg("learning_rate_decay"), py::arg("weight_decay"), py::arg("gain_W_per_V"), py::arg("offset_V"),
      py::arg("threads"), py::arg("seed"), py::arg("current_range"), py::arg("callback") = py::none(),
      "Trains the two-layer opto-electronic network N x H -> transfer stage (gain G [W/V], offset U_0 [V]) -> H x L "
      "as examples/digits --hidden H does (ideal chip); returns {'first_currents', 'second_currents', 'history'}.");
  m.def(
      "opto_electronic_outputs",
      [](const py::object& first_currents, const py::object& second_currents, const py::object& x, double max_pixel,
         double gain_W_per_V, double offset_V, const std::string& range_name) {
        const auto range = parse_range(range_name);
        const auto pixels = checked_pixels(x, max_pixel);
        const auto a1 = py::array::ensure(first_currents), a2 = py::array::ensure(second_currents);
        if (!a1 || !a2 || a1.ndim() != 2 || a2.ndim() != 2) {
          PyErr_Clear();
          throw error("spinaptic: the currents must be 2-d arrays [inputs, hidden] and [hidden, classes]");
        }
        const std::size_t n = static_cast<std::size_t>(a1.shape(0)), h = static_cast<std::size_t>(a1.shape(1)),
                          l = static_cast<std::size_t>(a2.shape(1));
        if (static_cast<std::size_t>(pixels.shape(1)) != n)
          throw size_mismatch("X.shape[1] (network inputs)", n, static_cast<std::size_t>(pixels.shape(1)));
        const std::size_t samples = static_cast<std::size_t>(pixels.shape(0));
        py::array_t<double> u({static_cast<py::ssize_t>(samples), static_cast<py::ssize_t>(l)});
        with_network(n, h, l, gain_W_per_V, offset_V, range, [&](auto& net) {
          const double lo = network::lower_bound(range);
          load(net.template layer<0>().normalized_currents(), first_currents, "first_currents", lo);
          load(net.template layer<2>().normalized_currents(), second_currents, "second_currents", lo);
          const auto drives = drives_of(pixels, max_pixel);
          typename std::remove_cvref_t<decltype(net)>::kernels_type k;
          k.prepare(net);
          std::vector<double> ws(k.workspace_size());
          const double v_max = units::in_si(preset::max_voltage());
          py::gil_scoped_release unlocked;
          double* out = u.mutable_data();
          for (std::size_t i = 0; i < samples; ++i) {
            k.forward(network::dense_drives{drives.data() + i * n, n}, out + i * l, ws.data());
            for (std::size_t c = 0; c < l; ++c) out[i * l + c] *= v_max;
          }
          return 0;
        });
        return u;
      },
      py::arg("first_currents"), py::arg("second_currents"), py::arg("X"), py::arg("max_pixel"),
      py::arg("gain_W_per_V"), py::arg("offset_V"), py::arg("current_range"),
      "Output column voltages U_l [V], [samples, classes], of the two-layer network for pixels X.");
}

}  // namespace spinaptic::python
