// fuzz/checkpoint.cpp: libFuzzer harness for the checkpoint reader (spinaptic/io/checkpoint.hpp).
// The input is a checkpoint body; the harness appends a valid checksum line, so that the fuzzer
// reaches the parser behind the checksum (the checksum detects accidents, not crafted files).
// An accepted checkpoint must survive format_checkpoint and a second parse bit for bit.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <exception>
#include <string>

#include <spinaptic/io/checkpoint.hpp>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace spinaptic;
  std::string text(fuzz::as_text(data, size));
  text += "checksum " + io::detail_checkpoint::checksum_hex(text) + "\n";
  io::checkpoint c;
  bool accepted = false;
  fuzz::run_reader([&] {
    c = io::parse_checkpoint(text, "fuzz.ckpt");
    accepted = true;
  });
  if (!accepted) return 0;
  fuzz::require(c.inputs >= 1 && c.outputs >= 1 && c.normalized_currents.size() == c.inputs * c.outputs,
                "extents match the currents");
  try {  // what was accepted can be written and read back: no error of any kind is allowed here
    const io::checkpoint again = io::parse_checkpoint(io::format_checkpoint(c), "again.ckpt");
    fuzz::require(again.inputs == c.inputs && again.outputs == c.outputs && again.range == c.range &&
                      std::memcmp(&again.max_current_A, &c.max_current_A, sizeof(double)) == 0 &&
                      again.configuration == c.configuration &&
                      std::memcmp(again.normalized_currents.data(), c.normalized_currents.data(),
                                  c.normalized_currents.size() * sizeof(double)) == 0,
                  "format_checkpoint then parse_checkpoint gives the same checkpoint bit for bit");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: an accepted checkpoint could not be written and read back: %s\n", e.what());
    std::abort();
  }
  return 0;
}
