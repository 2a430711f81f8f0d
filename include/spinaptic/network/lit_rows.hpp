// spinaptic/network/lit_rows.hpp: a batch of row drives that lists only the lit rows (p > 0).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spinaptic::network {

/// A batch of drive vectors stored sparsely: for sample b, the entries start[b] .. start[b+1]-1
/// hold the lit rows `row[e]` and their drives `drive[e]` (p > 0) in row order. A dark row
/// (p = 0) adds nothing to a polynomial response, v = sum_{m>=1} p^m G_m(x) = 0, and carries no
/// gradient, so the crossbar's sparse kernels skip it without a branch per row. Handwritten
/// digits are about half dark (8x8 digits 49 %, MNIST 81 % of the pixels are 0).
/// `reserve` allocates once; `gather` then fills without allocating.
struct lit_rows {
  std::vector<std::uint32_t> row;     ///< lit row indices, sample after sample
  std::vector<double> drive;          ///< their drives p > 0
  std::vector<std::size_t> start{0};  ///< sample b's entries are start[b] .. start[b+1]-1

  /// Capacity for `samples` samples of `rows` rows (every row lit).
  void reserve(std::size_t samples, std::size_t rows) {
    row.resize(samples * rows);
    drive.resize(samples * rows);
    start.resize(samples + 1);
  }

  /// Fills the batch from `count` dense drive vectors of `rows` entries, sample b at row_of(b).
  /// Branch-free compaction: every row is written, the cursor advances only past lit ones.
  template <class RowOf>
  void gather(std::size_t count, std::size_t rows, RowOf&& row_of) noexcept {
    std::size_t n = 0;
    start[0] = 0;
    for (std::size_t b = 0; b < count; ++b) {
      const double* p = row_of(b);
      for (std::size_t j = 0; j < rows; ++j) {
        row[n] = static_cast<std::uint32_t>(j);
        drive[n] = p[j];
        n += p[j] != 0.0;
      }
      start[b + 1] = n;
    }
  }

  /// Fills the batch with samples indices[0..count) of `all` (a lit_rows of a whole data set),
  /// copying their entry ranges; capacity from reserve(count, rows) suffices. No allocation.
  void gather(const lit_rows& all, const std::size_t* indices, std::size_t count) noexcept {
    std::size_t n = 0;
    start[0] = 0;
    for (std::size_t b = 0; b < count; ++b) {
      const std::size_t lo = all.start[indices[b]], hi = all.start[indices[b] + 1];
      for (std::size_t e = lo; e < hi; ++e, ++n) {
        row[n] = all.row[e];
        drive[n] = all.drive[e];
      }
      start[b + 1] = n;
    }
  }

  /// The lit rows of every sample of a dense [sample][row] drive matrix (allocates).
  [[nodiscard]] static lit_rows of(const double* drives, std::size_t samples, std::size_t rows) {
    lit_rows all;
    std::size_t lit = 0;  // count first: allocate exactly, not samples x rows
    for (std::size_t k = 0; k < samples * rows; ++k) lit += drives[k] != 0.0;
    all.row.resize(lit + rows);  // + rows: gather writes one row ahead of its cursor
    all.drive.resize(lit + rows);
    all.start.resize(samples + 1);
    all.gather(samples, rows, [&](std::size_t b) { return drives + b * rows; });
    return all;
  }
};

}  // namespace spinaptic::network
