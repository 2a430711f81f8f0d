// spinaptic/calibration/fit_result.hpp: what a least-squares fit returns: the parameters with
// their covariance and standard errors, the residuals and their RMS.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace spinaptic::calibration {

/// Result of a least-squares fit. Parameters are raw SI doubles (their units in `units`), because
/// they live in Eigen vectors; the fitted response built from them is unit-checked.
///   covariance = s^2 (J^T J)^-1,  s^2 = sum r_n^2 / (n - k)   (J the Jacobian of the model at the
///   solution; for a linear model J is the design matrix), standard_errors = sqrt(diag(covariance)).
struct fit_result {
  std::vector<std::string> names;  ///< parameter names
  std::vector<std::string> units;  ///< parameter units ("1" for dimensionless)
  Eigen::VectorXd values;          ///< best-fit parameters
  Eigen::VectorXd standard_errors;  ///< sqrt of the covariance diagonal
  Eigen::MatrixXd covariance;      ///< parameter covariance
  Eigen::VectorXd residuals;       ///< data - model per point [V]
  double rms_residual = 0.0;       ///< sqrt(mean residual^2) [V]
  std::size_t degrees_of_freedom = 0;  ///< n - k
  std::size_t iterations = 0;      ///< solver iterations (0 for a linear fit)

  /// Fills covariance, standard errors and the RMS from the Jacobian J (n x k) and the residuals.
  void finish(const Eigen::MatrixXd& jacobian) {
    const auto n = static_cast<std::size_t>(residuals.size()), k = static_cast<std::size_t>(values.size());
    degrees_of_freedom = n > k ? n - k : 0;
    const double rss = residuals.squaredNorm();
    rms_residual = n ? std::sqrt(rss / double(n)) : 0.0;
    const double s2 = degrees_of_freedom ? rss / double(degrees_of_freedom) : 0.0;
    const Eigen::MatrixXd jtj = jacobian.transpose() * jacobian;
    covariance = s2 * jtj.ldlt().solve(Eigen::MatrixXd::Identity(jtj.rows(), jtj.cols()));
    standard_errors = covariance.diagonal().cwiseMax(0.0).cwiseSqrt();
  }
};

}  // namespace spinaptic::calibration
