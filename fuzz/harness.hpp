// fuzz/harness.hpp: what every reader harness checks. A reader may refuse an input only with a
// spinaptic::error; any other exception, like any sanitizer report, is a finding: abort() so
// that libFuzzer saves the input and the run fails.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include <spinaptic/error.hpp>

namespace spinaptic::fuzz {

/// The input as text (the readers take any bytes, including NUL).
inline std::string_view as_text(const unsigned char* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

/// Aborts with `what` when an invariant of an accepted input does not hold.
inline void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz: invariant violated: %s\n", what);
    std::abort();
  }
}

/// Runs `read()`; a spinaptic::error is a clean refusal, anything else aborts.
template <class Read>
int run_reader(Read&& read) {
  try {
    read();
  } catch (const spinaptic::error&) {
    // refused with a spinaptic::error: the promised behaviour
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: a reader let a non-spinaptic exception escape: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz: a reader let a non-std exception escape\n");
    std::abort();
  }
  return 0;
}

}  // namespace spinaptic::fuzz
