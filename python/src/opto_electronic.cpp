// python/src/opto_electronic.cpp: the two-layer opto-electronic network (network/opto_electronic.hpp:
// N x H crossbar -> transfer stage -> H x L crossbar) trained and read from numpy arrays, as
// tools/digits --hidden H does, on the ideal chip or hardware-aware on a non-ideal one (the
// crossbar's non-idealities on both layers and the transfer stage), with the energy ledger of
// both layers. Stateless: the estimator holds the currents and the realised chip.
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
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/io/image_set.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/learning_rate_schedule.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/learning/weight_decay.hpp>
#include <spinaptic/network/opto_electronic.hpp>
#include <spinaptic/nonideal/hardware.hpp>

#include "chip.hpp"
#include "common.hpp"
#include "pixels.hpp"

namespace spinaptic::python {

namespace {

using preset = device::presets::hybrid_mgo_800nm;
constexpr std::size_t dyn = network::dynamic_extent;

/// Calls f(net) with a zeroed N x H x L network of the preset's junctions (AP state), built from
/// the junction as the library builds it (network::make_opto_electronic_network: both crossbars
/// train on junction.network_response()): gain G [W/V], offset U_0 [V].
template <class F>
decltype(auto) with_network(std::size_t n, std::size_t h, std::size_t l, double gain_W_per_V, double offset_V,
                            network::current_range range, F&& f) {
  const auto junction = preset::junction(device::antiparallel);
  auto build = [&]<std::size_t N, std::size_t L>() {
    return network::make_opto_electronic_network<N, dyn, L>(junction, n, h, l,
                                                           units::as<network::laser_driver_gain>(gain_W_per_V),
                                                           units::as<units::voltage>(offset_V), range);
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


/// Calls f(net, drives) with the trained network on its realised chip: the currents of both
/// layers, their spread and stuck maps (`realised`: the first_/second_ arrays of the fit), the
/// current DACs, the transfer stage's laser DAC and crosstalk (no read noise: a deterministic
/// read, as the crossbar's predict), and the pixels' drives through the chip's crosstalk and DAC.
template <class F>
decltype(auto) with_deployed(const py::object& first_currents, const py::object& second_currents, const py::object& x,
                             double max_pixel, double gain_W_per_V, double offset_V, const std::string& range_name,
                             const py::dict& chip_numbers, const py::dict& realised, F&& f) {
  const auto range = parse_range(range_name);
  const nonideal::hardware chip = chip_of(chip_numbers).hardware();
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
  auto realised_of = [&](const char* key, py::object fallback) {
    return realised.contains(key) ? py::object(realised[key]) : fallback;
  };
  const py::object none_f = py::array_t<double>(0), none_s = py::array_t<std::uint8_t>(0), zero = py::int_(0);
  const auto first_per_device = py::cast<std::size_t>(realised_of("first_factors_per_device", zero));
  const auto second_per_device = py::cast<std::size_t>(realised_of("second_factors_per_device", zero));
  return with_network(n, h, l, gain_W_per_V, offset_V, range, [&](auto& net) {
    const double lo = network::lower_bound(range);
    load(net.template layer<0>().normalized_currents(), first_currents, "first_currents", lo);
    load(net.template layer<2>().normalized_currents(), second_currents, "second_currents", lo);
    import_deviations(net.template layer<0>(), chip, realised_of("first_coefficient_factors", none_f),
                      first_per_device,
                      realised_of("first_stuck", none_s));
    import_deviations(net.template layer<2>(), chip, realised_of("second_coefficient_factors", none_f),
                      second_per_device,
                      realised_of("second_stuck", none_s));
    net.template layer<1>().dac().power_bits = chip.dac.power_bits;
    net.template layer<1>().crosstalk() = chip.crosstalk;
    auto drives = drives_of(pixels, max_pixel);
    chip.apply_to_drives(drives);
    return f(net, drives);
  });
}

}  // namespace

void register_opto_electronic(py::module_& m) {
  m.def(
      "opto_electronic_fit",
      [](const py::object& x, const py::object& y, std::size_t classes, std::size_t hidden, double max_pixel,
         std::size_t epochs, double learning_rate, std::size_t batch_size, double output_scale, const std::string& optimizer,
         double learning_rate_decay, double weight_decay, double gain_W_per_V, double offset_V, std::size_t threads,
         std::uint64_t seed, const std::string& range_name, const py::dict& chip_numbers, const py::object& callback) {
        const auto range = parse_range(range_name);
        const nonideal::hardware chip = chip_of(chip_numbers).hardware();
        if (epochs < 1) throw invalid_parameter("epochs", double(epochs), ">= 1");
        if (batch_size < 1) throw invalid_parameter("batch_size", double(batch_size), ">= 1");
        if (threads < 1) throw invalid_parameter("threads", double(threads), ">= 1");
        if (hidden < 1) throw invalid_parameter("hidden", double(hidden), ">= 1");
        if (optimizer != "sgd" && optimizer != "adam")
          throw error("spinaptic: parameter 'optimizer' = '" + optimizer + "' is invalid; allowed: sgd, adam");
        detail::require_positive("output_scale", output_scale);
        const learning::exponential_schedule schedule(learning_rate, learning_rate_decay);
        const auto pixels = checked_pixels(x, max_pixel);
        detail::require_non_negative("weight_decay", weight_decay);
        const auto labels = labels_of(y, classes, static_cast<std::size_t>(pixels.shape(0)));
        const std::size_t inputs = static_cast<std::size_t>(pixels.shape(1));
        py::list history;
        py::dict d;
        with_network(inputs, hidden, classes, gain_W_per_V, offset_V, range, [&](auto& net) {
          auto& first = net.template layer<0>();
          auto& stage = net.template layer<1>();
          auto& second = net.template layer<2>();
          std::mt19937_64 engine(seed);  // as tools/digits run_two_layer, hardware-aware
          learning::initialize_currents(first, engine);
          learning::initialize_currents(second, engine);
          const double r_ap = antiparallel_resistance();
          chip.realize(first, engine);
          chip.realize(second, engine);
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
          export_deviations(first, d, "first_");  // the realised chip, kept for predict()
          export_deviations(second, d, "second_");
          return 0;
        });
        d["history"] = history;
        return d;
      },
      py::arg("X"), py::arg("y"), py::arg("classes"), py::arg("hidden"), py::arg("max_pixel"), py::arg("epochs"),
      py::arg("learning_rate"), py::arg("batch_size"), py::arg("output_scale"), py::arg("optimizer"),
      py::arg("learning_rate_decay"), py::arg("weight_decay"), py::arg("gain_W_per_V"), py::arg("offset_V"),
      py::arg("threads"), py::arg("seed"), py::arg("current_range"), py::arg("chip") = py::dict(),
      py::arg("callback") = py::none(),
      "Trains the two-layer opto-electronic network N x H -> transfer stage (gain G [W/V], offset U_0 [V]) -> H x L "
      "as tools/digits --hidden H does, hardware-aware on the chip (crossbar.cpp's keys: spread, stuck, "
      "stuck_mode, read_noise_uV, bandwidth_Hz, current_bits, power_bits, crosstalk; empty: ideal); returns "
      "{'first_currents', 'second_currents', 'history', and the realised chip 'first_coefficient_factors', "
      "'first_factors_per_device', 'first_stuck', 'second_...'}.");
  m.def(
      "opto_electronic_outputs",
      [](const py::object& first_currents, const py::object& second_currents, const py::object& x, double max_pixel,
         double gain_W_per_V, double offset_V, const std::string& range_name, const py::dict& chip,
         const py::dict& realised) {
        return with_deployed(first_currents, second_currents, x, max_pixel, gain_W_per_V, offset_V, range_name, chip,
                             realised, [&](auto& net, const xt::xtensor<double, 2>& drives) {
          const std::size_t samples = drives.shape()[0], n = drives.shape()[1];
          const std::size_t l = net.template layer<2>().normalized_currents().shape()[1];
          py::array_t<double> u({static_cast<py::ssize_t>(samples), static_cast<py::ssize_t>(l)});
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
          return u;
        });
      },
      py::arg("first_currents"), py::arg("second_currents"), py::arg("X"), py::arg("max_pixel"),
      py::arg("gain_W_per_V"), py::arg("offset_V"), py::arg("current_range"), py::arg("chip") = py::dict(),
      py::arg("realised") = py::dict(),
      "Output column voltages U_l [V], [samples, classes], of the two-layer network for pixels X on the "
      "realised chip (deviations, DACs, crosstalk; no read noise).");
  m.def(
      "opto_electronic_energy",
      [](const py::object& first_currents, const py::object& second_currents, const py::object& x, double max_pixel,
         double gain_W_per_V, double offset_V, const std::string& range_name, const py::dict& chip,
         const py::dict& realised, double laser_pulse_s) {
        const energy::read_timing timing{
            .laser_pulse = units::as<units::time>(detail::require_positive("laser_pulse_s", laser_pulse_s))};
        return with_deployed(first_currents, second_currents, x, max_pixel, gain_W_per_V, offset_V, range_name, chip,
                             realised, [&](auto& net, const xt::xtensor<double, 2>& drives) {
          // as tools/digits: layer 1's lasers are the pixels, layer 2's the transfer stage's outputs
          const auto& first = net.template layer<0>();
          const auto& second = net.template layer<2>();
          const auto r_ap = units::as<units::resistance>(antiparallel_resistance());
          energy::ledger first_ledger(preset::max_power(), r_ap, energy::ledger::sum_squared_current(first), timing),
              second_ledger(preset::max_power(), r_ap, energy::ledger::sum_squared_current(second), timing);
          typename std::remove_cvref_t<decltype(first)>::kernels_type k1;
          network::transfer_stage::kernels_type k2;
          k1.prepare(first);
          k2.prepare(net.template layer<1>());
          const std::size_t n = drives.shape()[1], h = first.normalized_currents().shape()[1];
          std::vector<double> u(h), p(h), ws(h);
          {
            py::gil_scoped_release unlocked;
            for (std::size_t i = 0; i < drives.shape()[0]; ++i) {
              first_ledger.add(drives.data() + i * n, n);
              k1.forward(network::dense_drives{drives.data() + i * n, n}, u.data());
              k2.forward(network::dense_drives{u.data(), h}, p.data(), ws.data());
              second_ledger.add(p.data(), h);
            }
          }
          const auto one = first_ledger.mean(), two = second_ledger.mean(), cost = one + two;
          py::dict d;
          d["laser_J"] = units::in_si(cost.laser);
          d["joule_J"] = units::in_si(cost.joule);
          d["total_J"] = units::in_si(cost.total());
          d["latency_s"] = units::in_si(cost.latency);
          d["first_layer_J"] = units::in_si(one.total());
          d["second_layer_J"] = units::in_si(two.total());
          return d;
        });
      },
      py::arg("first_currents"), py::arg("second_currents"), py::arg("X"), py::arg("max_pixel"),
      py::arg("gain_W_per_V"), py::arg("offset_V"), py::arg("current_range"), py::arg("chip") = py::dict(),
      py::arg("realised") = py::dict(), py::arg("laser_pulse_s") = 5e-6,
      "Mean energy [J] and latency [s] of one classification of the two-layer network over the images X "
      "(energy/ledger.hpp, as tools/digits --hidden H): laser_J = t_pulse P_max (sum_j p_j + sum_k p2_k) with "
      "p2 the transfer stage's laser drives, joule_J = t_pulse R_AP (sum I1^2 + sum I2^2), total_J, latency_s "
      "(both layers), first_layer_J, second_layer_J.");
}

}  // namespace spinaptic::python
