// tests/support/fetched_data.hpp: the real data sets, when scripts/fetch-data has fetched them.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <spinaptic/io/data_directory.hpp>

namespace spinaptic::testing {

/// The path of `relative` (e.g. "digits/digits.csv") in the data cache, or "" with a warning that
/// the test is skipped because the file was not fetched. With SPINAPTIC_REQUIRE_DATA=1 in the
/// environment (scripts/test sets it after fetching everything) a missing file fails the test
/// instead, so the suite cannot pass by skipping the real data.
inline std::string fetched_data(const std::string& relative) {
  const std::string path = io::data_directory() + "/" + relative;
  if (std::filesystem::exists(path)) return path;
  const char* required = std::getenv("SPINAPTIC_REQUIRE_DATA");
  if (required != nullptr && std::string(required) == "1")
    FAIL(path << " not fetched, and SPINAPTIC_REQUIRE_DATA=1 (run scripts/fetch-data all)");
  WARN("skipped: " << path << " not fetched (scripts/fetch-data)");
  return {};
}

}  // namespace spinaptic::testing
