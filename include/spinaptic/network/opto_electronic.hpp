// spinaptic/network/opto_electronic.hpp: the two-layer opto-electronic MTJ network: an N x H
// crossbar whose column voltages drive, through a transfer stage, the lasers of an H x L crossbar.
#pragma once

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>

#include "spinaptic/concepts/device.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/response_surface.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/crossbar.hpp"
#include "spinaptic/network/sequential.hpp"
#include "spinaptic/network/transfer_stage.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network {

/// Two crossbars of the same junctions linked by a transfer stage (docs/network.md):
///   u^(1) = column sums of the N x H crossbar for the pixel drives p,
///   p^(2)_k = s(k (u^(1)_k - u_0))        (transfer_stage: photocurrent-free electrical
///                                          readout, amplifier, laser driver),
///   u^(2) = column sums of the H x L crossbar for the drives p^(2),  y = argmax_l u^(2)_l.
/// Hidden may be dynamic_extent (H chosen at run time).
template <std::size_t Inputs, std::size_t Hidden, std::size_t Outputs, normalized_response Response>
using opto_electronic_network =
    sequential<crossbar<Inputs, Hidden, Response>, transfer_stage, crossbar<Hidden, Outputs, Response>>;

namespace detail_opto {
/// `value` for an extent that is `static_extent` at compile time (or dynamic_extent: any value);
/// a run-time value that contradicts a compile-time extent is refused by name.
inline std::size_t checked_extent(std::string_view name, std::size_t static_extent, std::size_t value) {
  if (static_extent != dynamic_extent && value != static_extent)
    throw invalid_parameter(name, double(value), "= " + std::to_string(static_extent) + " (its compile-time extent)");
  return value;
}

/// A zeroed crossbar of Rows x Cols (compile-time or run-time extents).
template <std::size_t Rows, std::size_t Cols, normalized_response Response>
crossbar<Rows, Cols, Response> zeroed_crossbar(const Response& response, std::size_t rows, std::size_t cols,
                                               device::magnetic_state state, current_range range) {
  if constexpr (crossbar<Rows, Cols, Response>::is_dynamic)
    return crossbar<Rows, Cols, Response>(response, rows, cols, state, range);
  else
    return crossbar<Rows, Cols, Response>(response, state, range);
}
}  // namespace detail_opto

/// An opto-electronic network of `inputs` x `hidden` x `outputs` junction rows and columns, every
/// current zero and junctions in `state`; an extent given at compile time (not dynamic_extent)
/// must equal its run-time value (invalid_parameter otherwise). The transfer stage maps the first
/// layer's column voltages (full scale V_max of `response`) to the second layer's laser powers
/// (full power P_max of `response`) with gain G and offset U_0.
template <std::size_t Inputs, std::size_t Hidden, std::size_t Outputs, normalized_response Response>
[[nodiscard]] opto_electronic_network<Inputs, Hidden, Outputs, Response> make_opto_electronic_network(
    const Response& response, std::size_t inputs, std::size_t hidden, std::size_t outputs, laser_driver_gain gain,
    units::voltage offset, device::magnetic_state state = device::magnetic_state::antiparallel,
    current_range range = current_range::bipolar) {
  detail_opto::checked_extent("opto-electronic network inputs", Inputs, inputs);
  detail_opto::checked_extent("opto-electronic network hidden", Hidden, hidden);
  detail_opto::checked_extent("opto-electronic network outputs", Outputs, outputs);
  auto first = detail_opto::zeroed_crossbar<Inputs, Hidden>(response, inputs, hidden, state, range);
  auto second = detail_opto::zeroed_crossbar<Hidden, Outputs>(response, hidden, outputs, state, range);
  return opto_electronic_network<Inputs, Hidden, Outputs, Response>(
      std::move(first), transfer_stage(hidden, gain, offset, response.max_voltage(), response.max_power()),
      std::move(second));
}

/// The same network when only the hidden width may be chosen at run time: Inputs and Outputs
/// are compile-time extents (a run-time one has no value here: use the overload above).
template <std::size_t Inputs, std::size_t Hidden, std::size_t Outputs, normalized_response Response>
  requires(Inputs != dynamic_extent && Outputs != dynamic_extent)
[[nodiscard]] opto_electronic_network<Inputs, Hidden, Outputs, Response> make_opto_electronic_network(
    const Response& response, std::size_t hidden, laser_driver_gain gain, units::voltage offset,
    device::magnetic_state state = device::magnetic_state::antiparallel, current_range range = current_range::bipolar) {
  return make_opto_electronic_network<Inputs, Hidden, Outputs, Response>(response, Inputs, hidden, Outputs, gain,
                                                                         offset, state, range);
}

/// The opto-electronic network of the junction `j` (device::mtj) with run-time extents: both
/// crossbars train on j.network_response() (the calibrated surface, or the composed response
/// bound to the junction's own resistance and heating) with the junctions in j.state().
template <std::size_t Inputs, std::size_t Hidden, std::size_t Outputs, class Junction>
  requires requires(const Junction& j) {
    { j.network_response() } -> normalized_response;
    { j.state() } -> std::same_as<device::magnetic_state>;
  }
[[nodiscard]] auto make_opto_electronic_network(const Junction& j, std::size_t inputs, std::size_t hidden,
                                                std::size_t outputs, laser_driver_gain gain, units::voltage offset,
                                                current_range range = current_range::bipolar) {
  return make_opto_electronic_network<Inputs, Hidden, Outputs, typename Junction::network_response_type>(
      j.network_response(), inputs, hidden, outputs, gain, offset, j.state(), range);
}

/// The opto-electronic network of the junction `j` with compile-time Inputs and Outputs.
template <std::size_t Inputs, std::size_t Hidden, std::size_t Outputs, class Junction>
  requires(Inputs != dynamic_extent && Outputs != dynamic_extent) && requires(const Junction& j) {
    { j.network_response() } -> normalized_response;
    { j.state() } -> std::same_as<device::magnetic_state>;
  }
[[nodiscard]] auto make_opto_electronic_network(const Junction& j, std::size_t hidden, laser_driver_gain gain,
                                                units::voltage offset, current_range range = current_range::bipolar) {
  return make_opto_electronic_network<Inputs, Hidden, Outputs, typename Junction::network_response_type>(
      j.network_response(), Inputs, hidden, Outputs, gain, offset, j.state(), range);
}

/// The paper's junctions in a 64-100-10 and a run-time-width 784-H-10 network are layers.
static_assert(layer<opto_electronic_network<64, 100, 10, device::bias_enhanced_tms<1>>>);
static_assert(layer<opto_electronic_network<784, dynamic_extent, 10, device::bias_enhanced_tms<1>>>);
static_assert(lit_row_kernels<opto_electronic_network<784, dynamic_extent, 10, device::bias_enhanced_tms<1>>::kernels_type>);
static_assert(voltage_output<opto_electronic_network<64, 100, 10, device::bias_enhanced_tms<1>>>);
static_assert(static_outputs_of<opto_electronic_network<64, 100, 10, device::bias_enhanced_tms<1>>>() == 10);

}  // namespace spinaptic::network
