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

/// W doubles in one register (reg), and the same in memory at any double's address (mem:
/// unaligned loads and stores that may alias double). Plain typedefs, named in one explicit
/// specialisation per width: GCC drops the attributes of a typedef that depends on a template
/// parameter, and of a type passed as a template argument.
typedef double simd_reg2 __attribute__((vector_size(16)));
typedef double simd_mem2 __attribute__((vector_size(16), aligned(8), may_alias));
#if defined(__AVX__)
typedef double simd_reg4 __attribute__((vector_size(32)));
typedef double simd_mem4 __attribute__((vector_size(32), aligned(8), may_alias));
#endif
#if defined(__AVX512F__)
typedef double simd_reg8 __attribute__((vector_size(64)));
typedef double simd_mem8 __attribute__((vector_size(64), aligned(8), may_alias));
#endif
template <std::size_t W>
struct simd_types;
template <>
struct simd_types<2> {
  using reg = simd_reg2;
  using mem = simd_mem2;
};
#if defined(__AVX__)
template <>
struct simd_types<4> {
  using reg = simd_reg4;
  using mem = simd_mem4;
};
#endif
#if defined(__AVX512F__)
template <>
struct simd_types<8> {
  using reg = simd_reg8;
  using mem = simd_mem8;
};
#endif
template <std::size_t W>
using simd_double = typename simd_types<W>::reg;

template <std::size_t W>
[[nodiscard]] inline simd_double<W> simd_load(const double* p) noexcept {
  return *reinterpret_cast<const typename simd_types<W>::mem*>(p);
}
template <std::size_t W>
inline void simd_store(double* p, simd_double<W> x) noexcept {
  *reinterpret_cast<typename simd_types<W>::mem*>(p) = x;
}

/// A row of Columns doubles as full-width vectors, then pairs, then at most one scalar. Each
/// lane does exactly the scalar arithmetic of its column (same operations, same order), so a
/// kernel gives the same bits as its scalar loop unless the compiler contracts a * b + c into
/// an FMA (only where the target has FMA, i.e. with -march=... on a FMA machine).
template <std::size_t Columns>
struct simd_row {
  static constexpr std::size_t W = simd_width;
  static constexpr std::size_t wide = Columns / W, pairs = (Columns % W) / 2, single = Columns % 2;
  static constexpr std::size_t pairs_at = wide * W, single_at = pairs_at + 2 * pairs;
  std::array<simd_double<W>, wide> v{};
  std::array<simd_double<2>, pairs> p2{};
  std::array<double, single> s{};

  static simd_row load(const double* p) noexcept {
    simd_row r;
    for (std::size_t k = 0; k < wide; ++k) r.v[k] = simd_load<W>(p + k * W);
    for (std::size_t k = 0; k < pairs; ++k) r.p2[k] = simd_load<2>(p + pairs_at + 2 * k);
    for (std::size_t k = 0; k < single; ++k) r.s[k] = p[single_at + k];
    return r;
  }
  void store(double* p) const noexcept {
    for (std::size_t k = 0; k < wide; ++k) simd_store<W>(p + k * W, v[k]);
    for (std::size_t k = 0; k < pairs; ++k) simd_store<2>(p + pairs_at + 2 * k, p2[k]);
    for (std::size_t k = 0; k < single; ++k) p[single_at + k] = s[k];
  }
  /// this += a * row q (q: Columns doubles).
  void add_scaled(double a, const double* q) noexcept {
    for (std::size_t k = 0; k < wide; ++k) v[k] += a * simd_load<W>(q + k * W);
    for (std::size_t k = 0; k < pairs; ++k) p2[k] += a * simd_load<2>(q + pairs_at + 2 * k);
    for (std::size_t k = 0; k < single; ++k) s[k] += a * q[single_at + k];
  }
  /// row q += a * this.
  void add_scaled_to(double a, double* q) const noexcept {
    for (std::size_t k = 0; k < wide; ++k) simd_store<W>(q + k * W, simd_load<W>(q + k * W) + a * v[k]);
    for (std::size_t k = 0; k < pairs; ++k)
      simd_store<2>(q + pairs_at + 2 * k, simd_load<2>(q + pairs_at + 2 * k) + a * p2[k]);
    for (std::size_t k = 0; k < single; ++k) q[single_at + k] += a * s[k];
  }
};

}  // namespace spinaptic::detail
