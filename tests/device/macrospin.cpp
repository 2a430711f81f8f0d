// Tests for spinaptic/device/macrospin.hpp: each checks the stochastic LLGS integrator against an
// independently known result (conservation law, Kittel formula, Stoner-Wohlfarth astroid,
// Boltzmann distribution, Sun's critical current) or a property (determinism, convergence).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include <spinaptic/detail/random.hpp>
#include <spinaptic/device/macrospin.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using device::macrospin_ensemble;
using device::macrospin_parameters;
namespace c = spinaptic::detail::constants;

namespace {
units::magnetic_field_strength A_per_m(double v) { return units::as<units::magnetic_field_strength>(v); }
units::volume cubic_m(double v) { return units::as<units::volume>(v); }
constexpr double gamma_mu0 = c::electron_gyromagnetic_ratio * c::vacuum_permeability;

// A thin in-plane ellipse: N = (0.02, 0.05, 0.93), Ms = 8e5 A/m, H_K = 3e4 A/m.
macrospin_parameters in_plane(double alpha) {
  macrospin_parameters p{A_per_m(8e5), A_per_m(3e4), alpha, cubic_m(1e-23)};
  p.demag = {0.02, 0.05, 0.93};
  return p;
}
}  // namespace

TEST_CASE("no damping, no noise, no current: energy and |m| are conserved over 1e4 steps",
          "[macrospin]") {
  macrospin_ensemble<double> e(in_plane(0.0), 1, 1);
  e.set_applied_field(0, {A_per_m(1e4), A_per_m(5e3), A_per_m(0.0)});
  e.set_magnetization(0, std::cos(0.5), std::sin(0.5), 0.1);
  const double e0 = units::in_si(e.energy(0));
  // omega ~ gamma mu0 sqrt(H1 H2) ~ 3e10 rad/s; dt = 2 fs: omega dt = 6e-5.
  for (int k = 0; k < 10; ++k) {
    e.advance(2e-15 * units::second, 1000);
    const auto m = e.magnetization(0);
    CHECK(std::hypot(m[0], m[1], m[2]) == Approx(1.0).margin(1e-12));
  }
  CHECK(std::abs(units::in_si(e.energy(0)) - e0) / std::abs(e0) < 1e-6);
}

TEST_CASE("small-angle precession frequency equals the Kittel formula within 0.5 %", "[macrospin]") {
  const double H = 2e4, hk = 3e4, ms = 8e5;
  auto p = in_plane(0.0);
  macrospin_ensemble<double> e(p, 1, 1);
  e.set_applied_field(0, {A_per_m(H), A_per_m(0.0), A_per_m(0.0)});
  e.set_magnetization(0, 1.0, 0.01, 0.0);
  // Kittel (1948) for a field along the easy axis x of an ellipsoid with factors N:
  //   omega = gamma mu0 sqrt((H + H_K + (N_y - N_x) Ms)(H + H_K + (N_z - N_x) Ms))
  const double omega = gamma_mu0 * std::sqrt((H + hk + (0.05 - 0.02) * ms) * (H + hk + (0.93 - 0.02) * ms));
  const double period = 2.0 * std::numbers::pi / omega, dt = period / 1000.0;
  std::vector<double> crossings;
  double prev = e.magnetization(0)[1];
  for (int n = 1; n <= 30000; ++n) {  // 30 periods
    e.advance(dt * units::second, 1);
    const double y = e.magnetization(0)[1];
    if (prev < 0.0 && y >= 0.0) crossings.push_back((n - 1 + prev / (prev - y)) * dt);
    prev = y;
  }
  REQUIRE(crossings.size() >= 20);
  const double measured = (crossings.back() - crossings.front()) / double(crossings.size() - 1);
  CHECK(measured == Approx(period).epsilon(0.005));
}

TEST_CASE("T = 0 switching field is H_K along the easy axis and H_K/2 at 45 degrees (Stoner-Wohlfarth)",
          "[macrospin]") {
  const double hk = 1e5;
  macrospin_parameters p{A_per_m(8e5), A_per_m(hk), 1.0, cubic_m(1e-23)};
  p.demag = {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0};  // sphere: no shape anisotropy
  // junctions: easy axis at 0.99 / 1.01 H_K, 45 degrees at 0.99 / 1.01 H_K / 2
  macrospin_ensemble<double> e(p, 4, 7);
  const double psi = 3.0 * std::numbers::pi / 4.0;  // field 45 degrees off the -x axis
  const double h[4] = {0.99 * hk, 1.01 * hk, 0.99 * hk / 2.0, 1.01 * hk / 2.0};
  for (int j = 0; j < 2; ++j) {
    e.set_applied_field(std::size_t(j), {A_per_m(-h[j]), A_per_m(0.0), A_per_m(0.0)});
    e.set_magnetization(std::size_t(j), std::cos(0.05), std::sin(0.05), 0.0);  // inside the 0.99 basin
  }
  for (int j = 2; j < 4; ++j)
    e.set_applied_field(std::size_t(j),
                        {A_per_m(h[j] * std::cos(psi)), A_per_m(h[j] * std::sin(psi)), A_per_m(0.0)});
  e.advance(1e-13 * units::second, 600000);  // 60 ns, >> the slow passage near threshold
  CHECK(e.magnetization(0)[0] > 0.9);   // 0.99 H_K: stays
  CHECK(e.magnetization(1)[0] < -0.9);  // 1.01 H_K: switched
  CHECK(e.magnetization(2)[0] > 0.0);   // 0.99 H_K/2 at 45 deg: stays
  CHECK(e.magnetization(3)[0] < 0.0);   // 1.01 H_K/2 at 45 deg: switched
}

TEST_CASE("T > 0 in a uniaxial well: m along the easy axis is Boltzmann distributed (KS, 0.1 %)",
          "[macrospin]") {
  // Delta = mu0 Ms H_K V / (2 k_B T) = 3; the equilibrium density of x = |m.u| on [0, 1] is
  // proportional to exp(Delta x^2) (uniform measure in m_x on the sphere).
  const double T = 300.0, ms = 8e5, vol = 1e-24;
  const double delta = 3.0, hk = 2.0 * delta * c::boltzmann * T / (c::vacuum_permeability * ms * vol);
  macrospin_parameters p{A_per_m(ms), A_per_m(hk), 0.5, cubic_m(vol)};
  p.demag = {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0};
  const std::size_t n = 5000;
  macrospin_ensemble<double> e(p, n, 2024);
  e.set_temperature_all(300.0_K);
  e.advance(1e-12 * units::second, 3000, 2);  // 3 ns >> 1 / (alpha gamma mu0 H_K) ~ 0.5 ns
  std::vector<double> x(n);
  for (std::size_t j = 0; j < n; ++j) x[j] = std::abs(e.magnetization(j)[0]);
  std::sort(x.begin(), x.end());
  // CDF by Simpson on 2000 intervals
  auto cdf = [&](double a) {
    const int m = 2000;
    const double h = a / m;
    double s = 0.0;
    for (int i = 0; i <= m; ++i) {
      const double w = (i == 0 || i == m) ? 1.0 : (i % 2 ? 4.0 : 2.0);
      s += w * std::exp(delta * (i * h) * (i * h));
    }
    return s * h / 3.0;
  };
  const double z = cdf(1.0);
  double d = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double f = cdf(x[i]) / z;
    d = std::max({d, std::abs(f - double(i) / n), std::abs(f - double(i + 1) / n)});
  }
  // Kolmogorov-Smirnov critical value at significance 0.001: 1.949 / sqrt(n).
  CHECK(d < 1.949 / std::sqrt(double(n)));
}

TEST_CASE("T = 0 spin-transfer switching happens at 1.1 I_c0 and not at 0.9 I_c0", "[macrospin]") {
  // H_K = 1e5 A/m (1.26 kOe). For a much softer film (H_2 >> H_1) a stable in-plane precession
  // regime separates I_c0 (where AP loses stability) from the switching current (Sun, PRB 62, 570
  // (2000)); e.g. H_K = 1e4 A/m precesses without switching at 1.1 I_c0 and switches at 1.2 I_c0.
  macrospin_parameters p{A_per_m(8e5), A_per_m(1e5), 0.02, cubic_m(0.0)};
  p.demag = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 2.0_nm);
  p.volume = std::numbers::pi / 4.0 * 100.0_nm * 50.0_nm * 2.0_nm;
  p.spin_polarization = 0.5;
  const double ic = units::in_si(p.critical_current());
  // Independent closed form for the thin-film limit (N = (0, 0, 1)): Sun, PRB 62, 570 (2000).
  {
    auto thin = p;
    thin.demag = {0.0, 0.0, 1.0};
    const double expected = 2.0 * c::elementary_charge * 0.02 * c::vacuum_permeability * 8e5 *
                            units::in_si(p.volume) / (c::reduced_planck * 0.5) * (1e5 + 8e5 / 2.0);
    CHECK(units::in_si(thin.critical_current()) == Approx(expected).epsilon(1e-12));
  }
  const double ratio[4] = {0.5, 0.9, 1.1, 1.5};
  macrospin_ensemble<double> e(p, 4, 3);
  e.set_magnetization_all(-std::cos(0.02), std::sin(0.02), 0.0);  // AP, slightly tilted
  for (std::size_t j = 0; j < 4; ++j) e.set_current(j, units::as<units::current>(ratio[j] * ic));
  e.advance(0.5e-12 * units::second, 400000);  // 200 ns
  CHECK(e.state(0) == device::antiparallel);
  CHECK(e.state(1) == device::antiparallel);
  CHECK(e.state(2) == device::parallel);
  CHECK(e.state(3) == device::parallel);
  // the opposite polarity: positive current now stabilises AP
  p.polarity = device::stt_polarity::positive_current_favours_antiparallel;
  macrospin_ensemble<double> f(p, 1, 3);
  f.set_magnetization_all(-std::cos(0.02), std::sin(0.02), 0.0);
  f.set_current(0, units::as<units::current>(1.5 * ic));
  f.advance(0.5e-12 * units::second, 400000);
  CHECK(f.state(0) == device::antiparallel);
}

TEST_CASE("weak convergence: halving dt changes a thermal switching probability by less than its "
          "statistical error", "[macrospin]") {
  // Coupled paths: the coarse run uses the Brownian increments of the fine run,
  // xi_coarse = (xi_1 + xi_2)/sqrt(2), so the difference isolates the discretisation error.
  macrospin_parameters p{A_per_m(8e5), A_per_m(1e4), 0.02, cubic_m(0.0)};
  p.demag = device::elliptic_cylinder_demagnetizing_factors(100.0_nm, 50.0_nm, 2.0_nm);
  p.volume = std::numbers::pi / 4.0 * 100.0_nm * 50.0_nm * 2.0_nm;  // Delta(300 K) = 38.6 (shape term included)
  const std::size_t n = 2000;
  macrospin_ensemble<double> coarse(p, n, 1), fine(p, n, 1);
  for (auto* e : {&coarse, &fine}) {
    e->set_magnetization_all(-1.0, 0.0, 0.0);
    e->set_temperature_all(300.0_K);
    e->set_current_all(units::as<units::current>(1.2 * units::in_si(p.critical_current())));
  }
  const double dt = 2e-12;
  std::vector<double> a(3 * n), b(3 * n), sum(3 * n);
  const auto& z = spinaptic::detail::ziggurat_tables::get();
  for (std::uint64_t s = 0; s < 2500; ++s) {  // 5 ns pulse
    for (std::size_t j = 0; j < n; ++j) {
      spinaptic::detail::counter_rng g(spinaptic::detail::stream_key(99, j, s));
      for (std::size_t k = 0; k < 3; ++k) {
        a[k * n + j] = spinaptic::detail::standard_normal(g, z);
        b[k * n + j] = spinaptic::detail::standard_normal(g, z);
        sum[k * n + j] = (a[k * n + j] + b[k * n + j]) / std::numbers::sqrt2;
      }
    }
    coarse.step_with_noise(dt * units::second, sum.data());
    fine.step_with_noise(0.5 * dt * units::second, a.data());
    fine.step_with_noise(0.5 * dt * units::second, b.data());
  }
  auto probability = [&](const macrospin_ensemble<double>& e) {
    std::size_t k = 0;
    for (std::size_t j = 0; j < n; ++j) k += e.state(j) == device::parallel;
    return double(k) / double(n);
  };
  const double pc = probability(coarse), pf = probability(fine);
  const double sigma = std::sqrt(pf * (1.0 - pf) / double(n));
  INFO("P(dt) = " << pc << ", P(dt/2) = " << pf << ", sigma = " << sigma);
  REQUIRE(pf > 0.1);  // a probability with a meaningful statistical error
  REQUIRE(pf < 0.9);
  CHECK(std::abs(pc - pf) < sigma);
}

TEST_CASE("same seed gives bit-identical trajectories, independent of the thread count", "[macrospin]") {
  auto run = [](std::uint64_t seed, unsigned threads) {
    macrospin_ensemble<float> e(in_plane(0.05), 700, seed);
    e.set_temperature_all(350.0_K);
    e.set_current_all(0.1_mA);
    e.advance(1e-12 * units::second, 500, threads);
    return std::vector<float>(e.mx().begin(), e.mx().end());
  };
  const auto a = run(5, 1), b = run(5, 1), c2 = run(5, 2), d = run(6, 1);
  CHECK(a == b);
  CHECK(a == c2);
  CHECK(a != d);
}

TEST_CASE("float and double ensembles agree on a deterministic trajectory", "[macrospin]") {
  macrospin_ensemble<float> f(in_plane(0.01), 1, 1);
  macrospin_ensemble<double> d(in_plane(0.01), 1, 1);
  for (auto* e : {&f}) e->set_magnetization(0, 1.0, 0.3, 0.1);
  d.set_magnetization(0, 1.0, 0.3, 0.1);
  f.advance(1e-13 * units::second, 2000);
  d.advance(1e-13 * units::second, 2000);
  for (int k = 0; k < 3; ++k) CHECK(f.magnetization(0)[std::size_t(k)] == Approx(d.magnetization(0)[std::size_t(k)]).margin(1e-3));
}

TEST_CASE("bad macrospin parameters throw invalid_parameter naming the parameter", "[macrospin]") {
  auto names = [](macrospin_parameters p) -> std::string {
    try {
      (void)p.validated();
    } catch (const invalid_parameter& e) {
      return e.parameter();
    }
    return "";
  };
  auto p = in_plane(0.01);
  p.damping = -0.1;
  CHECK(names(p) == "Gilbert damping alpha");
  p = in_plane(0.01);
  p.volume = cubic_m(0.0);
  CHECK(names(p) == "free-layer volume V [m^3]");
  p = in_plane(0.01);
  p.demag = {0.5, 0.5, 0.5};
  CHECK(names(p) == "demagnetizing factors N_x + N_y + N_z");
  p = in_plane(0.01);
  p.easy_axis = {0.0, 0.0, 0.0};
  CHECK(names(p) == "easy axis u");
  macrospin_ensemble<double> e(in_plane(0.01), 2, 1);
  CHECK_THROWS_AS(e.set_temperature(0, units::as<units::temperature>(std::nan(""))), invalid_parameter);
  CHECK_THROWS_AS(e.advance(0.0 * units::second, 1), invalid_parameter);
  CHECK_THROWS_AS(macrospin_ensemble<double>(in_plane(0.01), 0, 1), invalid_parameter);
  CHECK_THROWS_AS(e.set_current(5, 1.0_mA), index_out_of_range);
}

TEST_CASE("Bloch law lowers Ms and a temperature above T_C is rejected", "[macrospin]") {
  auto p = in_plane(0.01);
  p.curie_temperature = 1000.0_K;
  // Ms(T) = Ms0 (1 - (T/Tc)^1.5): at 250 K, 1 - 0.125.
  CHECK(p.saturation_magnetization_at(250.0) == Approx(8e5 * 0.875).epsilon(1e-14));
  macrospin_ensemble<double> e(p, 1, 1);
  e.set_temperature(0, 1200.0_K);
  CHECK_THROWS_AS(e.advance(1e-12 * units::second, 1), invalid_parameter);
}
