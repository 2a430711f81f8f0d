// Every reader (io/read_file.hpp: CSV, digits CSV, IDX, checkpoints, measured sweeps) refuses what
// is not a regular file before reading it: /dev/zero (endless bytes: 4.2 GB read for a minute
// before) and a FIFO (its open blocked forever). Regression tests for issue 19, item 18.
#include <catch2/catch.hpp>

#include <string>

#include <sys/stat.h>

#include <spinaptic/device/measured_response.hpp>
#include <spinaptic/io/checkpoint.hpp>
#include <spinaptic/io/csv.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/io/idx.hpp>

#include "../support/temp_dir.hpp"

using namespace spinaptic;

namespace {
/// The message of the spinaptic::error each reader throws for `path` (one per reader).
std::vector<std::string> reader_messages(const std::string& path) {
  std::vector<std::string> out;
  const auto run = [&](auto read) {
    try {
      read();
      out.emplace_back("(read without an error)");
    } catch (const spinaptic::error& e) {
      out.emplace_back(e.what());
    }
  };
  run([&] { (void)io::read_csv(path); });
  run([&] { (void)io::read_digits_csv(path); });
  run([&] { (void)io::read_idx_images(path); });
  run([&] { (void)io::read_idx_labels(path); });
  run([&] { (void)io::load_checkpoint(path); });
  run([&] { (void)device::measured_tms::from_csv(path); });
  return out;
}
}  // namespace

TEST_CASE("readers refuse /dev/zero up front with a file_error naming it", "[io]") {
  for (const auto& m : reader_messages("/dev/zero")) {
    INFO(m);
    CHECK_THAT(m, Catch::Contains("/dev/zero") && Catch::Contains("is not a regular file"));
  }
}

TEST_CASE("readers refuse a FIFO without opening it (no writer: an open would block forever)", "[io]") {
  testing::temp_dir dir;
  const std::string fifo = dir.file("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const auto& m : reader_messages(fifo)) {
    INFO(m);
    CHECK_THAT(m, Catch::Contains(fifo) && Catch::Contains("is not a regular file"));
  }
}

TEST_CASE("a link to a regular file is still read; a missing file still says it cannot be opened", "[io]") {
  testing::temp_dir dir;
  const auto target = dir.write("table.csv", "a,b\n1,2\n");
  REQUIRE(::symlink(target.c_str(), dir.file("link.csv").c_str()) == 0);
  CHECK(io::read_csv(dir.file("link.csv")).rows.size() == 2);
  CHECK_THROWS_WITH(io::read_csv(dir.file("absent.csv")), Catch::Contains("cannot open"));
}
