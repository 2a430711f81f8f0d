// Tests for spinaptic/device/vortex_statics.hpp and vortex_dynamics.hpp: the rigid-vortex statics
// against the closed forms of the side-charge-free model (Guslienko et al., PRB 65, 024414
// (2001)), the Thiele ringdown against omega_0 = (20/9) gamma Ms beta (Gaussian; Guslienko et al.,
// J. Appl. Phys. 91, 8037 (2002)), equipartition, and determinism across thread counts.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include <spinaptic/device/vortex_dynamics.hpp>
#include <spinaptic/device/vortex_ringdown.hpp>
#include <spinaptic/device/vortex_statics.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using device::vortex_ensemble;
using device::vortex_parameters;
namespace c = spinaptic::detail::constants;

namespace {
units::magnetic_field_strength A_per_m(double v) { return units::as<units::magnetic_field_strength>(v); }
units::length metres(double v) { return units::as<units::length>(v); }
constexpr double ms0 = 8e5;  // permalloy Ms [A/m]

// A permalloy disk of radius 400 nm and aspect ratio beta.
vortex_parameters disk(double beta, double alpha = 0.01, double a = 0.0) {
  vortex_parameters p{metres(400e-9), metres(beta * 400e-9), A_per_m(ms0)};
  p.damping = alpha;
  p.nonlinear_stiffness = a;
  return p;
}

// Gaussian (20/9) gamma Ms beta in SI: gamma_G Ms_G = gamma mu0 Ms / (4 pi).
double omega0_closed_form(double beta) {
  return 20.0 / 9.0 * c::electron_gyromagnetic_ratio * c::vacuum_permeability * ms0 / (4.0 * std::numbers::pi) * beta;
}

bool message_names(const spinaptic::error& e, const std::string& what) {
  return std::string(e.what()).find(what) != std::string::npos;
}

// Angular frequency and decay rate of the ringdown of one core started at s = (s0, 0)
// (device/vortex_ringdown.hpp: zero crossings of s_x and the amplitude ratio over whole periods).
template <class Real>
std::pair<double, double> ringdown(const vortex_parameters& p, double s0, int periods) {
  const auto r = device::measure_vortex_ringdown<Real>(p, s0, periods);
  return {r.angular_frequency, r.decay_rate};
}
}  // namespace

TEST_CASE("statics: initial susceptibility is 9 pi xi^2 / (10 beta) = 2 pi / (5 beta)", "[vortex]") {
  for (double beta : {0.01, 0.023, 0.05, 0.1}) {
    const device::vortex_statics st(disk(beta, 0.01, 0.25), 300.0_K);
    const double h = 1e-6 * ms0;  // small field: the cubic term a s^2 is below 1e-8
    const double chi = st.vortex_magnetization(A_per_m(h)) / (h / ms0);
    CHECK(chi == Approx(2.0 * std::numbers::pi / (5.0 * beta)).epsilon(1e-5));
    CHECK(st.initial_susceptibility() == Approx(2.0 * std::numbers::pi / (5.0 * beta)).epsilon(1e-12));
  }
}

TEST_CASE("statics: H_an = (5/(3 pi)) Ms beta (1 + a) grows linearly with beta; <m_x>(H_an) = xi", "[vortex]") {
  const double a = 0.25;
  for (double beta : {0.01, 0.02, 0.05, 0.1}) {
    const device::vortex_statics st(disk(beta, 0.01, a), 1.0_K);
    const double h_an = units::in_si(st.annihilation_field());
    CHECK(h_an == Approx(5.0 / (3.0 * std::numbers::pi) * ms0 * beta * (1.0 + a)).epsilon(1e-12));
    // the core reaches the edge at H_an: s = 1, <m_x> = 2/3
    CHECK(st.displacement(A_per_m(h_an)) == Approx(1.0).epsilon(1e-12));
    CHECK(st.vortex_magnetization(A_per_m(h_an)) == Approx(2.0 / 3.0).epsilon(1e-12));
  }
  const device::vortex_statics thin(disk(0.01, 0.01, a), 1.0_K), thick(disk(0.1, 0.01, a), 1.0_K);
  CHECK(units::in_si(thick.annihilation_field()) / units::in_si(thin.annihilation_field()) == Approx(10.0));
}

TEST_CASE("statics: the loop annihilates at +-H_an, stays single-domain down to H_n, renucleates", "[vortex]") {
  device::vortex_loop loop(disk(0.023, 0.01, 0.25), 300.0_K);
  const double h_an = units::in_si(loop.statics().annihilation_field());
  const double h_n = units::in_si(loop.statics().nucleation_field());
  REQUIRE(h_n < h_an);
  CHECK(loop.apply(A_per_m(0.0)) == 0.0);
  CHECK(loop.apply(A_per_m(0.99 * h_an)) < 2.0 / 3.0);
  CHECK(loop.apply(A_per_m(h_an)) == 1.0);
  CHECK(loop.phase() == device::vortex_phase::saturated_positive);
  CHECK(loop.apply(A_per_m(1.01 * h_n)) == 1.0);  // hysteresis: still single-domain
  const double m_back = loop.apply(A_per_m(0.99 * h_n));
  CHECK(loop.phase() == device::vortex_phase::vortex);
  CHECK(m_back == Approx(loop.statics().vortex_magnetization(A_per_m(0.99 * h_n))));
  CHECK(loop.apply(A_per_m(-h_an)) == -1.0);
}

TEST_CASE("bad parameters are refused with a spinaptic::error naming them", "[vortex]") {
  auto p = disk(0.023);
  p.radius = metres(0.0);
  CHECK_THROWS_MATCHES(p.validated(), spinaptic::invalid_parameter,
                       Catch::Matchers::Predicate<spinaptic::error>([](auto& e) { return message_names(e, "disk radius R"); }));
  p = disk(0.023);
  p.thickness = metres(0.5 * 400e-9);  // beta = 0.5: outside the thin-disk model
  CHECK_THROWS_MATCHES(p.validated(), spinaptic::invalid_parameter,
                       Catch::Matchers::Predicate<spinaptic::error>([](auto& e) { return message_names(e, "aspect ratio beta"); }));
  p = disk(0.023, -0.01);
  CHECK_THROWS_MATCHES(vortex_ensemble<double>(p, 1, 1), spinaptic::invalid_parameter,
                       Catch::Matchers::Predicate<spinaptic::error>([](auto& e) { return message_names(e, "Gilbert damping alpha"); }));
  p = disk(0.023);
  p.chirality = 0;
  CHECK_THROWS_AS(p.validated(), spinaptic::invalid_parameter);
  vortex_ensemble<double> e(disk(0.023), 2, 1);
  CHECK_THROWS_AS(e.set_core_position(0, metres(400e-9), metres(0.0)), spinaptic::invalid_parameter);
  CHECK_THROWS_AS(e.set_temperature(5, 300.0_K), spinaptic::index_out_of_range);
  CHECK_THROWS_AS(e.advance(units::as<units::time>(0.0), 1), spinaptic::invalid_parameter);
}

TEST_CASE("ringdown: the gyrotropic frequency is (20/9) gamma Ms beta for beta = 0.01 .. 0.1", "[vortex]") {
  // Linear Thiele: omega = kappa G / (G^2 + D^2), decay kappa D / (G^2 + D^2). With alpha = 0.01,
  // D/G = alpha (2 + ln(R/r_c)) / 2 < 0.03, so omega is within (D/G)^2 < 0.1 % of kappa/G.
  // Tolerance 0.3 %: the correction plus Heun's phase error (omega dt)^2/12 ~ 2e-5.
  for (double beta : {0.01, 0.02, 0.05, 0.1}) {
    const auto p = disk(beta, 0.01, 0.0);
    const auto [w, decay] = ringdown<double>(p, 0.05, 20);
    INFO("beta = " << beta);
    CHECK(w == Approx(omega0_closed_form(beta)).epsilon(3e-3));
    const double g = p.gyrovector_si(0.0), d = p.damping_constant_si(0.0), k = p.stiffness_si(0.0);
    CHECK(w == Approx(k * g / (g * g + d * d)).epsilon(1e-4));
    CHECK(decay == Approx(k * d / (g * g + d * d)).epsilon(1e-2));
  }
  // float: the same frequency at float precision
  const auto [wf, df] = ringdown<float>(disk(0.023, 0.01, 0.0), 0.05, 20);
  CHECK(wf == Approx(omega0_closed_form(0.023)).epsilon(3e-3));
  (void)df;
}

TEST_CASE("dynamics relax to the statics' equilibrium under a static field", "[vortex]") {
  auto p = disk(0.023, 0.05, 0.25);
  const device::vortex_statics st(p, 1.0_K);
  const double h = 0.6 * units::in_si(st.annihilation_field());
  vortex_ensemble<double> e(p, 2, 3);
  e.set_applied_field(0, A_per_m(h), A_per_m(0.0));
  e.set_applied_field(1, A_per_m(-h), A_per_m(0.0));
  const double period = 2.0 * std::numbers::pi / p.gyrotropic_angular_frequency_si(0.0);
  e.advance(units::as<units::time>(period / 200), 200 * 60);
  CHECK(e.average_magnetization(0) == Approx(st.vortex_magnetization(A_per_m(h))).epsilon(1e-6));
  CHECK(e.average_magnetization(1) == Approx(-st.vortex_magnetization(A_per_m(h))).epsilon(1e-6));
}

TEST_CASE("equipartition: <x^2> = k_B T / kappa in the linear regime", "[vortex]") {
  const auto p = disk(0.023, 0.05, 0.0);
  const double t = 300.0, n = 1000;
  vortex_ensemble<double> e(p, std::size_t(n), 11);
  e.set_temperature_all(units::as<units::temperature>(t));
  const double w0 = p.gyrotropic_angular_frequency_si(t), dt = 2.0 * std::numbers::pi / w0 / 100;
  const double g = p.gyrovector_si(t), d = p.damping_constant_si(t), k = p.stiffness_si(t);
  const double tau = (g * g + d * d) / (k * d);  // relaxation time of <X>
  const auto steps_per_tau = std::size_t(tau / dt) + 1;
  e.advance(units::as<units::time>(dt), 6 * steps_per_tau);  // burn-in
  const double r = units::in_si(p.radius);
  std::vector<double> per_junction(std::size_t(n), 0.0);
  const int samples = 8;
  for (int s = 0; s < samples; ++s) {
    e.advance(units::as<units::time>(dt), 2 * steps_per_tau);
    for (std::size_t j = 0; j < std::size_t(n); ++j) {
      const double x = r * e.reduced_x()(j), y = r * e.reduced_y()(j);
      per_junction[j] += 0.5 * (x * x + y * y) / samples;
    }
  }
  double mean = 0.0, var = 0.0;
  for (double v : per_junction) mean += v / n;
  for (double v : per_junction) var += (v - mean) * (v - mean) / (n - 1);
  const double se = std::sqrt(var / n), expected = c::boltzmann * t / k;
  INFO("mean " << mean << " expected " << expected << " standard error " << se);
  CHECK(std::abs(mean - expected) < 4.0 * se + 0.01 * expected);  // 1 %: Heun bias at omega dt = 0.06
  CHECK(se < 0.03 * expected);
}

TEST_CASE("the thread count does not change the trajectories (float and double)", "[vortex]") {
  const auto p = disk(0.023, 0.01, 0.25);
  auto run = [&](auto tag, unsigned threads) {
    using Real = decltype(tag);
    vortex_ensemble<Real> e(p, 1000, 99);
    e.set_temperature_all(350.0_K);
    e.set_current_all(1.0_mA);
    e.set_rf_current(3, 0.2_mA, units::as<units::frequency>(1e8));
    const double dt = 2.0 * std::numbers::pi / p.gyrotropic_angular_frequency_si(350.0) / 100;
    e.advance(units::as<units::time>(dt), 300, threads);
    std::vector<Real> out(e.reduced_x().begin(), e.reduced_x().end());
    out.insert(out.end(), e.reduced_y().begin(), e.reduced_y().end());
    return out;
  };
  CHECK(run(float{}, 1) == run(float{}, 2));
  CHECK(run(double{}, 1) == run(double{}, 2));
  CHECK(run(double{}, 1) != std::vector<double>(2000, 0.0));
}

TEST_CASE("ringdown measurement: bad arguments refused with their names", "[vortex]") {
  const auto p = disk(0.023, 0.01, 0.0);
  CHECK_THROWS_WITH(device::measure_vortex_ringdown(p, 0.0, 10), Catch::Contains("s_0"));
  CHECK_THROWS_WITH(device::measure_vortex_ringdown(p, 0.05, 1), Catch::Contains("periods"));
  CHECK_THROWS_WITH(device::measure_vortex_ringdown(p, 0.05, 10, 4), Catch::Contains("steps per period"));
}
