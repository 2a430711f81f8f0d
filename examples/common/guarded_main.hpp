// examples/common/guarded_main.hpp: no exception reaches main's caller (the convention of
// examples/common/command_line.hpp). Not part of the library; light on purpose (no <iostream>,
// no CLI11), so a program that parses its command line through command_line.hpp includes nothing
// heavy for it.
#pragma once

#include <cstdio>
#include <exception>

namespace example {

/// Runs `body()` (the program; returns its exit code) so that no exception escapes: a
/// spinaptic::error (a std::exception) or any other std::exception prints "program: message" on
/// stderr and gives exit code 1; anything else prints "program: unknown error".
template <class Body>
int guarded_main(const char* program, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.what());
  } catch (...) {
    std::fprintf(stderr, "%s: unknown error\n", program);
  }
  return 1;
}

}  // namespace example
