// fuzz/digits_csv.cpp: libFuzzer harness for the 8x8 digits reader (spinaptic/io/digits_csv.hpp);
// an accepted file holds 64 integer pixels in [0, 16] and a label in [0, 9] per image.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <spinaptic/io/digits_csv.hpp>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace spinaptic;
  fuzz::run_reader([&] {
    const io::image_set set = io::parse_digits_csv(fuzz::as_text(data, size), "fuzz.csv");
    fuzz::require(set.size() >= 1 && set.pixels.shape()[0] == set.size() && set.pixels.shape()[1] == 64,
                  "one 64-pixel row per label");
    for (double p : set.pixels) fuzz::require(p >= 0.0 && p <= 16.0 && p == std::floor(p), "pixels in [0, 16]");
    for (auto y : set.labels) fuzz::require(y <= 9, "labels in [0, 9]");
  });
  return 0;
}
