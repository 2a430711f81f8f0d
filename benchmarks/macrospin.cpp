// Throughput of the stochastic macrospin (junction-steps per second), spinaptic's ensemble against
// a hand-written C-style loop doing the same stochastic Heun step with the same noise generator.
//   build/release/benchmarks/bench_macrospin --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include <spinaptic/detail/random.hpp>
#include <spinaptic/device/macrospin.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

namespace {
constexpr std::size_t junctions = 10000;
constexpr std::size_t steps = 200;

device::macrospin_parameters params() {
  device::macrospin_parameters p{units::as<units::magnetic_field_strength>(8e5),
                                 units::as<units::magnetic_field_strength>(1e5), 0.02,
                                 units::as<units::volume>(7.85e-24)};
  p.demag = {0.018, 0.050, 0.932};
  return p;
}

template <class Real>
void BM_spinaptic_macrospin(benchmark::State& state) {
  device::macrospin_ensemble<Real> e(params(), junctions, 42);
  e.set_temperature_all(300.0_K);
  e.set_current_all(units::as<units::current>(0.3e-3));
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    e.advance(1e-12 * units::second, steps, threads);
    benchmark::DoNotOptimize(e.mx().data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * junctions * steps));
}

// Hand-written baseline: plain arrays, one junction at a time, the same noise drawn inline (the
// obvious loop a user would write; it does not vectorise because of the ziggurat branches), float.
void BM_handwritten_loop(benchmark::State& state) {
  const float g = 1.76085963e11f * 1.25663706e-6f / (1.0f + 0.02f * 0.02f), alpha = 0.02f, dt = 1e-12f;
  const float hk = 1e5f, ms = 8e5f, nx = 0.018f, ny = 0.05f, nz = 0.932f;
  const float aj = 1.0f, sig = 0.05f;  // representative STT and thermal-field coefficients
  std::vector<float> mx(junctions, 1.0f), my(junctions, 0.0f), mz(junctions, 0.0f);
  const auto& z = spinaptic::detail::ziggurat_tables::get();
  std::uint64_t n = 0;
  for (auto _ : state) {
    for (std::size_t s = 0; s < steps; ++s, ++n) {
      const std::uint64_t key = spinaptic::detail::step_key(42, n);
      for (std::size_t j = 0; j < junctions; ++j) {
        spinaptic::detail::counter_rng r(key, std::uint64_t(j) << 8);
        const float s0 = sig / std::sqrt(dt);
        const float bx = s0 * float(spinaptic::detail::standard_normal(r, z));
        const float by = s0 * float(spinaptic::detail::standard_normal(r, z));
        const float bz = s0 * float(spinaptic::detail::standard_normal(r, z));
        float f[2][3];
        float m[3] = {mx[j], my[j], mz[j]};
        float q[3] = {m[0], m[1], m[2]};
        for (int k = 0; k < 2; ++k) {
          const float ex = bx + hk * q[0] - ms * nx * q[0], ey = by - ms * ny * q[1], ez = bz - ms * nz * q[2];
          const float px = ex - alpha * aj, py = ey, pz = ez;
          const float dx = alpha * ex + aj, dy = alpha * ey, dz = alpha * ez;
          const float md = q[0] * dx + q[1] * dy + q[2] * dz, mm = q[0] * q[0] + q[1] * q[1] + q[2] * q[2];
          f[k][0] = -g * ((q[1] * pz - q[2] * py) + q[0] * md - dx * mm);
          f[k][1] = -g * ((q[2] * px - q[0] * pz) + q[1] * md - dy * mm);
          f[k][2] = -g * ((q[0] * py - q[1] * px) + q[2] * md - dz * mm);
          for (int c = 0; c < 3; ++c) q[c] = m[c] + dt * f[0][c];
        }
        for (int c = 0; c < 3; ++c) m[c] += 0.5f * dt * (f[0][c] + f[1][c]);
        const float inv = 1.0f / std::sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2]);
        mx[j] = m[0] * inv;
        my[j] = m[1] * inv;
        mz[j] = m[2] * inv;
      }
    }
    benchmark::DoNotOptimize(mx.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * junctions * steps));
}
}  // namespace

BENCHMARK(BM_spinaptic_macrospin<float>)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_spinaptic_macrospin<double>)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_handwritten_loop)->Unit(benchmark::kMillisecond)->UseRealTime();
