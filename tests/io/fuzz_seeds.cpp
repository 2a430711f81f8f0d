// Tests that the committed fuzz seed corpora (fuzz/corpus/<harness>/) still reach the readers'
// accepting paths: every seed is accepted by its reader, except those named refused-*, which
// must be refused with a spinaptic::error. A seed the reader no longer accepts would make the
// bounded fuzz runs of scripts/fuzz start from nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <spinaptic/device/measured_response.hpp>
#include <spinaptic/io/checkpoint.hpp>
#include <spinaptic/io/csv.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/io/idx.hpp>
#include <spinaptic/io/read_file.hpp>

#include "checksum_line.hpp"

using namespace spinaptic;
namespace fs = std::filesystem;

namespace {
std::vector<fs::path> seeds(const std::string& harness) {
  // SPINAPTIC_TEST_DATA_DIR is <source>/tests/data
  const fs::path dir = fs::path(SPINAPTIC_TEST_DATA_DIR).parent_path().parent_path() / "fuzz" / "corpus" / harness;
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}
bool refused(const fs::path& p) { return p.filename().string().rfind("refused-", 0) == 0; }

template <class Read>
void check_seeds(const std::string& harness, Read&& read) {
  const auto files = seeds(harness);
  REQUIRE(files.size() >= 2);
  for (const auto& p : files) {
    INFO(p.string());
    if (refused(p)) CHECK_THROWS_AS(read(p), error);
    else CHECK_NOTHROW(read(p));
  }
}
}  // namespace

TEST_CASE("fuzz seeds: each is accepted by its reader unless named refused-*", "[io][fuzz]") {
  check_seeds("idx", [](const fs::path& p) {
    const auto bytes = io::read_file_bytes(p.string());
    if (p.filename().string().rfind("labels", 0) == 0) (void)io::parse_idx_labels(bytes, p.string());
    else (void)io::parse_idx_images(bytes, p.string());
  });
  check_seeds("digits_csv", [](const fs::path& p) { (void)io::read_digits_csv(p.string()); });
  check_seeds("csv", [](const fs::path& p) { (void)io::read_csv(p.string()); });
  check_seeds("measured_response", [](const fs::path& p) { (void)device::measured_tms::from_csv(p.string()); });
  // the checkpoint harness appends the checksum line to its input
  check_seeds("checkpoint", [](const fs::path& p) {
    (void)io::parse_checkpoint(testing::with_checksum(io::read_text_file(p.string())), p.string());
  });
}
