// Tests for spinaptic/device/vortex_spin_diode.hpp: the rectified product <I(t) <m_x>(t)> of the
// simulated Thiele dynamics (vortex_dynamics.hpp) against the small-signal steady state and its
// Lorentzian form (symmetric and antisymmetric parts; Tulapurkar et al., Nature 438, 339 (2005)):
// peak position, width and the symmetric/antisymmetric ratio.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include <spinaptic/device/vortex_dynamics.hpp>
#include <spinaptic/device/vortex_spin_diode.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;
using device::vortex_ensemble;
using device::vortex_parameters;

namespace {
// The paper's 800 nm disk: R = 400 nm, L = 9.2 nm, permalloy-like Ms.
vortex_parameters disk(double field_like, double damping_like) {
  vortex_parameters p{units::as<units::length>(400e-9), units::as<units::length>(9.2e-9),
                      units::as<units::magnetic_field_strength>(8e5)};
  p.field_like_ratio = field_like;
  p.damping_like_efficiency = damping_like;
  return p;
}

struct spectrum {
  std::vector<double> omega, simulated, analytic;
};

// Frequencies omega_r + Gamma u for u in [-4, 4] step 0.1; the dynamics at T = 0, I_rf = 0.5 mA, 400 steps a period,
// burn-in 12/Gamma, then <I m_x> averaged over 16/Gamma.
spectrum measure(const vortex_parameters& p) {
  const auto irf = 0.5_mA;
  const device::vortex_spin_diode sd(p, 0.0_K, 0.0_mA);
  const double wr = sd.resonance_angular_frequency(), gm = sd.half_width();
  spectrum s;
  for (int k = -40; k <= 40; ++k) s.omega.push_back(wr + gm * 0.1 * k);
  vortex_ensemble<double> e(p, s.omega.size(), 5);
  for (std::size_t j = 0; j < s.omega.size(); ++j)
    e.set_rf_current(j, irf, units::as<units::frequency>(s.omega[j] / (2.0 * std::numbers::pi)));
  const double dt = 2.0 * std::numbers::pi / wr / 400;  // Heun phase error (omega dt)^2/6 = 4e-5 << Gamma/omega
  e.advance(units::as<units::time>(dt), std::size_t(12.0 / gm / dt));
  e.reset_averages();
  e.advance(units::as<units::time>(dt), std::size_t(16.0 / gm / dt));
  for (std::size_t j = 0; j < s.omega.size(); ++j) {
    s.simulated.push_back(units::in_si(e.mean_current_magnetization(j)));
    s.analytic.push_back(units::in_si(sd.rectified_product(irf, units::as<units::frequency>(s.omega[j] / (2.0 * std::numbers::pi)))));
  }
  return s;
}

double max_abs(const std::vector<double>& v) {
  double m = 0.0;
  for (double x : v) m = std::max(m, std::abs(x));
  return m;
}

struct line_features {
  double peak = 0.0;   // position of the extremum of largest |value| (parabola through 3 samples)
  double fwhm = 0.0;   // distance between the half-maximum crossings around it
  double zero = 0.0;   // zero crossing nearest to the middle of the grid
  double max_minus_min = 0.0;  // omega of the maximum minus omega of the minimum
};

line_features features(const std::vector<double>& w, const std::vector<double>& v) {
  line_features f;
  const double h = w[1] - w[0];
  const auto i = std::size_t(std::max_element(v.begin(), v.end(), [](double a, double b) { return std::abs(a) < std::abs(b); }) - v.begin());
  if (i > 0 && i + 1 < v.size()) f.peak = w[i] + 0.5 * h * (v[i - 1] - v[i + 1]) / (v[i - 1] - 2.0 * v[i] + v[i + 1]);
  double lo = 0.0, hi = 0.0;
  for (std::size_t j = i; j > 0; --j)
    if (std::abs(v[j - 1]) < 0.5 * std::abs(v[i])) {
      const double a = std::abs(v[j - 1]) - 0.5 * std::abs(v[i]), b = std::abs(v[j]) - 0.5 * std::abs(v[i]);
      lo = w[j - 1] + h * a / (a - b);
      break;
    }
  for (std::size_t j = i + 1; j < v.size(); ++j)
    if (std::abs(v[j]) < 0.5 * std::abs(v[i])) {
      const double a = std::abs(v[j - 1]) - 0.5 * std::abs(v[i]), b = std::abs(v[j]) - 0.5 * std::abs(v[i]);
      hi = w[j - 1] + h * a / (a - b);
      break;
    }
  f.fwhm = hi - lo;
  double best = 1e300;
  for (std::size_t j = 1; j < v.size(); ++j)
    if ((v[j - 1] < 0.0) != (v[j] < 0.0)) {
      const double z = w[j - 1] + h * v[j - 1] / (v[j - 1] - v[j]);
      if (std::abs(z - w[w.size() / 2]) < std::abs(best - w[w.size() / 2])) best = z;
    }
  f.zero = best;
  f.max_minus_min = w[std::size_t(std::max_element(v.begin(), v.end()) - v.begin())] -
                    w[std::size_t(std::min_element(v.begin(), v.end()) - v.begin())];
  return f;
}

std::vector<double> lorentzian(const device::vortex_spin_diode& sd, const std::vector<double>& w) {
  std::vector<double> out;
  for (double x : w) out.push_back(units::in_si(sd.lorentzian(0.5_mA, units::as<units::frequency>(x / (2.0 * std::numbers::pi)))));
  return out;
}
}  // namespace

TEST_CASE("damping-like drive: a symmetric Lorentzian at omega_r with half-width Gamma", "[vortex][spin_diode]") {
  const auto p = disk(0.0, 0.2);
  const auto s = measure(p);
  const device::vortex_spin_diode sd(p, 0.0_K, 0.0_mA);
  const double wr = sd.resonance_angular_frequency(), gm = sd.half_width();
  const double peak = max_abs(s.simulated);
  for (std::size_t j = 0; j < s.omega.size(); ++j) CHECK(std::abs(s.simulated[j] - s.analytic[j]) < 0.01 * peak);
  // the line is symmetric to leading order: |N| / |S| ~ D/G
  const double sa = units::in_si(sd.symmetric_amplitude(0.5_mA)), na = units::in_si(sd.antisymmetric_amplitude(0.5_mA));
  CHECK(std::abs(na / sa) < 0.05);
  const auto fs = features(s.omega, s.simulated), fl = features(s.omega, lorentzian(sd, s.omega));
  CHECK(std::abs(fs.peak - wr) < 0.05 * gm);  // the pole approximation: O(D/G) Gamma
  CHECK(std::abs(fs.peak - fl.peak) < 0.03 * gm);
  CHECK(fs.fwhm == Approx(2.0 * gm).epsilon(0.03));
  CHECK(fs.fwhm == Approx(fl.fwhm).epsilon(0.03));
  CHECK(s.simulated[40] == Approx(sa).epsilon(0.03));
}

TEST_CASE("field-like drive: an antisymmetric line crossing zero at omega_r, extrema at +-Gamma", "[vortex][spin_diode]") {
  const auto p = disk(0.2, 0.0);
  const auto s = measure(p);
  const device::vortex_spin_diode sd(p, 0.0_K, 0.0_mA);
  const double wr = sd.resonance_angular_frequency(), gm = sd.half_width();
  const double peak = max_abs(s.simulated);
  for (std::size_t j = 0; j < s.omega.size(); ++j) CHECK(std::abs(s.simulated[j] - s.analytic[j]) < 0.01 * peak);
  const auto fs = features(s.omega, s.simulated), fl = features(s.omega, lorentzian(sd, s.omega));
  CHECK(std::abs(fs.zero - wr) < 0.06 * gm);  // the field-like force's own symmetric part, O(D/G)
  CHECK(std::abs(fs.zero - fl.zero) < 0.02 * gm);
  CHECK(std::abs(std::abs(fs.max_minus_min) - 2.0 * gm) < 0.15 * gm);
  CHECK(std::abs(fs.max_minus_min - fl.max_minus_min) < 0.11 * gm);  // grid step 0.1 Gamma
}

TEST_CASE("both torques: the symmetric/antisymmetric ratio of the dynamics is the analytic one", "[vortex][spin_diode]") {
  const auto p = disk(0.2, 0.05);
  const auto s = measure(p);
  const device::vortex_spin_diode sd(p, 0.0_K, 0.0_mA);
  // at omega_r the line is S; at omega_r -+ Gamma it is S/2 +- N/2 (index 40 is omega_r, step Gamma/10)
  const double sym = s.simulated[40], anti = s.simulated[30] - s.simulated[50];
  const double ratio = units::in_si(sd.symmetric_amplitude(0.5_mA)) / units::in_si(sd.antisymmetric_amplitude(0.5_mA));
  CHECK(ratio == Approx(0.05 / -0.2 * p.polarity).margin(0.05));  // leading order in D/G
  CHECK(sym / anti == Approx(ratio).epsilon(0.03));
  const auto lor = lorentzian(sd, s.omega);
  for (std::size_t j = 0; j < s.omega.size(); ++j) CHECK(std::abs(s.simulated[j] - lor[j]) < 0.03 * max_abs(s.simulated));
}

TEST_CASE("spin-diode voltage through the analog resistance: sign and size of dR/dm", "[vortex][spin_diode]") {
  // G = (G_P + G_AP)/2 + (G_P - G_AP)/2 m: R_P = 100, R_AP = 200 ohm at m = 0: G = 7.5 mS, R = 133.3 ohm,
  // dR/dm = -R^2 (G_P - G_AP)/2 = -(400/3)^2 * 0.0025 = -44.44 ohm.
  const auto v = device::spin_diode_voltage(units::as<units::resistance>(100.0), units::as<units::resistance>(200.0), 1.0_uA);
  CHECK(units::in_si(v) == Approx(-44.444444e-6).epsilon(1e-6));
  CHECK(units::in_si(device::vortex_conductance(units::as<units::resistance>(100.0), units::as<units::resistance>(200.0), 1.0)) == Approx(0.01));
  CHECK_THROWS_AS(device::vortex_conductance(units::as<units::resistance>(100.0), units::as<units::resistance>(200.0), 1.5), spinaptic::invalid_parameter);
}
