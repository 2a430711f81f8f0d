// Tests for spinaptic/io/digits_csv.hpp: values read back, every malformed line refused with its
// file, line and column, and the real scikit-learn file when scripts/fetch-data has fetched it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <string>

#include <sys/resource.h>

#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/csv.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/io/image_set.hpp>

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

// ---- hardening (issue 9) -------------------------------------------------------------------

namespace {
/// Peak resident memory of this process so far [bytes] (Linux reports ru_maxrss in KiB).
std::size_t peak_rss_bytes() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<std::size_t>(u.ru_maxrss) * 1024;
}
}  // namespace

TEST_CASE("digits CSV: a 10 MB line of commas is refused at field 66 without storing the fields", "[io][digits]") {
  testing::temp_dir dir;
  const std::string commas(10'000'000, ',');
  const auto path = dir.write("commas.csv", commas + "\n");
  const std::size_t before = peak_rss_bytes();
  const auto msg = message_of(path);
  const std::size_t grown = peak_rss_bytes() - before;
  // field 66 starts after 65 commas: column 66
  CHECK_THAT(msg, Catch::Contains("commas.csv:line 1, column 66") && Catch::Contains("more than 65 fields"));
  // one field per comma cost ~80 bytes each (800 MB); now the text and a copy of it, ~10-40 MB.
  CHECK(grown < 100'000'000);
}

TEST_CASE("CSV: a row wider than the limit is refused at the first field too many", "[io][csv]") {
  CHECK_THAT(testing::file_error_message([] { (void)io::parse_csv("a,b,c\n1, 2,3,4\n", "wide.csv", 3); }),
             Catch::Contains("wide.csv:line 2, column 8") && Catch::Contains("more than 3 fields in a row"));
  const auto table = io::parse_csv("a,b,c\n# note\n\n1, 2 ,3\r\n", "ok.csv", 3);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1][1].text == "2");
  CHECK(table.rows[1][1].line == 4);
  CHECK(table.rows[1][1].column == 4);
  CHECK(table.rows[1][2].text == "3");
  // the default limit (2^16 fields) holds for a 10 MB line of commas too
  CHECK_THAT(testing::file_error_message([] { (void)io::parse_csv(std::string(10'000'000, ','), "commas.csv"); }),
             Catch::Contains("column 65537") && Catch::Contains("more than 65536 fields"));
  CHECK_THROWS_AS(io::parse_csv("a", "zero.csv", 0), invalid_parameter);
}

TEST_CASE("image_set: an index out of range says so", "[io][image_set]") {
  const auto set = io::parse_digits_csv(line(0, "1") + line(1, "2") + line(2, "3"), "three.csv");
  try {
    (void)set.subset({0, 3});
    FAIL("no error");
  } catch (const index_out_of_range& e) {
    CHECK(std::string(e.what()) ==
          "spinaptic: index 'image_set::subset image index' = 3 is out of range; allowed: [0, 2] (3 elements)");
    CHECK(e.index() == 3);
    CHECK(e.count() == 3);
  }
}

TEST_CASE("digits CSV: a directory is a file_error, not a std:: exception", "[io][digits]") {
  testing::temp_dir dir;
  CHECK_THAT(message_of(dir.file("")), Catch::Contains("is a directory"));
}
