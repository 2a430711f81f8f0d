// spinaptic/device/hysteresis.hpp: quasi-static field-sweep hysteresis of a junction with free-
// layer switching, reference-layer depinning (double switching) and Barkhausen jumps, with the
// junction's V_AC and V_DC following the magnetic configuration.
//
// Model (docs/physics.md section 7 and docs/magnetization.md; every number below is a documented default [D],
// not a measurement: the paper gives no switching fields):
//  * Free layer, projection m_f in [-1, 1] on the field axis. Sweeping against it, Barkhausen
//    jumps (vortex-core depinning) start at |H| = H_onset and occur as a Poisson process in H with
//    density rho; each jump moves m_f by 2 delta towards the field, delta ~ U(delta_min, delta_max),
//    i.e. a change of delta of the full P-AP signal. At |H| = H_c,free (1 + sigma xi) the rest
//    reverses (P <-> AP plateau). Defaults: H_c = 150 Oe (range 50-300 Oe), H_onset = 50 Oe,
//    rho = 0.05 / Oe, delta in [0.5 %, 5 %].
//  * Reference layer m_r = +-1, exchange-biased along +: a field below -H_dep (1 + sigma xi)
//    depins it (m_r = -1; the second switch of double switching); on the way back it repins when
//    the field rises above -H_rep (1 + sigma xi). Defaults: H_dep = 1 kOe (range 0.5-2 kOe),
//    H_rep = 0.5 kOe. Switching fields are redrawn on every branch with relative spread sigma = 3 %.
//  * Signals: c = m_f m_r. V_AC = V_P (1 + c)/2 + V_AP (1 - c)/2 from the junction's thermovoltage
//    in each state; conductance G = (G_P + G_AP)/2 + (G_P - G_AP)/2 c (Slonczewski angle law,
//    docs/physics.md section 3), V_DC = I / G. Each Barkhausen jump also emits a voltage spike on V_AC of
//    amplitude gain * delta |V_AP - V_P| decaying with time constant tau_spike (defaults 10, 1 ms).
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/device.hpp"
#include "spinaptic/detail/constants.hpp"
#include "spinaptic/detail/random.hpp"
#include "spinaptic/detail/steps.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// A field in oersted, converted to A/m (1 Oe = 1000/(4 pi) A/m).
[[nodiscard]] inline units::magnetic_field_strength oersted(double oe) {
  return units::as<units::magnetic_field_strength>(oe * detail::constants::oersted);
}

/// Events per unit field [m/A]; field sweep rate [A m^-1 s^-1].
using field_event_density = units::quantity<decltype(units::si::meter / units::si::ampere)>;
using field_sweep_rate = units::quantity<decltype(units::si::ampere / units::si::meter / units::si::second)>;

/// Hysteresis model parameters; defaults from docs/physics.md section 7 (documented placeholders [D]).
struct hysteresis_parameters {
  units::magnetic_field_strength free_switching_field = oersted(150.0);  ///< H_c of the free layer [A/m] (150 Oe)
  units::magnetic_field_strength barkhausen_onset_field = oersted(50.0);  ///< H_onset of the Barkhausen jumps [A/m] (50 Oe)
  units::magnetic_field_strength reference_depinning_field = oersted(1000.0);  ///< H_dep of the reference layer [A/m] (1 kOe)
  units::magnetic_field_strength reference_repinning_field = oersted(500.0);  ///< H_rep of the reference layer [A/m] (0.5 kOe)
  double switching_field_spread = 0.03;  ///< relative Gaussian sigma, redrawn per branch
  field_event_density barkhausen_density =
      units::as<field_event_density>(0.05 / detail::constants::oersted);  ///< 0.05 per Oe
  double min_jump = 0.005;   ///< smallest Barkhausen jump, fraction of the P-AP signal
  double max_jump = 0.05;    ///< largest jump
  double spike_gain = 10.0;  ///< spike amplitude / permanent V_AC step of a jump
  units::time spike_decay_time = units::as<units::time>(1e-3);  ///< tau_spike of a Barkhausen voltage spike [s] (1 ms)

  /// Throws invalid_parameter naming the first bad parameter; returns a copy.
  [[nodiscard]] hysteresis_parameters validated() const {
    const double hc = detail::require_positive("free-layer switching field [A/m]", units::in_si(free_switching_field));
    detail::require_in_range("Barkhausen onset field [A/m]", units::in_si(barkhausen_onset_field), 0.0, hc);
    const double hdep = detail::require_positive("reference depinning field [A/m]", units::in_si(reference_depinning_field));
    detail::require_in_range("reference repinning field [A/m]", units::in_si(reference_repinning_field), hc, hdep);
    detail::require_in_range("switching-field spread", switching_field_spread, 0.0, 0.2);
    detail::require_non_negative("Barkhausen density [per A/m]", units::in_si(barkhausen_density));
    detail::require_in_range("min Barkhausen jump", min_jump, 0.0, 1.0);
    detail::require_in_range("max Barkhausen jump", max_jump, min_jump, 1.0);
    detail::require_non_negative("spike gain", spike_gain);
    detail::require_positive("spike decay time [s]", units::in_si(spike_decay_time));
    return *this;
  }
};

/// A triangular sweep +H_max -> -H_max -> +H_max, repeated `cycles` times, sampled every dt.
struct sweep_protocol {
  units::magnetic_field_strength max_field = oersted(2000.0);  ///< H_max of the triangular sweep [A/m]
  field_sweep_rate rate = units::as<field_sweep_rate>(2000.0 * detail::constants::oersted);  ///< 2 kOe/s
  units::time sample_interval = units::as<units::time>(5e-4);  ///< time between samples [s]
  std::size_t cycles = 1;  ///< number of +H_max -> -H_max -> +H_max cycles
};

/// Sampled sweep; arrays in SI (s, A/m, V). state: 0 = P, 1 = AP (majority configuration).
struct sweep_trace {
  xt::xtensor<double, 1> time;             ///< t [s]
  xt::xtensor<double, 1> field;            ///< H [A/m]
  xt::xtensor<double, 1> free_layer;       ///< m_f
  xt::xtensor<double, 1> reference_layer;  ///< m_r
  xt::xtensor<double, 1> v_ac;             ///< V_AC [V]
  xt::xtensor<double, 1> v_dc;             ///< V_DC [V]
  xt::xtensor<double, 1> spike_component;  ///< the spikes' part of V_AC [V]
  xt::xtensor<unsigned char, 1> state;  ///< magnetic state per sample
  std::vector<double> jump_times;             ///< Barkhausen events [s]
  std::vector<double> free_switch_fields;     ///< realised free-layer switching field per branch [A/m]
  std::vector<double> reference_switch_fields;  ///< realised depinning / repinning fields [A/m]
  std::vector<std::size_t> jumps_per_branch;  ///< Barkhausen events in each branch
};

/// Field-sweep driver: one hysteresis model, one seed; trial k of a seed is reproducible.
class field_sweep {
 public:
  /// A sweep with the given parameters; `seed` fixes every random draw.
  field_sweep(const hysteresis_parameters& params, std::uint64_t seed) : p_(params.validated()), seed_(seed) {}

  /// Sweeps the field of `protocol` at laser power P and bias I; `trial` selects an independent random stream.
  template <settable_state_junction Junction>
  [[nodiscard]] sweep_trace run(const Junction& junction, units::power laser_power, units::current bias,
                                const sweep_protocol& protocol, std::uint64_t trial = 0) const {
    // boundary: all quantities to raw SI once
    const double hmax = detail::require_positive("sweep max field [A/m]", units::in_si(protocol.max_field));
    const double rate = detail::require_positive("sweep rate [A/m/s]", units::in_si(protocol.rate));
    const double dt = detail::require_positive("sweep sample interval [s]", units::in_si(protocol.sample_interval));
    if (protocol.cycles == 0) throw invalid_parameter("sweep cycles", 0.0, ">= 1");
    const double current = detail::require_finite("bias current I [A]", units::in_si(bias));
    Junction jp = junction, jap = junction;
    jp.magnetization = fixed_state{magnetic_state::parallel};
    jap.magnetization = fixed_state{magnetic_state::antiparallel};
    const double vp = units::in_si(jp.thermovoltage(laser_power, bias));
    const double vap = units::in_si(jap.thermovoltage(laser_power, bias));
    const double gp = 1.0 / units::in_si(jp.resistance(bias)), gap = 1.0 / units::in_si(jap.resistance(bias));
    const double spike_scale = p_.spike_gain * std::abs(vap - vp);
    const double tau = units::in_si(p_.spike_decay_time);

    // A trace holds 7 double arrays and one state array of n samples: at most 2^26 samples in
    // all (about 4 GiB), checked before anything is allocated.
    constexpr std::uint64_t max_samples = std::uint64_t{1} << 26;
    if (protocol.cycles > max_samples / 4)
      throw invalid_parameter("sweep cycles", double(protocol.cycles), "<= " + std::to_string(max_samples / 4));
    const std::size_t branches = 2 * protocol.cycles;
    const auto per_branch = static_cast<std::size_t>(detail::duration_to_steps(
        "sweep branch duration 2 H_max / rate [s]", 2.0 * hmax / rate, dt, (max_samples - 1) / branches));
    if (per_branch < 2) throw invalid_parameter("samples per sweep branch", double(per_branch), ">= 2");
    const std::size_t n = branches * per_branch + 1;
    sweep_trace tr;
    for (auto* a : {&tr.time, &tr.field, &tr.free_layer, &tr.reference_layer, &tr.v_ac, &tr.v_dc,
                    &tr.spike_component})
      a->resize({n});
    tr.state.resize({n});

    double mf = 1.0, mr = 1.0, spike = 0.0;  // saturated along + at the start
    std::size_t k = 0;
    auto record = [&](double t, double h) {
      const double c = mf * mr;
      tr.time(k) = t;
      tr.field(k) = h;
      tr.free_layer(k) = mf;
      tr.reference_layer(k) = mr;
      tr.spike_component(k) = spike;
      tr.v_ac(k) = vp * 0.5 * (1.0 + c) + vap * 0.5 * (1.0 - c) + spike;
      tr.v_dc(k) = current / (0.5 * (gp + gap) + 0.5 * (gp - gap) * c);
      tr.state(k) = static_cast<unsigned char>(c > 0.0 ? magnetic_state::parallel : magnetic_state::antiparallel);
      ++k;
    };
    record(0.0, hmax);
    for (std::size_t b = 0; b < branches; ++b) {
      const double dir = b % 2 == 0 ? -1.0 : 1.0;  // descending first
      auto events = branch_events(mf, mr, dir, hmax, trial, b, tr);
      std::size_t next = 0;
      const double t0 = static_cast<double>(b * per_branch) * dt;
      for (std::size_t s = 1; s <= per_branch; ++s) {
        const double t = t0 + static_cast<double>(s) * dt;
        const double h = -dir * hmax + dir * 2.0 * hmax * static_cast<double>(s) / static_cast<double>(per_branch);
        spike *= std::exp(-dt / tau);
        while (next < events.size() && dir * h >= dir * events[next].field) {
          const auto& e = events[next++];
          const double te = t0 + (dir * (e.field + dir * hmax)) / rate;  // crossing time
          switch (e.kind) {
            case event_kind::jump:
              mf = std::clamp(mf + 2.0 * dir * e.size, -1.0, 1.0);
              spike += spike_scale * e.size * std::exp(-(t - te) / tau);
              tr.jump_times.push_back(te);
              break;
            case event_kind::free_switch: mf = dir; break;
            case event_kind::reference_switch: mr = dir; break;
          }
        }
        record(t, h);
      }
    }
    return tr;
  }

  /// The model parameters.
  [[nodiscard]] const hysteresis_parameters& parameters() const noexcept { return p_; }

 private:
  enum class event_kind : unsigned char { jump, free_switch, reference_switch };
  struct event {
    double field;  // [A/m]
    event_kind kind;
    double size;   // jump delta
  };

  /// Events of one branch in sweep order; draws from the stream (seed, trial, branch).
  std::vector<event> branch_events(double mf, double mr, double dir, double hmax, std::uint64_t trial,
                                   std::size_t branch, sweep_trace& tr) const {
    detail::counter_rng g(detail::stream_key(seed_, trial, branch));
    const auto& z = detail::ziggurat_tables::get();
    const double sigma = p_.switching_field_spread;
    auto spread = [&](double h) { return h * (1.0 + sigma * detail::standard_normal(g, z)); };
    std::vector<event> ev;
    std::size_t jumps = 0;
    if (mf * dir < 1.0) {  // free layer opposes the sweep direction
      const double hc = spread(units::in_si(p_.free_switching_field));
      if (hc < hmax) {
        const double rho = units::in_si(p_.barkhausen_density);
        double s = units::in_si(p_.barkhausen_onset_field);
        while (rho > 0.0) {  // Poisson process in |H| on [H_onset, H_c)
          s += detail::standard_exponential(g) / rho;
          if (s >= hc) break;
          ev.push_back({dir * s, event_kind::jump, p_.min_jump + (p_.max_jump - p_.min_jump) * g.uniform()});
          ++jumps;
        }
        ev.push_back({dir * hc, event_kind::free_switch, 0.0});
        tr.free_switch_fields.push_back(dir * hc);
      }
    }
    if (dir < 0.0 && mr > 0.0) {  // depinning at -H_dep
      const double hd = spread(units::in_si(p_.reference_depinning_field));
      if (hd < hmax) {
        ev.push_back({-hd, event_kind::reference_switch, 0.0});
        tr.reference_switch_fields.push_back(-hd);
      }
    } else if (dir > 0.0 && mr < 0.0) {  // repinning when the field rises above -H_rep
      const double hr = spread(units::in_si(p_.reference_repinning_field));
      ev.push_back({-hr, event_kind::reference_switch, 0.0});
      tr.reference_switch_fields.push_back(-hr);
    }
    std::sort(ev.begin(), ev.end(), [dir](const event& a, const event& b) { return dir * a.field < dir * b.field; });
    tr.jumps_per_branch.push_back(jumps);
    return ev;
  }

  hysteresis_parameters p_;
  std::uint64_t seed_;
};

}  // namespace spinaptic::device
