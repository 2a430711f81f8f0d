// spinaptic/device/measured_response.hpp: a thermovoltage response V_s(P, I) measured by the
// user, loaded from a CSV sweep and interpolated bilinearly, with derivatives.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/measured_sweep.hpp"
#include "spinaptic/device/thermoelectric.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/io/csv.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// One magnetic state's measured sweep on a rectangular grid, in normalised coordinates.
struct response_grid {
  std::vector<double> powers;    ///< p_i = P_i / P_max, strictly increasing, >= 2 points
  std::vector<double> currents;  ///< x_j = I_j / I_max, strictly increasing, >= 2 points
  std::vector<double> values;    ///< v_ij = V_ij / V_max, row-major [i * currents.size() + j]

  /// Whether the grid holds no data.
  [[nodiscard]] bool empty() const noexcept { return values.empty(); }
};

/// Measured-table response policy: V_s(P, I) from a user's sweep, bilinear in (P, I) inside each
/// grid cell; a calibrated surface that ignores the junction's heating and Seebeck policies
/// (docs/physics.md section 5.1). dV/dI and dV/dP are the exact derivatives of that interpolant (piecewise
/// constant in the differentiated variable). Grid points are reproduced exactly.
///
/// CSV format (one header line, columns in any order, '#' comments allowed):
///   state,power_W,current_A,voltage_V
///   AP,0.15,0.003,0.02335
/// `state` is P or AP (also parallel/antiparallel); power in W, current in A, voltage in V (SI).
/// Each state present must fill a full rectangular grid of at least 2 x 2 points.
///
/// Inside the unit-checked API, a drive outside the measured range throws invalid_parameter
/// (no silent extrapolation of user data). The raw kernels extrapolate the edge cells linearly.
class measured_tms {
 public:
  /// A calibrated surface (concept calibrated_surface): measured V(P, I), whatever the junction's
  /// resistance and heating.
  static constexpr bool is_calibrated_surface = true;
  /// The readout scale and one grid per state (at least one non-empty; validated).
  measured_tms(response_scale scale, response_grid parallel_grid, response_grid antiparallel_grid)
      : scale_(scale), grids_{std::move(parallel_grid), std::move(antiparallel_grid)} {
    if (grids_[0].empty() && grids_[1].empty())
      throw error("spinaptic: measured_tms needs a grid for at least one magnetic state");
    for (const auto& g : grids_)
      if (!g.empty()) {
        validate(g);
        validate_slopes(g, scale_);
      }
  }

  /// Load a CSV sweep. The scale is taken from the data unless given: I_max = max |I|,
  /// P_max = max P, V_max = the AP value at (P_max, I_max) when present, else max |V|.
  /// Every malformed file throws a spinaptic::error (file_error with line and column where the
  /// fault has one); no other exception type escapes.
  [[nodiscard]] static measured_tms from_csv(const std::string& path,
                                             std::optional<response_scale> scale = std::nullopt) {
    return detail::reading_file(path, [&] { return from_table(io::read_csv(path), scale); });
  }

  /// As from_csv, from a parsed CSV table.
  [[nodiscard]] static measured_tms from_table(const io::csv_table& table,
                                               std::optional<response_scale> scale = std::nullopt);

  /// The readout scale (I_max, P_max, V_max).
  [[nodiscard]] const response_scale& scale() const noexcept { return scale_; }
  /// I_max [A].
  [[nodiscard]] units::current max_current() const noexcept { return scale_.max_current; }
  /// P_max [W].
  [[nodiscard]] units::power max_power() const noexcept { return scale_.max_power; }
  /// V_max [V].
  [[nodiscard]] units::voltage max_voltage() const noexcept { return scale_.max_voltage; }
  /// Whether state s was measured.
  [[nodiscard]] bool has_state(magnetic_state s) const noexcept { return !grid(s).empty(); }
  /// The measured grid of state s (normalised).
  [[nodiscard]] const response_grid& grid(magnetic_state s) const noexcept {
    return grids_[static_cast<std::size_t>(s)];
  }

  // ---- raw kernels (normalised p, x; result in units of V_max) ---------------------------
  /// v(p, x) = V/V_max, bilinear in the grid cell (raw kernel).
  [[nodiscard]] double normalized(magnetic_state s, double p, double x) const noexcept {
    const cell c = locate(grid(s), p, x);
    return (1 - c.t) * (1 - c.u) * c.v00 + c.t * (1 - c.u) * c.v10 + (1 - c.t) * c.u * c.v01 +
           c.t * c.u * c.v11;
  }
  /// dv/dx of the bilinear interpolant (raw kernel).
  [[nodiscard]] double normalized_dx(magnetic_state s, double p, double x) const noexcept {
    const cell c = locate(grid(s), p, x);
    return ((1 - c.t) * (c.v01 - c.v00) + c.t * (c.v11 - c.v10)) / c.dx;
  }
  /// dv/dp of the bilinear interpolant (raw kernel).
  [[nodiscard]] double normalized_dp(magnetic_state s, double p, double x) const noexcept {
    const cell c = locate(grid(s), p, x);
    return ((1 - c.u) * (c.v10 - c.v00) + c.u * (c.v11 - c.v01)) / c.dp;
  }

  // ---- the unit-checked API ---------------------------------------------------------------
  /// V_s(P, I) [V]; a drive outside the measured range throws invalid_parameter.
  [[nodiscard]] units::voltage thermovoltage(magnetic_state s, units::power laser_power,
                                             units::current bias) const {
    const auto [p, x] = checked_point(s, laser_power, bias);
    return normalized(s, p, x) * scale_.max_voltage;
  }
  /// dV/dI [ohm] of the interpolant.
  [[nodiscard]] units::resistance dV_dI(magnetic_state s, units::power laser_power,
                                        units::current bias) const {
    const auto [p, x] = checked_point(s, laser_power, bias);
    return normalized_dx(s, p, x) * scale_.voltage_per_current();
  }
  /// dV/dP [V/W] of the interpolant.
  [[nodiscard]] units::responsivity dV_dP(magnetic_state s, units::power laser_power,
                                          units::current bias) const {
    const auto [p, x] = checked_point(s, laser_power, bias);
    return normalized_dp(s, p, x) * scale_.voltage_per_power();
  }

 private:
  struct cell {
    double t, u, dp, dx, v00, v10, v01, v11;
  };

  static std::size_t lower_index(const std::vector<double>& axis, double v) noexcept {
    auto it = std::upper_bound(axis.begin(), axis.end(), v);
    std::size_t i = static_cast<std::size_t>(it - axis.begin());
    i = i == 0 ? 0 : i - 1;
    return std::min(i, axis.size() - 2);
  }

  static cell locate(const response_grid& g, double p, double x) noexcept {
    const std::size_t i = lower_index(g.powers, p), j = lower_index(g.currents, x);
    const std::size_t n = g.currents.size();
    const double dp = g.powers[i + 1] - g.powers[i], dx = g.currents[j + 1] - g.currents[j];
    return cell{(p - g.powers[i]) / dp,         (x - g.currents[j]) / dx, dp, dx,
                g.values[i * n + j],            g.values[(i + 1) * n + j],
                g.values[i * n + j + 1],        g.values[(i + 1) * n + j + 1]};
  }

  std::array<double, 2> checked_point(magnetic_state s, units::power laser_power,
                                      units::current bias) const {
    const response_grid& g = grid(s);
    if (g.empty())
      throw error(std::string("spinaptic: measured_tms has no data for the ") +
                  std::string(to_string(s)) + " state");
    const auto [p, x] = scale_.normalize(laser_power, bias);
    const double eps = 1e-12;
    if (p < g.powers.front() - eps || p > g.powers.back() + eps)
      throw invalid_parameter("laser power P [W]", units::in_si(laser_power),
                              "inside the measured range [" +
                                  std::to_string(g.powers.front() * units::in_si(scale_.max_power)) +
                                  ", " + std::to_string(g.powers.back() * units::in_si(scale_.max_power)) +
                                  "] W");
    if (x < g.currents.front() - eps || x > g.currents.back() + eps)
      throw invalid_parameter("bias current I [A]", units::in_si(bias),
                              "inside the measured range [" +
                                  std::to_string(g.currents.front() * units::in_si(scale_.max_current)) +
                                  ", " +
                                  std::to_string(g.currents.back() * units::in_si(scale_.max_current)) +
                                  "] A");
    return {p, x};
  }

  static void validate(const response_grid& g) {
    if (g.powers.size() < 2 || g.currents.size() < 2)
      throw error("spinaptic: a measured response grid needs at least 2 powers and 2 currents");
    if (g.values.size() != g.powers.size() * g.currents.size())
      throw size_mismatch("measured response grid values", g.powers.size() * g.currents.size(),
                          g.values.size());
    for (std::size_t i = 1; i < g.powers.size(); ++i)
      if (!(g.powers[i] > g.powers[i - 1])) throw error("spinaptic: grid powers must increase strictly");
    for (std::size_t j = 1; j < g.currents.size(); ++j)
      if (!(g.currents[j] > g.currents[j - 1])) throw error("spinaptic: grid currents must increase strictly");
    for (double v : g.values) detail::require_finite("measured voltage", v);
  }

  /// Every cell's dV/dI and dV/dP [SI] must be finite: finite values (even +-1e308) can differ by
  /// more than the largest double, and the derivatives the trainer reads would be +-inf.
  static void validate_slopes(const response_grid& g, const response_scale& scale) {
    const double per_current = units::in_si(scale.voltage_per_current());
    const double per_power = units::in_si(scale.voltage_per_power());
    const double im = units::in_si(scale.max_current), pm = units::in_si(scale.max_power);
    const std::size_t n = g.currents.size();
    const auto refuse = [](const char* what, double slope, double p_w, double i_a) {
      std::ostringstream s;
      s.precision(17);
      s << "spinaptic: measured response: " << what << " = " << slope << " in the grid cell at P = " << p_w
        << " W, I = " << i_a << " A overflows; allowed: finite (the measured voltages differ by more than "
        << "the largest double over one cell)";
      throw error(s.str());
    };
    for (std::size_t i = 0; i < g.powers.size(); ++i)
      for (std::size_t j = 0; j < n; ++j) {
        const double v = g.values[i * n + j];
        if (j + 1 < n) {
          const double dv_dx = (g.values[i * n + j + 1] - v) / (g.currents[j + 1] - g.currents[j]);
          if (!std::isfinite(dv_dx * per_current)) refuse("dV/dI [ohm]", dv_dx * per_current, g.powers[i] * pm, g.currents[j] * im);
        }
        if (i + 1 < g.powers.size()) {
          const double dv_dp = (g.values[(i + 1) * n + j] - v) / (g.powers[i + 1] - g.powers[i]);
          if (!std::isfinite(dv_dp * per_power)) refuse("dV/dP [V/W]", dv_dp * per_power, g.powers[i] * pm, g.currents[j] * im);
        }
      }
  }

  response_scale scale_;
  std::array<response_grid, 2> grids_;  // [parallel, antiparallel]
};

inline measured_tms measured_tms::from_table(const io::csv_table& table,
                                             std::optional<response_scale> scale) {
  if (table.rows.empty()) throw file_error(table.source, "", "empty file: expected a header line");
  const measured_sweep sweep = sweep_from_table(table);
  // (P, I) -> V per state, with the index of the point that defined it (for error messages).
  struct measured_point {
    double volts;
    std::size_t index;
  };
  std::array<std::map<std::pair<double, double>, measured_point>, 2> points;
  for (std::size_t n = 0; n < sweep.size(); ++n)
    if (!points[static_cast<std::size_t>(sweep.state[n])]
             .emplace(std::pair{sweep.power[n], sweep.current[n]}, measured_point{sweep.voltage[n], n})
             .second)
      throw file_error(table.source, file_error::at_line(sweep.line[n], sweep.columns[n][0]),
                       "duplicate (power, current) point for this state");
  // Scale: from the data unless given.
  if (!scale) {
    double i_max = 0.0, p_max = 0.0, v_abs = 0.0;
    for (const auto& m : points)
      for (const auto& [key, point] : m) {
        p_max = std::max(p_max, key.first);
        i_max = std::max(i_max, std::abs(key.second));
        v_abs = std::max(v_abs, std::abs(point.volts));
      }
    double v_max = v_abs;
    if (auto it = points[1].find({p_max, i_max}); it != points[1].end() && it->second.volts != 0.0)
      v_max = it->second.volts;
    if (!(i_max > 0.0) || !(p_max > 0.0) || !(v_max != 0.0))
      throw file_error(table.source, "", "the sweep spans no nonzero power, current or voltage");
    scale = response_scale(units::as<units::voltage>(v_max), units::as<units::current>(i_max),
                           units::as<units::power>(p_max));
  }
  std::array<response_grid, 2> grids;
  for (std::size_t s = 0; s < 2; ++s) {
    if (points[s].empty()) continue;
    std::vector<double> ps, xs;
    for (const auto& [key, point] : points[s]) {
      ps.push_back(key.first);
      xs.push_back(key.second);
      // A value that overflows to +-inf once divided by P_max, I_max or V_max (a huge value or a
      // tiny given scale) is refused at its file, line and column.
      const std::array<double, 3> scaled{key.first / units::in_si(scale->max_power),
                                         key.second / units::in_si(scale->max_current),
                                         point.volts / units::in_si(scale->max_voltage)};
      constexpr std::array<const char*, 3> quantity{"power / P_max", "current / I_max", "voltage / V_max"};
      for (std::size_t q = 0; q < 3; ++q)
        if (!std::isfinite(scaled[q]))
          throw file_error(table.source, file_error::at_line(sweep.line[point.index], sweep.columns[point.index][q]),
                           std::string("measured ") + quantity[q] + " = " + std::to_string(scaled[q]) +
                               " overflows after scaling (the value or the scale is out of range)");
    }
    std::sort(ps.begin(), ps.end());
    ps.erase(std::unique(ps.begin(), ps.end()), ps.end());
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    if (points[s].size() != ps.size() * xs.size())
      throw file_error(table.source, "",
                       std::string("the ") + (s ? "AP" : "P") + " sweep is not a full grid: " +
                           std::to_string(ps.size()) + " powers x " + std::to_string(xs.size()) +
                           " currents need " + std::to_string(ps.size() * xs.size()) +
                           " points, found " + std::to_string(points[s].size()));
    response_grid& g = grids[s];
    const double pm = units::in_si(scale->max_power), im = units::in_si(scale->max_current),
                 vm = units::in_si(scale->max_voltage);
    for (double p : ps) g.powers.push_back(p / pm);
    for (double x : xs) g.currents.push_back(x / im);
    for (double p : ps)
      for (double x : xs) g.values.push_back(points[s].at({p, x}).volts / vm);
  }
  return measured_tms(*scale, std::move(grids[0]), std::move(grids[1]));
}

}  // namespace spinaptic::device
