// tests/support/fetched_data.hpp: the real data sets, when scripts/fetch-data has fetched them.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <spinaptic/io/data_directory.hpp>

namespace spinaptic::testing {

/// The path of `relative` (e.g. "digits/digits.csv") in the data cache, or "" with a warning that
/// the test is skipped because the file was not fetched.
inline std::string fetched_data(const std::string& relative) {
  const std::string path = io::data_directory() + "/" + relative;
  if (std::filesystem::exists(path)) return path;
  WARN("skipped: " << path << " not fetched (scripts/fetch-data)");
  return {};
}

}  // namespace spinaptic::testing
