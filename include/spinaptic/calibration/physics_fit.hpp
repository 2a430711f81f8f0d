// spinaptic/calibration/physics_fit.hpp: the physics-derived response fitted to a measured sweep by
// nonlinear least squares: the thermoelectric and temperature coefficients of a junction whose
// stack (geometry, barrier, thermal network) is known.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "spinaptic/calibration/fit_result.hpp"
#include "spinaptic/calibration/levenberg_marquardt.hpp"
#include "spinaptic/device/measured_sweep.hpp"
#include "spinaptic/device/derived_response.hpp"
#include "spinaptic/device/mtj.hpp"
#include "spinaptic/error.hpp"

namespace spinaptic::calibration {

/// The parameters of derived_bias_enhanced_tms<> that a V_AC(P, I) sweep of both states
/// identifies when the stack's thermal network is known (docs/physics.md section 6): the even
/// part sets S_P and S_AP, the odd part's linear and cubic terms set beta_P, beta_TMR and beta_h.
enum class physics_parameter {
  seebeck_parallel,      ///< S_P at T0 [V/K]
  seebeck_antiparallel,  ///< S_AP at T0 [V/K]
  parallel_coefficient,  ///< beta_P [1/K]
  tmr_coefficient,       ///< beta_TMR [1/K]
  half_bias_coefficient  ///< beta_h [1/K]
};

/// The junction whose physics-derived response is fitted: its resistance and heating are its own
/// members, the response holds the Seebeck and Peltier parts (device::mtj).
using physics_junction = device::mtj<device::derived_bias_enhanced_tms<>, device::thermal_tmr_resistance,
                                     device::thermal_stack, device::fixed_state, device::pillar_half_space_response>;

/// A fitted physics junction and its fit statistics.
struct physics_fit {
  physics_junction junction;  ///< `start` with the fitted values
  fit_result fit;             ///< the fitted parameters with standard errors, residuals in volts
};

namespace detail_physics_fit {
inline const char* name(physics_parameter p) {
  switch (p) {
    case physics_parameter::seebeck_parallel: return "S_P";
    case physics_parameter::seebeck_antiparallel: return "S_AP";
    case physics_parameter::parallel_coefficient: return "beta_P";
    case physics_parameter::tmr_coefficient: return "beta_TMR";
    case physics_parameter::half_bias_coefficient: return "beta_h";
  }
  return "?";
}
inline const char* unit(physics_parameter p) {
  return p == physics_parameter::seebeck_parallel || p == physics_parameter::seebeck_antiparallel ? "V/K" : "1/K";
}
/// Reads parameter p of a response (raw SI).
inline double get(const physics_junction& j, physics_parameter p) {
  const auto& r = j.response;
  const auto& res = j.resistance_model;
  switch (p) {
    case physics_parameter::seebeck_parallel: return units::in_si(r.seebeck().seebeck_parallel);
    case physics_parameter::seebeck_antiparallel: return units::in_si(r.seebeck().seebeck_antiparallel);
    case physics_parameter::parallel_coefficient: return units::in_si(res.parallel_coefficient);
    case physics_parameter::tmr_coefficient: return units::in_si(res.tmr_coefficient);
    case physics_parameter::half_bias_coefficient: return units::in_si(res.half_bias_coefficient);
  }
  return 0.0;
}
/// `base` with the parameters `which` set to `values` (raw SI).
inline physics_junction with(const physics_junction& base, const std::vector<physics_parameter>& which,
                             const Eigen::VectorXd& values) {
  physics_junction out = base;
  auto& resistance = out.resistance_model;
  auto seebeck = base.response.seebeck();
  for (std::size_t i = 0; i < which.size(); ++i) {
    const double v = values[Eigen::Index(i)];
    switch (which[i]) {
      case physics_parameter::seebeck_parallel: seebeck.seebeck_parallel = units::as<units::seebeck_coefficient>(v); break;
      case physics_parameter::seebeck_antiparallel: seebeck.seebeck_antiparallel = units::as<units::seebeck_coefficient>(v); break;
      case physics_parameter::parallel_coefficient: resistance.parallel_coefficient = units::as<units::temperature_coefficient>(v); break;
      case physics_parameter::tmr_coefficient: resistance.tmr_coefficient = units::as<units::temperature_coefficient>(v); break;
      case physics_parameter::half_bias_coefficient: resistance.half_bias_coefficient = units::as<units::temperature_coefficient>(v); break;
    }
  }
  out.response = physics_junction::response_type(base.response.scale(), seebeck, base.response.peltier(),
                                                 base.response.ambient_temperature());
  return out;
}
}  // namespace detail_physics_fit

/// All five identifiable parameters.
[[nodiscard]] inline std::vector<physics_parameter> all_physics_parameters() {
  return {physics_parameter::seebeck_parallel, physics_parameter::seebeck_antiparallel,
          physics_parameter::parallel_coefficient, physics_parameter::tmr_coefficient,
          physics_parameter::half_bias_coefficient};
}

/// Fits the parameters `which` of `start` (the stack and the initial guess) to the sweep by
/// Levenberg-Marquardt on the residuals V_n - V_AC(state_n, P_n, I_n); the other parameters stay
/// as in `start`. The covariance is s^2 (J^T J)^-1 at the minimiser.
[[nodiscard]] inline physics_fit fit_physics_response(const device::measured_sweep& sweep, const physics_junction& start,
                                                      std::vector<physics_parameter> which = all_physics_parameters(),
                                                      const lm_options& options = {}) {
  if (which.empty()) throw invalid_parameter("number of fitted parameters", 0.0, ">= 1");
  if (sweep.size() <= which.size())
    throw invalid_parameter("sweep points", double(sweep.size()), "> number of fitted parameters");
  const Eigen::Index k = Eigen::Index(which.size());
  Eigen::VectorXd theta(k), scale(k);
  for (Eigen::Index i = 0; i < k; ++i) {
    theta[i] = detail_physics_fit::get(start, which[std::size_t(i)]);
    scale[i] = std::abs(theta[i]) > 0.0 ? std::abs(theta[i]) : 1e-3;
  }
  auto residuals = [&](const Eigen::VectorXd& t, Eigen::VectorXd& r) {
    const physics_junction model = detail_physics_fit::with(start, which, t);
    r.resize(Eigen::Index(sweep.size()));
    for (std::size_t n = 0; n < sweep.size(); ++n)
      r[Eigen::Index(n)] = sweep.voltage[n] - device::lock_in_signal(model.resistance_model, model.heating, model.response.seebeck(),
                                                                     model.response.peltier(), sweep.state[n], sweep.power[n],
                                                                     sweep.current[n],
                                                                     units::in_si(model.response.ambient_temperature()))
                                                  .voltage;
  };
  const lm_solution s = levenberg_marquardt(residuals, theta, scale, options);
  physics_fit out{detail_physics_fit::with(start, which, s.parameters), {}};
  fit_result& f = out.fit;
  for (auto p : which) {
    f.names.emplace_back(detail_physics_fit::name(p));
    f.units.emplace_back(detail_physics_fit::unit(p));
  }
  f.values = s.parameters;
  f.residuals = s.residuals;
  f.iterations = s.iterations;
  f.finish(-s.jacobian);  // the model's Jacobian is -dr/dtheta
  return out;
}

}  // namespace spinaptic::calibration
