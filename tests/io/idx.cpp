// Tests for spinaptic/io/idx.hpp: small IDX files written here, every error case refused with the
// file and byte offset, and the real MNIST files when scripts/fetch-data has fetched them.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/idx.hpp>

#include "../support/fetched_data.hpp"
#include "../support/temp_dir.hpp"

using namespace spinaptic;
using bytes = std::vector<unsigned char>;

namespace {
void put_u32(bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<unsigned char>(v >> s));
}
/// count images of rows x cols, pixel k = k % 256 (at most 2^20 pixels are written).
bytes images(std::uint32_t count, std::uint32_t rows, std::uint32_t cols, std::uint32_t magic = 0x803) {
  bytes b;
  put_u32(b, magic);
  put_u32(b, count);
  put_u32(b, rows);
  put_u32(b, cols);
  const std::uint64_t n = std::uint64_t(count) * rows * cols;
  for (std::uint64_t k = 0; k < n && k < (1u << 20); ++k) b.push_back(static_cast<unsigned char>(k % 256));
  return b;
}
bytes labels(const std::vector<unsigned char>& values, std::uint32_t magic = 0x801) {
  bytes b;
  put_u32(b, magic);
  put_u32(b, static_cast<std::uint32_t>(values.size()));
  b.insert(b.end(), values.begin(), values.end());
  return b;
}
template <class F>
std::string message_of(F&& read) {
  return testing::file_error_message(read);
}
}  // namespace

TEST_CASE("IDX: images and labels are read back as written", "[io][idx]") {
  testing::temp_dir dir;
  const auto set = io::read_idx(dir.write_bytes("img", images(3, 2, 4)), dir.write_bytes("lab", labels({7, 0, 9})));
  REQUIRE(set.size() == 3);
  CHECK(set.height == 2);
  CHECK(set.width == 4);
  CHECK(set.max_pixel == 255.0);
  CHECK(set.pixels(2, 7) == 23.0);  // pixel 2*8 + 7
  CHECK(set.labels == std::vector<std::uint8_t>{7, 0, 9});
}

TEST_CASE("IDX: malformed files are refused with file and byte offset", "[io][idx]") {
  testing::temp_dir dir;
  SECTION("wrong magic number (a label file read as images)") {
    const auto path = dir.write_bytes("img", labels({1, 2}));
    CHECK_THAT(message_of([&] { (void)io::read_idx_images(path); }),
               Catch::Contains("img:byte offset 0") && Catch::Contains("wrong magic number 0x00000801") &&
                   Catch::Contains("expected 0x00000803"));
  }
  SECTION("wrong magic number in a label file") {
    const auto path = dir.write_bytes("lab", labels({1}, 0x802));
    CHECK_THAT(message_of([&] { (void)io::read_idx_labels(path); }), Catch::Contains("lab:byte offset 0"));
  }
  SECTION("zero rows (wrong dimensions)") {
    const auto path = dir.write_bytes("img", images(2, 0, 4));
    CHECK_THAT(message_of([&] { (void)io::read_idx_images(path); }),
               Catch::Contains("img:byte offset 8") && Catch::Contains("wrong dimensions"));
  }
  SECTION("truncated header") {
    bytes b = images(1, 2, 2);
    b.resize(10);
    const auto path = dir.write_bytes("img", b);
    CHECK_THAT(message_of([&] { (void)io::read_idx_images(path); }),
               Catch::Contains("img:byte offset 10") && Catch::Contains("truncated header"));
  }
  SECTION("truncated pixel data") {
    bytes b = images(3, 2, 2);  // 16 + 12 bytes
    b.resize(25);
    const auto path = dir.write_bytes("img", b);
    CHECK_THAT(message_of([&] { (void)io::read_idx_images(path); }),
               Catch::Contains("img:byte offset 25") && Catch::Contains("truncated") &&
                   Catch::Contains("file size 28"));
  }
  SECTION("bytes after the announced data") {
    bytes b = labels({1, 2});
    b.push_back(3);
    const auto path = dir.write_bytes("lab", b);
    CHECK_THAT(message_of([&] { (void)io::read_idx_labels(path); }),
               Catch::Contains("lab:byte offset 10") && Catch::Contains("1 unexpected bytes"));
  }
  SECTION("a label out of range") {
    const auto path = dir.write_bytes("lab", labels({1, 2, 10, 3}));
    CHECK_THAT(message_of([&] { (void)io::read_idx_labels(path); }),
               Catch::Contains("lab:byte offset 10") && Catch::Contains("label 10 out of range [0, 9]"));
  }
  SECTION("image and label counts differ") {
    const auto img = dir.write_bytes("img", images(3, 1, 1));
    const auto lab = dir.write_bytes("lab", labels({1, 2}));
    CHECK_THAT(message_of([&] { (void)io::read_idx(img, lab); }),
               Catch::Contains("lab:byte offset 4") && Catch::Contains("label count 2 differs from the image count 3"));
  }
  SECTION("a missing file") {
    CHECK_THAT(message_of([&] { (void)io::read_idx_labels(dir.file("absent")); }), Catch::Contains("cannot open"));
  }
}

TEST_CASE("IDX: the fetched MNIST files hold 60000 + 10000 28x28 images", "[io][idx][data]") {
  if (testing::fetched_data("mnist/t10k-labels-idx1-ubyte").empty()) return;
  const std::string root = io::data_directory() + "/mnist/";
  const auto labels_train = io::read_idx_labels(root + "train-labels-idx1-ubyte");
  CHECK(labels_train.size() == 60000);
  CHECK(labels_train[0] == 5);  // the first MNIST training digit is a 5, the first test digit a 7
  const auto test = io::read_idx(root + "t10k-images-idx3-ubyte", root + "t10k-labels-idx1-ubyte");
  CHECK(test.size() == 10000);
  CHECK(test.height == 28);
  CHECK(test.width == 28);
  CHECK(test.labels[0] == 7);
}

// ---- hardening (issue 9) -------------------------------------------------------------------

TEST_CASE("IDX: a header whose size product wraps is refused", "[io][idx]") {
  testing::temp_dir dir;
  // 4 x 2^31 x 2^31 = 2^64: the product wraps to 0 and matched the empty payload.
  const auto path = dir.write_bytes("wrap", {0x00, 0x00, 0x08, 0x03, 0x00, 0x00, 0x00, 0x04,
                                             0x80, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00});
  CHECK_THAT(message_of([&] { (void)io::read_idx_images(path); }),
             Catch::Contains("wrap:byte offset 4") &&
                 Catch::Contains("4 x 2147483648 x 2147483648 pixels, more than a size can count"));
  // a product that fits but exceeds the file is a truncation, not an allocation
  const auto big = dir.write_bytes("big", images(0xFFFF, 0xFFFF, 0xFF));
  CHECK_THAT(message_of([&] { (void)io::read_idx_images(big); }),
             Catch::Contains("truncated: the header announces 1095183237375 data bytes"));
}

TEST_CASE("IDX: empty image and label sets are refused", "[io][idx]") {
  testing::temp_dir dir;
  CHECK_THAT(message_of([&] { (void)io::read_idx_images(dir.write_bytes("img0", images(0, 28, 28))); }),
             Catch::Contains("img0:byte offset 4") && Catch::Contains("the image count is 0"));
  CHECK_THAT(message_of([&] { (void)io::read_idx_labels(dir.write_bytes("lab0", labels({}))); }),
             Catch::Contains("lab0:byte offset 4") && Catch::Contains("the label count is 0"));
}

TEST_CASE("IDX: read_idx_labels with 0 classes names the parameter", "[io][idx]") {
  testing::temp_dir dir;
  const auto path = dir.write_bytes("lab", labels({0}));
  try {
    (void)io::read_idx_labels(path, 0);
    FAIL("no error");
  } catch (const invalid_parameter& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("'label classes' = 0") && Catch::Contains("at least 1") &&
                                          !Catch::Contains("18446744073709551615"));
  }
  CHECK(io::read_idx_labels(path, 1) == std::vector<std::uint8_t>{0});
}

TEST_CASE("IDX: in-memory parsing matches the file readers; a directory is a file_error", "[io][idx]") {
  testing::temp_dir dir;
  const auto set = io::parse_idx_images(images(2, 1, 3), "memory");
  CHECK(set.pixels(1, 2) == 5.0);
  CHECK_THAT(message_of([&] { (void)io::read_idx_images(dir.file("")); }), Catch::Contains("is a directory"));
}
