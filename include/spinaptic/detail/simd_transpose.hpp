// spinaptic/detail/simd_transpose.hpp: rows of L doubles to and from L vectors of W rows (the
// sample-major kernels' loads and stores of their tables). Not public API.
#pragma once

#include <cstddef>

#include "spinaptic/detail/simd.hpp"

namespace spinaptic::detail {

/// a[r L + l] = acc[l][r] for the W rows r of a block: the L vectors (one per column, W rows
/// in the lanes) transposed W columns at a time in registers, the last L % W columns lane by lane.
template <std::size_t L, std::size_t W>
inline void store_transposed(const simd_double<W> (&acc)[L], double* a) noexcept {
  std::size_t l0 = 0;
  for (; l0 + W <= L; l0 += W) {
    simd_double<W> t[W];
    for (std::size_t q = 0; q < W; ++q) t[q] = acc[l0 + q];
    simd_transpose<W>(t);  // t[r] = column block l0.. of row r
    for (std::size_t r = 0; r < W; ++r) simd_store<W>(a + r * L + l0, t[r]);
  }
  for (; l0 < L; ++l0)
    for (std::size_t r = 0; r < W; ++r) a[r * L + l0] = acc[l0][r];
}

/// out[l][r] = a[r L + l] for the W rows r of a block: the inverse of store_transposed.
template <std::size_t L, std::size_t W>
inline void load_transposed(const double* a, simd_double<W> (&out)[L]) noexcept {
  std::size_t l0 = 0;
  for (; l0 + W <= L; l0 += W) {
    simd_double<W> t[W];
    for (std::size_t r = 0; r < W; ++r) t[r] = simd_load<W>(a + r * L + l0);
    simd_transpose<W>(t);  // t[q] = column l0 + q of the W rows
    for (std::size_t q = 0; q < W; ++q) out[l0 + q] = t[q];
  }
  for (; l0 < L; ++l0) {
    double column[W];
    for (std::size_t r = 0; r < W; ++r) column[r] = a[r * L + l0];
    out[l0] = simd_load<W>(column);
  }
}

}  // namespace spinaptic::detail
