// Throughput of the thermal Thiele ensemble (junction-steps per second), spinaptic's
// vortex_ensemble against a hand-written C-style loop doing the same stochastic Heun step of the
// linear Thiele equation with the same noise generator.
//   build/release/benchmarks/bench_vortex --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include <spinaptic/detail/random.hpp>
#include <spinaptic/device/vortex_dynamics.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

namespace {
constexpr std::size_t junctions = 10000;
constexpr std::size_t steps = 200;

// The 800 nm disk: R = 400 nm, L = 9.2 nm (beta = 0.023), Ms = 8e5 A/m.
device::vortex_parameters params() {
  return {units::as<units::length>(400e-9), units::as<units::length>(9.2e-9),
          units::as<units::magnetic_field_strength>(8e5)};
}

template <class Real>
void BM_spinaptic_vortex(benchmark::State& state) {
  device::vortex_ensemble<Real> e(params(), junctions, 42);
  e.set_temperature_all(300.0_K);
  e.set_current_all(units::as<units::current>(0.3e-3));
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    e.advance(50e-12 * units::second, steps, threads);
    benchmark::DoNotOptimize(e.reduced_x().data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * junctions * steps));
}

// Hand-written baseline: plain arrays, one junction at a time, the same two normals drawn inline,
// linear Thiele force with Oersted stiffness, float (representative coefficients).
void BM_handwritten_loop(benchmark::State& state) {
  const float dt = 50e-12f, k = 8.8e-11f, ko = 1e-10f, cd = 5e17f, cg = 1.7e19f, sn = 1e-20f, i = 0.3e-3f;
  const float s0 = sn / std::sqrt(dt);
  std::vector<float> sx(junctions, 0.0f), sy(junctions, 0.0f);
  const auto& z = spinaptic::detail::ziggurat_tables::get();
  std::uint64_t n = 0;
  for (auto _ : state) {
    for (std::size_t s = 0; s < steps; ++s, ++n) {
      const std::uint64_t key = spinaptic::detail::step_key(42, n);
      for (std::size_t j = 0; j < junctions; ++j) {
        spinaptic::detail::counter_rng r(key, std::uint64_t(j) << 8);
        const float tx = s0 * float(spinaptic::detail::standard_normal(r, z));
        const float ty = s0 * float(spinaptic::detail::standard_normal(r, z));
        const float kap = k + ko * i;
        float x = sx[j], y = sy[j];
        const float fx1 = tx - kap * x, fy1 = ty - kap * y;
        const float v1x = cd * fx1 - cg * fy1, v1y = cd * fy1 + cg * fx1;
        const float px = x + dt * v1x, py = y + dt * v1y;
        const float fx2 = tx - kap * px, fy2 = ty - kap * py;
        const float v2x = cd * fx2 - cg * fy2, v2y = cd * fy2 + cg * fx2;
        sx[j] = x + 0.5f * dt * (v1x + v2x);
        sy[j] = y + 0.5f * dt * (v1y + v2y);
      }
    }
    benchmark::DoNotOptimize(sx.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * junctions * steps));
}
}  // namespace

BENCHMARK(BM_spinaptic_vortex<float>)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_spinaptic_vortex<double>)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_handwritten_loop)->Unit(benchmark::kMillisecond)->UseRealTime();
