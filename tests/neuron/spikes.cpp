// Tests for spinaptic/neuron/spikes.hpp: threshold detection on known traces, and the spontaneous
// spike rate of a Neel-Brown junction near threshold against the two-state Markov chain.
#include <catch2/catch.hpp>

#include <cmath>

#include <spinaptic/neuron/spikes.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
namespace c = spinaptic::detail::constants;

TEST_CASE("threshold crossings are found, interpolated, and thinned by the refractory time", "[spikes]") {
  xt::xtensor<double, 1> t = {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0};
  xt::xtensor<double, 1> v = {0.0, 2.0, 0.0, 0.0, 4.0, 0.0, 2.0, 0.0};
  const neuron::threshold_detector all{1.0_V};
  const auto s = all.detect(t, v);
  REQUIRE(s.size() == 3);
  CHECK(s.times[0] == Approx(0.5));
  CHECK(s.times[1] == Approx(3.25));
  CHECK(s.times[2] == Approx(5.5));
  CHECK(units::in_si(s.rate()) == Approx(3.0 / 7.0));
  const neuron::threshold_detector refractory{1.0_V, 2.5_s};
  const auto r = refractory.detect(t, v);
  REQUIRE(r.size() == 2);  // 5.5 is within 2.5 s of 3.25
  CHECK(r.times[1] == Approx(3.25));
  xt::xtensor<double, 1> short_v = {0.0, 1.0};
  CHECK_THROWS_AS(all.detect(t, short_v), size_mismatch);
}

TEST_CASE("spontaneous spiking near threshold has the rate of the two-state chain", "[spikes]") {
  // E_b = 5 k_B T, field 0.3 H_K towards P: tau_P = 1 ns e^{5 * 1.3^2} = 4.7 us,
  // tau_AP = 1 ns e^{5 * 0.7^2} = 11.6 ns: brief AP excursions are spikes.
  device::neel_brown_parameters p{units::as<units::energy>(5.0 * c::boltzmann * 300.0), 1.0_ns, 1.0_mA,
                                  units::as<units::magnetic_field_strength>(1e4)};
  device::neel_brown_ensemble e(p, 1, 31);
  e.set_temperature_all(300.0_K);
  e.set_field_all(units::as<units::magnetic_field_strength>(0.3e4));
  const double dt = 2e-9;
  const std::size_t steps = 1000000;  // 2 ms
  const auto tr = neuron::spontaneous_trace(e, 0, 1.0_mV, 3.0_mV, units::as<units::time>(dt), steps);
  const auto spikes = neuron::threshold_detector{2.0_mV}.detect(tr.time, tr.voltage);
  // Expected upward crossings of the sampled chain: (steps - 1) pi_P P(P -> AP in dt), with the
  // exact propagator P(P -> AP) = r_P/(r_P + r_AP) (1 - e^{-(r_P + r_AP) dt}).
  const double r_p = 1e9 * std::exp(-5.0 * 1.69), r_ap = 1e9 * std::exp(-5.0 * 0.49);
  const double pi_p = r_ap / (r_p + r_ap);
  const double expected = double(steps - 1) * pi_p * r_p / (r_p + r_ap) * (1.0 - std::exp(-(r_p + r_ap) * dt));
  INFO("spikes " << spikes.size() << ", expected " << expected);
  CHECK(std::abs(double(spikes.size()) - expected) < 3.0 * std::sqrt(expected));
  // and the continuous-time rate 1/(tau_P + tau_AP) within 20 % (excursions shorter than dt hide)
  CHECK(units::in_si(spikes.rate()) == Approx(1.0 / (1.0 / r_p + 1.0 / r_ap)).epsilon(0.2));
}
