// python/src/dynamics.cpp: magnetisation dynamics from Python: Neel-Brown switching probability of
// an ensemble of two-state junctions (device/neel_brown.hpp) against pulse amplitude and width.
#include <cstdint>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/device/neel_brown.hpp>
#include <spinaptic/device/presets.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

/// The Neel-Brown parameters of a shipped free layer at temperature T (from its macrospin).
device::neel_brown_parameters parameters_of(const std::string& name, double temperature_K, double attempt_time_s) {
  if (name != "cofeb_ellipse_100x50x2nm")
    throw error("spinaptic: parameter 'name' = '" + name + "' is invalid; allowed: cofeb_ellipse_100x50x2nm");
  return device::neel_brown_parameters::from_macrospin(
      device::presets::cofeb_ellipse_100x50x2nm::macrospin(),
      units::as<units::temperature>(detail::require_positive("temperature_K", temperature_K)),
      units::as<units::time>(detail::require_positive("attempt_time_s", attempt_time_s)));
}

}  // namespace

void register_dynamics(py::module_& m) {
  m.def(
      "neel_brown_parameters",
      [](const std::string& name, double temperature_K, double attempt_time_s) {
        const auto p = parameters_of(name, temperature_K, attempt_time_s);
        py::dict d;
        d["barrier_J"] = units::in_si(p.barrier);
        d["attempt_time_s"] = units::in_si(p.attempt_time);
        d["critical_current_A"] = units::in_si(p.critical_current);
        d["anisotropy_field_A_per_m"] = units::in_si(p.anisotropy_field);
        d["current_exponent"] = p.current_exponent;
        return d;
      },
      py::arg("name") = "cofeb_ellipse_100x50x2nm", py::arg("temperature_K") = 300.0, py::arg("attempt_time_s") = 1e-9,
      "The Neel-Brown parameters (E_b [J], tau0 [s], I_c0 [A], H_K [A/m], b) of a shipped free layer at T [K].");
  m.def(
      "switching_probability",
      [](const py::object& current, const py::object& width, std::size_t junctions, double temperature_K,
         double attempt_time_s, std::uint64_t seed, const std::string& name) {
        const auto p = parameters_of(name, temperature_K, attempt_time_s);
        if (junctions < 1) throw invalid_parameter("junctions", 0.0, ">= 1");
        const auto i = as_float_array(current, "current_A");
        const auto w = as_float_array(width, "pulse_width_s");
        std::uint64_t point = 0;
        return broadcast_apply(i, w, "current_A and pulse_width_s",
                               [&](const double* ii, const double* ww, double* out, std::size_t n, py::ssize_t si,
                                   py::ssize_t sw) {
                                 for (std::size_t k = 0; k < n; ++k, ++point) {
                                   const double amp = detail::require_finite("current_A", ii[py::ssize_t(k) * si]);
                                   const double dur = detail::require_positive("pulse_width_s", ww[py::ssize_t(k) * sw]);
                                   device::neel_brown_ensemble e(p, junctions, seed + point);
                                   for (std::size_t j = 0; j < junctions; ++j) e.set_state(j, device::magnetic_state::antiparallel);
                                   e.set_current_all(units::as<units::current>(amp));
                                   e.set_temperature_all(units::as<units::temperature>(temperature_K));
                                   e.advance(units::as<units::time>(dur), 1);  // exact two-state propagator over the pulse
                                   std::size_t switched = 0;
                                   for (std::size_t j = 0; j < junctions; ++j)
                                     switched += e.state(j) == device::magnetic_state::parallel;
                                   out[k] = double(switched) / double(junctions);
                                 }
                               });
      },
      py::arg("current_A"), py::arg("pulse_width_s"), py::kw_only(), py::arg("junctions") = 1000,
      py::arg("temperature_K") = 300.0, py::arg("attempt_time_s") = 1e-9, py::arg("seed") = 1,
      py::arg("name") = "cofeb_ellipse_100x50x2nm",
      "Fraction of `junctions` Neel-Brown junctions (started in AP, at T) that are in P after a current pulse "
      "of amplitude I [A] and width w [s], over broadcast arrays of I and w; escape rate "
      "1/tau = f0 exp(-(E_b/k_B T)(1 - I/I_c0)^b) (docs/magnetization.md), exact two-state propagator.");
}

}  // namespace spinaptic::python
