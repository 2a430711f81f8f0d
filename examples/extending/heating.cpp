// examples/extending/heating.cpp: one's own heating model in a junction (docs/extending.md).
//
// The concept (spinaptic/concepts/device.hpp):
//   template <class H> concept heating_model = requires(const H& h, units::power p, units::current i,
//                                                       units::resistance r, units::temperature dT) {
//     { h.temperature_difference(p, i, r) } -> std::same_as<units::temperature>;  // steady dT_B across the barrier
//     { h.equivalent_laser_power(dT) }      -> std::same_as<units::power>;        // the laser power that alone gives dT
//   };
// The model here: laser heating that saturates (a phenomenological form for an absorptance that
// falls as the electrode heats), plus the Joule share of the calibrated model,
//   dT_B = zeta P / (1 + P / P_s) + R_J I^2 R,     its inverse  P = dT P_s / (zeta P_s - dT).
// For P << P_s it is the calibrated laser_heating (zeta, R_J) of hybrid_mgo_800nm. Bad input is
// refused with a spinaptic::error that names the parameter, as the library's own models do.
// The calibrated response of hybrid_mgo_800nm is a fit of measured V(P, I) and ignores heating; the
// junction's temperature_difference() and simulate() go through this model.
// The last line printed is round_trip_relative_error=...
#include <cmath>
#include <cstdio>
#include <string>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/error.hpp>

#include "../common/command_line.hpp"

namespace sp = spinaptic;
using namespace spinaptic::literals;

/// dT_B = zeta P / (1 + P / P_s) + R_J I^2 R.
struct saturating_heating {
  sp::units::thermal_resistance laser_coefficient;  ///< zeta [K/W]
  sp::units::thermal_resistance joule_coefficient;  ///< R_J [K/W]
  sp::units::power saturation_power;                ///< P_s [W]

  [[nodiscard]] sp::units::temperature temperature_difference(sp::units::power p, sp::units::current i,
                                                              sp::units::resistance r) const {
    if (!(sp::units::in_si(p) >= 0.0)) throw sp::invalid_parameter("laser power P [W]", sp::units::in_si(p), ">= 0");
    return laser_coefficient * p / (1.0 + p / saturation_power) + joule_coefficient * (i * i * r);
  }
  [[nodiscard]] sp::units::power equivalent_laser_power(sp::units::temperature dT) const {
    const auto limit = laser_coefficient * saturation_power;  // dT of an infinite laser power
    if (!(dT >= 0.0 * sp::units::kelvin && dT < limit))
      throw sp::invalid_parameter("temperature difference dT [K]", sp::units::in_si(dT),
                                  "[0, zeta P_s) = [0, " + std::to_string(sp::units::in_si(limit)) + ")");
    return dT * saturation_power / (limit - dT);
  }
};
static_assert(sp::heating_model<saturating_heating>);

int main(int argc, char** argv) {
  if (const int code = example::parse_without_options(argc, argv, "one's own heating model in a junction (docs/extending.md)."); code >= 0) return code;
  using paper = sp::device::presets::hybrid_mgo_800nm;
  const saturating_heating heating{paper::laser_heating_coefficient(), paper::joule_heating_coefficient(), 1.0_W};
  const sp::device::mtj<paper::response_type, sp::device::tmr_resistance, saturating_heating> junction{
      paper::response(), paper::resistance(), heating, paper::thermal(), sp::device::fixed_state{sp::device::antiparallel}};

  // The inverse law: P -> dT -> P.
  double worst = 0.0;
  for (const auto& p : {1.0_mW, 50.0_mW, 150.0_mW, 500.0_mW}) {
    const auto dT = junction.temperature_difference(p, 0.0_mA);
    worst = std::max(worst, std::abs(sp::units::in_si(heating.equivalent_laser_power(dT) / p) - 1.0));
    std::printf("P = %6.1f mW: dT_B = %.4f K\n", sp::units::in_si(p) * 1e3, sp::units::in_si(dT));
  }
  // The low-power limit: the calibrated linear model, to relative order P / P_s.
  const auto small = 0.1_mW;
  const double linear = sp::units::in_si(paper::heating().temperature_difference(small, 0.0_mA, junction.resistance(0.0_mA)));
  const double ours = sp::units::in_si(junction.temperature_difference(small, 0.0_mA));
  std::printf("P = 0.1 mW: dT_B = %.7f K, calibrated linear model %.7f K (1 - P/P_s = %.4f)\n", ours, linear, ours / linear);
  // The Joule share at I = 2 mA, as the calibrated model's R_J I^2 R.
  std::printf("P = 0, I = 2 mA: dT_B = %.6f K\n", sp::units::in_si(junction.temperature_difference(0.0_mW, 2.0_mA)));
  // Bad input: a named error, not a silent clamp.
  try {
    (void)heating.equivalent_laser_power(1.0e6 * sp::units::kelvin);
  } catch (const sp::error& e) {
    std::printf("refused: %s\n", e.what());
  }
  std::printf("round_trip_relative_error=%.1e\n", worst);
  return worst < 1e-12 && std::abs(ours / linear - 1.0) < 2e-4 ? 0 : 1;
}
