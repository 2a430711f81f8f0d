// python/src/spiking.cpp: the Vogels-Abbott networks (Brette et al. 2007, benchmarks 1 and 2;
// network/spiking/vogels_abbott.hpp) run from Python, their spike monitor returned as arrays.
#include <cmath>
#include <cstdint>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/network/spiking/vogels_abbott.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

/// Runs `net` for `duration_s` in slices of 1000 steps (Ctrl-C is checked between slices, the
/// GIL released within) and returns its spike monitor as arrays.
template <class Network>
py::dict run(Network net, double duration_s) {
  auto& spikes = net.template record_spikes<0>();
  const double dt = units::in_si(net.dt());
  const auto steps = static_cast<std::uint64_t>(std::floor(detail::require_non_negative("duration_s", duration_s) / dt + 0.5));
  for (std::uint64_t done = 0; done < steps;) {
    const std::uint64_t slice = std::min<std::uint64_t>(1000, steps - done);
    {
      py::gil_scoped_release unlocked;
      net.run_steps(slice);
    }
    done += slice;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  }
  py::array_t<double> times(static_cast<py::ssize_t>(spikes.size()));
  py::array_t<std::uint32_t> neurons(static_cast<py::ssize_t>(spikes.size()));
  for (std::size_t k = 0; k < spikes.size(); ++k) {
    times.mutable_data()[k] = double(spikes.steps()[k]) * dt;
    neurons.mutable_data()[k] = spikes.indices()[k];
  }
  py::dict d;
  d["time_s"] = times;
  d["neuron"] = neurons;
  d["neurons"] = spikes.group_size();
  d["duration_s"] = double(steps) * dt;
  d["mean_rate_Hz"] = units::in_si(spikes.mean_rate(units::as<units::time>(0.0), units::as<units::time>(double(steps) * dt)));
  d["mean_isi_cv"] = spikes.mean_isi_cv();
  return d;
}

}  // namespace

void register_spiking(py::module_& m) {
  m.def(
      "run_vogels_abbott",
      [](const std::string& kind, double duration_s, std::size_t neurons, std::uint64_t seed, double dt_s,
         std::size_t threads) {
        if (neurons < 2) throw invalid_parameter("neurons", double(neurons), ">= 2");
        if (threads < 1) throw invalid_parameter("threads", double(threads), ">= 1");
        network::spiking::vogels_abbott_settings s;
        s.neurons = neurons;
        s.run.seed = seed;
        s.run.dt = units::as<units::time>(detail::require_positive("dt_s", dt_s));
        s.run.threads = threads;
        s.run.block = neurons;
        if (kind == "coba") return run(network::spiking::make_coba(s), duration_s);
        if (kind == "cuba") return run(network::spiking::make_cuba(s), duration_s);
        throw error("spinaptic: parameter 'kind' = '" + kind + "' is invalid; allowed: coba, cuba");
      },
      py::arg("kind") = "coba", py::arg("duration_s") = 1.0, py::kw_only(), py::arg("neurons") = 4000,
      py::arg("seed") = 1, py::arg("dt_s") = 1e-4, py::arg("threads") = 1,
      "The COBA (conductance-based) or CUBA (current-based) network of Brette et al. 2007 (80 % excitatory "
      "LIF neurons, 2 % random connectivity), run for duration_s [s]: a dict with the spike monitor as arrays "
      "time_s [s] and neuron (index), and neurons, duration_s, mean_rate_Hz, mean_isi_cv.");
}

}  // namespace spinaptic::python
