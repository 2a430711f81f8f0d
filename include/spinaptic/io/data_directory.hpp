// spinaptic/io/data_directory.hpp: where scripts/fetch-data keeps the real data sets.
#pragma once

#include <cstdlib>
#include <string>

namespace spinaptic::io {

/// The data cache: $SPINAPTIC_DATA if set, else $HOME/.cache/spinaptic (scripts/fetch-data writes
/// digits/digits.csv and mnist/*-ubyte below it). Returns "" when neither variable is set.
[[nodiscard]] inline std::string data_directory() {
  if (const char* d = std::getenv("SPINAPTIC_DATA"); d && *d) return d;
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/spinaptic";
  return {};
}

}  // namespace spinaptic::io
