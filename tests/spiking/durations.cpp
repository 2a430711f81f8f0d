// Durations that become step counts (detail/steps.hpp) and the indices a projection is given:
// round(t / dt) by its closed form, refusals by name for NaN, negative, infinite and too long
// durations (refractory period, synaptic delays, run length), 32-bit size limits of the
// projections, and out-of-range source indices in deliver(). Regression tests for issue 19,
// items 12-14 (before: unchecked float-to-integer conversions, an 800 GB delay buffer for a delay
// of 1e5 s, a heap-buffer-overflow for a bad source index), and a state monitor that refuses a run
// too long to record before allocating.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "spinaptic/detail/steps.hpp"
#include "spinaptic/network/spiking/dense_projection.hpp"
#include "spinaptic/network/spiking/poisson_group.hpp"
#include "spinaptic/network/spiking/simulation.hpp"
#include "spinaptic/network/spiking/sparse_projection.hpp"
#include "spinaptic/neuron/lif_current.hpp"
#include "spinaptic/neuron/literals.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace ss = spinaptic::network::spiking;
using Catch::Matchers::Contains;

namespace {
const double not_a_number = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("a duration is round(t / dt) whole steps, half away from zero, up to a stated limit") {
  CHECK(detail::duration_to_steps("t", 1.5e-3, 1e-4, 100) == 15);
  CHECK(detail::duration_to_steps("t", 0.0, 1e-4, 100) == 0);
  CHECK(detail::duration_to_steps("t", 0.25, 0.5, 100) == 1);  // 0.5 steps round up
  CHECK(detail::duration_to_steps("t", 0.24, 0.5, 100) == 0);
  CHECK(detail::duration_to_steps("t", 10.4, 1.0, 10) == 10);  // rounds to the limit itself
  CHECK_THROWS_WITH(detail::duration_to_steps("hold time [s]", 10.6, 1.0, 10),
                    Contains("'hold time [s]' = 10.6") && Contains("at most 10 steps"));
  for (const double bad : {not_a_number, inf, -inf, -1e-9})
    CHECK_THROWS_WITH(detail::duration_to_steps("hold time [s]", bad, 1.0, 10), Contains("'hold time [s]'"));
  CHECK_THROWS_WITH(detail::duration_to_steps("hold time [s]", 1.0, 0.0, 10), Contains("time step dt"));
  // t / dt overflows to inf for a finite t: refused, not converted
  CHECK_THROWS_AS(detail::duration_to_steps("t", 1e300, 1e-300, detail::max_exact_steps), invalid_parameter);
  // the limit is never above 2^53, where whole doubles stop being exact
  CHECK(detail::duration_to_steps("t", 9007199254740992.0, 1.0, std::numeric_limits<std::uint64_t>::max()) ==
        (std::uint64_t{1} << 53));
  CHECK_THROWS_AS(detail::duration_to_steps("t", 1.8e16, 1.0, std::numeric_limits<std::uint64_t>::max()),
                  invalid_parameter);
}

TEST_CASE("a refractory period of more than 2^32 - 2 steps is refused by name (the countdown is 32-bit)") {
  const double dt = 1e-4;
  const auto with_refractory = [](double t_ref) {
    return neuron::lif_parameters{20.0_ms, -70.0_mV, -50.0_mV, -65.0_mV, units::as<units::time>(t_ref)};
  };
  neuron::lif_current_based<> longest(with_refractory(4294967294.0 * dt), {100.0_MOhm, {5.0_ms, 10.0_ms}}, 1);
  CHECK_NOTHROW(longest.prepare(dt, 0));
  neuron::lif_current_based<> too_long(with_refractory(1e6), {100.0_MOhm, {5.0_ms, 10.0_ms}}, 1);  // 1e10 steps
  CHECK_THROWS_WITH(too_long.prepare(dt, 0), Contains("refractory period t_ref [s]") && Contains("4294967294 steps"));
  neuron::lif_current_based<> one_more(with_refractory(4294967295.0 * dt), {100.0_MOhm, {5.0_ms, 10.0_ms}}, 1);
  CHECK_THROWS_AS(one_more.prepare(dt, 0), invalid_parameter);
}

TEST_CASE("a delay of 1e5 s is refused by name before a buffer is allocated (2^27 doubles at most)") {
  // the ring holds (d + 1) n_target doubles: 2^27 / 4 - 1 steps for 4 targets
  CHECK(ss::delay_line::max_delay_steps(4) == (std::size_t{1} << 25) - 1);
  CHECK(ss::delay_line::max_delay_steps(1) == (std::size_t{1} << 27) - 1);
  ss::dense_projection one_delay(3, 4, 0, 1e-9, units::as<units::time>(1e5));  // 1e9 steps of 0.1 ms
  CHECK_THROWS_WITH(one_delay.prepare(1e-4), Contains("synaptic delay [s]") && Contains("100000"));
  ss::dense_projection spread(3, 4, 0, 1e-9);
  spread.set_delays_uniform(0.0_ms, units::as<units::time>(1e5), 1);
  CHECK_THROWS_WITH(spread.prepare(1e-4), Contains("delay"));
  ss::sparse_connectivity c{.sources = 10, .targets = 10, .probability = 0.5, .max_delay = units::as<units::time>(1e5)};
  ss::sparse_projection sparse(c, 1e-9);
  CHECK_THROWS_WITH(sparse.prepare(1e-4), Contains("maximum delay [s]") && Contains("100000"));
  // a delay that fits still delivers exactly d steps later (1.5 ms at 0.1 ms: step 15)
  ss::dense_projection fits(1, 2, 0, 2.0e-9, 1.5_ms);
  fits.prepare(1e-4);
  std::vector<double> target(2, 0.0);
  const std::vector<std::uint32_t> spike{0}, none{};
  fits.deliver(spike, 0, target.data());
  for (std::uint64_t s = 1; s < 15; ++s) fits.deliver(none, s, target.data());
  CHECK(target == std::vector<double>(2, 0.0));
  fits.deliver(none, 15, target.data());
  CHECK(target == std::vector<double>(2, 2.0e-9));
}

TEST_CASE("a run length that is NaN, infinite or beyond 2^53 steps is refused by name") {
  ss::poisson_group g(2);
  ss::simulation<std::tuple<ss::poisson_group>> sim({.dt = 0.1_ms}, std::tuple{g});
  for (const double bad : {not_a_number, inf, -1.0, 1e300})
    CHECK_THROWS_WITH(sim.run(units::as<units::time>(bad)), Contains("run duration [s]"));
  CHECK(sim.step_count() == 0);
  sim.run(1.0_ms);
  CHECK(sim.step_count() == 10);
}

TEST_CASE("projection sizes beyond 32-bit indices (2^33 targets) are refused by name") {
  const std::size_t huge = std::size_t{1} << 33;
  ss::sparse_connectivity c{.sources = 1, .targets = huge, .probability = 1e-9};
  CHECK_THROWS_WITH(ss::sparse_projection(c, 1e-9), Contains("projection targets") && Contains("8589934592"));
  c.targets = 1;
  c.sources = huge;
  CHECK_THROWS_WITH(ss::sparse_projection(c, 1e-9), Contains("projection sources"));
  // 2^20 x 2^20 pairs at p = 0.01: about 1.1e10 synapses, more than 32-bit row offsets hold
  ss::sparse_connectivity dense_enough{.sources = std::size_t{1} << 20, .targets = std::size_t{1} << 20, .probability = 0.01};
  CHECK_THROWS_WITH(ss::sparse_projection(dense_enough, 1e-9), Contains("expected synapse count"));
  CHECK_THROWS_WITH(ss::dense_projection(1, huge, 0, 1e-9), Contains("projection targets"));
  CHECK_THROWS_WITH(ss::dense_projection(huge, 1, 0, 1e-9), Contains("projection sources"));
}

TEST_CASE("deliver() refuses a source index outside [0, n_pre) and adds nothing") {
  const std::vector<std::uint32_t> bad{0, 3};
  std::vector<double> target(4, 0.0);
  const std::string message = "index 'source index' = 3 is out of range; allowed: [0, 2] (3 elements)";
  ss::dense_projection dense(3, 4, 0, 1e-9);
  dense.prepare(1e-4);
  CHECK_THROWS_WITH(dense.deliver(bad, 0, target.data()), Contains(message));
  ss::dense_projection delayed(3, 4, 0, 1e-9, 1.0_ms);
  delayed.prepare(1e-4);
  CHECK_THROWS_AS(delayed.deliver(bad, 0, target.data()), index_out_of_range);
  ss::sparse_projection sparse({.sources = 3, .targets = 4, .probability = 1.0}, 1e-9);
  sparse.prepare(1e-4);
  CHECK_THROWS_WITH(sparse.deliver(bad, 0, target.data()), Contains(message));
  ss::one_to_one_projection one(3, 0, 1e-9);
  CHECK_THROWS_AS(one.deliver(bad, 0, target.data()), index_out_of_range);
  ss::lateral_inhibition lateral(3, 0, 1e-9);
  CHECK_THROWS_AS(lateral.deliver(bad, 0, target.data()), index_out_of_range);
  CHECK(target == std::vector<double>(4, 0.0));
  const std::vector<std::uint32_t> good{2};
  dense.deliver(good, 0, target.data());
  CHECK(target == std::vector<double>(4, 1e-9));
}

TEST_CASE("a state monitor refuses a run too long to record, before allocating") {
  CHECK(ss::state_monitor::max_elements == std::size_t{1} << 36);
  neuron::lif_parameters m{10.0_ms, -70.0_mV, -50.0_mV, -70.0_mV, 1.0_ms};
  neuron::lif_current_based<> out(m, {100.0_MOhm, {2.0_ms, 5.0_ms}}, 2);
  ss::simulation<std::tuple<neuron::lif_current_based<>>> watched({.dt = 0.1_ms}, std::tuple{out});
  watched.record_state<0>(0, {0, 1});
  // 2^40 steps of 2 neurons: 2^41 samples, beyond 2^36 doubles
  CHECK_THROWS_WITH(watched.run_steps(std::uint64_t{1} << 40), Contains("state monitor samples x neurons"));
  CHECK(watched.step_count() == 0);
  watched.run_steps(10);
  CHECK(watched.step_count() == 10);
}
