// spinaptic/concepts/encoding.hpp: input encodings: raw input value -> normalised drive of a
// crossbar row.
// Part of the one home of spinaptic's policy vocabulary (spinaptic/concepts.hpp includes every
// family). A policy that does not satisfy its concept is rejected at compile time with the
// concept's name and the missing member in the diagnostic.
#pragma once

#include <concepts>

namespace spinaptic {

/// An input encoding: maps a raw input value (a pixel) with full scale x_max to a normalised
/// drive p in [0, 1] of its crossbar row (p = P / P_max for an optical row).
template <class E>
concept input_encoding = requires(double x, double x_max) {
  { E::normalized_drive(x, x_max) } -> std::same_as<double>;
};

}  // namespace spinaptic
