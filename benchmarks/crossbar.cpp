// Benchmark: one training step's forward + gradient over the crossbar (column sums, softmax
// cross-entropy, back-propagation to the bias currents) for the paper's 64 x 10 chip and a
// 784 x 10 MNIST chip, batch 32, spinaptic's crossbar beside a hand-written C loop of the same
// math (per-junction polynomial, no factorisation). The ratio is the number we watch.
// spinaptic_fused is what the trainer runs without read noise (lit rows only, forward, softmax
// and backward in groups of 4 samples); spinaptic_lit the batch-wise lit kernels; spinaptic_dense
// the dense ones.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <tuple>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/learning/initialisation.hpp>
#include <spinaptic/learning/softmax_cross_entropy.hpp>
#include <spinaptic/network/crossbar.hpp>

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
constexpr std::size_t batch = 32, outputs = 10;
constexpr double beta = 200.0;

/// Random drives with the dark-pixel fraction of the real data (measured on the fetched files:
/// 48.9 % of the 8x8 digit pixels and 80.7 % of the MNIST pixels are 0), random currents.
struct workload {
  std::vector<double> drives, currents;
  std::vector<std::uint8_t> labels;
  workload(std::size_t inputs) : drives(batch * inputs), currents(inputs * outputs), labels(batch) {
    std::mt19937_64 engine(1);
    std::uniform_real_distribution<double> p(0.0, 1.0), x(-1.0, 1.0);
    std::bernoulli_distribution dark(inputs == 64 ? 0.489 : 0.807);
    for (double& d : drives) d = dark(engine) ? 0.0 : p(engine);
    for (double& c : currents) c = x(engine);
    for (std::size_t b = 0; b < batch; ++b) labels[b] = static_cast<std::uint8_t>(b % outputs);
  }
};

/// spinaptic's step. Lit = true is what the trainer runs: the data set's lit rows indexed once,
/// each batch gathered as ranges, then the sparse kernels (dark rows skipped). Lit = false: the
/// dense kernels (used for responses that are not polynomials).
template <std::size_t Inputs, bool Lit>
void spinaptic_step(benchmark::State& state) {
  workload w(Inputs);
  network::crossbar<Inputs, outputs, preset::response_type> layer(preset::response());
  std::copy(w.currents.begin(), w.currents.end(), layer.normalized_currents().begin());
  const auto all = network::lit_rows::of(w.drives.data(), batch, Inputs);
  network::lit_rows lit;
  lit.reserve(batch, Inputs);
  std::vector<std::size_t> indices(batch);
  for (std::size_t b = 0; b < batch; ++b) indices[b] = (b * 7) % batch;  // a shuffled batch
  std::vector<double> u(batch * outputs), delta(batch * outputs), grad(Inputs * outputs), scratch(layer.lit_scratch_size());
  for (auto _ : state) {
    if constexpr (Lit) lit.gather(all, indices.data(), batch);
    layer.prepare();
    if constexpr (Lit) layer.forward_lit(lit, 0, batch, u.data());
    else layer.forward_prepared(w.drives.data(), batch, u.data());
    double loss = learning::softmax_cross_entropy(u.data(), w.labels.data(), batch, outputs, beta / Inputs, delta.data());
    if constexpr (Lit) {
      layer.backward_lit(lit, 0, batch, delta.data(), scratch.data(), grad.data());
    } else {
      std::fill(grad.begin(), grad.end(), 0.0);
      layer.backward_prepared(w.drives.data(), delta.data(), batch, grad.data());
    }
    benchmark::DoNotOptimize(loss);
    benchmark::DoNotOptimize(grad.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * batch);
}

/// What the trainer runs without read noise: the lit rows read in place from the data set's
/// index; in groups of 4 samples, forward (in pairs), softmax and backward; then the G' pass.
template <std::size_t Inputs>
void spinaptic_fused_step(benchmark::State& state) {
  workload w(Inputs);
  network::crossbar<Inputs, outputs, preset::response_type> layer(preset::response());
  std::copy(w.currents.begin(), w.currents.end(), layer.normalized_currents().begin());
  const auto all = network::lit_rows::of(w.drives.data(), batch, Inputs);
  std::vector<std::size_t> indices(batch);
  for (std::size_t b = 0; b < batch; ++b) indices[b] = (b * 7) % batch;  // a shuffled batch
  std::vector<double> u(batch * outputs), delta(batch * outputs), grad(Inputs * outputs), scratch(layer.lit_scratch_size());
  for (auto _ : state) {
    layer.prepare();
    std::fill(grad.begin(), grad.end(), 0.0);
    learning::loss_sum loss;
    for (std::size_t first = 0; first < batch; first += 4) {  // as the trainer: groups of 4 (batch is a multiple)
      auto entries = [&](std::size_t b) {
        const std::size_t e = all.start[indices[b]];
        return std::tuple(all.row.data() + e, all.drive.data() + e, all.start[indices[b] + 1] - e);
      };
      for (std::size_t b = first; b < first + 4; b += 2) {  // forward passes in pairs
        const auto [rows_a, p_a, count_a] = entries(b);
        const auto [rows_b, p_b, count_b] = entries(b + 1);
        layer.lit_column_sums_pair(rows_a, p_a, count_a, u.data() + b * outputs, rows_b, p_b, count_b,
                                   u.data() + (b + 1) * outputs);
      }
      for (std::size_t b = first; b < first + 4; ++b)
        loss.add(learning::softmax_cross_entropy_sample<outputs>(u.data() + b * outputs, w.labels[indices[b]], outputs,
                                                                 beta / Inputs, delta.data() + b * outputs));
      for (std::size_t b = first; b < first + 4; ++b) {
        const auto [rows, p, count] = entries(b);
        layer.accumulate_lit(rows, p, count, delta.data() + b * outputs, grad.data(), scratch.data());
      }
    }
    layer.lit_gradient(grad.data(), scratch.data());
    double l = loss.value();
    benchmark::DoNotOptimize(l);
    benchmark::DoNotOptimize(grad.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * batch);
}

/// The same step written directly: v = p (c0 + c1 x + c2 x^2 + c3 x^3), dv/dx = p (c1 + 2 c2 x + 3 c3 x^2).
template <std::size_t Inputs>
void c_loop_step(benchmark::State& state) {
  workload w(Inputs);
  const double c0 = 0.0, c1 = 0.4, c2 = 0.1, c3 = 0.5, s = beta / Inputs;
  std::vector<double> u(batch * outputs), delta(batch * outputs), grad(Inputs * outputs);
  const double* p = w.drives.data();
  const double* x = w.currents.data();
  for (auto _ : state) {
    for (std::size_t b = 0; b < batch; ++b) {
      double* ub = &u[b * outputs];
      for (std::size_t l = 0; l < outputs; ++l) ub[l] = 0.0;
      for (std::size_t j = 0; j < Inputs; ++j)
        for (std::size_t l = 0; l < outputs; ++l) {
          const double xv = x[j * outputs + l];
          ub[l] += p[b * Inputs + j] * (c0 + xv * (c1 + xv * (c2 + xv * c3)));
        }
    }
    double loss = 0.0;
    for (std::size_t b = 0; b < batch; ++b) {
      double m = u[b * outputs], z = 0.0;
      for (std::size_t l = 1; l < outputs; ++l) m = std::fmax(m, u[b * outputs + l]);
      for (std::size_t l = 0; l < outputs; ++l) z += (delta[b * outputs + l] = std::exp(s * (u[b * outputs + l] - m)));
      loss += std::log(z) - s * (u[b * outputs + w.labels[b]] - m);
      for (std::size_t l = 0; l < outputs; ++l)
        delta[b * outputs + l] = s * (delta[b * outputs + l] / z - (l == w.labels[b] ? 1.0 : 0.0));
    }
    for (double& g : grad) g = 0.0;
    for (std::size_t b = 0; b < batch; ++b)
      for (std::size_t j = 0; j < Inputs; ++j)
        for (std::size_t l = 0; l < outputs; ++l) {
          const double xv = x[j * outputs + l];
          grad[j * outputs + l] += delta[b * outputs + l] * p[b * Inputs + j] * (c1 + xv * (2.0 * c2 + 3.0 * c3 * xv));
        }
    benchmark::DoNotOptimize(loss);
    benchmark::DoNotOptimize(grad.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
}  // namespace

BENCHMARK(spinaptic_step<64, true>)->Name("train_step/64x10/spinaptic_lit");
BENCHMARK(spinaptic_fused_step<64>)->Name("train_step/64x10/spinaptic_fused");
BENCHMARK(spinaptic_step<64, false>)->Name("train_step/64x10/spinaptic_dense");
BENCHMARK(c_loop_step<64>)->Name("train_step/64x10/c_loop");
BENCHMARK(spinaptic_step<784, true>)->Name("train_step/784x10/spinaptic_lit");
BENCHMARK(spinaptic_fused_step<784>)->Name("train_step/784x10/spinaptic_fused");
BENCHMARK(spinaptic_step<784, false>)->Name("train_step/784x10/spinaptic_dense");
BENCHMARK(c_loop_step<784>)->Name("train_step/784x10/c_loop");
