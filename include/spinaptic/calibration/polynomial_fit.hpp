// spinaptic/calibration/polynomial_fit.hpp: the calibrated (P, I) surface bias_enhanced_tms<M>
// fitted to a measured sweep by linear least squares.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include <Eigen/Dense>

#include "spinaptic/calibration/fit_result.hpp"
#include "spinaptic/device/measured_sweep.hpp"
#include "spinaptic/device/response_surface.hpp"
#include "spinaptic/error.hpp"

namespace spinaptic::calibration {

/// A fitted polynomial surface and its fit statistics.
template <std::size_t M>
struct polynomial_fit {
  device::bias_enhanced_tms<M> response;  ///< the fitted surface (a calibrated surface)
  fit_result fit;                          ///< c^s_mk with standard errors, residuals in volts
};

/// Fits V_s(P, I) = V_max sum_{m=1..M} sum_{k=0..3} c^s_mk p^m x^k (x = I/I_max, p = P/P_max) to the
/// sweep by linear least squares (Householder QR with column pivoting): one block of 4M columns
/// per state present (a state without points keeps c = 0). Parameters are named c<state>_<m><k>,
/// dimensionless; the covariance is s^2 (X^T X)^-1 with X the design matrix.
template <std::size_t M = 1>
[[nodiscard]] polynomial_fit<M> fit_polynomial_surface(const device::measured_sweep& sweep, const device::response_scale& scale) {
  using device::magnetic_state;
  const std::array<magnetic_state, 2> states{magnetic_state::parallel, magnetic_state::antiparallel};
  std::array<bool, 2> present{sweep.count(states[0]) > 0, sweep.count(states[1]) > 0};
  const std::size_t block = 4 * M;
  const std::size_t k = block * (std::size_t(present[0]) + std::size_t(present[1]));
  if (sweep.size() <= k)
    throw invalid_parameter("sweep points", double(sweep.size()), "> number of coefficients 4 M per state");
  std::array<std::size_t, 2> offset{0, present[0] ? block : 0};
  const double pm = units::in_si(scale.max_power), im = units::in_si(scale.max_current),
               vm = units::in_si(scale.max_voltage);
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(Eigen::Index(sweep.size()), Eigen::Index(k));
  Eigen::VectorXd y(Eigen::Index(sweep.size()));
  for (std::size_t n = 0; n < sweep.size(); ++n) {
    const std::size_t s = static_cast<std::size_t>(sweep.state[n]);
    const double p = sweep.power[n] / pm, c = sweep.current[n] / im;
    double pmth = p;
    for (std::size_t m = 0; m < M; ++m, pmth *= p) {
      double xk = 1.0;
      for (std::size_t kk = 0; kk < 4; ++kk, xk *= c) x(Eigen::Index(n), Eigen::Index(offset[s] + 4 * m + kk)) = pmth * xk;
    }
    y[Eigen::Index(n)] = sweep.voltage[n] / vm;
  }
  polynomial_fit<M> out{device::bias_enhanced_tms<M>(scale, {}, {}), {}};
  fit_result& f = out.fit;
  f.values = x.colPivHouseholderQr().solve(y);
  f.residuals = (y - x * f.values) * vm;
  f.finish(x * vm);  // the model in volts is V = vm X c
  std::array<typename device::bias_enhanced_tms<M>::coefficient_matrix, 2> c{};
  for (std::size_t s = 0; s < 2; ++s) {
    if (!present[s]) continue;
    for (std::size_t m = 0; m < M; ++m)
      for (std::size_t kk = 0; kk < 4; ++kk) {
        c[s][m][kk] = f.values[Eigen::Index(offset[s] + 4 * m + kk)];
        f.names.push_back(std::string("c") + (s ? "AP" : "P") + "_" + std::to_string(m + 1) + std::to_string(kk));
        f.units.emplace_back("1");
      }
  }
  out.response = device::bias_enhanced_tms<M>(scale, c[0], c[1]);
  return out;
}

}  // namespace spinaptic::calibration
