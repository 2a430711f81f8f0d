// spinaptic/calibration/levenberg_marquardt.hpp: nonlinear least squares by the Levenberg-Marquardt
// method on Eigen, with a central-difference Jacobian.
#pragma once

#include <cmath>
#include <cstddef>

#include <Eigen/Dense>

#include "spinaptic/error.hpp"

namespace spinaptic::calibration {

/// Settings of levenberg_marquardt().
struct lm_options {
  std::size_t max_iterations = 200;  ///< iteration limit
  double relative_step = 1e-6;       ///< Jacobian step h_i = relative_step * scale_i
  double tolerance = 1e-12;          ///< stop when the relative change of the cost is below this
  double initial_damping = 1e-3;     ///< lambda_0
};

/// Outcome of levenberg_marquardt().
struct lm_solution {
  Eigen::VectorXd parameters;  ///< the minimiser
  Eigen::VectorXd residuals;   ///< r(parameters)
  Eigen::MatrixXd jacobian;    ///< dr/dparameters at the minimiser (central differences)
  std::size_t iterations = 0;  ///< accepted plus rejected steps
};

/// Minimises |r(theta)|^2 (Levenberg, Q. Appl. Math. 2, 164 (1944); Marquardt, J. SIAM 11, 431
/// (1963)): each step solves (J^T J + lambda diag(J^T J)) delta = -J^T r in the scaled variables
/// z = theta / scale, accepts it when the cost falls (lambda /= 10) and raises lambda x 10 when not.
/// `residuals(theta, r)` writes r (size fixed by the first call); `scale` gives each parameter's
/// typical magnitude (> 0).
template <class Residuals>
[[nodiscard]] lm_solution levenberg_marquardt(Residuals&& residuals, Eigen::VectorXd theta,
                                              const Eigen::VectorXd& scale, const lm_options& options = {}) {
  const Eigen::Index k = theta.size();
  if (scale.size() != k) throw invalid_parameter("scale size", double(scale.size()), "== parameter count");
  for (Eigen::Index i = 0; i < k; ++i) detail::require_positive("parameter scale", scale[i]);
  Eigen::VectorXd r;
  residuals(theta, r);
  const Eigen::Index n = r.size();
  auto jacobian = [&](const Eigen::VectorXd& t) {
    Eigen::MatrixXd j(n, k);
    Eigen::VectorXd plus, minus;
    for (Eigen::Index i = 0; i < k; ++i) {
      const double h = options.relative_step * scale[i];
      Eigen::VectorXd tp = t, tm = t;
      tp[i] += h;
      tm[i] -= h;
      residuals(tp, plus);
      residuals(tm, minus);
      j.col(i) = (plus - minus) / (2.0 * h);
    }
    return j;
  };
  double cost = r.squaredNorm(), lambda = options.initial_damping;
  Eigen::MatrixXd j = jacobian(theta);
  std::size_t it = 0;
  for (; it < options.max_iterations; ++it) {
    const Eigen::MatrixXd js = j * scale.asDiagonal();  // d r / d z
    const Eigen::MatrixXd a = js.transpose() * js;
    const Eigen::VectorXd g = js.transpose() * r;
    Eigen::MatrixXd damped = a;
    damped.diagonal() += lambda * a.diagonal().cwiseMax(1e-300);
    const Eigen::VectorXd dz = damped.ldlt().solve(-g);
    const Eigen::VectorXd trial = theta + scale.cwiseProduct(dz);
    Eigen::VectorXd rt;
    residuals(trial, rt);
    const double trial_cost = rt.squaredNorm();
    if (std::isfinite(trial_cost) && trial_cost < cost) {
      const double change = (cost - trial_cost) / cost;
      theta = trial;
      r = rt;
      cost = trial_cost;
      lambda = std::max(lambda / 10.0, 1e-12);
      j = jacobian(theta);
      if (change < options.tolerance) break;
    } else {
      lambda *= 10.0;
      if (lambda > 1e12) break;
    }
  }
  return {theta, r, j, it};
}

}  // namespace spinaptic::calibration
