// spinaptic/detail/simd.hpp: a row of doubles held in the widest vector registers the compiler
// was told it may use (SSE2 by default; AVX2/AVX-512 when the user compiles with -march=...).
// GCC/Clang vector extensions; not public API.
#pragma once

#include <array>
#include <cstddef>

namespace spinaptic::detail {

#if defined(__AVX512F__)
inline constexpr std::size_t simd_width = 8;
#elif defined(__AVX__)
inline constexpr std::size_t simd_width = 4;
#else
inline constexpr std::size_t simd_width = 2;
#endif

/// simd_width doubles in one register.
using simd_double = double __attribute__((vector_size(simd_width * sizeof(double))));
/// The same in memory at any double's address (unaligned loads and stores; may alias double).
using simd_double_unaligned = double __attribute__((vector_size(simd_width * sizeof(double)), aligned(alignof(double)), may_alias));

[[nodiscard]] inline simd_double simd_load(const double* p) noexcept {
  return *reinterpret_cast<const simd_double_unaligned*>(p);
}
inline void simd_store(double* p, simd_double x) noexcept { *reinterpret_cast<simd_double_unaligned*>(p) = x; }

/// A row of Columns doubles as Columns / simd_width vectors plus a scalar tail. Each lane does
/// exactly the scalar arithmetic of its column (same operations, same order), so a kernel gives
/// the same bits as its scalar loop unless the compiler contracts a * b + c into an FMA (only
/// where the target has FMA, i.e. with -march=... on a FMA machine).
template <std::size_t Columns>
struct simd_row {
  static constexpr std::size_t vectors = Columns / simd_width, tail = Columns % simd_width;
  std::array<simd_double, vectors> v{};
  std::array<double, tail> t{};

  static simd_row load(const double* p) noexcept {
    simd_row r;
    for (std::size_t k = 0; k < vectors; ++k) r.v[k] = simd_load(p + k * simd_width);
    for (std::size_t k = 0; k < tail; ++k) r.t[k] = p[vectors * simd_width + k];
    return r;
  }
  void store(double* p) const noexcept {
    for (std::size_t k = 0; k < vectors; ++k) simd_store(p + k * simd_width, v[k]);
    for (std::size_t k = 0; k < tail; ++k) p[vectors * simd_width + k] = t[k];
  }
  /// this += a * row p (p: Columns doubles).
  void add_scaled(double a, const double* p) noexcept {
    for (std::size_t k = 0; k < vectors; ++k) v[k] += a * simd_load(p + k * simd_width);
    for (std::size_t k = 0; k < tail; ++k) t[k] += a * p[vectors * simd_width + k];
  }
  /// row p += a * this.
  void add_scaled_to(double a, double* p) const noexcept {
    for (std::size_t k = 0; k < vectors; ++k) simd_store(p + k * simd_width, simd_load(p + k * simd_width) + a * v[k]);
    for (std::size_t k = 0; k < tail; ++k) p[vectors * simd_width + k] += a * t[k];
  }
};

}  // namespace spinaptic::detail
