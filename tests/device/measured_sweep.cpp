// tests/device/measured_sweep.cpp: device::write_sweep / read_sweep. Independent facts: 17
// significant digits round-trip every IEEE-754 double exactly (IEEE 754-2008, 5.12.2), and a
// rename(2) over an existing file is atomic, so a failed write leaves the previous file whole.
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include <spinaptic/device/measured_sweep.hpp>

#include "../support/temp_dir.hpp"

using namespace spinaptic;

namespace {
device::measured_sweep awkward_points() {
  device::measured_sweep s;
  s.add(device::magnetic_state::parallel, 0.15, 3e-3, 0.1 + 0.2);  // 0.30000000000000004
  s.add(device::magnetic_state::antiparallel, std::numeric_limits<double>::denorm_min(), -1.0 / 3.0,
        std::numeric_limits<double>::max());
  s.add(device::magnetic_state::antiparallel, 0.0, std::nextafter(1e-3, 1.0), -2.3350000000000001e-2);
  return s;
}
std::string text_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("write_sweep: every double round-trips bit-exactly and no temporary is left", "[device][io]") {
  testing::temp_dir dir;
  const auto written = awkward_points();
  const std::string path = dir.file("sweep.csv");
  device::write_sweep(path, written);
  const auto read = device::read_sweep(path);
  REQUIRE(read.size() == written.size());
  for (std::size_t n = 0; n < read.size(); ++n) {
    CHECK(read.state[n] == written.state[n]);
    CHECK(read.power[n] == written.power[n]);
    CHECK(read.current[n] == written.current[n]);
    CHECK(read.voltage[n] == written.voltage[n]);
    CHECK(read.line[n] == n + 2);  // line 1 is the header
  }
  CHECK(testing::entries(std::filesystem::path(path).parent_path().string()) == 1);
}

TEST_CASE("write_sweep: a failed write throws file_error and leaves the previous file whole", "[device][io]") {
  testing::temp_dir dir;
  const std::string root = std::filesystem::path(dir.file("x")).parent_path().string();
  SECTION("the directory does not exist") {
    CHECK_THAT(testing::file_error_message([&] { device::write_sweep(dir.file("absent/s.csv"), awkward_points()); }),
               Catch::Contains("cannot create the temporary file"));
    CHECK(testing::entries(root) == 0);
  }
  SECTION("the target is a directory: the rename fails and the temporary is removed") {
    std::filesystem::create_directory(dir.file("taken"));
    CHECK_THAT(testing::file_error_message([&] { device::write_sweep(dir.file("taken"), awkward_points()); }),
               Catch::Contains("cannot rename the temporary file into place"));
    CHECK(testing::entries(root) == 1);
  }
  SECTION("an existing sweep is replaced as a whole") {
    const std::string path = dir.file("s.csv");
    const std::string old = "state,power_W,current_A,voltage_V\nP,0,0,0\n";
    dir.write("s.csv", old);
    device::write_sweep(path, awkward_points());
    CHECK(text_of(path) != old);
    CHECK(device::read_sweep(path).size() == 3);
    CHECK(testing::entries(root) == 1);
  }
}
