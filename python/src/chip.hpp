// python/src/chip.hpp: what the network estimators' bindings (crossbar.cpp, opto_electronic.cpp)
// share beyond the pixels: the chip's non-idealities from a dict of SI-named numbers, the labels,
// a layer's realised chip (spread factors and stuck map) to numpy and back, and R_AP.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/nonideal/hardware.hpp>

#include "common.hpp"

namespace spinaptic::python {

/// The chip's non-idealities in the units their names carry (the sweep files' keys).
struct chip_settings {
  double spread = 0.0;                  ///< device-to-device relative sigma of c_mk
  double stuck = 0.0;                   ///< stuck-device fraction
  std::string stuck_mode = "parallel";  ///< "parallel" or "zero"
  double read_noise_uV = 0.0;           ///< amplifier floor [uV rms]
  double bandwidth_Hz = 0.0;            ///< read bandwidth for Johnson noise [Hz]
  unsigned current_bits = 0;            ///< current DAC bits (0: ideal)
  unsigned power_bits = 0;              ///< laser DAC bits (0: ideal)
  double crosstalk = 0.0;               ///< laser neighbour crosstalk alpha

  /// nonideal::hardware from the numbers (validated), as tools/digits builds it.
  [[nodiscard]] nonideal::hardware hardware() const {
    nonideal::hardware h;
    h.spread.relative_sigma = spread;
    h.stuck.fraction = stuck;
    if (stuck_mode != "parallel" && stuck_mode != "zero")
      throw error("spinaptic: parameter 'stuck_mode' = '" + stuck_mode + "' is invalid; allowed: parallel, zero");
    h.stuck.mode = stuck_mode == "zero" ? nonideal::stuck_mode::zero_current : nonideal::stuck_mode::parallel;
    h.noise.amplifier_floor = units::as<units::voltage>(detail::require_non_negative("read_noise_uV", read_noise_uV) * 1e-6);
    h.noise.bandwidth = units::as<units::frequency>(detail::require_non_negative("bandwidth_Hz", bandwidth_Hz));
    h.dac.current_bits = current_bits;
    h.dac.power_bits = power_bits;
    h.crosstalk.neighbour_fraction = crosstalk;
    h.validate();
    return h;
  }
};

/// chip_settings from {"spread": ..., "read_noise_uV": ...}; an unknown key throws naming the allowed ones.
inline chip_settings chip_of(const py::dict& d) {
  chip_settings c;
  for (const auto& [key, value] : d) {
    const std::string k = py::str(key);
    if (k == "spread") c.spread = value.cast<double>();
    else if (k == "stuck") c.stuck = value.cast<double>();
    else if (k == "stuck_mode") c.stuck_mode = value.cast<std::string>();
    else if (k == "read_noise_uV") c.read_noise_uV = value.cast<double>();
    else if (k == "bandwidth_Hz") c.bandwidth_Hz = value.cast<double>();
    else if (k == "current_bits") c.current_bits = value.cast<unsigned>();
    else if (k == "power_bits") c.power_bits = value.cast<unsigned>();
    else if (k == "crosstalk") c.crosstalk = value.cast<double>();
    else throw error("spinaptic: unknown chip setting '" + k + "'; allowed: spread, stuck, stuck_mode, read_noise_uV, "
                     "bandwidth_Hz, current_bits, power_bits, crosstalk");
  }
  return c;
}

/// R_AP at zero bias of the paper's junction [ohm]; a column of N junctions in series has N R_AP.
inline double antiparallel_resistance() {
  using preset = device::presets::hybrid_mgo_800nm;
  return units::in_si(preset::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0)));
}

/// Class indices y (one per sample, each in [0, classes - 1]) as bytes, or a spinaptic::error.
inline std::vector<std::uint8_t> labels_of(const py::object& y, std::size_t classes, std::size_t samples) {
  if (classes < 2 || classes > 256) throw invalid_parameter("number of classes", double(classes), "[2, 256]");
  const auto in = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(y);
  if (!in || in.ndim() != 1) {
    PyErr_Clear();
    throw error("spinaptic: parameter 'y' must be a 1-d array of class indices");
  }
  if (static_cast<std::size_t>(in.shape(0)) != samples)
    throw size_mismatch("y (one label per row of X)", samples, static_cast<std::size_t>(in.shape(0)));
  if (samples < 1) throw invalid_parameter("number of samples", 0.0, ">= 1");
  std::vector<std::uint8_t> labels(samples);
  for (std::size_t k = 0; k < samples; ++k) {
    const std::int64_t v = in.data()[k];
    if (v < 0 || static_cast<std::size_t>(v) >= classes)
      throw invalid_parameter("y[" + std::to_string(k) + "]", double(v), "a class index in [0, classes - 1]");
    labels[k] = static_cast<std::uint8_t>(v);
  }
  return labels;
}

/// The realised chip of a layer (its deviations) into `d` as `<prefix>coefficient_factors`,
/// `<prefix>factors_per_device` and `<prefix>stuck` (0 ok, 1 parallel, 2 zero current).
template <class Layer>
void export_deviations(const Layer& layer, py::dict& d, const std::string& prefix) {
  const auto& dev = layer.deviations();
  py::array_t<double> factors(static_cast<py::ssize_t>(dev.coefficient_factors.size()));
  std::copy(dev.coefficient_factors.begin(), dev.coefficient_factors.end(), factors.mutable_data());
  py::array_t<std::uint8_t> stuck(static_cast<py::ssize_t>(dev.stuck.size()));
  for (std::size_t k = 0; k < dev.stuck.size(); ++k) stuck.mutable_data()[k] = static_cast<std::uint8_t>(dev.stuck[k]);
  d[(prefix + "coefficient_factors").c_str()] = factors;
  d[(prefix + "factors_per_device").c_str()] = dev.factors_per_device;
  d[(prefix + "stuck").c_str()] = stuck;
}

/// A layer's realised chip from the arrays export_deviations gave, with the DAC of `chip`;
/// checked against the layer (layer.check_non_idealities()).
template <class Layer>
void import_deviations(Layer& layer, const nonideal::hardware& chip, const py::object& coefficient_factors,
                       std::size_t factors_per_device, const py::object& stuck) {
  const auto factors = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(coefficient_factors);
  const auto stuck_map = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>::ensure(stuck);
  if (!factors || !stuck_map) {
    PyErr_Clear();
    throw error("spinaptic: the realised chip (coefficient_factors, stuck) must be numeric arrays");
  }
  auto& dev = layer.deviations();
  dev.factors_per_device = factors.size() ? factors_per_device : 0;
  dev.coefficient_factors.assign(factors.data(), factors.data() + factors.size());
  dev.stuck.clear();
  for (py::ssize_t k = 0; k < stuck_map.size(); ++k) {
    if (stuck_map.data()[k] > 2) throw invalid_parameter("stuck map entry", double(stuck_map.data()[k]), "0, 1 or 2");
    dev.stuck.push_back(static_cast<nonideal::stuck_mode>(stuck_map.data()[k]));
  }
  layer.dac() = chip.dac;
  layer.check_non_idealities();
}

}  // namespace spinaptic::python
