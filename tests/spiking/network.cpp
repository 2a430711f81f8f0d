// Spiking topologies and the driver (network/spiking/*.hpp): the same seed gives the same spike
// trains for any thread count; Poisson statistics; delays; connection counts; lateral inhibition;
// monitors; size errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <vector>

#include "spinaptic/network/spiking/dense_projection.hpp"
#include "spinaptic/network/spiking/poisson_group.hpp"
#include "spinaptic/network/spiking/simulation.hpp"
#include "spinaptic/network/spiking/sparse_projection.hpp"
#include "spinaptic/network/spiking/vogels_abbott.hpp"
#include "spinaptic/neuron/literals.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace ss = spinaptic::network::spiking;

namespace {
/// COBA with 1000 neurons for 200 ms on `threads` threads; returns (steps, indices) of all spikes.
std::pair<std::vector<std::uint64_t>, std::vector<std::uint32_t>> coba_spikes(std::size_t threads, std::uint64_t seed) {
  ss::vogels_abbott_settings s;
  s.neurons = 1000;
  s.run.seed = seed;
  s.run.threads = threads;
  s.run.block = 96;  // several blocks per thread
  auto net = ss::make_coba(s);
  auto& mon = net.record_spikes<0>();
  net.run(200.0_ms);
  return {mon.steps(), mon.indices()};
}
}  // namespace

TEST_CASE("the same seed gives identical COBA spike trains on 1, 2 and 3 threads; another seed differs") {
  const auto one = coba_spikes(1, 7);
  REQUIRE(one.second.size() > 1000);  // the network is active
  const auto two = coba_spikes(2, 7);
  const auto three = coba_spikes(3, 7);
  CHECK(one.first == two.first);
  CHECK(one.second == two.second);
  CHECK(one.first == three.first);
  CHECK(one.second == three.second);
  const auto other = coba_spikes(1, 8);
  CHECK(other.second != one.second);
}

TEST_CASE("Poisson sources fire at their rate with exponential intervals (CV = 1)") {
  // 2000 sources at 20 Hz for 1 s with dt = 0.1 ms: the total count is Binomial(2000 * 1e4, 2e-3)
  ss::poisson_group g(2000);
  g.set_rate_all(20.0_Hz);
  ss::simulation<std::tuple<ss::poisson_group>> sim({.dt = 0.1_ms, .seed = 3}, std::tuple{g});
  auto& mon = sim.record_spikes<0>();
  sim.run(1.0_s);
  const double n = 2000.0 * 1e4, p = 2e-3;
  CHECK(std::abs(static_cast<double>(mon.size()) - n * p) < 4.0 * std::sqrt(n * p * (1 - p)));
  CHECK(units::in_si(mon.mean_rate(0.0_s, 1.0_s)) == Approx(20.0).margin(4.0 * std::sqrt(n * p) / 2000.0));
  // a Bernoulli process on a grid has geometric intervals, CV = sqrt(1 - p); at 200 Hz each
  // source gives ~200 intervals, so the per-source estimates are nearly unbiased
  ss::poisson_group fast(200);
  fast.set_rate_all(200.0_Hz);
  ss::simulation<std::tuple<ss::poisson_group>> sim2({.dt = 0.1_ms, .seed = 4}, std::tuple{fast});
  auto& mon2 = sim2.record_spikes<0>();
  sim2.run(1.0_s);
  CHECK(mon2.mean_isi_cv() == Approx(std::sqrt(1 - 0.02)).margin(0.02));
}

TEST_CASE("a dense projection's input arrives exactly its delay later") {
  ss::dense_projection p(3, 4, 0, 2.5e-9, 1.5_ms);
  p.prepare(1e-4);  // delay 15 steps
  std::vector<double> target(4, 0.0);
  const std::vector<std::uint32_t> spike{1}, none{};
  p.deliver(spike, 0, target.data());
  for (std::uint64_t s = 1; s < 15; ++s) {
    p.deliver(none, s, target.data());
    REQUIRE(target[0] == 0.0);
  }
  p.deliver(none, 15, target.data());
  CHECK(target == std::vector<double>(4, 2.5e-9));
}

TEST_CASE("fixed-probability projections: binomial synapse count, no autapses when asked, delays in range") {
  ss::sparse_connectivity c;
  c.sources = c.targets = 1000;
  c.probability = 0.05;
  c.autapses = false;
  c.min_delay = 1.0_ms;
  c.max_delay = 3.0_ms;
  ss::sparse_projection p(c, 1e-9);
  const double n = 1000.0 * 999.0;
  CHECK(std::abs(static_cast<double>(p.synapse_count()) - n * 0.05) < 4.0 * std::sqrt(n * 0.05 * 0.95));
  for (std::size_t i = 0; i < 1000; ++i)
    for (auto j : p.targets_of(i)) REQUIRE(j != i);
  // every spike eventually arrives, none before 1 ms, all by 3 ms
  p.prepare(1e-4);
  std::vector<double> target(1000, 0.0);
  const std::vector<std::uint32_t> spike{0}, none{};
  p.deliver(spike, 0, target.data());
  double early = 0.0;
  for (std::uint64_t s = 1; s <= 30; ++s) {
    if (s == 10) for (double x : target) early += x;
    p.deliver(none, s, target.data());
  }
  double total = 0.0;
  for (double x : target) total += x;
  CHECK(early == 0.0);
  CHECK(total == Approx(1e-9 * static_cast<double>(p.targets_of(0).size())));
}

TEST_CASE("lateral inhibition reaches every neuron but the one that fired") {
  ss::lateral_inhibition p(5, 1, 3.0);  // raw SI weight (3 S: a round number for the sums below)
  std::vector<double> t(5, 0.0);
  const std::vector<std::uint32_t> spikes{1, 3};
  p.deliver(spikes, 0, t.data());
  CHECK(t == std::vector<double>{6.0, 3.0, 6.0, 3.0, 6.0});
}

TEST_CASE("a state monitor samples V; a mismatched projection is a size error") {
  ss::poisson_group in(10);
  in.set_rate_all(100.0_Hz);
  neuron::lif_parameters m{10.0_ms, -70.0_mV, -50.0_mV, -70.0_mV, 1.0_ms};
  neuron::lif_current_based<> out(m, {100.0_MOhm, {2.0_ms, 5.0_ms}}, 3);
  using sim_t = ss::simulation<std::tuple<ss::poisson_group, neuron::lif_current_based<>>,
                               ss::link<0, 1, ss::dense_projection>>;
  sim_t sim({.dt = 0.1_ms}, std::tuple{in, out}, ss::link<0, 1, ss::dense_projection>{ss::dense_projection(10, 3, 0, 50.0_pA)});
  auto& v = sim.record_state<1>(0, {0, 2}, 10);
  sim.run(100.0_ms);
  REQUIRE(v.samples() == 100);
  CHECK(v.value(0, 0) <= -0.0699);
  double top = -1.0;
  for (std::size_t r = 0; r < v.samples(); ++r) top = std::max(top, v.value(r, 1));
  CHECK(top > -0.0699);  // inputs arrived
  CHECK_THROWS_AS(sim_t({.dt = 0.1_ms}, std::tuple{in, out}, ss::link<0, 1, ss::dense_projection>{ss::dense_projection(10, 4, 0, 1.0)}),
                  size_mismatch);
}

TEST_CASE("per-synapse delays of a dense projection lie in their range and deliver every weight once") {
  ss::dense_projection p(2, 500, 0, 1.0e-9);
  p.set_delays_uniform(1.0_ms, 3.0_ms, 9);
  p.prepare(1e-4);  // 10 .. 30 steps
  std::vector<double> target(500, 0.0);
  const std::vector<std::uint32_t> spike{1}, none{};
  p.deliver(spike, 0, target.data());
  std::vector<int> arrival(500, -1);
  for (std::uint64_t s = 1; s <= 40; ++s) {
    p.deliver(none, s, target.data());
    for (std::size_t j = 0; j < 500; ++j)
      if (arrival[j] < 0 && target[j] > 0.0) arrival[j] = static_cast<int>(s);
  }
  int lo = 100, hi = -1;
  for (std::size_t j = 0; j < 500; ++j) {
    REQUIRE(target[j] == 1.0e-9);
    lo = std::min(lo, arrival[j]);
    hi = std::max(hi, arrival[j]);
  }
  CHECK(lo == 10);  // with 500 draws over 21 delays, both ends occur
  CHECK(hi == 30);
}
