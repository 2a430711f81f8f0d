// spinaptic side of scripts/compare-brian2: the macrospin of the comparison, built with units at
// the API. Modes:
//   probability <n per current> <steps> <dt_s> <seed> <ratio>...  prints "p <ratio> <P(m.p > 0)>"
//   timing <junctions> <steps> <dt_s> <threads> <float|double>     prints "seconds <t>"
// The device: 100 x 50 x 2 nm ellipse, Ms = 8e5 A/m, H_K = 1e4 A/m, alpha = 0.02, eta = 0.5,
// 300 K, started in AP (m = -x), p = +x, a constant current I = ratio * I_c0.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <string>

#include <spinaptic/device/macrospin.hpp>

using namespace spinaptic;
using namespace spinaptic::literals;

namespace {
device::macrospin_parameters device_under_test() {
  device::macrospin_parameters p{units::as<units::magnetic_field_strength>(8e5),
                                 units::as<units::magnetic_field_strength>(1e4), 0.02,
                                 std::numbers::pi / 4.0 * 100.0_nm * 50.0_nm * 2.0_nm};
  // The Brian2 side (scripts/compare-brian2) computes the equal-volume ellipsoid with scipy: use the
  // same factors here, the comparison is of the integrators.
  p.demag = device::equal_volume_ellipsoid_demagnetizing_factors(100.0_nm, 50.0_nm, 2.0_nm);
  p.spin_polarization = 0.5;
  return p;
}

template <class Real>
double timed_run(std::size_t n, std::size_t steps, double dt, unsigned threads) {
  const auto p = device_under_test();
  device::macrospin_ensemble<Real> e(p, n, 1);
  e.set_magnetization_all(-1.0, 0.0, 0.0);
  e.set_temperature_all(300.0_K);
  e.set_current_all(units::as<units::current>(1.2 * units::in_si(p.critical_current())));
  const auto t0 = std::chrono::steady_clock::now();
  e.advance(units::as<units::time>(dt), steps, threads);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const std::string mode = argv[1];
  const auto p = device_under_test();
  std::printf("demag %.17g %.17g %.17g\n", p.demag.x, p.demag.y, p.demag.z);
  std::printf("ic0 %.17g\n", units::in_si(p.critical_current()));
  if (mode == "probability" && argc >= 7) {
    const std::size_t n = std::strtoull(argv[2], nullptr, 10), steps = std::strtoull(argv[3], nullptr, 10);
    const double dt = std::strtod(argv[4], nullptr);
    const auto seed = std::strtoull(argv[5], nullptr, 10);
    for (int a = 6; a < argc; ++a) {
      const double ratio = std::strtod(argv[a], nullptr);
      device::macrospin_ensemble<double> e(p, n, seed + std::uint64_t(a));
      e.set_magnetization_all(-1.0, 0.0, 0.0);
      e.set_temperature_all(300.0_K);
      e.set_current_all(units::as<units::current>(ratio * units::in_si(p.critical_current())));
      e.advance(units::as<units::time>(dt), steps, 2);
      std::size_t k = 0;
      for (std::size_t j = 0; j < n; ++j) k += e.state(j) == device::parallel;
      std::printf("p %g %.6f\n", ratio, double(k) / double(n));
    }
    return 0;
  }
  if (mode == "timing" && argc >= 7) {
    const std::size_t n = std::strtoull(argv[2], nullptr, 10), steps = std::strtoull(argv[3], nullptr, 10);
    const double dt = std::strtod(argv[4], nullptr);
    const auto threads = static_cast<unsigned>(std::strtoul(argv[5], nullptr, 10));
    const double t = std::string(argv[6]) == "float" ? timed_run<float>(n, steps, dt, threads)
                                                     : timed_run<double>(n, steps, dt, threads);
    std::printf("seconds %.6f\n", t);
    return 0;
  }
  return 2;
}
