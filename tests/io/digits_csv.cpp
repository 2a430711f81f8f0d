// Tests for spinaptic/io/digits_csv.hpp: values read back, every malformed line refused with its
// file, line and column, and the real scikit-learn file when scripts/fetch-data has fetched it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>

#include "../support/fetched_data.hpp"
#include "../support/temp_dir.hpp"

using namespace spinaptic;

namespace {
/// One line: pixel j = (j + shift) % 17, then the label.
std::string line(int shift, const std::string& label) {
  std::string s;
  for (int j = 0; j < 64; ++j) s += std::to_string((j + shift) % 17) + ",";
  return s + label + "\n";
}

std::string message_of(const std::string& path) {
  return testing::file_error_message([&] { (void)io::read_digits_csv(path); });
}
}  // namespace

TEST_CASE("digits CSV: pixels and labels are read back as written", "[io][digits]") {
  testing::temp_dir dir;
  const auto set = io::read_digits_csv(dir.write("ok.csv", line(0, "3") + line(5, "9")));
  REQUIRE(set.size() == 2);
  CHECK(set.height == 8);
  CHECK(set.width == 8);
  CHECK(set.max_pixel == 16.0);
  CHECK(set.labels[0] == 3);
  CHECK(set.labels[1] == 9);
  CHECK(set.pixels(0, 16) == 16.0);  // (16 + 0) % 17
  CHECK(set.pixels(1, 12) == 0.0);   // (12 + 5) % 17
  CHECK(set.pixels(1, 63) == double((63 + 5) % 17));
}

TEST_CASE("digits CSV: malformed files are refused with file, line and column", "[io][digits]") {
  testing::temp_dir dir;
  SECTION("a row with a field missing (wrong dimensions)") {
    const std::string bad = line(0, "1").substr(2);  // drop the first pixel "0,"
    const auto msg = message_of(dir.write("short.csv", line(0, "1") + bad));
    CHECK_THAT(msg, Catch::Contains("short.csv:line 2") && Catch::Contains("expected 65 fields") &&
                        Catch::Contains("found 64"));
  }
  SECTION("a file cut off in the middle of its last line (truncated)") {
    std::string text = line(0, "1") + line(1, "2");
    text.resize(text.size() - 40);
    const auto msg = message_of(dir.write("cut.csv", text));
    CHECK_THAT(msg, Catch::Contains("cut.csv:line 2") && Catch::Contains("expected 65 fields"));
  }
  SECTION("a pixel above 16") {
    const std::string text = "17" + line(0, "1").substr(1);
    CHECK_THAT(message_of(dir.write("pixel.csv", text)),
               Catch::Contains("pixel.csv:line 1, column 1") && Catch::Contains("pixel must be an integer in [0, 16]"));
  }
  SECTION("a label out of range") {
    const auto msg = message_of(dir.write("label.csv", line(0, "1") + line(0, "10")));
    // the label is field 65; its column is after 64 pixels and their commas
    const std::string l = line(0, "10");
    const auto column = l.rfind(',') + 2;
    CHECK_THAT(msg, Catch::Contains("label.csv:line 2, column " + std::to_string(column)) &&
                        Catch::Contains("label must be an integer in [0, 9]"));
  }
  SECTION("a non-number") {
    const std::string original = line(0, "1");
    const std::string text = original.substr(0, 2) + "x" + original.substr(3);
    CHECK_THAT(message_of(dir.write("nan.csv", text)), Catch::Contains("nan.csv:line 1, column 3") &&
                                                           Catch::Contains("expected a number, found 'x'"));
  }
  SECTION("an empty file") {
    CHECK_THAT(message_of(dir.write("empty.csv", "")), Catch::Contains("empty file"));
  }
  SECTION("a missing file") {
    CHECK_THAT(message_of(dir.file("absent.csv")), Catch::Contains("cannot open"));
  }
}

TEST_CASE("digits CSV: the fetched scikit-learn copy has 1797 images, 174-183 per class", "[io][digits][data]") {
  const std::string path = testing::fetched_data("digits/digits.csv");
  if (path.empty()) return;
  const auto set = io::read_digits_csv(path);
  CHECK(set.size() == 1797);  // UCI optdigits test set (sklearn descr/digits.rst)
  std::array<int, 10> counts{};
  for (auto y : set.labels) ++counts[y];
  CHECK(*std::min_element(counts.begin(), counts.end()) == 174);
  CHECK(*std::max_element(counts.begin(), counts.end()) == 183);
  // first image (a zero): 0,0,5,13,9,1,0,0,...
  CHECK(set.labels[0] == 0);
  CHECK(set.pixels(0, 2) == 5.0);
  CHECK(set.pixels(0, 3) == 13.0);
}
