// spinaptic/units.hpp: SI quantities at the public API (Boost.Units).
//
// Every physical quantity that crosses spinaptic's public API is a boost::units::quantity
// in SI. Hot loops work on plain doubles in SI base units; the one place a quantity becomes
// a double is `in_si(q)` and the one place a double becomes a quantity is `as<Q>(x)`.
#pragma once

#include <boost/units/pow.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/systems/si.hpp>
#include <boost/units/systems/si/prefixes.hpp>

namespace spinaptic::units {

namespace si = boost::units::si;
using boost::units::quantity;

// ---- base and common derived quantities -------------------------------------------------
using dimensionless = quantity<si::dimensionless>;
using length = quantity<si::length>;
using area = quantity<si::area>;
using volume = quantity<si::volume>;
using time = quantity<si::time>;
using frequency = quantity<si::frequency>;
using current = quantity<si::current>;
using voltage = quantity<si::electric_potential>;
using resistance = quantity<si::resistance>;
using conductance = quantity<si::conductance>;
using power = quantity<si::power>;
using energy = quantity<si::energy>;
using temperature = quantity<si::temperature>;  ///< kelvin; also used for temperature differences
using plane_angle = quantity<si::plane_angle>;
using magnetic_field_strength = quantity<si::magnetic_field_intensity>;  ///< H, A/m
using magnetic_flux_density = quantity<si::magnetic_flux_density>;      ///< B, T

// ---- derived units this physics needs ------------------------------------------------------
/// W m^-1 K^-1 (bulk thermal conductivity, e.g. kappa_B of MgO).
using thermal_conductivity_unit = decltype(si::watt / si::meter / si::kelvin);
/// W m^-2 K^-1 (interface thermal conductance, e.g. kappa_I of the MgO interfaces).
using interface_conductance_unit = decltype(si::watt / si::square_meter / si::kelvin);
/// m^2 K W^-1 (specific thermal resistance of a layer, t / kappa).
using specific_thermal_resistance_unit = decltype(si::square_meter * si::kelvin / si::watt);
/// K W^-1 (thermal resistance; also the laser heating coefficient dT/dP).
using thermal_resistance_unit = decltype(si::kelvin / si::watt);
/// V K^-1 (Seebeck coefficient).
using seebeck_coefficient_unit = decltype(si::volt / si::kelvin);
/// ohm m^2 (resistance-area product of a tunnel barrier).
using area_resistance_unit = decltype(si::ohm * si::square_meter);
/// V W^-1 (optical responsivity dV/dP).
using responsivity_unit = decltype(si::volt / si::watt);
/// J K^-1 (heat capacity of a body, e.g. the top electrode of a pillar).
using heat_capacity_unit = decltype(si::joule / si::kelvin);
/// K^-1 (relative temperature coefficient, e.g. (1/R) dR/dT).
using temperature_coefficient_unit = decltype(si::dimensionless() / si::kelvin);
/// m^2 s^-1 (thermal diffusivity kappa / (rho c)).
using thermal_diffusivity_unit = decltype(si::square_meter / si::second);

using thermal_conductivity = quantity<thermal_conductivity_unit>;
using interface_conductance = quantity<interface_conductance_unit>;
using specific_thermal_resistance = quantity<specific_thermal_resistance_unit>;
using thermal_resistance = quantity<thermal_resistance_unit>;
using seebeck_coefficient = quantity<seebeck_coefficient_unit>;
using area_resistance = quantity<area_resistance_unit>;
using responsivity = quantity<responsivity_unit>;
using heat_capacity = quantity<heat_capacity_unit>;                  ///< J/K
using temperature_coefficient = quantity<temperature_coefficient_unit>;  ///< 1/K
using thermal_diffusivity = quantity<thermal_diffusivity_unit>;      ///< m^2/s

// ---- unit constants -------------------------------------------------------------------
inline constexpr auto meter = si::meter;
inline constexpr auto square_meter = si::square_meter;
inline constexpr auto second = si::second;
inline constexpr auto hertz = si::hertz;
inline constexpr auto ampere = si::ampere;
inline constexpr auto volt = si::volt;
inline constexpr auto ohm = si::ohm;
inline constexpr auto siemens = si::siemens;
inline constexpr auto watt = si::watt;
inline constexpr auto joule = si::joule;
inline constexpr auto kelvin = si::kelvin;
inline constexpr auto radian = si::radian;
inline constexpr auto tesla = si::tesla;
inline constexpr auto ampere_per_meter = si::ampere / si::meter;

// ---- the boundary between quantities and raw SI doubles ---------------------------------
/// The value of a quantity in SI base units: the one way a quantity enters a hot loop.
template <class Unit, class T>
[[nodiscard]] constexpr T in_si(const quantity<Unit, T>& q) noexcept {
  return q.value();
}

/// A raw SI double as a quantity: the one way a hot-loop result leaves as a quantity.
template <class Quantity>
[[nodiscard]] constexpr Quantity as(typename Quantity::value_type value_in_si) noexcept {
  return Quantity::from_value(value_in_si);
}

}  // namespace spinaptic::units

namespace spinaptic {
using units::quantity;
}

/// User-defined literals with SI prefixes: `3.0_mA`, `150.0_mW`, `23.35_mV`, `800.0_nm`.
namespace spinaptic::literals {
namespace detail_literals {
template <class Q>
constexpr Q make(long double v, double scale) {
  return units::as<Q>(static_cast<double>(v) * scale);
}
}  // namespace detail_literals

// clang-format off
/// Literal: a value in amperes.
constexpr units::current operator""_A(long double v)  { return detail_literals::make<units::current>(v, 1.0); }
/// Literal: a value in milliamperes.
constexpr units::current operator""_mA(long double v) { return detail_literals::make<units::current>(v, 1e-3); }
/// Literal: a value in microamperes.
constexpr units::current operator""_uA(long double v) { return detail_literals::make<units::current>(v, 1e-6); }
/// Literal: a value in volts.
constexpr units::voltage operator""_V(long double v)  { return detail_literals::make<units::voltage>(v, 1.0); }
/// Literal: a value in millivolts.
constexpr units::voltage operator""_mV(long double v) { return detail_literals::make<units::voltage>(v, 1e-3); }
/// Literal: a value in microvolts.
constexpr units::voltage operator""_uV(long double v) { return detail_literals::make<units::voltage>(v, 1e-6); }
/// Literal: a value in watts.
constexpr units::power operator""_W(long double v)    { return detail_literals::make<units::power>(v, 1.0); }
/// Literal: a value in milliwatts.
constexpr units::power operator""_mW(long double v)   { return detail_literals::make<units::power>(v, 1e-3); }
/// Literal: a value in ohms.
constexpr units::resistance operator""_Ohm(long double v) { return detail_literals::make<units::resistance>(v, 1.0); }
/// Literal: a value in metres.
constexpr units::length operator""_m(long double v)   { return detail_literals::make<units::length>(v, 1.0); }
/// Literal: a value in micrometres.
constexpr units::length operator""_um(long double v)  { return detail_literals::make<units::length>(v, 1e-6); }
/// Literal: a value in nanometres.
constexpr units::length operator""_nm(long double v)  { return detail_literals::make<units::length>(v, 1e-9); }
/// Literal: a value in seconds.
constexpr units::time operator""_s(long double v)     { return detail_literals::make<units::time>(v, 1.0); }
/// Literal: a value in milliseconds.
constexpr units::time operator""_ms(long double v)    { return detail_literals::make<units::time>(v, 1e-3); }
/// Literal: a value in microseconds.
constexpr units::time operator""_us(long double v)    { return detail_literals::make<units::time>(v, 1e-6); }
/// Literal: a value in nanoseconds.
constexpr units::time operator""_ns(long double v)    { return detail_literals::make<units::time>(v, 1e-9); }
/// Literal: a value in picoseconds.
constexpr units::time operator""_ps(long double v)    { return detail_literals::make<units::time>(v, 1e-12); }
/// Literal: a value in hertz.
constexpr units::frequency operator""_Hz(long double v)  { return detail_literals::make<units::frequency>(v, 1.0); }
/// Literal: a value in kilohertz.
constexpr units::frequency operator""_kHz(long double v) { return detail_literals::make<units::frequency>(v, 1e3); }
/// Literal: a value in megahertz.
constexpr units::frequency operator""_MHz(long double v) { return detail_literals::make<units::frequency>(v, 1e6); }
/// Literal: a value in kelvin.
constexpr units::temperature operator""_K(long double v) { return detail_literals::make<units::temperature>(v, 1.0); }
/// Literal: a value in tesla.
constexpr units::magnetic_flux_density operator""_T(long double v)  { return detail_literals::make<units::magnetic_flux_density>(v, 1.0); }
/// Literal: a value in millitesla.
constexpr units::magnetic_flux_density operator""_mT(long double v) { return detail_literals::make<units::magnetic_flux_density>(v, 1e-3); }
/// Literal: a value in amperes per metre.
constexpr units::magnetic_field_strength operator""_A_per_m(long double v) { return detail_literals::make<units::magnetic_field_strength>(v, 1.0); }
// clang-format on
}  // namespace spinaptic::literals
