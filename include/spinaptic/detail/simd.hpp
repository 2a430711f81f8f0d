// spinaptic/detail/simd.hpp: a row of doubles held in the widest vector registers the compiler
// was told it may use (SSE2 by default; AVX2/AVX-512 when the user compiles with -march=...).
// GCC/Clang vector extensions; not public API.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

// The intrinsics header only where simd_fused_madd uses it (FMA or AVX-512 targets): it costs about
// 0.3 s of CPU in every unit that includes it.
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__FMA__) || defined(__AVX512F__))
#include <immintrin.h>
#endif

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
/// W 64-bit integers (labels and column indices beside W doubles).
typedef std::int64_t simd_index2 __attribute__((vector_size(16)));
typedef std::int64_t simd_index4 __attribute__((vector_size(32)));
typedef std::int64_t simd_index8 __attribute__((vector_size(64)));

template <std::size_t W>
[[nodiscard]] inline simd_double<W> simd_load(const double* p) noexcept {
  return *reinterpret_cast<const typename simd_types<W>::mem*>(p);
}
template <std::size_t W>
inline void simd_store(double* p, simd_double<W> x) noexcept {
  *reinterpret_cast<typename simd_types<W>::mem*>(p) = x;
}

/// a b + c rounded once where the target has FMA (the form into which GCC contracts such an
/// expression), else rounded twice (a b, then the sum). Written out so that a scalar loop and
/// its W-lane counterpart round alike whatever the compiler would have fused.
[[nodiscard]] inline double fused_madd(double a, double b, double c) noexcept {
#if defined(__FMA__)
  return __builtin_fma(a, b, c);
#else
  return a * b + c;
#endif
}
/// fused_madd() lane by lane.
template <std::size_t W>
[[nodiscard]] inline simd_double<W> simd_fused_madd(simd_double<W> a, simd_double<W> b, simd_double<W> c) noexcept {
#if defined(__AVX512F__)
  if constexpr (W == 8) return _mm512_fmadd_pd(a, b, c);
#endif
#if defined(__FMA__)
  if constexpr (W == 4) return _mm256_fmadd_pd(a, b, c);
  if constexpr (W == 2) return _mm_fmadd_pd(a, b, c);
#else
  return a * b + c;
#endif
}

/// a b - c rounded once where the target has FMA, else twice: fused_madd(a, b, -c) (negation is exact).
[[nodiscard]] inline double fused_msub(double a, double b, double c) noexcept { return fused_madd(a, b, -c); }
/// fused_msub() lane by lane.
template <std::size_t W>
[[nodiscard]] inline simd_double<W> simd_fused_msub(simd_double<W> a, simd_double<W> b, simd_double<W> c) noexcept {
  return simd_fused_madd<W>(a, b, -c);
}

/// One two-register shuffle of the transpose stage at scale h (simd_transpose): for rows a = r[i],
/// b = r[i + h] (bit h of i clear), lane q of the new r[i] (High false) is a's own where bit h of
/// q is clear, else b's lane q - h; lane q of the new r[i + h] (High true) is a's lane q + h
/// where bit h of q is clear, else b's own. Index W + q names lane q of b
/// (__builtin_shufflevector: GCC >= 12 and clang).
template <std::size_t W, std::size_t h, bool High, std::size_t... Q>
[[nodiscard]] inline simd_double<W> transpose_shuffle(simd_double<W> a, simd_double<W> b, std::index_sequence<Q...>) noexcept {
  return __builtin_shufflevector(a, b, int(High ? ((Q & h) ? W + Q : Q + h) : ((Q & h) ? W + Q - h : Q))...);
}

/// W x W doubles transposed in registers: r[i][q] becomes r[q][i]. At scale h = 1, 2, 4, ... the
/// off-diagonal h x h blocks of every 2h x 2h block swap places (log2 W stages of W two-register
/// shuffles; 24 shuffles for an 8 x 8 block). Moves values only.
template <std::size_t W>
inline void simd_transpose(simd_double<W> (&r)[W]) noexcept {
  [&]<std::size_t... S>(std::index_sequence<S...>) {
    (
        [&] {
          constexpr std::size_t h = std::size_t{1} << S;
          for (std::size_t i = 0; i < W; ++i)
            if ((i & h) == 0) {
              const simd_double<W> a = r[i], b = r[i + h];
              r[i] = transpose_shuffle<W, h, false>(a, b, std::make_index_sequence<W>{});
              r[i + h] = transpose_shuffle<W, h, true>(a, b, std::make_index_sequence<W>{});
            }
        }(),
        ...);
  }(std::make_index_sequence<std::countr_zero(W)>{});
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
