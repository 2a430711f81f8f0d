// python/src/field_sweep.cpp: field sweeps with their spikes from Python, as numpy arrays.
//  * field_sweep: the quasi-static hysteresis model (device/hysteresis.hpp): free-layer switching,
//    reference-layer depinning (double switching) and Barkhausen jumps with their V_AC spikes, on a
//    triangular sweep +H_max -> -H_max -> +H_max; the trace's arrays are handed to numpy without a
//    copy (one capsule owns the C++ trace).
//  * vortex_field_sweep: N junctions whose vortex cores hop between pinning sites (thermally
//    activated Barkhausen jumps, device/vortex_pinning.hpp) and whose exchange-biased reference
//    layers depin, on a sweep -H_max -> +H_max -> -H_max at the free layer's laser-heated
//    temperature (device/vortex_presets.hpp), as examples/vortex does; V_AC and V_DC of the
//    analog junction (device/vortex_junction.hpp) follow <m_x>.
// SI floats at the boundary; every default is the C++ default (read from the C++ structs).
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <spinaptic/detail/constants.hpp>
#include <spinaptic/detail/steps.hpp>
#include <spinaptic/device/hysteresis.hpp>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/vortex_junction.hpp>
#include <spinaptic/device/vortex_pinning.hpp>
#include <spinaptic/device/vortex_presets.hpp>
#include <spinaptic/device/vortex_statics.hpp>

#include "common.hpp"

namespace spinaptic::python {

namespace {

using field = units::magnetic_field_strength;

/// A 1-d numpy view of `n` elements at `data`, kept alive by `owner` (no copy).
template <class T>
py::array_t<T> view(const T* data, std::size_t n, const py::capsule& owner) {
  return py::array_t<T>({static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))}, data, owner);
}

/// The hysteresis model's trace of one sweep as a dict of numpy arrays over one owned C++ trace.
py::dict trace_arrays(device::sweep_trace&& trace, double sample_interval) {
  auto* owned = new device::sweep_trace(std::move(trace));
  const py::capsule owner(owned, [](void* p) { delete static_cast<device::sweep_trace*>(p); });
  const auto& t = *owned;
  const std::size_t n = t.time.size();
  py::dict d;
  d["time_s"] = view(t.time.data(), n, owner);
  d["field_A_per_m"] = view(t.field.data(), n, owner);
  d["free_layer"] = view(t.free_layer.data(), n, owner);
  d["reference_layer"] = view(t.reference_layer.data(), n, owner);
  d["v_ac_V"] = view(t.v_ac.data(), n, owner);
  d["v_dc_V"] = view(t.v_dc.data(), n, owner);
  d["spike_V"] = view(t.spike_component.data(), n, owner);
  d["state"] = view(t.state.data(), n, owner);
  d["jump_times_s"] = view(t.jump_times.data(), t.jump_times.size(), owner);
  // the first sample that shows jump k: ceil(t_k / dt) (samples are at s dt)
  py::array_t<std::int64_t> index(static_cast<py::ssize_t>(t.jump_times.size()));
  for (std::size_t k = 0; k < t.jump_times.size(); ++k)
    index.mutable_data()[k] = static_cast<std::int64_t>(std::ceil(t.jump_times[k] / sample_interval - 1e-9));
  d["jump_indices"] = index;
  d["free_switch_fields_A_per_m"] = view(t.free_switch_fields.data(), t.free_switch_fields.size(), owner);
  d["reference_switch_fields_A_per_m"] =
      view(t.reference_switch_fields.data(), t.reference_switch_fields.size(), owner);
  py::array_t<std::int64_t> per_branch(static_cast<py::ssize_t>(t.jumps_per_branch.size()));
  for (std::size_t k = 0; k < t.jumps_per_branch.size(); ++k)
    per_branch.mutable_data()[k] = static_cast<std::int64_t>(t.jumps_per_branch[k]);
  d["jumps_per_branch"] = per_branch;
  return d;
}

/// One hysteresis sweep of a shipped junction (hybrid_mgo_800nm or physics_mgo_800nm), GIL released.
template <class Junction>
device::sweep_trace sweep_of(const Junction& j, const device::field_sweep& sweep, double power_W, double bias_A,
                             const device::sweep_protocol& protocol, std::uint64_t trial) {
  const auto p = units::as<units::power>(detail::require_non_negative("laser_power_W", power_W));
  const auto i = units::as<units::current>(detail::require_finite("bias_A", bias_A));
  py::gil_scoped_release unlocked;
  return sweep.run(j, p, i, protocol, trial);
}

py::dict hysteresis_sweep(double power_W, double bias_A, double max_field, double rate, double dt, std::size_t cycles,
                          std::uint64_t trial, std::uint64_t seed, const std::string& junction, double hc,
                          double onset, double depinning, double repinning, double spread, double density,
                          double min_jump, double max_jump, double gain, double decay_s) {
  device::hysteresis_parameters p;
  p.free_switching_field = units::as<field>(detail::require_finite("free_switching_field_A_per_m", hc));
  p.barkhausen_onset_field = units::as<field>(detail::require_finite("barkhausen_onset_field_A_per_m", onset));
  p.reference_depinning_field = units::as<field>(detail::require_finite("reference_depinning_field_A_per_m", depinning));
  p.reference_repinning_field = units::as<field>(detail::require_finite("reference_repinning_field_A_per_m", repinning));
  p.switching_field_spread = spread;
  p.barkhausen_density = units::as<device::field_event_density>(detail::require_finite("barkhausen_density_m_per_A", density));
  p.min_jump = min_jump;
  p.max_jump = max_jump;
  p.spike_gain = gain;
  p.spike_decay_time = units::as<units::time>(detail::require_finite("spike_decay_time_s", decay_s));
  const device::field_sweep sweep(p, seed);  // validates p (invalid_parameter naming the parameter)
  device::sweep_protocol protocol;
  protocol.max_field = units::as<field>(detail::require_positive("max_field_A_per_m", max_field));
  protocol.rate = units::as<device::field_sweep_rate>(detail::require_positive("rate_A_per_m_per_s", rate));
  protocol.sample_interval = units::as<units::time>(detail::require_positive("sample_interval_s", dt));
  protocol.cycles = cycles;
  if (junction == "hybrid_mgo_800nm")
    return trace_arrays(sweep_of(device::presets::hybrid_mgo_800nm::junction(), sweep, power_W, bias_A, protocol, trial), dt);
  if (junction == "physics_mgo_800nm")
    return trace_arrays(sweep_of(device::presets::physics_mgo_800nm::junction(), sweep, power_W, bias_A, protocol, trial), dt);
  throw error("spinaptic: parameter 'junction' = '" + junction + "' is invalid; allowed: hybrid_mgo_800nm, physics_mgo_800nm");
}

using vortex = device::presets::vortex_800nm;
using hybrid = device::presets::hybrid_mgo_800nm;

struct vortex_settings {
  std::size_t junctions;
  double max_field, rate, dt, settle_s;
  std::uint64_t seed;
  device::vortex_pinning_parameters pinning;
  device::reference_layer_parameters reference;
};

py::dict vortex_sweep(double power_W, double bias_A, const vortex_settings& s) {
  const auto power = units::as<units::power>(detail::require_non_negative("laser_power_W", power_W));
  const auto bias = units::as<units::current>(detail::require_finite("bias_A", bias_A));
  const double h_max = detail::require_positive("max_field_A_per_m", s.max_field);
  const double rate = detail::require_positive("rate_A_per_m_per_s", s.rate);
  const double dt = detail::require_positive("sample_interval_s", s.dt);
  const double settle = detail::require_positive("settle_s", s.settle_s);
  if (s.junctions < 1) throw invalid_parameter("junctions", 0.0, ">= 1");
  // n steps of dt over the cycle -H_max -> +H_max -> -H_max (duration 4 H_max / rate); the
  // arrays hold J (n + 1) samples of 6 kinds: at most 2^26 samples in all
  constexpr std::uint64_t max_samples = std::uint64_t{1} << 26;
  const auto steps = static_cast<std::size_t>(
      detail::duration_to_steps("sweep duration 4 max_field / rate [s]", 4.0 * h_max / rate, dt, max_samples / s.junctions));
  if (steps < 2) throw invalid_parameter("samples per sweep (4 max_field / rate / sample_interval_s)", double(steps), ">= 2");
  const auto temperature = vortex::free_layer_temperature(power, bias);
  const auto disk = vortex::disk();
  device::vortex_pinning_ensemble e(disk, s.pinning, s.reference, s.junctions, s.seed);
  e.set_temperature_all(temperature);  // throws when T >= T_C
  const device::vortex_statics statics(disk, temperature);
  using analog = device::mtj<hybrid::response_type, device::tmr_resistance, device::laser_heating, device::analog_fixed_state>;
  analog junction{hybrid::response(), hybrid::resistance(), hybrid::heating(), hybrid::thermal(), {0.0}};

  const std::size_t n = steps + 1, count = s.junctions;
  const auto shape = std::vector<py::ssize_t>{static_cast<py::ssize_t>(count), static_cast<py::ssize_t>(n)};
  py::array_t<double> time(static_cast<py::ssize_t>(n)), fields(static_cast<py::ssize_t>(n));
  py::array_t<double> free_layer(shape), relative(shape), v_ac(shape), v_dc(shape);
  py::array_t<std::int8_t> reference(shape);
  py::array_t<std::int64_t> hops(shape);
  auto field_at = [&](std::size_t k) {  // -H_max -> +H_max -> -H_max
    const double t = double(k) * dt, half = 2.0 * h_max / rate;
    return t < half ? -h_max + rate * t : h_max - rate * (t - half);
  };
  std::vector<std::int64_t> spike_junction, spike_index, spike_hops;
  std::vector<long> start(count);
  {
    double* pt = time.mutable_data();
    double* ph = fields.mutable_data();
    double* pf = free_layer.mutable_data();
    double* pr = relative.mutable_data();
    double* pac = v_ac.mutable_data();
    double* pdc = v_dc.mutable_data();
    std::int8_t* pref = reference.mutable_data();
    std::int64_t* phops = hops.mutable_data();
    auto record = [&](std::size_t k) {
      for (std::size_t j = 0; j < count; ++j) {
        const std::size_t at = j * n + k;
        pf[at] = e.free_magnetization(j);
        pr[at] = e.relative_magnetization(j);
        pref[at] = static_cast<std::int8_t>(e.reference_direction(j));
        phops[at] = e.hops(j) - start[j];
        junction.magnetization.value = pr[at];
        pac[at] = units::in_si(device::analog_thermovoltage(junction, power, bias));
        pdc[at] = units::in_si(bias * device::analog_resistance(junction, bias));
        if (k > 0 && phops[at] != phops[at - 1]) {
          spike_junction.push_back(static_cast<std::int64_t>(j));
          spike_index.push_back(static_cast<std::int64_t>(k));
          spike_hops.push_back(phops[at] - phops[at - 1]);
        }
      }
    };
    // chunks of steps without the GIL; Ctrl-C is checked between chunks
    constexpr std::size_t chunk = 256;
    for (std::size_t k0 = 0; k0 < n; k0 += chunk) {
      {
        py::gil_scoped_release unlocked;
        for (std::size_t k = k0; k < std::min(n, k0 + chunk); ++k) {
          const double h = field_at(k);
          pt[k] = double(k) * dt;
          ph[k] = h;
          e.set_field_all(units::as<field>(h));
          if (k == 0) {
            e.advance(units::as<units::time>(settle), 1);  // settle at -H_max
            for (std::size_t j = 0; j < count; ++j) start[j] = e.hops(j);
          } else {
            e.advance(units::as<units::time>(dt), 1);
          }
          record(k);
        }
      }
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
  }
  py::dict d;
  d["time_s"] = time;
  d["field_A_per_m"] = fields;
  d["temperature_K"] = units::in_si(temperature);
  d["annihilation_field_A_per_m"] = units::in_si(statics.annihilation_field());
  d["nucleation_field_A_per_m"] = units::in_si(statics.nucleation_field());
  d["exchange_bias_A_per_m"] = units::in_si(s.reference.exchange_bias_at(temperature));
  d["free_layer"] = free_layer;
  d["reference_layer"] = reference;
  d["relative_magnetization"] = relative;
  d["hops"] = hops;
  d["v_ac_V"] = v_ac;
  d["v_dc_V"] = v_dc;
  auto int_array = [](const std::vector<std::int64_t>& v) {
    py::array_t<std::int64_t> a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  };
  py::array_t<double> spike_time(static_cast<py::ssize_t>(spike_index.size())),
      spike_field(static_cast<py::ssize_t>(spike_index.size()));
  for (std::size_t k = 0; k < spike_index.size(); ++k) {
    spike_time.mutable_data()[k] = double(spike_index[k]) * dt;
    spike_field.mutable_data()[k] = field_at(static_cast<std::size_t>(spike_index[k]));
  }
  d["spike_junction"] = int_array(spike_junction);
  d["spike_index"] = int_array(spike_index);
  d["spike_hops"] = int_array(spike_hops);
  d["spike_time_s"] = spike_time;
  d["spike_field_A_per_m"] = spike_field;
  return d;
}

}  // namespace

void register_field_sweep(py::module_& m) {
  const device::hysteresis_parameters hp;  // the C++ defaults (docs/physics.md section 7)
  const device::sweep_protocol protocol;
  m.def("field_sweep", &hysteresis_sweep, py::arg("laser_power_W") = 0.150, py::arg("bias_A") = 3e-3, py::kw_only(),
        py::arg("max_field_A_per_m") = units::in_si(protocol.max_field),
        py::arg("rate_A_per_m_per_s") = units::in_si(protocol.rate),
        py::arg("sample_interval_s") = units::in_si(protocol.sample_interval), py::arg("cycles") = protocol.cycles,
        py::arg("trial") = 0, py::arg("seed") = 2025, py::arg("junction") = "hybrid_mgo_800nm",
        py::arg("free_switching_field_A_per_m") = units::in_si(hp.free_switching_field),
        py::arg("barkhausen_onset_field_A_per_m") = units::in_si(hp.barkhausen_onset_field),
        py::arg("reference_depinning_field_A_per_m") = units::in_si(hp.reference_depinning_field),
        py::arg("reference_repinning_field_A_per_m") = units::in_si(hp.reference_repinning_field),
        py::arg("switching_field_spread") = hp.switching_field_spread,
        py::arg("barkhausen_density_m_per_A") = units::in_si(hp.barkhausen_density),
        py::arg("min_jump") = hp.min_jump, py::arg("max_jump") = hp.max_jump, py::arg("spike_gain") = hp.spike_gain,
        py::arg("spike_decay_time_s") = units::in_si(hp.spike_decay_time),
        "Quasi-static field sweep +H_max -> -H_max -> +H_max (`cycles` times, a sample every dt [s], rate "
        "[A/m/s]) of a junction under laser power P [W] and bias I [A] (device/hysteresis.hpp, "
        "docs/physics.md section 7): free-layer switching at H_c (1 + sigma xi) [A/m], reference-layer "
        "depinning at -H_dep and repinning at -H_rep (double switching), Barkhausen jumps from H_onset on "
        "as a Poisson process of density rho [per A/m], each a V_AC spike of amplitude gain delta "
        "|V_AP - V_P| decaying with tau [s]. `trial` picks an independent random stream of `seed`. "
        "Returns a dict of numpy arrays (no copies): time_s, field_A_per_m, free_layer, reference_layer "
        "(m_f, m_r), v_ac_V, v_dc_V, spike_V (the spikes' part of V_AC), state (0 = P, 1 = AP), "
        "jump_times_s and jump_indices (the Barkhausen spikes; index of the first sample after each), "
        "free_switch_fields_A_per_m and reference_switch_fields_A_per_m (realised, per branch), "
        "jumps_per_branch. Releases the GIL.");
  const device::vortex_pinning_parameters pin;
  const auto ref = device::presets::vortex_800nm::reference();
  m.def(
      "vortex_field_sweep",
      [](double power_W, double bias_A, std::size_t junctions, double max_field, double rate, double dt, double settle_s,
         std::uint64_t seed, double spacing_m, double pinning_J, double attempt_Hz, double exchange_A_per_m,
         double blocking_K, double coercive_A_per_m) {
        vortex_settings s{junctions, max_field, rate, dt, settle_s, seed, {}, {}};
        s.pinning.site_spacing = units::as<units::length>(spacing_m);
        s.pinning.pinning_energy = units::as<units::energy>(pinning_J);
        s.pinning.attempt_frequency = units::as<units::frequency>(attempt_Hz);
        s.reference.exchange_bias = units::as<field>(exchange_A_per_m);
        s.reference.blocking_temperature = units::as<units::temperature>(blocking_K);
        s.reference.coercive_field = units::as<field>(coercive_A_per_m);
        return vortex_sweep(power_W, bias_A, s);
      },
      py::arg("laser_power_W") = 0.150, py::arg("bias_A") = 3e-3, py::kw_only(), py::arg("junctions") = 16,
      py::arg("max_field_A_per_m") = units::in_si(protocol.max_field),
      py::arg("rate_A_per_m_per_s") = units::in_si(protocol.rate),
      py::arg("sample_interval_s") = units::in_si(protocol.sample_interval), py::arg("settle_s") = 1.0,
      py::arg("seed") = 100, py::arg("site_spacing_m") = units::in_si(pin.site_spacing),
      py::arg("pinning_energy_J") = units::in_si(pin.pinning_energy),
      py::arg("attempt_frequency_Hz") = units::in_si(pin.attempt_frequency),
      py::arg("exchange_bias_A_per_m") = units::in_si(ref.exchange_bias),
      py::arg("blocking_temperature_K") = units::in_si(ref.blocking_temperature),
      py::arg("coercive_field_A_per_m") = units::in_si(ref.coercive_field),
      "Field sweep -H_max -> +H_max -> -H_max (rate [A/m/s], a sample every dt [s], after settle_s [s] at "
      "-H_max) of `junctions` 800 nm vortex junctions (device/vortex_pinning.hpp, docs/vortex.md) at the "
      "free layer's temperature under laser power P [W] and bias I [A]: the core hops between pinning "
      "sites d [m] apart with barrier E_p [J] at attempt frequency f_0 [Hz] (each hop a Barkhausen "
      "spike), single-domain beyond the annihilation field, and the reference layer (exchange bias "
      "H_ex0 (1 - T/T_B) [A/m], coercive field H_c [A/m]) depins. Returns a dict: time_s, field_A_per_m "
      "[n]; temperature_K, annihilation_field_A_per_m, nucleation_field_A_per_m, exchange_bias_A_per_m "
      "(at that temperature); free_layer, reference_layer, relative_magnetization, hops (cumulative), "
      "v_ac_V, v_dc_V [junctions, n]; the spikes as spike_junction, spike_index, spike_time_s, "
      "spike_field_A_per_m, spike_hops (one row per sample of a junction with hops). Releases the GIL "
      "and stops on Ctrl-C.");
}

}  // namespace spinaptic::python
