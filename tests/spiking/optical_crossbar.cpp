// The optically spiking crossbar (network/spiking/optical_crossbar.hpp) with the paper device:
// a pulse at P_max on a junction biased at I_max delivers the charge 23.35 mV tau_p / R_in
// (Oberbauer et al. 2025, Fig. 4d), split between steps as the thermal lag's integral says
// (checked by quadrature), the bias current signs the weight, and the energy counts pulses.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "spinaptic/device/presets.hpp"
#include "spinaptic/network/spiking/optical_crossbar.hpp"
#include "spinaptic/neuron/literals.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace ss = spinaptic::network::spiking;
using preset = device::presets::hybrid_mgo_800nm;

namespace {
ss::optical_spike_parameters slow_lag() {
  return {150.0_mW, 10.0_us, 30.0_us, units::as<units::resistance>(1e3), 5.0_ms, units::as<units::resistance>(39.8)};
}
}  // namespace

TEST_CASE("a laser pulse delivers V_AP(P_max, I_max) tau_p / R_in, split over two steps by the thermal lag") {
  ss::optical_crossbar_projection<preset::response_type> xbar(2, 3, preset::response(), slow_lag());
  xbar.set_bias_current(0, 0, 3.0_mA);
  xbar.set_bias_current(0, 1, -3.0_mA);
  xbar.set_bias_current(0, 2, 1.0_mA);
  const double dt = 100e-6;
  xbar.prepare(dt);
  // quadrature of the normalised thermal drive y(t) over the pulse's own step
  const double tp = 10e-6, tth = 30e-6;
  double in_step = 0.0;
  const int n = 200000;
  for (int k = 0; k < n; ++k) {
    const double t = (k + 0.5) * dt / n;
    in_step += (t < tp ? 1.0 - std::exp(-t / tth) : -std::expm1(-tp / tth) * std::exp(-(t - tp) / tth)) * dt / n;
  }
  CHECK(xbar.in_step_fraction() == Approx(in_step / tp).epsilon(1e-6));
  std::vector<double> target(3, 0.0);
  const std::vector<std::uint32_t> row0{0}, none{};
  xbar.deliver(row0, 0, target.data());
  const double first = target[0];
  xbar.deliver(none, 1, target.data());
  // charge / tau_syn: the paper's 23.35 mV corner at P_max = 150 mW, I_max = 3 mA
  CHECK(target[0] == Approx(23.35e-3 * tp / (1e3 * 5e-3)).epsilon(1e-9));
  CHECK(first / target[0] == Approx(in_step / tp).epsilon(1e-6));
  CHECK(target[1] < 0.0);                 // reversed bias: a negative weight
  CHECK(target[2] > 0.0);
  CHECK(target[2] < target[0]);           // smaller bias: a smaller weight
}

TEST_CASE("the optical crossbar's energy counts laser pulses and the gated Joule heat") {
  ss::optical_crossbar_projection<preset::response_type> xbar(2, 2, preset::response(), slow_lag());
  xbar.set_bias_current(1, 0, 2.0_mA);
  xbar.set_bias_current(1, 1, 1.0_mA);
  xbar.prepare(1e-4);
  std::vector<double> target(2, 0.0);
  const std::vector<std::uint32_t> both{0, 1};
  for (std::uint64_t s = 0; s < 5; ++s) xbar.deliver(both, s, target.data());
  CHECK(xbar.pulses() == 10);
  CHECK(units::in_si(xbar.laser_energy()) == Approx(10 * 0.150 * 10e-6));
  CHECK(units::in_si(xbar.joule_energy()) == Approx(5 * (10e-6 + 5 * 30e-6) * 39.8 * (4e-6 + 1e-6)));
  CHECK_THROWS_AS(xbar.set_bias_current(0, 0, 4.0_mA), invalid_parameter);  // beyond I_max = 3 mA
}
