// Tests for spinaptic/device/derived_response.hpp: the physics-derived lock-in response against
// closed forms of its limits (docs/physics.md section 5), its derivatives against central
// differences, and the crossbar's output moving by the factor the physics predicts when a stack
// parameter changes.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "spinaptic/device/presets.hpp"
#include "spinaptic/network/crossbar.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using physics = device::presets::physics_mgo_800nm;

namespace {
constexpr double t0 = 295.0;

/// The series-network closed forms (derived by hand from the node equations, not from the code):
/// heat q_B = eta P R_top / (R_top + R_B + R_bottom) crosses the barrier;
/// dT_B = q_B R_B, mean electrode rise = q_B (R_B / 2 + R_bottom) (+ the sink rise r_s P).
struct laser_closed_form {
  double barrier_difference, mean_rise;
};
laser_closed_form laser_only(double p_watts) {
  const double a = std::numbers::pi * 400e-9 * 400e-9;
  const double kappa = 1.0 / (1.0 / 4.0 + 1.0 / (2.5e7 * 2e-9));
  const double rb = 2e-9 / (kappa * a), rt = 2.0e4, rbo = 1.0e4;
  const double eta = 0.3 * 2.0 * a / (std::numbers::pi * 3e-6 * 3e-6);
  const double rs = 0.48423 / (2.0 * std::sqrt(std::numbers::pi) * 150.0 * 3e-6);
  const double qb = eta * p_watts * rt / (rt + rb + rbo);
  return {qb * rb, rs * p_watts + qb * (rb / 2.0 + rbo)};
}

template <class Response>
double v_ac(const Response& r, device::magnetic_state s, double p, double i) {
  return units::in_si(r.thermovoltage(s, units::as<units::power>(p), units::as<units::current>(i)));
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
          Approx(expected.mean_rise).epsilon(1e-12));
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
  const auto r = physics::response();
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

TEST_CASE("small-bias limit: the even part is the Seebeck voltage, the odd part the resistance change",
          "[derived]") {
  const auto r = physics::response();
  const double p = 0.15, i = 1e-6;
  const auto laser = laser_only(p);
  const double t_on = t0 + laser.mean_rise;
  // Even part -> -S_s(0, T_on) dT_B with S_s(0, T) = S_s (T / T0) (Mott).
  for (auto [s, s0] : {std::pair{device::parallel, -50e-6}, std::pair{device::antiparallel, -60e-6}}) {
    const double even = 0.5 * (v_ac(r, s, p, i) + v_ac(r, s, p, -i));
    CHECK(even == Approx(-s0 * (t_on / t0) * laser.barrier_difference).epsilon(1e-6));
  }
  // Odd part / I -> R_s(0, T_on) - R_s(0, T0) - S'(V) R dT_B: the closed forms of R_P(T), TMR0(T).
  const double rp = 10e-12 / (std::numbers::pi * 400e-9 * 400e-9), dt = laser.mean_rise;
  const double rp_t = rp * (1.0 - 1e-3 * dt), tmr_t = 1.0 * (1.0 - 4e-3 * dt);
  const double r_ap_on = rp_t * (1.0 + tmr_t), r_ap_off = rp * 2.0;
  // dS/dV = S_s (T/T0) / V_S, times dV_b/dI = R_s(0, T_on) at I -> 0 (V_S = 0.5 V).
  const double seebeck_ap = -(-60e-6) * (t_on / t0) / 0.5 * r_ap_on * laser.barrier_difference;
  const double odd_ap = (v_ac(r, device::antiparallel, p, i) - v_ac(r, device::antiparallel, p, -i)) / (2 * i);
  // The Peltier heat Pi I = S T0 I also enters the odd part, through dT_B: -S_on dT_B(Pi)/I.
  const double rb = units::in_si(physics::barrier_resistance());
  const double peltier_dt_per_ampere = -(-60e-6 * t0) * rb * (2.0e4 + 1.0e4) / (2.0e4 + rb + 1.0e4);
  const double peltier_ap = -(-60e-6) * (t_on / t0) * peltier_dt_per_ampere - (-(-60e-6) * peltier_dt_per_ampere);
  // ... and it shifts the mean temperature, theta = Pi I R_B (R_bottom - R_top) / (2 sum), through dS/dT = S/T0.
  const double peltier_mean_per_ampere = (-60e-6 * t0) * rb * (1.0e4 - 2.0e4) / (2.0 * (2.0e4 + rb + 1.0e4));
  const double peltier_mean_ap = -(-60e-6 / t0) * peltier_mean_per_ampere * laser.barrier_difference;
  CHECK(odd_ap == Approx(r_ap_on - r_ap_off + seebeck_ap + peltier_ap + peltier_mean_ap).epsilon(1e-6));
}

TEST_CASE("the preset reproduces Fig. 4d's corner and grows cubically with the current", "[derived]") {
  const auto r = physics::response();
  CHECK(v_ac(r, device::antiparallel, 0.15, 3e-3) == Approx(-23.35e-3).epsilon(1e-3));
  CHECK(r.normalized(device::antiparallel, 1.0, 1.0) == Approx(1.0).epsilon(1e-3));
  // Cubic: the odd part's third difference is far from zero; a purely linear odd part would give
  // V_odd(I_max) = 2 V_odd(I_max / 2). The model's odd part grows faster than linear.
  auto odd = [&](double i) { return 0.5 * (v_ac(r, device::antiparallel, 0.15, i) - v_ac(r, device::antiparallel, 0.15, -i)); };
  CHECK(odd(3e-3) / odd(1.5e-3) > 2.1);
  // P/AP contrast at the corner and a signed weight for negative currents.
  CHECK(std::abs(v_ac(r, device::parallel, 0.15, 3e-3)) < 0.2 * std::abs(v_ac(r, device::antiparallel, 0.15, 3e-3)));
  CHECK(v_ac(r, device::antiparallel, 0.15, -3e-3) > 0.0);
}

TEST_CASE("mtj routes a composed response through its own resistance and heating members", "[derived][mtj]") {
  auto j = physics::junction();
  const double before = units::in_si(j.thermovoltage(150.0_mW, 0.0_mA));
  // Halve eta (the top-electrode absorption): the zero-bias voltage -S(T_on) dT_B changes accordingly.
  const auto h = physics::heating();
  j.heating = device::thermal_stack(h.barrier_resistance, h.top_resistance, h.bottom_resistance,
                                    0.5 * h.laser_top_fraction, h.laser_sink_heating);
  const double after = units::in_si(j.thermovoltage(150.0_mW, 0.0_mA));
  const auto full = laser_only(0.15);
  const double half_dt = 0.5 * full.barrier_difference;
  const double half_rise = full.mean_rise - 0.5 * (full.mean_rise - 0.48423 / (2.0 * std::sqrt(std::numbers::pi) * 150.0 * 3e-6) * 0.15);
  CHECK(after / before == Approx(((t0 + half_rise) * half_dt) / ((t0 + full.mean_rise) * full.barrier_difference)).epsilon(1e-9));
}

namespace {
using derived_layer = network::crossbar<2, 2, physics::response_type>;

/// Column 0 of a 2 x 2 crossbar with one lit row at P_max and current i, for a given response.
double column(const physics::response_type& r, double i) {
  derived_layer layer(r);
  layer.set_current(0, 0, units::as<units::current>(i));
  layer.set_current(1, 0, units::as<units::current>(i));
  const std::vector<units::power> powers{150.0_mW, 0.0_mW};
  return units::in_si(layer.column_voltage(powers, 0));
}

physics::response_type with_barrier(double kappa_b, double thickness) {
  const auto area = device::presets::hybrid_mgo_800nm::geometry().area();
  const auto base = physics::heating();
  const auto rb = device::barrier_thermal_resistance(units::as<units::thermal_conductivity>(kappa_b),
                                                     units::as<units::interface_conductance>(2.5e7),
                                                     units::as<units::length>(thickness), area);
  return physics::response_type(physics::response().scale(), physics::resistance(),
                                device::thermal_stack(rb, base.top_resistance, base.bottom_resistance,
                                                      base.laser_top_fraction, base.laser_sink_heating),
                                physics::seebeck(), device::kelvin_peltier{}, physics::ambient_temperature());
}
}  // namespace

TEST_CASE("a change of kappa_B or barrier thickness changes the crossbar's output by the predicted factor",
          "[derived][crossbar]") {
  // Zero bias: the column reads -S_AP (T_on / T0) dT_B, and dT_B, T_on follow the series network.
  auto predicted = [](double kappa_b, double t) {
    const double a = std::numbers::pi * 400e-9 * 400e-9;
    const double rb = t / (1.0 / (1.0 / kappa_b + 1.0 / (2.5e7 * t)) * a), rt = 2.0e4, rbo = 1.0e4;
    const double eta = 0.3 * 2.0 * a / (std::numbers::pi * 9e-12);
    const double rs = 0.48423 / (2.0 * std::sqrt(std::numbers::pi) * 150.0 * 3e-6);
    const double qb = eta * 0.15 * rt / (rt + rb + rbo);
    return 60e-6 * (1.0 + (rs * 0.15 + qb * (rb / 2 + rbo)) / t0) * qb * rb;
  };
  const double base = column(physics::response(), 0.0);
  CHECK(base == Approx(predicted(4.0, 2e-9)).epsilon(1e-9));
  CHECK(column(with_barrier(1.0, 2e-9), 0.0) / base == Approx(predicted(1.0, 2e-9) / predicted(4.0, 2e-9)).epsilon(1e-9));
  CHECK(column(with_barrier(4.0, 1e-9), 0.0) / base == Approx(predicted(4.0, 1e-9) / predicted(4.0, 2e-9)).epsilon(1e-9));
  // The interface term 1/kappa_I = 4e-8 m^2 K/W dominates t/kappa_B = 5e-10: kappa_B = 1 moves the
  // output by 1 %, halving t by 0.2 % (the paper's point: the interfaces set kappa).
  CHECK(std::abs(column(with_barrier(1.0, 2e-9), 0.0) / base - 1.0) > 5e-3);
  CHECK(std::abs(column(with_barrier(4.0, 1e-9), 0.0) / base - 1.0) > 1e-3);
}

TEST_CASE("RA, TMR0, V_h and S_AP each move the derived response", "[derived][crossbar]") {
  const auto base_r = physics::resistance();
  auto with_resistance = [&](double ra_scale, double tmr0, double vh) {
    const device::thermal_tmr_resistance res(ra_scale * base_r.parallel_resistance, tmr0, units::as<units::voltage>(vh),
                                             base_r.reference_temperature, base_r.parallel_coefficient,
                                             base_r.tmr_coefficient, base_r.half_bias_coefficient);
    return physics::response_type(physics::response().scale(), res, physics::heating(), physics::seebeck(),
                                  device::kelvin_peltier{}, physics::ambient_temperature());
  };
  const auto base = physics::response();
  const double i = 1e-6;
  auto odd_slope = [&](const physics::response_type& r) {
    return (v_ac(r, device::antiparallel, 0.15, i) - v_ac(r, device::antiparallel, 0.15, -i)) / (2 * i);
  };
  // Odd slope at I -> 0 without the Seebeck and Peltier parts is R_AP(0, T_on) - R_AP(0, T0), linear in
  // R_P: doubling RA doubles that part. The Seebeck/Peltier parts are RA-independent apart from the
  // dS/dV R term, also linear in R: so slope(2 RA) - 2 slope(RA) = -(Peltier part), RA-free.
  const double s1 = odd_slope(base), s2 = odd_slope(with_resistance(2.0, 1.0, 0.5)),
               s3 = odd_slope(with_resistance(3.0, 1.0, 0.5));
  CHECK(s3 - s2 == Approx(s2 - s1).epsilon(1e-6));  // affine in RA with the predicted slope
  CHECK(s2 - s1 == Approx(s1 - odd_slope(with_resistance(1e-9, 1.0, 0.5)) ).epsilon(1e-3));
  // TMR0 = 0: the AP odd slope is the P-state one.
  CHECK(odd_slope(with_resistance(1.0, 0.0, 0.5)) != Approx(s1));
  // V_h enters at order I^3: a larger V_h lowers |V_AC| at 3 mA, and leaves the small-bias slope.
  const double v_wide = v_ac(with_resistance(1.0, 1.0, 0.6), device::antiparallel, 0.15, 3e-3);
  CHECK(std::abs(v_wide) < std::abs(v_ac(base, device::antiparallel, 0.15, 3e-3)));
  CHECK(odd_slope(with_resistance(1.0, 1.0, 0.6)) == Approx(s1).epsilon(1e-6));
  // Doubling S_AP doubles the zero-bias voltage (Peltier vanishes at I = 0).
  auto seebeck = physics::seebeck();
  seebeck.seebeck_antiparallel = 2.0 * seebeck.seebeck_antiparallel;
  const physics::response_type doubled(base.scale(), physics::resistance(), physics::heating(), seebeck,
                                       device::kelvin_peltier{}, physics::ambient_temperature());
  CHECK(v_ac(doubled, device::antiparallel, 0.15, 0.0) == Approx(2.0 * v_ac(base, device::antiparallel, 0.15, 0.0)).epsilon(1e-12));
}
