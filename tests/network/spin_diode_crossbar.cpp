// Tests for spinaptic/network/spin_diode_crossbar.hpp: the junction weight is the device's
// spin-diode voltage (vortex_spin_diode through the analog resistance), the column sums are
// series sums, the gradient is the derivative of the forward pass, and the library's trainer
// learns a separable problem with it unchanged.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include <spinaptic/device/vortex_spin_diode.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/spin_diode_crossbar.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

namespace {
network::spin_diode_crossbar_parameters params() {
  device::vortex_parameters disk{units::as<units::length>(400e-9), units::as<units::length>(9.0e-9),
                                 units::as<units::magnetic_field_strength>(8.75e5)};
  return {disk, 300.0_K, units::as<units::resistance>(20.0), units::as<units::resistance>(40.0),
          units::as<units::power>(10e-6), units::as<units::frequency>(0.0), units::as<units::frequency>(3e6)};
}
}  // namespace

TEST_CASE("the weight is the junction's spin-diode voltage at the shifted resonance", "[spin_diode][crossbar]") {
  const auto p = params();
  const network::spin_diode_weight w(p);
  const device::vortex_spin_diode sd(p.disk, p.temperature, 0.0_mA);
  // R_0 = 1/G(0) = 2 R_P R_AP / (R_P + R_AP) = 26.67 ohm; I_rf^2 = 2 P / R_0
  const auto irf = units::as<units::current>(std::sqrt(2.0 * 10e-6 / (2.0 * 20.0 * 40.0 / 60.0)));
  for (double x : {-1.0, -0.3, 0.0, 0.5, 1.0}) {
    // a shift delta of the resonance is the same detuning as the drive moved by -delta
    const double f = units::in_si(sd.resonance_frequency()) - x * 3e6;
    const auto prod = sd.lorentzian(irf, units::as<units::frequency>(f));
    const double v = units::in_si(device::spin_diode_voltage(p.parallel_resistance, p.antiparallel_resistance, prod));
    CHECK(w.volts(x) == Approx(v).epsilon(1e-9));
  }
  // +-3 MHz lies inside the half-width: the weight is monotonic, so its full scale is at an end
  REQUIRE(sd.half_width() > 2.0 * std::numbers::pi * 3e6);
  CHECK(units::in_si(w.full_scale()) == Approx(std::max(std::abs(w.volts(-1.0)), std::abs(w.volts(1.0)))).epsilon(1e-6));
  CHECK(w.normalized(-1.0) * w.normalized(1.0) < 0.0);  // signed weights from one device
}

TEST_CASE("forward is the series sum, backward its transpose, the gradient its derivative", "[spin_diode][crossbar]") {
  network::spin_diode_crossbar c(3, 2, params());
  std::mt19937_64 e(4);
  c.initialize(e);
  network::spin_diode_kernels k;
  k.prepare(c);
  const std::vector<double> p{0.2, 0.0, 0.9};
  std::vector<double> out(2), acc(k.accumulator_size(), 0.0), din(3);
  k.forward({p.data(), 3}, out.data(), nullptr);
  const auto& x = c.shifts();
  for (std::size_t l = 0; l < 2; ++l) {
    double u = 0.0;
    for (std::size_t j = 0; j < 3; ++j) u += p[j] * c.weight().normalized(x[j * 2 + l]);
    CHECK(out[l] == Approx(u).epsilon(1e-14));
  }
  const std::vector<double> delta{0.7, -1.3};
  k.backward({p.data(), 3}, nullptr, delta.data(), din.data(), acc.data());
  for (std::size_t j = 0; j < 3; ++j)
    CHECK(din[j] == Approx(c.weight().normalized(x[j * 2]) * 0.7 - c.weight().normalized(x[j * 2 + 1]) * 1.3));
  // d/dx_d of sum_l delta_l u_l by central differences
  for (std::size_t d = 0; d < 6; ++d) {
    const double g = k.gradient_and_clear<0>(acc.data(), d);
    CHECK(acc[d] == 0.0);
    auto objective = [&](double xd) {
      network::spin_diode_crossbar c2 = c;
      c2.parameters<0>().values[d] = xd;
      network::spin_diode_kernels k2;
      k2.prepare(c2);
      std::vector<double> o(2);
      k2.forward({p.data(), 3}, o.data(), nullptr);
      return delta[0] * o[0] + delta[1] * o[1];
    };
    const double h = 1e-6, fd = (objective(x[d] + h) - objective(x[d] - h)) / (2.0 * h);
    CHECK(g == Approx(fd).epsilon(1e-6).margin(1e-9));
  }
}

TEST_CASE("the unchanged trainer learns a separable two-class problem with it", "[spin_diode][crossbar]") {
  // class 0 lights rows 0-3, class 1 rows 4-7 (with noise)
  std::mt19937_64 e(7);
  std::uniform_real_distribution<double> u(0.0, 0.3);
  const std::size_t n = 200;
  xt::xtensor<double, 2> drives({n, 8});
  std::vector<std::uint8_t> labels(n);
  for (std::size_t i = 0; i < n; ++i) {
    labels[i] = std::uint8_t(i % 2);
    for (std::size_t j = 0; j < 8; ++j) drives(i, j) = u(e) + ((j < 4) == (labels[i] == 0) ? 0.7 : 0.0);
  }
  const learning::data_set data(drives, labels);
  network::spin_diode_crossbar c(8, 2, params());
  c.initialize(e);
  learning::trainer trainer(c, learning::sgd{.learning_rate = 0.05}, {.output_scale = 50.0, .batch_size = 16});
  for (int epoch = 0; epoch < 30; ++epoch) (void)trainer.train_epoch(data, e);
  CHECK(trainer.evaluate(data, e).accuracy == 1.0);
  for (double x : c.shifts()) {
    CHECK(x >= -1.0);
    CHECK(x <= 1.0);
  }
}

TEST_CASE("bad crossbar parameters are refused with their names", "[spin_diode][crossbar]") {
  auto p = params();
  p.max_rf_power = units::as<units::power>(0.0);
  CHECK_THROWS_WITH(network::spin_diode_crossbar(2, 2, p), Catch::Matchers::Contains("max RF power"));
  p = params();
  p.parallel_resistance = units::as<units::resistance>(-1.0);
  CHECK_THROWS_WITH(network::spin_diode_crossbar(2, 2, p), Catch::Matchers::Contains("R_P"));
  CHECK_THROWS_AS(network::spin_diode_crossbar(0, 2, params()), spinaptic::invalid_parameter);
}
