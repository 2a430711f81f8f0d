// spinaptic/learning/data_set.hpp: a labelled set of row drives, checked and indexed once.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/network/lit_rows.hpp"

namespace spinaptic::learning {

/// A labelled data set prepared for training and evaluation: it owns the normalised row drives
/// p [sample][row] and the labels, checks them once (every drive finite and >= 0, one label per
/// sample), and indexes the lit rows (p > 0) of every sample once (network::lit_rows), which the
/// kernels of a polynomial crossbar read in place. It is immutable: to change the drives, build a
/// new data_set (there is no cache keyed by an address that could go stale).
class data_set {
 public:
  /// Takes the drives and labels (move them in to avoid a copy). Throws invalid_parameter for a
  /// NaN, infinite or negative drive (naming the sample and row) and size_mismatch when the label
  /// count differs from the sample count.
  data_set(xt::xtensor<double, 2> drives, std::vector<std::uint8_t> labels)
      : drives_(std::move(drives)), labels_(std::move(labels)) {
    if (drives_.shape()[0] != labels_.size())
      throw size_mismatch("data set labels (one per sample)", drives_.shape()[0], labels_.size());
    const std::size_t rows = drives_.shape()[1];
    const double* p = drives_.data();
    for (std::size_t k = 0; k < drives_.size(); ++k)
      if (!std::isfinite(p[k]) || p[k] < 0.0)
        throw invalid_parameter("row drive p of sample " + std::to_string(k / std::max<std::size_t>(rows, 1)) +
                                    ", row " + std::to_string(k % std::max<std::size_t>(rows, 1)),
                                p[k], "finite and >= 0");
    for (auto y : labels_) classes_ = std::max<std::size_t>(classes_, std::size_t(y) + 1);
    lit_ = network::lit_rows::of(drives_.data(), size(), rows);
  }

  /// Number of samples.
  [[nodiscard]] std::size_t size() const noexcept { return labels_.size(); }
  /// Drives per sample (crossbar rows).
  [[nodiscard]] std::size_t rows() const noexcept { return drives_.shape()[1]; }
  /// 1 + the largest label (0 for an empty set).
  [[nodiscard]] std::size_t classes() const noexcept { return classes_; }
  /// The drives p [sample][row].
  [[nodiscard]] const xt::xtensor<double, 2>& drives() const noexcept { return drives_; }
  /// The labels.
  [[nodiscard]] const std::vector<std::uint8_t>& labels() const noexcept { return labels_; }
  /// The lit-row index of every sample.
  [[nodiscard]] const network::lit_rows& lit() const noexcept { return lit_; }

  /// The fraction of drives that are lit (p > 0), in [0, 1] (0 for an empty set).
  [[nodiscard]] double lit_fraction() const noexcept {
    return drives_.size() ? double(lit_.start[size()]) / double(drives_.size()) : 0.0;
  }
  /// Sample i, densely.
  [[nodiscard]] network::dense_drives dense(std::size_t i) const noexcept {
    return {drives_.data() + i * rows(), rows()};
  }
  /// Sample i by its lit rows.
  [[nodiscard]] network::lit_drives lit(std::size_t i) const noexcept {
    const std::size_t e = lit_.start[i];
    return {lit_.row.data() + e, lit_.drive.data() + e, lit_.start[i + 1] - e};
  }

 private:
  xt::xtensor<double, 2> drives_;
  std::vector<std::uint8_t> labels_;
  std::size_t classes_ = 0;
  network::lit_rows lit_;
};

}  // namespace spinaptic::learning
