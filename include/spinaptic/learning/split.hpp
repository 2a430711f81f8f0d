// spinaptic/learning/split.hpp: stratified train/test splits and folds of a labelled set.
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "spinaptic/error.hpp"

namespace spinaptic::learning {

namespace detail_split {
/// Indices per class, each list shuffled with `engine` (Fisher-Yates, uniform_int_distribution).
template <std::uniform_random_bit_generator Engine>
std::vector<std::vector<std::size_t>> shuffled_by_class(const std::vector<std::uint8_t>& labels, std::size_t classes,
                                                        Engine& engine) {
  std::vector<std::vector<std::size_t>> by_class(classes);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= classes) throw invalid_parameter("label", labels[i], "< number of classes");
    by_class[labels[i]].push_back(i);
  }
  for (auto& c : by_class)
    for (std::size_t k = c.size(); k > 1; --k) {
      std::uniform_int_distribution<std::size_t> pick(0, k - 1);
      std::swap(c[k - 1], c[pick(engine)]);
    }
  return by_class;
}
}  // namespace detail_split

/// Stratified split: in every class, round(test_fraction n_c) samples go to the test set.
/// Returns (train indices, test indices), each sorted ascending. Deterministic given the engine.
template <std::uniform_random_bit_generator Engine>
std::pair<std::vector<std::size_t>, std::vector<std::size_t>> stratified_split(const std::vector<std::uint8_t>& labels,
                                                                               std::size_t classes, double test_fraction,
                                                                               Engine& engine) {
  detail::require_in_range("test fraction", test_fraction, 0.0, 1.0);
  std::vector<std::size_t> train, test;
  for (const auto& c : detail_split::shuffled_by_class(labels, classes, engine)) {
    const auto n_test = static_cast<std::size_t>(std::llround(test_fraction * double(c.size())));
    test.insert(test.end(), c.begin(), c.begin() + std::ptrdiff_t(n_test));
    train.insert(train.end(), c.begin() + std::ptrdiff_t(n_test), c.end());
  }
  std::sort(train.begin(), train.end());
  std::sort(test.begin(), test.end());
  return {train, test};
}

/// k stratified folds: sample r of each shuffled class goes to fold r mod k. Each fold sorted.
template <std::uniform_random_bit_generator Engine>
std::vector<std::vector<std::size_t>> stratified_folds(const std::vector<std::uint8_t>& labels, std::size_t classes,
                                                       std::size_t folds, Engine& engine) {
  if (folds < 2) throw invalid_parameter("number of folds", double(folds), ">= 2");
  std::vector<std::vector<std::size_t>> out(folds);
  std::size_t offset = 0;
  for (const auto& c : detail_split::shuffled_by_class(labels, classes, engine)) {
    for (std::size_t r = 0; r < c.size(); ++r) out[(r + offset) % folds].push_back(c[r]);
    offset += c.size();  // balance fold sizes across classes
  }
  for (auto& f : out) std::sort(f.begin(), f.end());
  return out;
}

}  // namespace spinaptic::learning
