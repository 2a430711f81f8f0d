// Tests for spinaptic/device/derived_response.hpp: the physics-derived lock-in response against
// closed forms of its limits (docs/physics.md section 5), its derivatives against central
// differences, its validity range, and the crossbar built on a junction moving by the factor the
// junction predicts when the junction's heating, resistance or Seebeck parameter changes.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <type_traits>
#include <vector>

#include "spinaptic/device/presets.hpp"
#include "spinaptic/network/crossbar.hpp"
#include "spinaptic/network/opto_electronic.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using physics = device::presets::physics_mgo_800nm;
using Catch::Matchers::Contains;

namespace {
constexpr double t0 = 295.0;

/// The series-network closed forms (derived by hand from the node equations, not from the code):
/// heat q_B = eta P R_top / (R_top + R_B + R_bottom) crosses the barrier;
/// dT_B = q_B R_B, mean electrode rise = q_B (R_B / 2 + R_bottom) (+ the sink rise r_s P, with the
/// half-space Gaussian-spot rise r_s = a_sub / (sqrt(2 pi) k w)).
struct laser_closed_form {
  double barrier_difference, mean_rise;
};
double sink_rise_per_watt() { return 0.34240 / (std::sqrt(2.0 * std::numbers::pi) * 150.0 * 3e-6); }
laser_closed_form laser_only(double p_watts, double eta_scale = 1.0) {
  const double a = std::numbers::pi * 400e-9 * 400e-9;
  const double kappa = 1.0 / (1.0 / 4.0 + 1.0 / (2.5e7 * 2e-9));
  const double rb = 2e-9 / (kappa * a), rt = 2.0e4, rbo = 1.0e4;
  const double eta = eta_scale * 0.3 * 2.0 * a / (std::numbers::pi * 3e-6 * 3e-6);
  const double qb = eta * p_watts * rt / (rt + rb + rbo);
  return {qb * rb, sink_rise_per_watt() * p_watts + qb * (rb / 2.0 + rbo)};
}

template <class Response>
double v_ac(const Response& r, device::magnetic_state s, double p, double i) {
  return units::in_si(r.thermovoltage(s, units::as<units::power>(p), units::as<units::current>(i)));
}

/// The preset junction with other resistance parameters.
physics::junction_type with_resistance(double ra_scale, double tmr0, double vh) {
  auto j = physics::junction();
  const auto base = physics::resistance();
  j.resistance_model = device::thermal_tmr_resistance(ra_scale * base.parallel_resistance, tmr0, units::as<units::voltage>(vh),
                                                      base.reference_temperature, base.parallel_coefficient,
                                                      base.tmr_coefficient, base.half_bias_coefficient);
  return j;
}
/// The preset junction with other Seebeck coefficients (S_P, S_AP at T0).
physics::junction_type with_seebeck(double s_p, double s_ap) {
  auto j = physics::junction();
  auto s = physics::seebeck();
  s.seebeck_parallel = units::as<units::seebeck_coefficient>(s_p);
  s.seebeck_antiparallel = units::as<units::seebeck_coefficient>(s_ap);
  j.response = physics::response_type(physics::response().scale(), s, device::kelvin_peltier{}, physics::ambient_temperature());
  return j;
}
}  // namespace

TEST_CASE("the barrier's thermal resistance follows from kappa_B, kappa_I, t and the pillar area", "[derived]") {
  // t / kappa = 1/kappa_I + t/kappa_B = 4.05e-8 m^2 K/W over pi (400 nm)^2 = 5.0265e-13 m^2.
  CHECK(units::in_si(physics::barrier_resistance()) == Approx(4.05e-8 / 5.0265482457e-13).epsilon(1e-9));
}

TEST_CASE("the laser's barrier temperature difference is the series-resistance closed form", "[derived][thermal]") {
  const auto h = physics::heating();
  for (double p : {0.01, 0.15}) {
    const auto expected = laser_only(p);
    CHECK(units::in_si(h.temperature_difference(units::as<units::power>(p), 0.0_mA, 20.0_Ohm)) ==
          Approx(expected.barrier_difference).epsilon(1e-12));
    CHECK(units::in_si(h.junction_temperature_rise(units::as<units::power>(p), 0.0_mA, 20.0_Ohm)) ==
          Approx(expected.mean_rise).epsilon(1e-9));
  }
  // Joule heat Q split equally: dT_B = (Q/2) R_B (R_top - R_bottom) / (R_top + R_B + R_bottom).
  const double rb = units::in_si(physics::barrier_resistance()), q = 3e-3 * 3e-3 * 40.0;
  CHECK(units::in_si(h.temperature_difference(0.0_mW, 3.0_mA, 40.0_Ohm)) ==
        Approx(0.5 * q * rb * (2.0e4 - 1.0e4) / (2.0e4 + rb + 1.0e4)).epsilon(1e-12));
  // Energy balance: heat in = heat out to the sink through R_top and R_bottom.
  const auto c = h.coefficients();
  const double dtop = c.mean_per_top + 0.5 * c.difference_per_top, dbot = c.mean_per_top - 0.5 * c.difference_per_top;
  CHECK(dtop / 2.0e4 + dbot / 1.0e4 == Approx(1.0).epsilon(1e-12));
}

TEST_CASE("derived response: analytic dV/dI and dV/dP match central differences to 1e-6", "[derived]") {
  const auto r = physics::junction().network_response();
  for (auto s : {device::parallel, device::antiparallel})
    for (double p : {0.02, 0.09, 0.15})
      for (double i : {-3e-3, -1.1e-3, 0.4e-3, 2.2e-3, 3e-3}) {
        const double hi = 1e-7, hp = 1e-5;
        const double num_di = (v_ac(r, s, p, i + hi) - v_ac(r, s, p, i - hi)) / (2 * hi);
        const double num_dp = (v_ac(r, s, p + hp, i) - v_ac(r, s, p - hp, i)) / (2 * hp);
        const double ana_di = units::in_si(r.dV_dI(s, units::as<units::power>(p), units::as<units::current>(i)));
        const double ana_dp = units::in_si(r.dV_dP(s, units::as<units::power>(p), units::as<units::current>(i)));
        CHECK(ana_di == Approx(num_di).epsilon(1e-6));
        CHECK(ana_dp == Approx(num_dp).epsilon(1e-6));
        // and the normalised kernels are the same derivatives in units of V_max / I_max, V_max / P_max
        CHECK(r.normalized_dx(s, p / 0.15, i / 3e-3) == Approx(ana_di * 3e-3 / -23.35e-3).epsilon(1e-12));
        CHECK(r.normalized_dp(s, p / 0.15, i / 3e-3) == Approx(ana_dp * 0.15 / -23.35e-3).epsilon(1e-12));
      }
}

namespace {
/// The closed form of the AP odd slope dV_AC/dI at I -> 0 for a zero-bias TMR tmr0 (by hand from
/// docs/physics.md section 5.3): the resistance change R_AP(0, T_on) - R_AP(0, T0), the bias term of
/// the Seebeck coefficient, and the two Peltier terms.
double ap_odd_slope_closed_form(double tmr0) {
  const auto laser = laser_only(0.15);
  const double t_on = t0 + laser.mean_rise, dt = laser.mean_rise, s_ap = -60e-6;
  const double rp = 10e-12 / (std::numbers::pi * 400e-9 * 400e-9);
  const double rp_t = rp * (1.0 - 1e-3 * dt), tmr_t = tmr0 * (1.0 - 4e-3 * dt);
  const double r_ap_on = rp_t * (1.0 + tmr_t), r_ap_off = rp * (1.0 + tmr0);
  // dS/dV = S (T/T0) / V_S times dV_b/dI = R_AP(0, T_on) (V_S = 0.5 V).
  const double seebeck = -s_ap * (t_on / t0) / 0.5 * r_ap_on * laser.barrier_difference;
  // Peltier heat Pi I = S T0 I, -Pi I at the top, +Pi I at the bottom: dT_B per ampere, and its
  // mean-temperature shift theta through dS/dT = S/T0.
  const double rb = units::in_si(physics::barrier_resistance());
  const double peltier_dt = -(s_ap * t0) * rb * (2.0e4 + 1.0e4) / (2.0e4 + rb + 1.0e4);
  const double peltier = -s_ap * (t_on / t0) * peltier_dt - (-s_ap * peltier_dt);
  const double peltier_mean = (s_ap * t0) * rb * (1.0e4 - 2.0e4) / (2.0 * (2.0e4 + rb + 1.0e4));
  const double peltier_mean_term = -(s_ap / t0) * peltier_mean * laser.barrier_difference;
  return r_ap_on - r_ap_off + seebeck + peltier + peltier_mean_term;
}
}  // namespace

TEST_CASE("small-bias limit: the even part is the Seebeck voltage, the odd part the resistance change",
          "[derived]") {
  const auto r = physics::junction().network_response();
  const double p = 0.15, i = 1e-6;
  const auto laser = laser_only(p);
  const double t_on = t0 + laser.mean_rise;
  // Even part -> -S_s(0, T_on) dT_B with S_s(0, T) = S_s (T / T0) (Mott).
  for (auto [s, s0] : {std::pair{device::parallel, -50e-6}, std::pair{device::antiparallel, -60e-6}}) {
    const double even = 0.5 * (v_ac(r, s, p, i) + v_ac(r, s, p, -i));
    CHECK(even == Approx(-s0 * (t_on / t0) * laser.barrier_difference).epsilon(1e-6));
  }
  const double odd_ap = (v_ac(r, device::antiparallel, p, i) - v_ac(r, device::antiparallel, p, -i)) / (2 * i);
  CHECK(odd_ap == Approx(ap_odd_slope_closed_form(1.0)).epsilon(1e-6));
}

TEST_CASE("TMR0 = 0: the AP odd slope is the closed form with R_AP = R_P(T)", "[derived]") {
  const auto r = with_resistance(1.0, 0.0, 0.5).network_response();
  const double i = 1e-6;
  const double odd = (v_ac(r, device::antiparallel, 0.15, i) - v_ac(r, device::antiparallel, 0.15, -i)) / (2 * i);
  // R_P(T_on) - R_P(T0) = R_P beta_P dT, plus the AP Seebeck and Peltier terms.
  CHECK(odd == Approx(ap_odd_slope_closed_form(0.0)).epsilon(1e-6));
}

TEST_CASE("the cubic coefficient of the bolometric signal is the closed form of V = I R0 - c R0^2 I^3",
          "[derived]") {
  // Seebeck off (S = 0, so Pi = 0): V_AC = V_b(T_on) - V_b(T_off). With R(V, T) ~ R0(T) - c(T) V^2,
  // c = R_P(T) TMR0(T) / V_h(T)^2, R0 = R_P(T) (1 + TMR0(T)), the self-consistent bias is
  // V_b = I R0 - c R0^2 I^3 + O(I^5), so the I^3 coefficient of V_AC is c(T0) R0(T0)^2 - c(T_on) R0(T_on)^2.
  const auto j = with_seebeck(0.0, 0.0);
  const auto r = j.network_response();
  const double dt = laser_only(0.15).mean_rise, rp = 10e-12 / (std::numbers::pi * 400e-9 * 400e-9);
  auto c_r0sq = [&](double rise) {
    const double rp_t = rp * (1.0 - 1e-3 * rise), tmr = 1.0 - 4e-3 * rise, vh = 0.5 * (1.0 - 1e-2 * rise);
    const double r0 = rp_t * (1.0 + tmr);
    return rp_t * tmr / (vh * vh) * r0 * r0;
  };
  // The Joule heat I^2 R0 raises both temperatures by j I^2, which adds j I^3 (R0'(T_on) - R0'(T0)) with
  // R0'(T) = R_P [beta_P (1 + TMR0(T)) - TMR0 beta_TMR (1 + beta_P dT)]; j from the series network
  // (heat split equally between the electrodes; mean electrode rise per watt at each node).
  const double rb = units::in_si(physics::barrier_resistance()), rt = 2.0e4, rbo = 1.0e4;
  const double top_node = rt * (rb + rbo) / (rt + rb + rbo), bottom_node = rbo * (rb + rt) / (rt + rb + rbo);
  const double mean_per_top = 0.5 * top_node * (1.0 + rbo / (rb + rbo)),
               mean_per_bottom = 0.5 * bottom_node * (1.0 + rt / (rb + rt));
  const double j_rise = 0.5 * (mean_per_top + mean_per_bottom) * 2.0 * rp;  // K/A^2, R_AP(0, T0) = 2 R_P
  auto r0_slope = [&](double rise) {
    return rp * (-1e-3 * (1.0 + (1.0 - 4e-3 * rise)) - 4e-3 * (1.0 - 1e-3 * rise));
  };
  const double expected = c_r0sq(0.0) - c_r0sq(dt) + j_rise * (r0_slope(dt) - r0_slope(0.0));
  // a1 I + a3 I^3 + a5 I^5 through the odd part at h, 2h, 3h (exact for a quintic odd polynomial).
  const double h = 0.1e-3;
  std::array<double, 3> odd{};
  for (int n = 1; n <= 3; ++n)
    odd[std::size_t(n - 1)] = 0.5 * (v_ac(r, device::antiparallel, 0.15, n * h) - v_ac(r, device::antiparallel, 0.15, -n * h));
  // Solve [x, x^3, x^5] a = odd for x = h, 2h, 3h (Cramer on the scaled Vandermonde system).
  const double y1 = odd[0] / h, y2 = odd[1] / (2 * h), y3 = odd[2] / (3 * h);  // a1 + a3 x^2 + a5 x^4
  const double u1 = h * h, u2 = 4 * h * h, u3 = 9 * h * h;
  const double a3 = ((y2 - y1) / (u2 - u1) * (u3 + u1) - (y3 - y1) / (u3 - u1) * (u2 + u1)) / (u3 - u2);
  // the I^7 remainder of the three-point solve is below 1e-4 at h = 0.1 mA
  CHECK(a3 == Approx(expected).epsilon(1e-3));
  // without the Joule coupling the closed form would be 1 % off: the test resolves it
  CHECK(std::abs(a3 / (c_r0sq(0.0) - c_r0sq(dt)) - 1.0) > 5e-3);
  CHECK(expected < 0.0);  // the laser lowers V_h: the cubic term adds to the linear one at +I
}

TEST_CASE("a temperature outside the linear coefficients' range is refused, naming the limit", "[derived]") {
  const auto j = physics::junction();
  // V_h(T) = V_h (1 - beta_h (T - T0)) reaches 0 at T0 + 100 K, about 245 mW.
  CHECK_NOTHROW(j.thermovoltage(200.0_mW, 3.0_mA));
  CHECK_THROWS_AS(j.thermovoltage(300.0_mW, 3.0_mA), invalid_parameter);
  CHECK_THROWS_WITH(j.thermovoltage(300.0_mW, 3.0_mA), Contains("V_h(T)") && Contains("395"));
  const auto limits = physics::resistance().valid_temperatures();
  CHECK(limits.high == Approx(t0 + 100.0).epsilon(1e-12));
  // a readout scale beyond the range is refused when the network response is made
  auto hot = j;
  hot.response = physics::response_type(device::response_scale(physics::max_voltage(), physics::max_current(), 300.0_mW),
                                        physics::seebeck(), device::kelvin_peltier{}, physics::ambient_temperature());
  CHECK_THROWS_AS(hot.network_response(), invalid_parameter);
}

TEST_CASE("mtj routes a composed response through its own resistance and heating members", "[derived][mtj]") {
  auto j = physics::junction();
  const double before = units::in_si(j.thermovoltage(150.0_mW, 0.0_mA));
  // Halve eta (the top-electrode absorption): the zero-bias voltage -S(T_on) dT_B changes accordingly.
  const auto h = physics::heating();
  j.heating = device::thermal_stack(h.barrier_resistance, h.top_resistance, h.bottom_resistance,
                                    0.5 * h.laser_top_fraction, h.laser_sink_heating);
  const double after = units::in_si(j.thermovoltage(150.0_mW, 0.0_mA));
  const auto full = laser_only(0.15), half = laser_only(0.15, 0.5);
  CHECK(after / before == Approx(((t0 + half.mean_rise) * half.barrier_difference) /
                                 ((t0 + full.mean_rise) * full.barrier_difference)).epsilon(1e-9));
}

namespace {
/// Column 0 of a 2 x 2 crossbar built on junction j, rows lit at 150 mW and 75 mW, current i in column 0.
template <class Junction>
double column(const Junction& j, double i) {
  network::junction_crossbar<2, 2, Junction> layer(j);
  layer.set_current(0, 0, units::as<units::current>(i));
  layer.set_current(1, 0, units::as<units::current>(i));
  const std::vector<units::power> powers{150.0_mW, 75.0_mW};
  return units::in_si(layer.column_voltage(powers, 0));
}
/// What the junction itself reports for that column.
template <class Junction>
double junction_sum(const Junction& j, double i) {
  return units::in_si(j.thermovoltage(150.0_mW, units::as<units::current>(i)) +
                      j.thermovoltage(75.0_mW, units::as<units::current>(i)));
}
physics::junction_type with_barrier(double kappa_b, double thickness) {
  auto j = physics::junction();
  const auto area = device::presets::hybrid_mgo_800nm::geometry().area();
  const auto base = physics::heating();
  const auto rb = device::barrier_thermal_resistance(units::as<units::thermal_conductivity>(kappa_b),
                                                     units::as<units::interface_conductance>(2.5e7),
                                                     units::as<units::length>(thickness), area);
  j.heating = device::thermal_stack(rb, base.top_resistance, base.bottom_resistance, base.laser_top_fraction,
                                    base.laser_sink_heating);
  return j;
}
}  // namespace

TEST_CASE("the crossbar sees the junction: column voltages are sums of junction.thermovoltage", "[derived][crossbar]") {
  // the calibrated junction keeps its polynomial tables; the derived one is bound to its junction
  static_assert(network::junction_crossbar<2, 2, device::presets::hybrid_mgo_800nm::junction_type>::factorized);
  // ... and is the very crossbar type bench_crossbar measures (the same kernels, the same speed)
  static_assert(std::is_same_v<network::junction_crossbar<64, 10, device::presets::hybrid_mgo_800nm::junction_type>,
                               network::crossbar<64, 10, device::presets::hybrid_mgo_800nm::response_type>>);
  static_assert(std::is_same_v<physics::junction_type::network_response_type,
                               device::bound_response<physics::junction_type>>);
  for (double i : {-2.5e-3, 0.0, 1.0e-3, 3.0e-3}) {
    CHECK(column(physics::junction(), i) == Approx(junction_sum(physics::junction(), i)).epsilon(1e-12));
    CHECK(column(device::presets::hybrid_mgo_800nm::junction(), i) ==
          Approx(junction_sum(device::presets::hybrid_mgo_800nm::junction(), i)).margin(1e-15));
  }
  // heating: half eta, closed-form factor at zero bias (-S_AP (T_on/T0) dT_B per row)
  auto half_eta = physics::junction();
  const auto h = physics::heating();
  half_eta.heating = device::thermal_stack(h.barrier_resistance, h.top_resistance, h.bottom_resistance,
                                           0.5 * h.laser_top_fraction, h.laser_sink_heating);
  auto row = [](double p, double eta_scale) {
    const auto l = laser_only(p, eta_scale);
    return 60e-6 * (1.0 + l.mean_rise / t0) * l.barrier_difference;
  };
  CHECK(column(half_eta, 0.0) / column(physics::junction(), 0.0) ==
        Approx((row(0.15, 0.5) + row(0.075, 0.5)) / (row(0.15, 1.0) + row(0.075, 1.0))).epsilon(1e-9));
  // Seebeck: doubling S_P and S_AP doubles the zero-bias column exactly (the Peltier heat vanishes at I = 0)
  CHECK(column(with_seebeck(-100e-6, -120e-6), 0.0) == Approx(2.0 * column(physics::junction(), 0.0)).epsilon(1e-12));
  // resistance: the junction's own prediction at 3 mA for a doubled RA
  const auto ra2 = with_resistance(2.0, 1.0, 0.5);
  CHECK(column(ra2, 3e-3) / column(physics::junction(), 3e-3) ==
        Approx(junction_sum(ra2, 3e-3) / junction_sum(physics::junction(), 3e-3)).epsilon(1e-12));
  CHECK(std::abs(column(ra2, 3e-3) / column(physics::junction(), 3e-3) - 1.0) > 0.3);
}

TEST_CASE("the opto-electronic network of a junction trains on the junction's own response", "[derived][crossbar]") {
  auto j = physics::junction();
  const auto h = physics::heating();
  j.heating = device::thermal_stack(h.barrier_resistance, h.top_resistance, h.bottom_resistance,
                                    0.5 * h.laser_top_fraction, h.laser_sink_heating);
  auto net = network::make_opto_electronic_network<2, 2, 2>(j, 2, units::as<network::laser_driver_gain>(1.0),
                                                            units::as<units::voltage>(0.0));
  auto& first = net.layer<0>();
  first.set_current(0, 1, 2.0_mA);
  first.set_current(1, 1, 2.0_mA);
  const std::vector<units::power> powers{150.0_mW, 75.0_mW};
  CHECK(units::in_si(first.column_voltage(powers, 1)) == Approx(junction_sum(j, 2e-3)).epsilon(1e-12));
  CHECK(first.state() == j.state());
}

TEST_CASE("a change of kappa_B or barrier thickness changes the crossbar's output by the predicted factor",
          "[derived][crossbar]") {
  // Zero bias: each row reads -S_AP (T_on / T0) dT_B, and dT_B, T_on follow the series network.
  auto predicted = [](double kappa_b, double t) {
    double sum = 0.0;
    for (double p : {0.15, 0.075}) {
      const double a = std::numbers::pi * 400e-9 * 400e-9;
      const double rb = t / (1.0 / (1.0 / kappa_b + 1.0 / (2.5e7 * t)) * a), rt = 2.0e4, rbo = 1.0e4;
      const double eta = 0.3 * 2.0 * a / (std::numbers::pi * 9e-12);
      const double qb = eta * p * rt / (rt + rb + rbo);
      sum += 60e-6 * (1.0 + (sink_rise_per_watt() * p + qb * (rb / 2 + rbo)) / t0) * qb * rb;
    }
    return sum;
  };
  const double base = column(physics::junction(), 0.0);
  CHECK(base == Approx(predicted(4.0, 2e-9)).epsilon(1e-9));
  CHECK(column(with_barrier(1.0, 2e-9), 0.0) / base == Approx(predicted(1.0, 2e-9) / predicted(4.0, 2e-9)).epsilon(1e-9));
  CHECK(column(with_barrier(4.0, 1e-9), 0.0) / base == Approx(predicted(4.0, 1e-9) / predicted(4.0, 2e-9)).epsilon(1e-9));
  // The interface term 1/kappa_I = 4e-8 m^2 K/W dominates t/kappa_B = 5e-10: kappa_B = 1 moves the
  // output by 1 %, halving t by 0.2 % (the paper's point: the interfaces set kappa).
  CHECK(std::abs(column(with_barrier(1.0, 2e-9), 0.0) / base - 1.0) > 5e-3);
  CHECK(std::abs(column(with_barrier(4.0, 1e-9), 0.0) / base - 1.0) > 1e-3);
}

TEST_CASE("RA and V_h move the derived response as the closed forms say", "[derived]") {
  const double i = 1e-6;
  auto odd_slope = [&](const physics::junction_type& j) {
    const auto r = j.network_response();
    return (v_ac(r, device::antiparallel, 0.15, i) - v_ac(r, device::antiparallel, 0.15, -i)) / (2 * i);
  };
  // The odd slope at I -> 0 is affine in R_P (resistance change and dS/dV R are linear in R_P, the
  // Peltier part is RA-free).
  const double s1 = odd_slope(physics::junction()), s2 = odd_slope(with_resistance(2.0, 1.0, 0.5)),
               s3 = odd_slope(with_resistance(3.0, 1.0, 0.5));
  CHECK(s3 - s2 == Approx(s2 - s1).epsilon(1e-6));
  // V_h enters at order I^3: a larger V_h lowers |V_AC| at 3 mA, and leaves the small-bias slope.
  const double v_wide = v_ac(with_resistance(1.0, 1.0, 0.6).network_response(), device::antiparallel, 0.15, 3e-3);
  CHECK(std::abs(v_wide) < std::abs(v_ac(physics::junction().network_response(), device::antiparallel, 0.15, 3e-3)));
  CHECK(odd_slope(with_resistance(1.0, 1.0, 0.6)) == Approx(s1).epsilon(1e-6));
}

TEST_CASE("the preset's calibration [C]: the Fig. 4d magnitude at the corner", "[derived]") {
  // a_sub is calibrated to this number (docs/physics.md section 2.2); the test guards the calibration,
  // the closed-form tests above guard the physics.
  const auto r = physics::junction().network_response();
  CHECK(v_ac(r, device::antiparallel, 0.15, 3e-3) == Approx(-23.35e-3).epsilon(1e-4));
  CHECK(r.normalized(device::antiparallel, 1.0, 1.0) == Approx(1.0).epsilon(1e-4));
}
