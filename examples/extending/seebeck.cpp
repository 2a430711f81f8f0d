// examples/extending/seebeck.cpp: one's own Seebeck model in the paper's junction (docs/extending.md).
//
// The concept (spinaptic/concepts/device.hpp):
//   template <class S> concept seebeck_model = requires(const S& m, device::magnetic_state s, double v, double t) {
//     { m.partials(s, v, t).value } -> std::convertible_to<double>;   // S [V/K] at bias V [V], temperature T [K]
//     { m.partials(s, v, t).d_dv }  -> std::convertible_to<double>;   // dS/dV [1/K]
//     { m.partials(s, v, t).d_dt }  -> std::convertible_to<double>;   // dS/dT [V/K^2]
//   };
// The model here: a Seebeck coefficient that falls off with bias as a Lorentzian,
//   S_s(V) = S_s / (1 + (V / V_0)^2),
// a shape one might fit to a measured S(V). It goes into the physics-derived response, whose
// lock-in signal is V_AC = V_b(T_on) - S(V_b, T_on) dT_on - [the same with the laser off]
// (docs/physics.md section 5). At zero bias there is neither Joule nor Peltier heat, so
// V_AC(P, 0) = -S_s(0) dT_B(P): the program recovers S_AP from the junction's own voltage and
// temperature difference, and checks the analytic dV/dI against a central difference.
// The last line printed is recovered_seebeck_uV_per_K=...
#include <cmath>
#include <cstdio>

#include <spinaptic/device/presets.hpp>

#include "../common/command_line.hpp"

namespace sp = spinaptic;
using namespace spinaptic::literals;

/// S_s(V) = S_s / (1 + (V/V_0)^2), independent of temperature.
struct lorentzian_seebeck {
  double parallel = -40e-6;      ///< S_P at zero bias [V/K]
  double antiparallel = -80e-6;  ///< S_AP at zero bias [V/K]
  double width = 0.3;            ///< V_0 [V]

  [[nodiscard]] sp::device::seebeck_partials partials(sp::device::magnetic_state s, double v, double /*kelvin*/) const {
    const double s0 = s == sp::device::magnetic_state::parallel ? parallel : antiparallel;
    const double u = v / width, den = 1.0 + u * u;
    return {.value = s0 / den, .d_dv = -2.0 * s0 * u / (width * den * den), .d_dt = 0.0};
  }
};
static_assert(sp::seebeck_model<lorentzian_seebeck>);

int main(int argc, char** argv) {
  if (const int code = example::parse_without_options(argc, argv, "one's own Seebeck model in the paper's junction (docs/extending.md)."); code >= 0) return code;
  using physics = sp::device::presets::physics_mgo_800nm;  // the stack, its resistance and thermal network
  using response = sp::device::derived_bias_enhanced_tms<lorentzian_seebeck, sp::device::kelvin_peltier>;
  // The response holds only its Seebeck and Peltier parts; the junction evaluates it through its own
  // resistance, heating and thermal dynamics (docs/physics.md section 5.2).
  using junction_type = sp::device::mtj<response, sp::device::thermal_tmr_resistance, sp::device::thermal_stack,
                                        sp::device::fixed_state, sp::device::pillar_half_space_response>;
  const lorentzian_seebeck seebeck{};
  const response r(sp::device::response_scale(physics::max_voltage(), physics::max_current(), physics::max_power()),
                   seebeck, sp::device::kelvin_peltier{}, physics::ambient_temperature());
  const junction_type junction{r, physics::resistance(), physics::heating(), physics::thermal_dynamics(),
                               sp::device::fixed_state{sp::device::antiparallel}};

  // Zero bias: V_AC = -S_AP dT_B.
  const auto p = 100.0_mW;
  const double v0 = sp::units::in_si(junction.thermovoltage(p, 0.0_mA));
  const double dT = sp::units::in_si(junction.temperature_difference(p, 0.0_mA));
  const double recovered = -v0 / dT;
  std::printf("V_AC(100 mW, 0 mA) = %.4f uV, dT_B = %.4f mK: S_AP = -V_AC / dT_B = %.4f uV/K (model: %.4f uV/K)\n",
              v0 * 1e6, dT * 1e3, recovered * 1e6, seebeck.antiparallel * 1e6);

  // With bias the bolometric term I dR/dT dominates; the analytic dV/dI against a central difference.
  const auto i = 2.0_mA, h = 1e-3_mA;
  const double analytic = sp::units::in_si(junction.dV_dI(p, i));
  const double numeric =
      sp::units::in_si(junction.thermovoltage(p, i + h) - junction.thermovoltage(p, i - h)) / sp::units::in_si(2.0 * h);
  std::printf("V_AC(100 mW, 2 mA) = %.4f mV; dV/dI analytic %.6f ohm, central difference %.6f ohm\n",
              sp::units::in_si(junction.thermovoltage(p, i)) * 1e3, analytic, numeric);
  const bool ok = std::abs(recovered / seebeck.antiparallel - 1.0) < 1e-9 && std::abs(analytic / numeric - 1.0) < 1e-6;
  std::printf("recovered_seebeck_uV_per_K=%.4f\n", recovered * 1e6);
  return ok ? 0 : 1;
}
