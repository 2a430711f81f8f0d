// MTJ synapses (learning/plasticity/mtj_synapse.hpp): stochastic switching with the
// spike-timing-dependent probability p exp(-Delta t / tau) (binomial error), and multi-level read-out
// of parallel junctions through their thermovoltage (paper device, presets::hybrid_mgo_800nm).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

#include "spinaptic/device/presets.hpp"
#include "spinaptic/learning/plasticity/mtj_synapse.hpp"
#include "spinaptic/neuron/literals.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace lp = spinaptic::learning::plasticity;

namespace {
/// The paper device read at 150 mW and 3 mA: thermovoltages and resistances of P and AP.
lp::mtj_synapse_parameters paper_synapse(std::size_t k) {
  using preset = device::presets::hybrid_mgo_800nm;
  const auto response = preset::response();
  const auto resistance = preset::resistance();
  lp::mtj_synapse_parameters p;
  p.junctions = k;
  p.parallel_voltage = response.thermovoltage(device::magnetic_state::parallel, 150.0_mW, 3.0_mA);
  p.antiparallel_voltage = response.thermovoltage(device::magnetic_state::antiparallel, 150.0_mW, 3.0_mA);
  p.parallel_resistance = resistance.resistance(device::magnetic_state::parallel, 0.0_V);
  p.antiparallel_resistance = resistance.resistance(device::magnetic_state::antiparallel, 0.0_V);
  p.gain = 1e-7;  // 0.1 uS per volt
  p.potentiation_probability = 0.4;
  p.depression_probability = 0.3;
  return p;
}

/// Pre at step 0 and post at step `lag` (or the reverse), for one presynaptic and n postsynaptic
/// neurons; returns the mean number of AP junctions per synapse afterwards.
double pairing(lp::mtj_synapse rule, std::size_t n, std::size_t lag, bool pre_first, std::size_t start_ap) {
  rule.prepare(1e-4, 1, n);
  std::vector<double> w(n);
  rule.set_state_all(start_ap, w.data());
  for (std::size_t s = 0; s <= lag; ++s) {
    rule.decay();
    const bool pre = pre_first ? s == 0 : s == lag, post = pre_first ? s == lag : s == 0;
    if (pre) rule.on_pre(0, w.data(), n);
    if (post)
      for (std::size_t j = 0; j < n; ++j) rule.on_post(j, w.data(), 1, n);
  }
  double sum = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    sum += static_cast<double>(rule.state(0, j));
    REQUIRE(w[j] == rule.level(rule.state(0, j)));  // the weight is always the read-out of the state
  }
  return sum / static_cast<double>(n);
}
}  // namespace

TEST_CASE("a binary MTJ synapse switches to AP with probability p_plus exp(-Delta t / tau_plus)") {
  const std::size_t n = 5000;
  const double p = 0.4 * std::exp(-10.0 / 20.0);  // pre 10 ms before post
  const double measured = pairing(lp::mtj_synapse(paper_synapse(1)), n, 100, true, 0);
  CHECK(std::abs(measured - p) < 4.0 * std::sqrt(p * (1 - p) / double(n)));
  // and back to P with probability p_minus exp(-Delta t / tau_minus) when post leads
  const double q = 0.3 * std::exp(-5.0 / 20.0);
  const double left = pairing(lp::mtj_synapse(paper_synapse(1)), n, 50, false, 1);
  CHECK(std::abs((1.0 - left) - q) < 4.0 * std::sqrt(q * (1 - q) / double(n)));
}

TEST_CASE("a multi-level MTJ synapse switches each of its K junctions independently") {
  const std::size_t n = 3000;
  const double p = 0.4 * std::exp(-10.0 / 20.0);
  const double measured = pairing(lp::mtj_synapse(paper_synapse(4)), n, 100, true, 0);  // binomial(4, p) per synapse
  CHECK(std::abs(measured - 4.0 * p) < 4.0 * std::sqrt(4.0 * p * (1 - p) / double(n)));
}

TEST_CASE("parallel junctions read out their Thevenin thermovoltage: equal steps for equal resistances, below them otherwise") {
  auto equal = paper_synapse(4);
  equal.antiparallel_resistance = equal.parallel_resistance;
  const lp::mtj_synapse flat(equal), paper(paper_synapse(4));
  const double vp = 1e-7 * units::in_si(equal.parallel_voltage), vap = 1e-7 * units::in_si(equal.antiparallel_voltage);
  CHECK(paper.level(0) == Approx(vp));
  CHECK(paper.level(4) == Approx(vap));
  for (std::size_t m = 0; m <= 4; ++m) CHECK(flat.level(m) == Approx(vp + (vap - vp) * double(m) / 4.0));
  // R_AP > R_P: the P junctions' voltage dominates, so every inner level lies closer to V_P
  REQUIRE(units::in_si(paper_synapse(4).antiparallel_resistance) > units::in_si(paper_synapse(4).parallel_resistance));
  for (std::size_t m = 1; m < 4; ++m) CHECK(std::abs(paper.level(m) - vp) < std::abs(flat.level(m) - vp));
  CHECK_THROWS_AS(lp::mtj_synapse([] { auto p = paper_synapse(1); p.potentiation_probability = 1.5; return p; }()),
                  invalid_parameter);
}

TEST_CASE("window rule: a post spike potentiates recently active inputs with p_plus and depresses the others with p_minus") {
  auto p = paper_synapse(1);
  p.window_rule = true;
  const std::size_t n = 4000;  // two presynaptic neurons, n postsynaptic
  std::vector<double> w(2 * n);
  // input 0 fired 50 ms before the post spikes (x = e^-2.5 < e^-1), input 1 5 ms before (x = e^-0.25)
  auto pair_and_count = [&](std::size_t start_ap, std::size_t input, std::size_t ap_after) {
    lp::mtj_synapse rule(p);
    rule.prepare(1e-4, 2, n);
    rule.set_state_all(start_ap, w.data());
    for (std::size_t s = 0; s <= 500; ++s) {
      rule.decay();
      if (s == 0) rule.on_pre(0, w.data(), n);
      if (s == 450) rule.on_pre(1, w.data() + n, n);
      if (s == 500)
        for (std::size_t j = 0; j < n; ++j) rule.on_post(j, w.data(), 2, n);
    }
    double count = 0.0;
    for (std::size_t j = 0; j < n; ++j) count += rule.state(input, j) == ap_after ? 1.0 : 0.0;
    return count / double(n);
  };
  CHECK(std::abs(pair_and_count(1, 0, 0) - 0.3) < 4.0 * std::sqrt(0.3 * 0.7 / double(n)));  // old input: P with p_minus
  CHECK(pair_and_count(1, 1, 1) == 1.0);                                                    // recent input in AP stays
  CHECK(std::abs(pair_and_count(0, 1, 1) - 0.4) < 4.0 * std::sqrt(0.4 * 0.6 / double(n)));  // recent input: AP with p_plus
  CHECK(pair_and_count(0, 0, 0) == 1.0);                                                    // old input in P stays
}
