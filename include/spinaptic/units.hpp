// spinaptic/units.hpp: SI quantities at the public API (Boost.Units).
//
// Every physical quantity that crosses spinaptic's public API is a boost::units::quantity
// in SI. Hot loops work on plain doubles in SI base units; the one place a quantity becomes
// a double is `in_si(q)` and the one place a double becomes a quantity is `as<Q>(x)`.
#pragma once

#include <boost/units/cmath.hpp>
#include <boost/units/io.hpp>
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

using thermal_conductivity = quantity<thermal_conductivity_unit>;
using interface_conductance = quantity<interface_conductance_unit>;
using specific_thermal_resistance = quantity<specific_thermal_resistance_unit>;
using thermal_resistance = quantity<thermal_resistance_unit>;
using seebeck_coefficient = quantity<seebeck_coefficient_unit>;
using area_resistance = quantity<area_resistance_unit>;
using responsivity = quantity<responsivity_unit>;

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
[[nodiscard]] constexpr Quantity as(typename Quantity::value_type si_value) noexcept {
  return Quantity::from_value(si_value);
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
constexpr units::current operator""_A(long double v)  { return detail_literals::make<units::current>(v, 1.0); }  ///< `x_A` = x A, a units::current
constexpr units::current operator""_mA(long double v) { return detail_literals::make<units::current>(v, 1e-3); }  ///< `x_mA` = x * 1e-3 A, a units::current
constexpr units::current operator""_uA(long double v) { return detail_literals::make<units::current>(v, 1e-6); }  ///< `x_uA` = x * 1e-6 A, a units::current
constexpr units::voltage operator""_V(long double v)  { return detail_literals::make<units::voltage>(v, 1.0); }  ///< `x_V` = x V, a units::voltage
constexpr units::voltage operator""_mV(long double v) { return detail_literals::make<units::voltage>(v, 1e-3); }  ///< `x_mV` = x * 1e-3 V, a units::voltage
constexpr units::voltage operator""_uV(long double v) { return detail_literals::make<units::voltage>(v, 1e-6); }  ///< `x_uV` = x * 1e-6 V, a units::voltage
constexpr units::power operator""_W(long double v)    { return detail_literals::make<units::power>(v, 1.0); }  ///< `x_W` = x W, a units::power
constexpr units::power operator""_mW(long double v)   { return detail_literals::make<units::power>(v, 1e-3); }  ///< `x_mW` = x * 1e-3 W, a units::power
constexpr units::resistance operator""_Ohm(long double v) { return detail_literals::make<units::resistance>(v, 1.0); }  ///< `x_Ohm` = x ohm, a units::resistance
constexpr units::length operator""_m(long double v)   { return detail_literals::make<units::length>(v, 1.0); }  ///< `x_m` = x m, a units::length
constexpr units::length operator""_um(long double v)  { return detail_literals::make<units::length>(v, 1e-6); }  ///< `x_um` = x * 1e-6 m, a units::length
constexpr units::length operator""_nm(long double v)  { return detail_literals::make<units::length>(v, 1e-9); }  ///< `x_nm` = x * 1e-9 m, a units::length
constexpr units::time operator""_s(long double v)     { return detail_literals::make<units::time>(v, 1.0); }  ///< `x_s` = x s, a units::time
constexpr units::time operator""_ms(long double v)    { return detail_literals::make<units::time>(v, 1e-3); }  ///< `x_ms` = x * 1e-3 s, a units::time
constexpr units::time operator""_us(long double v)    { return detail_literals::make<units::time>(v, 1e-6); }  ///< `x_us` = x * 1e-6 s, a units::time
constexpr units::time operator""_ns(long double v)    { return detail_literals::make<units::time>(v, 1e-9); }  ///< `x_ns` = x * 1e-9 s, a units::time
constexpr units::time operator""_ps(long double v)    { return detail_literals::make<units::time>(v, 1e-12); }  ///< `x_ps` = x * 1e-12 s, a units::time
constexpr units::frequency operator""_Hz(long double v)  { return detail_literals::make<units::frequency>(v, 1.0); }  ///< `x_Hz` = x Hz, a units::frequency
constexpr units::frequency operator""_kHz(long double v) { return detail_literals::make<units::frequency>(v, 1e3); }  ///< `x_kHz` = x * 1e3 Hz, a units::frequency
constexpr units::frequency operator""_MHz(long double v) { return detail_literals::make<units::frequency>(v, 1e6); }  ///< `x_MHz` = x * 1e6 Hz, a units::frequency
constexpr units::temperature operator""_K(long double v) { return detail_literals::make<units::temperature>(v, 1.0); }  ///< `x_K` = x K, a units::temperature
constexpr units::magnetic_flux_density operator""_T(long double v)  { return detail_literals::make<units::magnetic_flux_density>(v, 1.0); }  ///< `x_T` = x T, a units::magnetic_flux_density
constexpr units::magnetic_flux_density operator""_mT(long double v) { return detail_literals::make<units::magnetic_flux_density>(v, 1e-3); }  ///< `x_mT` = x * 1e-3 T, a units::magnetic_flux_density
constexpr units::magnetic_field_strength operator""_A_per_m(long double v) { return detail_literals::make<units::magnetic_field_strength>(v, 1.0); }  ///< `x_A_per_m` = x A/m, a units::magnetic_field_strength
// clang-format on
}  // namespace spinaptic::literals
