// spinaptic/detail/random.hpp: counter-based random numbers for many independent junctions.
//
// Every random number is a pure function of (seed, stream, counter): junction j at step n reads
// stream j, counters derived from n. A simulation is therefore bit-identical for a given seed no
// matter how its junctions are split across threads or blocks, and no per-junction RNG state is
// stored. The mixer is SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014), which is itself counter-based: output n = mix(seed + n * gamma).
// Normal deviates use the ziggurat of Marsaglia & Tsang (J. Stat. Softw. 5(8), 2000) with 128
// layers, drawing the layer index and the value from disjoint bits (Doornik 2005's fix).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>

namespace spinaptic::detail {

/// SplitMix64 finaliser: a bijective 64-bit mix with full avalanche.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t z) noexcept {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// Key of one (seed, stream, block) triple; stream = junction index, block = time step.
[[nodiscard]] constexpr std::uint64_t stream_key(std::uint64_t seed, std::uint64_t stream,
                                                 std::uint64_t block) noexcept {
  return splitmix64(splitmix64(seed ^ splitmix64(stream)) + 0xD1B54A32D192ED03ull * block);
}

/// Key of time step n of a simulation: every junction of that step draws from it, junction j at
/// the disjoint counter range [j 2^8, (j + 1) 2^8) (see counter_rng's start).
[[nodiscard]] constexpr std::uint64_t step_key(std::uint64_t seed, std::uint64_t step) noexcept {
  return splitmix64(splitmix64(seed) + 0xD1B54A32D192ED03ull * step);
}

/// Sequential counter-based generator over one key: draw k = 1, 2, ... is
/// mix(key + (start + k) gamma).
class counter_rng {
 public:
  constexpr explicit counter_rng(std::uint64_t key, std::uint64_t start = 0) noexcept
      : key_(key), n_(start) {}
  constexpr std::uint64_t next() noexcept { return splitmix64(key_ + 0x9E3779B97F4A7C15ull * ++n_); }
  /// Uniform in the open interval (0, 1) with 53 random bits.
  double uniform() noexcept { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  std::uint64_t key_;
  std::uint64_t n_;
};

/// Ziggurat tables for the standard normal (Marsaglia & Tsang 2000, 128 layers, R = 3.4426).
struct ziggurat_tables {
  static constexpr double r = 3.442619855899;          // start of the tail
  static constexpr double area = 9.91256303526217e-3;  // area of each layer
  std::array<std::uint32_t, 128> k{};                  // acceptance thresholds (31-bit scale)
  std::array<double, 128> w{};                         // layer widths / 2^31
  std::array<double, 128> f{};                         // exp(-x_i^2/2)

  ziggurat_tables() {
    const double m = 2147483648.0;
    double dn = r, tn = r;
    const double q = area / std::exp(-0.5 * dn * dn);
    k[0] = static_cast<std::uint32_t>((dn / q) * m);
    k[1] = 0;
    w[0] = q / m;
    w[127] = dn / m;
    f[0] = 1.0;
    f[127] = std::exp(-0.5 * dn * dn);
    for (int i = 126; i >= 1; --i) {
      dn = std::sqrt(-2.0 * std::log(area / dn + std::exp(-0.5 * dn * dn)));
      k[static_cast<std::size_t>(i + 1)] = static_cast<std::uint32_t>((dn / tn) * m);
      tn = dn;
      f[static_cast<std::size_t>(i)] = std::exp(-0.5 * dn * dn);
      w[static_cast<std::size_t>(i)] = dn / m;
    }
  }
  static const ziggurat_tables& get() {
    static const ziggurat_tables t;
    return t;
  }
};

/// One standard normal deviate from the generator (ziggurat; ~99 % of draws take the fast path:
/// one 64-bit draw, one table compare, one multiply).
[[nodiscard]] inline double standard_normal(counter_rng& g, const ziggurat_tables& z) noexcept {
  for (;;) {
    const std::uint64_t u = g.next();
    const std::size_t i = u & 127u;
    const auto hz = static_cast<std::int32_t>(static_cast<std::uint32_t>(u >> 32));
    const std::uint32_t ahz = hz < 0 ? static_cast<std::uint32_t>(-(static_cast<std::int64_t>(hz)))
                                     : static_cast<std::uint32_t>(hz);
    const double x = static_cast<double>(hz) * z.w[i];
    if (ahz < z.k[i]) return x;
    if (i == 0) {  // tail beyond r (Marsaglia 1964)
      double xt = 0.0, y = 0.0;
      do {
        xt = -std::log(g.uniform()) / ziggurat_tables::r;
        y = -std::log(g.uniform());
      } while (y + y < xt * xt);
      return hz > 0 ? ziggurat_tables::r + xt : -ziggurat_tables::r - xt;
    }
    if (z.f[i] + g.uniform() * (z.f[i - 1] - z.f[i]) < std::exp(-0.5 * x * x)) return x;
  }
}

/// Exponential deviate with unit mean, exact by inversion: -log(U), U in (0, 1).
[[nodiscard]] inline double standard_exponential(counter_rng& g) noexcept {
  return -std::log(g.uniform());
}

}  // namespace spinaptic::detail
