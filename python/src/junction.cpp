// python/src/junction.cpp: spinaptic._core.Junction, one magnetic tunnel junction (device/mtj.hpp)
// of the calibrated (hybrid_mgo_800nm) or physics-derived (physics_mgo_800nm) kind, with its
// surface V_s(P, I), dV/dI, dV/dP and R(I) over broadcast numpy arrays and simulate() of a
// hybrid drive. SI floats at the boundary, the unit in every parameter name.
#include <array>
#include <cmath>
#include <limits>
#include <type_traits>
#include <string>
#include <utility>
#include <variant>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/excitation/electrical.hpp>
#include <spinaptic/excitation/hybrid.hpp>
#include <spinaptic/excitation/optical.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

using calibrated_preset = device::presets::hybrid_mgo_800nm;
using physics_preset = device::presets::physics_mgo_800nm;

/// A junction of one of the two shipped compositions; each call visits the concrete type once
/// and runs its whole loop on it.
struct junction_handle {
  std::variant<calibrated_preset::junction_type, physics_preset::junction_type> junction;
  std::string kind;  ///< "calibrated" or "physics"
};

device::magnetic_state parse_state(const std::string& s) {
  if (s == "antiparallel") return device::magnetic_state::antiparallel;
  if (s == "parallel") return device::magnetic_state::parallel;
  throw error("spinaptic: parameter 'state' = '" + s + "' is invalid; allowed: antiparallel, parallel");
}

junction_handle preset(const std::string& name, const std::string& state) {
  const auto s = parse_state(state);
  if (name == "hybrid_mgo_800nm") return {calibrated_preset::junction(s), "calibrated"};
  if (name == "physics_mgo_800nm") return {physics_preset::junction(s), "physics"};
  throw error("spinaptic: parameter 'name' = '" + name + "' is invalid; allowed: hybrid_mgo_800nm, physics_mgo_800nm");
}

/// A calibrated junction from SI numbers: the response V_s = V_max p sum_k c_k x^k (AP row c,
/// P row parallel_ratio c), R_P = RA / (pi d^2 / 4) with TMR0 and V_h, laser and Joule heating.
junction_handle calibrated(double max_current_A, double max_power_W, double max_voltage_V,
                           std::array<double, 4> antiparallel_coefficients, double parallel_ratio,
                           double area_resistance_ohm_m2, double diameter_m, double tmr, double half_tmr_bias_V,
                           double laser_heating_K_per_W, double joule_heating_K_per_W, double thermal_time_constant_s,
                           const std::string& state) {
  detail::require_non_negative("parallel_ratio", parallel_ratio);
  std::array<double, 4> parallel{};
  for (std::size_t k = 0; k < 4; ++k) parallel[k] = parallel_ratio * antiparallel_coefficients[k];
  using response_type = calibrated_preset::response_type;
  response_type response(device::response_scale(units::as<units::voltage>(max_voltage_V),
                                                 units::as<units::current>(max_current_A),
                                                 units::as<units::power>(max_power_W)),
                         {{parallel}}, {{antiparallel_coefficients}});
  const auto geometry = device::pillar_geometry::circular(
      units::as<units::length>(detail::require_positive("diameter_m", diameter_m)));
  device::tmr_resistance resistance(
      device::resistance_from_area_product(
          units::as<units::area_resistance>(detail::require_positive("area_resistance_ohm_m2", area_resistance_ohm_m2)),
          geometry.area()),
      detail::require_non_negative("tmr", tmr), units::as<units::voltage>(detail::require_positive("half_tmr_bias_V", half_tmr_bias_V)));
  device::laser_heating heating(
      units::as<units::thermal_resistance>(detail::require_non_negative("laser_heating_K_per_W", laser_heating_K_per_W)),
      units::as<units::thermal_resistance>(detail::require_non_negative("joule_heating_K_per_W", joule_heating_K_per_W)));
  device::thermal_response thermal(
      units::as<units::time>(detail::require_positive("thermal_time_constant_s", thermal_time_constant_s)));
  return {calibrated_preset::junction_type{std::move(response), resistance, heating, thermal,
                                           device::fixed_state{parse_state(state)}},
          "calibrated"};
}

/// out = f(junction, P, I) over the broadcast of P and I, one visit per call.
template <class F>
py::array_t<double> surface(const junction_handle& h, const py::object& power, const py::object& current, F f) {
  const auto p = as_float_array(power, "laser_power_W");
  const auto i = as_float_array(current, "current_A");
  return std::visit(
      [&](const auto& j) {
        return broadcast_apply(p, i, "laser_power_W and current_A",
                               [&](const double* pp, const double* ii, double* out, std::size_t n, py::ssize_t sp,
                                   py::ssize_t si) {
                                 for (std::size_t k = 0; k < n; ++k)
                                   out[k] = f(j, units::as<units::power>(pp[py::ssize_t(k) * sp]),
                                              units::as<units::current>(ii[py::ssize_t(k) * si]));
                               });
      },
      h.junction);
}

/// V_s over the broadcast of P and I. A junction whose response is a calibrated surface offering
/// `thermovoltage_unchecked` (the same arithmetic as mtj::thermovoltage without the per-point
/// range check) is computed in two passes: one that checks every drive point, then a loop the
/// compiler vectorises. Any drive point out of range (or any other junction) takes the checked
/// per-point path, which reports the first bad point with the library's message.
py::array_t<double> thermovoltage(const junction_handle& h, const py::object& power, const py::object& current) {
  const auto p = as_float_array(power, "laser_power_W");
  const auto i = as_float_array(current, "current_A");
  return std::visit(
      [&](const auto& j) {
        using J = std::decay_t<decltype(j)>;
        constexpr bool unchecked_surface =
            spinaptic::calibrated_surface<typename J::response_type> &&
            requires(const typename J::response_type& r) {
              r.thermovoltage_unchecked(device::magnetic_state::antiparallel, units::power{}, units::current{});
            };
        return broadcast_apply(p, i, "laser_power_W and current_A",
                               [&](const double* pp, const double* ii, double* out, std::size_t n, py::ssize_t sp,
                                   py::ssize_t si) {
                                 if constexpr (unchecked_surface) {
                                   bool in_range = true;
                                   for (std::size_t k = 0; k < n; ++k) {
                                     const double pw = pp[py::ssize_t(k) * sp], c = ii[py::ssize_t(k) * si];
                                     in_range &= pw >= 0.0 && pw <= std::numeric_limits<double>::max() &&
                                                 std::abs(c) <= std::numeric_limits<double>::max();
                                   }
                                   if (in_range) {
                                     const auto s = j.state();
                                     for (std::size_t k = 0; k < n; ++k)
                                       out[k] = units::in_si(j.response.thermovoltage_unchecked(
                                           s, units::as<units::power>(pp[py::ssize_t(k) * sp]),
                                           units::as<units::current>(ii[py::ssize_t(k) * si])));
                                     return;
                                   }
                                 }
                                 for (std::size_t k = 0; k < n; ++k)
                                   out[k] = units::in_si(j.thermovoltage(units::as<units::power>(pp[py::ssize_t(k) * sp]),
                                                                         units::as<units::current>(ii[py::ssize_t(k) * si])));
                               });
      },
      h.junction);
}

py::dict simulate(const junction_handle& h, double current_A, double laser_peak_power_W, double pulse_width_s,
                  double repetition_rate_Hz, double dt_s, py::ssize_t steps, double delay_s) {
  if (steps < 1) throw invalid_parameter("steps", double(steps), ">= 1");
  const excitation::hybrid drive{
      excitation::dc_bias(units::as<units::current>(current_A)),
      excitation::laser_pulse_train<excitation::square_pulse>(
          units::as<units::power>(laser_peak_power_W), units::as<units::time>(pulse_width_s),
          units::as<units::frequency>(repetition_rate_Hz), units::as<units::time>(delay_s))};
  device::voltage_trace trace = [&] {
    py::gil_scoped_release unlocked;
    return std::visit([&](const auto& j) { return j.simulate(drive, units::as<units::time>(dt_s), static_cast<std::size_t>(steps)); }, h.junction);
  }();
  auto to_numpy = [](const auto& a) {
    using T = typename std::decay_t<decltype(a)>::value_type;
    py::array_t<T> out(static_cast<py::ssize_t>(a.size()));
    std::copy(a.begin(), a.end(), out.mutable_data());
    return out;
  };
  py::dict d;
  d["time_s"] = to_numpy(trace.time);
  d["current_A"] = to_numpy(trace.current);
  d["laser_power_W"] = to_numpy(trace.laser_power);
  d["temperature_difference_K"] = to_numpy(trace.temperature_difference);
  d["voltage_V"] = to_numpy(trace.voltage);
  d["laser_on"] = to_numpy(trace.laser_on);
  return d;
}

}  // namespace

void register_junction(py::module_& m) {
  py::class_<junction_handle>(m, "Junction",
                              "One magnetic tunnel junction (spinaptic::device::mtj). Build it with "
                              "Junction.preset(name) or Junction.calibrated(...); all numbers are SI.")
      .def_static("preset", &preset, py::arg("name") = "hybrid_mgo_800nm", py::arg("state") = "antiparallel",
                  "A shipped junction: 'hybrid_mgo_800nm' (the calibrated cubic surface of Oberbauer et al. 2025, "
                  "Fig. 4d) or 'physics_mgo_800nm' (the response derived from the stack, docs/physics.md sections "
                  "2-5), in state 'antiparallel' or 'parallel'.")
      .def_static("calibrated", &calibrated, py::kw_only(), py::arg("max_current_A") = 3.0e-3,
                  py::arg("max_power_W") = 0.150, py::arg("max_voltage_V") = 23.35e-3,
                  py::arg("antiparallel_coefficients") = std::array<double, 4>{0.0, 0.4, 0.1, 0.5},
                  py::arg("parallel_ratio") = 0.3, py::arg("area_resistance_ohm_m2") = 10e-12,
                  py::arg("diameter_m") = 800e-9, py::arg("tmr") = 1.0, py::arg("half_tmr_bias_V") = 0.5,
                  py::arg("laser_heating_K_per_W") = 10.0, py::arg("joule_heating_K_per_W") = 1000.0,
                  py::arg("thermal_time_constant_s") = 1e-6, py::arg("state") = "antiparallel",
                  "A junction with the calibrated surface V_s(P, I) = V_max (P/P_max) sum_k c_k (I/I_max)^k "
                  "(AP row c_k, P row parallel_ratio c_k), R_P = RA / (pi d^2/4), R_AP = R_P (1 + TMR0) at zero "
                  "bias, dT = zeta P + R_J I^2 R. Defaults: the hybrid_mgo_800nm preset.")
      .def_property_readonly("kind", [](const junction_handle& h) { return h.kind; },
                             "'calibrated' (a fitted surface) or 'physics' (derived from the stack)")
      .def_property_readonly("state", [](const junction_handle& h) {
        return std::visit([](const auto& j) { return j.state() == device::magnetic_state::parallel ? "parallel" : "antiparallel"; },
                          h.junction);
      }, "the magnetic state, 'antiparallel' or 'parallel'")
      .def_property_readonly("max_current_A", [](const junction_handle& h) {
        return std::visit([](const auto& j) { return units::in_si(j.response.max_current()); }, h.junction);
      }, "I_max [A], the full-scale bias current")
      .def_property_readonly("max_power_W", [](const junction_handle& h) {
        return std::visit([](const auto& j) { return units::in_si(j.response.max_power()); }, h.junction);
      }, "P_max [W], the full-scale laser power")
      .def_property_readonly("max_voltage_V", [](const junction_handle& h) {
        return std::visit([](const auto& j) { return units::in_si(j.response.max_voltage()); }, h.junction);
      }, "V_max [V], the readout scale (the response at P_max, I_max in the AP state)")
      .def("thermovoltage", &thermovoltage, py::arg("laser_power_W"), py::arg("current_A"),
         "V_s(P, I) [V], the thermovoltage a lock-in reads as V_AC, over numpy arrays of laser power P [W] "
         "(>= 0) and bias current I [A] broadcast together.")
      .def("dV_dI", [](const junction_handle& h, const py::object& p, const py::object& i) {
        return surface(h, p, i, [](const auto& j, units::power pw, units::current c) { return units::in_si(j.dV_dI(pw, c)); });
      }, py::arg("laser_power_W"), py::arg("current_A"), "dV_s/dI [ohm], analytic, over broadcast arrays of P [W] and I [A].")
      .def("dV_dP", [](const junction_handle& h, const py::object& p, const py::object& i) {
        return surface(h, p, i, [](const auto& j, units::power pw, units::current c) { return units::in_si(j.dV_dP(pw, c)); });
      }, py::arg("laser_power_W"), py::arg("current_A"), "dV_s/dP [V/W], analytic, over broadcast arrays of P [W] and I [A].")
      .def("resistance", [](const junction_handle& h, const py::object& i) {
        auto zero = py::array_t<double>(std::vector<py::ssize_t>{});
        *zero.mutable_data() = 0.0;
        return surface(h, zero, i, [](const auto& j, units::power, units::current c) {
          return units::in_si(j.resistance(units::as<units::current>(detail::require_finite("current_A", units::in_si(c)))));
        });
      }, py::arg("current_A"), "R(I) [ohm] at bias current I [A], self-consistent with the bias-dependent TMR.")
      .def("simulate", &simulate, py::kw_only(), py::arg("current_A"), py::arg("laser_peak_power_W"),
           py::arg("pulse_width_s"), py::arg("repetition_rate_Hz"), py::arg("dt_s"), py::arg("steps"),
           py::arg("delay_s") = 0.0,
           "Time trace under a hybrid drive (DC bias I plus square laser pulses of peak power P, width w, "
           "repetition rate f), sampled every dt for `steps` samples, with the first-order thermal lag. "
           "Returns a dict of arrays: time_s, current_A, laser_power_W, temperature_difference_K, voltage_V, laser_on.");
}

}  // namespace spinaptic::python
