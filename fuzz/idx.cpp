// fuzz/idx.cpp: libFuzzer harness for the IDX readers (spinaptic/io/idx.hpp). The same bytes go
// to the image and the label parser; an accepted file must have the shape its header announces.
#include <cstddef>
#include <cstdint>
#include <span>

#include <spinaptic/io/idx.hpp>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace spinaptic;
  const std::span<const unsigned char> bytes(data, size);
  fuzz::run_reader([&] {
    const io::image_set set = io::parse_idx_images(bytes, "fuzz.idx");
    fuzz::require(set.size() >= 1 && set.height >= 1 && set.width >= 1, "accepted images are non-empty");
    fuzz::require(set.pixels.shape()[0] == set.size() && set.pixels.shape()[1] == set.pixel_count(),
                  "pixel array matches the header");
    fuzz::require(16 + set.pixels.size() == size, "every byte after the header is one pixel");
    double total = 0.0;
    for (double p : set.pixels) total += p;  // touches every pixel (ASan checks the storage)
    fuzz::require(total >= 0.0 && total <= 255.0 * double(set.pixels.size()), "pixels lie in [0, 255]");
  });
  fuzz::run_reader([&] {
    const std::size_t classes = size > 0 ? 1 + data[size - 1] % 12 : 10;
    const auto labels = io::parse_idx_labels(bytes, "fuzz.idx", classes);
    fuzz::require(!labels.empty() && 8 + labels.size() == size, "one label per byte after the header");
    for (auto y : labels) fuzz::require(y < classes, "labels lie in [0, classes)");
  });
  return 0;
}
