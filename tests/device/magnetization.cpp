// Tests for spinaptic/device/magnetization.hpp: the thermovoltage of mtj<...> follows a simulated
// magnetic state, and the free-layer temperature is ambient plus the heating policy's dT.
#include <catch2/catch.hpp>

#include <spinaptic/device/magnetization.hpp>
#include <spinaptic/device/presets.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

TEST_CASE("mtj with an ensemble_state follows the macrospin state", "[magnetization]") {
  device::macrospin_parameters p{units::as<units::magnetic_field_strength>(8e5),
                                 units::as<units::magnetic_field_strength>(1e5), 0.01,
                                 units::as<units::volume>(1e-23)};
  device::macrospin_ensemble<float> e(p, 2, 1);
  e.set_magnetization(1, -1.0, 0.0, 0.0);
  using state = device::ensemble_state<device::macrospin_ensemble<float>>;
  using junction = device::mtj<preset::response_type, device::tmr_resistance, device::laser_heating, state>;
  const junction j0{preset::response(), preset::resistance(), preset::heating(), preset::thermal(), state{&e, 0}};
  const junction j1{preset::response(), preset::resistance(), preset::heating(), preset::thermal(), state{&e, 1}};
  CHECK(units::in_si(j0.thermovoltage(150.0_mW, 3.0_mA)) ==
        Approx(units::in_si(preset::junction(device::parallel).thermovoltage(150.0_mW, 3.0_mA))));
  CHECK(units::in_si(j1.thermovoltage(150.0_mW, 3.0_mA)) ==
        Approx(units::in_si(preset::junction(device::antiparallel).thermovoltage(150.0_mW, 3.0_mA))));
}

TEST_CASE("free-layer temperature is ambient plus zeta P + R_J I^2 R", "[magnetization]") {
  const auto t = device::free_layer_temperature(preset::heating(), 300.0_K, 150.0_mW, 3.0_mA, 40.0_Ohm);
  // zeta = 10 K/W, R_J = 1000 K/W: 300 + 1.5 + 1000 * 9e-6 * 40 = 301.86 K
  CHECK(units::in_si(t) == Approx(301.86).epsilon(1e-12));
}
