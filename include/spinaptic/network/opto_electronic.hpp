// spinaptic/network/opto_electronic.hpp: the two-layer opto-electronic MTJ network: an N x H
// crossbar whose column voltages drive, through a transfer stage, the lasers of an H x L crossbar.
#pragma once

#include <concepts>
#include <cstddef>

#include "spinaptic/concepts/device.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/response_surface.hpp"
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

/// An opto-electronic network with every current zero and junctions in `state`; the transfer
/// stage maps the first layer's column voltages (full scale V_max of `response`) to the second
/// layer's laser powers (full power P_max of `response`) with gain G and offset U_0.
template <std::size_t Inputs, std::size_t Hidden, std::size_t Outputs, normalized_response Response>
[[nodiscard]] opto_electronic_network<Inputs, Hidden, Outputs, Response> make_opto_electronic_network(
    const Response& response, std::size_t hidden, laser_driver_gain gain, units::voltage offset,
    device::magnetic_state state = device::magnetic_state::antiparallel, current_range range = current_range::bipolar) {
  auto first = [&] {
    if constexpr (crossbar<Inputs, Hidden, Response>::is_dynamic)
      return crossbar<Inputs, Hidden, Response>(response, Inputs, hidden, state, range);
    else
      return crossbar<Inputs, Hidden, Response>(response, state, range);
  }();
  auto second = [&] {
    if constexpr (crossbar<Hidden, Outputs, Response>::is_dynamic)
      return crossbar<Hidden, Outputs, Response>(response, hidden, Outputs, state, range);
    else
      return crossbar<Hidden, Outputs, Response>(response, state, range);
  }();
  return opto_electronic_network<Inputs, Hidden, Outputs, Response>(
      std::move(first), transfer_stage(hidden, gain, offset, response.max_voltage(), response.max_power()),
      std::move(second));
}

/// The opto-electronic network of the junction `j` (device::mtj): both crossbars train on
/// j.network_response() (the calibrated surface, or the composed response bound to the junction's
/// own resistance and heating) with the junctions in j.state().
template <std::size_t Inputs, std::size_t Hidden, std::size_t Outputs, class Junction>
  requires requires(const Junction& j) {
    { j.network_response() } -> normalized_response;
    { j.state() } -> std::same_as<device::magnetic_state>;
  }
[[nodiscard]] auto make_opto_electronic_network(const Junction& j, std::size_t hidden, laser_driver_gain gain,
                                                units::voltage offset, current_range range = current_range::bipolar) {
  return make_opto_electronic_network<Inputs, Hidden, Outputs, typename Junction::network_response_type>(
      j.network_response(), hidden, gain, offset, j.state(), range);
}

/// The paper's junctions in a 64-100-10 and a run-time-width 784-H-10 network are layers.
static_assert(layer<opto_electronic_network<64, 100, 10, device::bias_enhanced_tms<1>>>);
static_assert(layer<opto_electronic_network<784, dynamic_extent, 10, device::bias_enhanced_tms<1>>>);
static_assert(lit_row_kernels<opto_electronic_network<784, dynamic_extent, 10, device::bias_enhanced_tms<1>>::kernels_type>);

}  // namespace spinaptic::network
