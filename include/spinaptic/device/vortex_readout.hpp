// spinaptic/device/vortex_readout.hpp: the four readout levels of a vortex junction read by two
// channels (docs/vortex.md, "Four-level readout"; what the follow-up states and what is modelled).
//
// Two binary magnetic degrees of freedom:
//   the free layer, held at a bias field H_b inside the loop's bistable window H_n < H_b < H_an,
//     is either a vortex (<m_x> = m_v = xi s(H_b), vortex_statics) or single-domain (<m_x> = 1);
//   the reference layer, programmed by field cooling through its blocking temperature, points
//     along rho = +1 or -1 (the read field keeps H_b below its exchange bias, so it stays put).
// The junction sees the relative state m = rho <m_x> in {-1, -m_v, +m_v, +1}.
// Two channels read m through the junction's own policies (vortex_junction.hpp):
//   V_DC(m) = I R(m),  1/R(m) = (G_P + G_AP)/2 + (G_P - G_AP)/2 m        (contrast: the TMR)
//   V_AC(m) = [w_P G_P V_P + w_AP G_AP V_AP] / [w_P G_P + w_AP G_AP]       (contrast: V_P - V_AP,
//             w_P = (1 + m)/2, w_AP = (1 - m)/2                           the TMS asymmetry)
// Both are strictly monotonic in m, so the four states are four levels in each channel, ordered
// by m (V_DC falling with m for TMR > 0; V_AC following sign(V_P - V_AP)).
// Read noise per channel: Johnson-Nyquist, sigma = sqrt(4 k_B T R B) in the bandwidth B; the
// separation of two levels is the noise-normalised distance in the (V_DC, V_AC) plane,
//   d_ij = sqrt(((V_DC,i - V_DC,j)/sigma_DC)^2 + ((V_AC,i - V_AC,j)/sigma_AC)^2).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

#include "spinaptic/detail/constants.hpp"
#include "spinaptic/device/vortex_junction.hpp"
#include "spinaptic/device/vortex_statics.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::device {

/// The free layer's binary state inside the bistable window.
enum class free_layer_configuration {
  vortex,        ///< a vortex, \<m_x\> = m_v
  single_domain  ///< single-domain along the bias field, \<m_x\> = 1
};

/// One of the four magnetic configurations: the free layer's state and the reference direction rho.
struct readout_configuration {
  free_layer_configuration free_layer = free_layer_configuration::vortex;  ///< vortex or single-domain
  bool reference_positive = true;                                          ///< rho = +1 (true) or -1
};

/// What the two channels read in one configuration.
struct readout_level {
  double relative_magnetization = 0.0;  ///< m = rho \<m_x\>
  units::voltage dc_voltage;            ///< V_DC = I R(m) [V]
  units::voltage thermovoltage;         ///< V_AC(m) [V]
};

/// Johnson-Nyquist voltage noise sqrt(4 k_B T R B) of a resistance R at temperature T in bandwidth B [V].
[[nodiscard]] inline units::voltage johnson_noise(units::resistance r, units::temperature t, units::frequency bandwidth) {
  const double rr = detail::require_positive("resistance R [ohm]", units::in_si(r));
  const double tt = detail::require_positive("temperature T [K]", units::in_si(t));
  const double b = detail::require_positive("read bandwidth B [Hz]", units::in_si(bandwidth));
  return units::as<units::voltage>(std::sqrt(4.0 * detail::constants::boltzmann * tt * rr * b));
}

/// The four configurations of a vortex junction held at a bias field in the bistable window, read
/// by the DC (resistance) and thermoelectric (thermovoltage) channels (header comment).
class vortex_four_level_readout {
 public:
  /// The four configurations in the order of increasing m: (single-domain, -), (vortex, -), (vortex, +), (single-domain, +).
  static constexpr std::array<readout_configuration, 4> configurations{
      readout_configuration{free_layer_configuration::single_domain, false},
      readout_configuration{free_layer_configuration::vortex, false},
      readout_configuration{free_layer_configuration::vortex, true},
      readout_configuration{free_layer_configuration::single_domain, true}};

  /// Throws invalid_parameter unless H_n < H_b < H_an of `disk` at temperature T (outside the window
  /// only one free-layer state is stable).
  vortex_four_level_readout(const vortex_parameters& disk, units::temperature t, units::magnetic_field_strength bias_field)
      : statics_(disk, t) {
    const double h = units::in_si(bias_field);
    const double h_n = units::in_si(statics_.nucleation_field()), h_an = units::in_si(statics_.annihilation_field());
    if (!(h > h_n && h < h_an))
      throw invalid_parameter("read bias field H_b [A/m]", h,
                              "(H_n, H_an) = (" + std::to_string(h_n) + ", " + std::to_string(h_an) + ") (bistable window)");
    m_v_ = statics_.vortex_magnetization(bias_field);
  }

  /// \<m_x\> of the vortex state at H_b, m_v = xi s(H_b) in (0, 1).
  [[nodiscard]] double vortex_magnetization() const noexcept { return m_v_; }

  /// The relative state m = rho \<m_x\> of configuration `c`.
  [[nodiscard]] double relative_magnetization(readout_configuration c) const noexcept {
    const double m = c.free_layer == free_layer_configuration::vortex ? m_v_ : 1.0;
    return c.reference_positive ? m : -m;
  }

  /// Both channels of `junction` (an mtj with an analog_fixed_state; its state value is ignored) in
  /// configuration `c` under laser power P and bias current I.
  template <class Response, class Resistance, class Heating, class Dynamics>
  [[nodiscard]] readout_level level(const mtj<Response, Resistance, Heating, analog_fixed_state, Dynamics>& junction,
                                    readout_configuration c, units::power p, units::current i) const {
    auto j = junction;
    j.magnetization.value = relative_magnetization(c);
    return {j.magnetization.value, i * analog_resistance(j, i), analog_thermovoltage(j, p, i)};
  }

  /// Smallest noise-normalised distance between two of the four levels (header comment), with the
  /// Johnson noise of the largest of the four resistances at temperature T in bandwidth B per channel.
  template <class Response, class Resistance, class Heating, class Dynamics>
  [[nodiscard]] double minimum_separation(const mtj<Response, Resistance, Heating, analog_fixed_state, Dynamics>& junction,
                                          units::power p, units::current i, units::temperature t,
                                          units::frequency bandwidth) const {
    const double ii = detail::require_positive("read current I [A]", units::in_si(i));
    std::array<readout_level, 4> lv{};
    double r_max = 0.0;
    for (std::size_t k = 0; k < 4; ++k) {
      lv[k] = level(junction, configurations[k], p, i);
      r_max = std::max(r_max, units::in_si(lv[k].dc_voltage) / ii);
    }
    const double sigma = units::in_si(johnson_noise(units::as<units::resistance>(r_max), t, bandwidth));
    double d_min = std::numeric_limits<double>::infinity();
    for (std::size_t a = 0; a < 4; ++a)
      for (std::size_t b = a + 1; b < 4; ++b) {
        const double dv = units::in_si(lv[a].dc_voltage) - units::in_si(lv[b].dc_voltage);
        const double dt = units::in_si(lv[a].thermovoltage) - units::in_si(lv[b].thermovoltage);
        d_min = std::min(d_min, std::hypot(dv, dt) / sigma);
      }
    return d_min;
  }

  /// The statics of the disk at T.
  [[nodiscard]] const vortex_statics& statics() const noexcept { return statics_; }

 private:
  vortex_statics statics_;
  double m_v_ = 0.0;
};

}  // namespace spinaptic::device
