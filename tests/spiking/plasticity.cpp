// Plasticity rules (learning/plasticity/*.hpp): the pair-STDP window reproduces its configured
// amplitudes and time constants; all-to-all and nearest-neighbour pairing differ as defined;
// triplet STDP potentiates more at higher pairing frequency (Pfister & Gerstner 2006, Fig. 5;
// Sjostrom et al. 2001); the Diehl & Cook rule needs a previous postsynaptic spike to potentiate;
// column normalisation.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

#include "spinaptic/learning/plasticity/diehl_cook.hpp"
#include "spinaptic/learning/plasticity/pair_stdp.hpp"
#include "spinaptic/learning/plasticity/triplet_stdp.hpp"
#include "spinaptic/neuron/literals.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace lp = spinaptic::learning::plasticity;

namespace {
constexpr double dt = 1e-4;

/// Runs one synapse (1 x 1) through a spike schedule (steps of pre and post spikes), in the order
/// the driver uses: traces decay, then presynaptic, then postsynaptic updates. Returns w.
template <class Rule>
double run_pair(Rule rule, double w0, const std::vector<std::size_t>& pre, const std::vector<std::size_t>& post,
                std::size_t steps) {
  rule.prepare(dt, 1, 1);
  double w = w0;
  for (std::size_t s = 0; s <= steps; ++s) {
    rule.decay();
    for (auto p : pre)
      if (p == s) rule.on_pre(0, &w, 1);
    for (auto p : post)
      if (p == s) rule.on_post(0, &w, 1, 1);
  }
  return w;
}

lp::pair_stdp_parameters<units::conductance> window(lp::pairing mode) {
  return {0.010_nS, 0.012_nS, 17.0_ms, 34.0_ms, 0.0_nS, 1.0_nS, mode};
}
}  // namespace

TEST_CASE("the pair-STDP window has the configured amplitudes and time constants") {
  // least-squares line through ln|Delta w| against |Delta t| on each side of the window
  for (const bool potentiation : {true, false}) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const std::vector<std::size_t> lags{20, 50, 100, 200, 400};  // 2 .. 40 ms
    for (auto k : lags) {
      const double dw = potentiation ? run_pair(lp::pair_stdp<>(window(lp::pairing::all_to_all)), 0.5e-9, {10}, {10 + k}, 10 + k)
                                     : run_pair(lp::pair_stdp<>(window(lp::pairing::all_to_all)), 0.5e-9, {10 + k}, {10}, 10 + k);
      REQUIRE((potentiation ? dw > 0.5e-9 : dw < 0.5e-9));
      const double x = static_cast<double>(k) * dt, y = std::log(std::abs(dw - 0.5e-9));
      sx += x; sy += y; sxx += x * x; sxy += x * y;
    }
    const double n = static_cast<double>(lags.size());
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx), icept = (sy - slope * sx) / n;
    INFO((potentiation ? "potentiation" : "depression"));
    CHECK(-1.0 / slope == Approx(potentiation ? 17e-3 : 34e-3).epsilon(1e-6));
    CHECK(std::exp(icept) == Approx(potentiation ? 0.010e-9 : 0.012e-9).epsilon(1e-6));
  }
}

TEST_CASE("all-to-all pairing sums every earlier presynaptic spike, nearest-neighbour only the last") {
  // pre at 0 and 10 ms, post at 20 ms
  const double all = run_pair(lp::pair_stdp<>(window(lp::pairing::all_to_all)), 0.5e-9, {0, 100}, {200}, 200);
  const double near = run_pair(lp::pair_stdp<>(window(lp::pairing::nearest_neighbour)), 0.5e-9, {0, 100}, {200}, 200);
  CHECK(all - 0.5e-9 == Approx(0.010e-9 * (std::exp(-20.0 / 17.0) + std::exp(-10.0 / 17.0))).epsilon(1e-9));
  CHECK(near - 0.5e-9 == Approx(0.010e-9 * std::exp(-10.0 / 17.0)).epsilon(1e-9));
  // weights stay within [w_min, w_max]
  const double capped = run_pair(lp::pair_stdp<>(window(lp::pairing::all_to_all)), 0.999e-9, {0}, {10}, 10);
  CHECK(capped == 1.0e-9);
}

TEST_CASE("triplet STDP: pairing at +10 ms potentiates more at higher frequency; -10 ms turns from depression to potentiation") {
  // 60 pre-post pairs at frequency f (Sjostrom et al. 2001 protocol, Pfister & Gerstner 2006 Fig. 5)
  auto pairing_at = [](double hz, double lag_ms) {
    const auto period = static_cast<std::size_t>(std::lround(1.0 / hz / dt));
    const auto lag = static_cast<std::size_t>(std::lround(std::abs(lag_ms) * 1e-3 / dt));
    std::vector<std::size_t> pre, post;
    for (std::size_t k = 0; k < 60; ++k) {
      const std::size_t t = 1000 + k * period;
      (lag_ms > 0 ? pre : post).push_back(t);
      (lag_ms > 0 ? post : pre).push_back(t + lag);
    }
    lp::triplet_stdp_parameters<> p;  // the paper's amplitudes; bounds wide enough not to clip
    p.max_weight = units::as<units::dimensionless>(100.0);
    return run_pair(lp::triplet_stdp<>(p), 0.5, pre, post, 1000 + 60 * period + lag) - 0.5;
  };
  const std::vector<double> f{1.0, 10.0, 20.0, 40.0, 50.0};
  std::vector<double> plus;
  for (double hz : f) plus.push_back(pairing_at(hz, 10.0));
  for (std::size_t k = 1; k < f.size(); ++k) {
    INFO(f[k - 1] << " Hz: " << plus[k - 1] << ", " << f[k] << " Hz: " << plus[k]);
    CHECK(plus[k] > plus[k - 1]);
  }
  CHECK(pairing_at(1.0, -10.0) < 0.0);
  CHECK(pairing_at(50.0, -10.0) > 0.0);
}

TEST_CASE("Diehl & Cook rule: a lone postsynaptic spike does not potentiate; the second one does, by nu_post x_pre x_post2") {
  const lp::diehl_cook_parameters<units::conductance> p{};
  // pre at 0, post at 5 ms: x_post2 was 0 -> no potentiation (only nothing to depress either)
  CHECK(run_pair(lp::diehl_cook_stdp<>(p), 0.5e-9, {0}, {50}, 50) == 0.5e-9);
  // pre at 0, posts at 5 and 15 ms: the second post potentiates by nu_post e^{-15/20} e^{-10/40}
  const double w = run_pair(lp::diehl_cook_stdp<>(p), 0.5e-9, {0}, {50, 150}, 150);
  CHECK(w - 0.5e-9 == Approx(1e-2 * 1e-9 * std::exp(-15.0 / 20.0) * std::exp(-10.0 / 40.0)).epsilon(1e-9));
  // a presynaptic spike 5 ms after a post spike depresses by nu_pre e^{-5/20}
  const double d = run_pair(lp::diehl_cook_stdp<>(p), 0.5e-9, {50}, {0}, 50);
  CHECK(0.5e-9 - d == Approx(1e-4 * 1e-9 * std::exp(-5.0 / 20.0)).epsilon(1e-9));
}

TEST_CASE("column normalisation makes every postsynaptic neuron's input weights sum to the total") {
  xt::xtensor<double, 2> w({3, 2}, 0.0);
  w(0, 0) = 1.0; w(1, 0) = 2.0; w(2, 0) = 5.0;
  lp::normalize_columns(w, 78.0);
  CHECK(w(0, 0) + w(1, 0) + w(2, 0) == Approx(78.0));
  CHECK(w(1, 0) / w(0, 0) == Approx(2.0));
  CHECK(w(0, 1) == 0.0);  // an all-zero column stays zero
  CHECK_THROWS_AS(lp::normalize_columns(w, -1.0), invalid_parameter);
}
