// Benchmarks of the bias-enhanced TMS response V(P, I) and dV/dI over 10^6 drive points given in
// SI (P in W, I in A), one variant per level of abstraction:
//   hand_written     a plain C loop with the coefficients and scales in locals (the baseline);
//   policy           bias_enhanced_tms<1>::normalized / normalized_dx, the raw policy kernels;
//   units_unchecked  quantities in, quantities out (thermovoltage_unchecked, dV_dI_unchecked);
//   units            the unit-checked API: every drive point is range-checked (NaN throws).
// The ratios policy/hand_written and units_unchecked/policy are the abstraction overhead; the
// units/units_unchecked ratio is the price of the per-point check. derived_bound_response /
// derived_lock_in_signal is the overhead of reaching the derived response through its junction.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <random>
#include <spinaptic/device/presets.hpp>
#include <vector>

namespace {
using namespace spinaptic;
constexpr std::size_t n_points = 1'000'000;

struct drive_points {
  std::vector<double> power_w, current_a, out;
  drive_points() : power_w(n_points), current_a(n_points), out(n_points) {
    std::mt19937_64 engine(42);
    std::uniform_real_distribution<double> up(0.0, 0.15), ui(-3e-3, 3e-3);
    for (std::size_t i = 0; i < n_points; ++i) {
      power_w[i] = up(engine);
      current_a[i] = ui(engine);
    }
  }
};
drive_points& points() {
  static drive_points d;
  return d;
}
const auto response = device::presets::hybrid_mgo_800nm::response();
const auto& c = response.coefficients(device::antiparallel)[0];
const double inv_p = 1.0 / units::in_si(response.max_power());
const double inv_i = 1.0 / units::in_si(response.max_current());
const double v_max = units::in_si(response.max_voltage());
const double v_per_i = units::in_si(response.max_voltage() / response.max_current());

// The policy and units variants capture a local copy of the response (as the hand-written loop
// keeps its coefficients in locals), so the compiler knows the stores to `out` cannot change it.
template <class Kernel>
void run(benchmark::State& state, Kernel kernel) {
  auto& d = points();
  for (auto _ : state) {
    const double* pw = d.power_w.data();
    const double* ia = d.current_a.data();
    double* out = d.out.data();
    for (std::size_t i = 0; i < n_points; ++i) out[i] = kernel(pw[i], ia[i]);
    benchmark::DoNotOptimize(d.out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n_points));
}

void thermovoltage_hand_written(benchmark::State& state) {
  const double c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], vm = v_max, ip = inv_p, ii = inv_i;
  run(state, [=](double pw, double ia) {
    const double p = pw * ip, x = ia * ii;
    return vm * p * (((c3 * x + c2) * x + c1) * x + c0);
  });
}
void thermovoltage_policy(benchmark::State& state) {
  const double vm = v_max, ip = inv_p, ii = inv_i;
  run(state, [=, r = response](double pw, double ia) { return vm * r.normalized(device::antiparallel, pw * ip, ia * ii); });
}
void thermovoltage_units_unchecked(benchmark::State& state) {
  run(state, [r = response](double pw, double ia) {
    return units::in_si(
        r.thermovoltage_unchecked(device::antiparallel, units::as<units::power>(pw), units::as<units::current>(ia)));
  });
}
void thermovoltage_units(benchmark::State& state) {
  run(state, [r = response](double pw, double ia) {
    return units::in_si(r.thermovoltage(device::antiparallel, units::as<units::power>(pw), units::as<units::current>(ia)));
  });
}

void dV_dI_hand_written(benchmark::State& state) {
  const double c1 = c[1], c2 = c[2], c3 = c[3], s = v_per_i, ip = inv_p, ii = inv_i;
  run(state, [=](double pw, double ia) {
    const double p = pw * ip, x = ia * ii;
    return s * p * ((3.0 * c3 * x + 2.0 * c2) * x + c1);
  });
}
void dV_dI_policy(benchmark::State& state) {
  const double s = v_per_i, ip = inv_p, ii = inv_i;
  run(state, [=, r = response](double pw, double ia) { return s * r.normalized_dx(device::antiparallel, pw * ip, ia * ii); });
}
void dV_dI_units_unchecked(benchmark::State& state) {
  run(state, [r = response](double pw, double ia) {
    return units::in_si(
        r.dV_dI_unchecked(device::antiparallel, units::as<units::power>(pw), units::as<units::current>(ia)));
  });
}
void dV_dI_units(benchmark::State& state) {
  run(state, [r = response](double pw, double ia) {
    return units::in_si(r.dV_dI(device::antiparallel, units::as<units::power>(pw), units::as<units::current>(ia)));
  });
}

// The physics-derived response (derived_bias_enhanced_tms inside the physics junction): the
// lock-in kernel called directly with local copies of the junction's parts (the baseline), and the
// same kernel through the junction's network response (bound_response), as a crossbar calls it.
// Their ratio is the cost of the forwarding layer.
const auto physics_junction = device::presets::physics_mgo_800nm::junction();
void derived_lock_in_signal(benchmark::State& state) {
  const auto& j = physics_junction;
  run(state, [res = j.resistance_model, heat = j.heating, seebeck = j.response.seebeck(), peltier = j.response.peltier(),
               t0 = units::in_si(j.response.ambient_temperature())](double pw, double ia) {
    return device::lock_in_signal(res, heat, seebeck, peltier, device::antiparallel, pw, ia, t0).voltage;
  });
}
void derived_bound_response(benchmark::State& state) {
  const auto& j = physics_junction;
  const double vm = units::in_si(j.response.max_voltage()), ip = 1.0 / units::in_si(j.response.max_power()),
               ii = 1.0 / units::in_si(j.response.max_current());
  run(state, [=, r = j.network_response()](double pw, double ia) {
    return vm * r.normalized(device::antiparallel, pw * ip, ia * ii);
  });
}
}  // namespace

BENCHMARK(thermovoltage_hand_written)->Unit(benchmark::kMicrosecond);
BENCHMARK(thermovoltage_policy)->Unit(benchmark::kMicrosecond);
BENCHMARK(thermovoltage_units_unchecked)->Unit(benchmark::kMicrosecond);
BENCHMARK(thermovoltage_units)->Unit(benchmark::kMicrosecond);
BENCHMARK(dV_dI_hand_written)->Unit(benchmark::kMicrosecond);
BENCHMARK(dV_dI_policy)->Unit(benchmark::kMicrosecond);
BENCHMARK(dV_dI_units_unchecked)->Unit(benchmark::kMicrosecond);
BENCHMARK(dV_dI_units)->Unit(benchmark::kMicrosecond);
BENCHMARK(derived_lock_in_signal)->Unit(benchmark::kMicrosecond);
BENCHMARK(derived_bound_response)->Unit(benchmark::kMicrosecond);
