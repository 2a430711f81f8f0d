// tests/io/checksum_line.hpp: the checksum line of a checkpoint, computed here from the
// definition of FNV-1a 64 (Fowler, Noll, Vo: offset basis 0xcbf29ce484222325, prime
// 0x100000001b3), so that tests can craft checkpoints that pass the checksum.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace spinaptic::testing {

/// `body` followed by "checksum <16 hex digits of FNV-1a 64 of body>\n".
inline std::string with_checksum(const std::string& body) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  char sum[32];
  std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(h));
  return body + "checksum " + sum + "\n";
}

}  // namespace spinaptic::testing
