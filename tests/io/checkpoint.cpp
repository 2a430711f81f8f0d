// Tests for spinaptic/io/checkpoint.hpp: bit-exact round trip, atomic and durable write, and
// refusal of truncated, altered, mismatched and crafted checkpoints (crafted ones carry a valid
// checksum: it is no defence against a file made on purpose).
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <thread>


#include <spinaptic/device/presets.hpp>
#include <spinaptic/io/checkpoint.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/network/crossbar.hpp>

#include "../support/temp_dir.hpp"
#include "checksum_line.hpp"

// After the spinaptic headers: <signal.h> defines the macro si_value, a parameter name in units.hpp.
#include <csignal>

#include <sys/resource.h>

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;
using layer_type = network::crossbar<64, 10, preset::response_type>;

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
std::string load_error(const std::string& path) {
  return testing::file_error_message([&] { (void)io::load_checkpoint(path); });
}
layer_type trained_like_layer() {
  layer_type layer(preset::response());
  std::mt19937_64 engine(11);
  learning::initialize_currents(layer, engine);
  layer.normalized_currents()(5, 3) = 1.0 / 3.0;  // not representable in decimal
  layer.normalized_currents()(6, 4) = -0x1.fffffffffffffp-1;
  return layer;
}
}  // namespace

TEST_CASE("checkpoint round trip is bit-exact and keeps the configuration", "[io][checkpoint]") {
  testing::temp_dir dir;
  const auto layer = trained_like_layer();
  const auto path = dir.file("a.ckpt");
  io::save_checkpoint(path, io::checkpoint::of(layer, {{"beta", "200"}, {"seed", "1"}}));
  const auto loaded = io::load_checkpoint(path);
  CHECK(loaded.value("beta") == "200");
  CHECK(loaded.value("seed") == "1");
  CHECK_THROWS_AS(loaded.value("absent"), error);
  layer_type restored(preset::response());
  loaded.restore(restored);
  const auto& a = layer.normalized_currents();
  const auto& b = restored.normalized_currents();
  CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
  // a dynamic-extent crossbar sized from the file
  network::crossbar<network::dynamic_extent, network::dynamic_extent, preset::response_type> dynamic(
      preset::response(), loaded.inputs, loaded.outputs);
  loaded.restore(dynamic);
  CHECK(std::memcmp(dynamic.normalized_currents().data(), a.data(), a.size() * sizeof(double)) == 0);
  // written atomically: no temporary left behind
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path()))
    ++files;
  CHECK(files == 1);
}

TEST_CASE("truncated or altered checkpoints are refused", "[io][checkpoint]") {
  testing::temp_dir dir;
  const auto path = dir.file("a.ckpt");
  io::save_checkpoint(path, io::checkpoint::of(trained_like_layer(), {{"beta", "200"}}));
  const std::string text = slurp(path);
  SECTION("truncated") {
    CHECK_THAT(load_error(dir.write("cut.ckpt", text.substr(0, text.size() / 2))),
               Catch::Contains("no checksum line") && Catch::Contains("cut.ckpt"));
  }
  SECTION("truncated inside the checksum line") {
    CHECK_THAT(load_error(dir.write("cut2.ckpt", text.substr(0, text.size() - 5))), Catch::Contains("checksum mismatch"));
  }
  SECTION("one digit of one current altered") {
    std::string altered = text;
    const auto at = altered.find("1.", altered.find("currents\n"));
    REQUIRE(at != std::string::npos);
    altered[at + 2] = altered[at + 2] == '0' ? '1' : '0';
    CHECK_THAT(load_error(dir.write("altered.ckpt", altered)),
               Catch::Contains("checksum mismatch") && Catch::Contains("altered or truncated"));
  }
  SECTION("not a checkpoint") {
    CHECK_THAT(load_error(dir.write("other.ckpt", "hello\n")), Catch::Contains("no checksum line"));
  }
  SECTION("restoring into a crossbar of other extents") {
    network::crossbar<16, 10, preset::response_type> small(preset::response());
    CHECK_THROWS_AS(io::load_checkpoint(path).restore(small), size_mismatch);
  }
}

// ---- hardening: crafted checkpoints with a valid checksum (issue 9) -----------------------

using testing::with_checksum;

namespace {
std::string header(const std::string& inputs, const std::string& outputs, const std::string& range = "bipolar",
                   const std::string& max_current = "1p-10") {
  return "spinaptic-checkpoint 1\ninputs " + inputs + "\noutputs " + outputs + "\nrange " + range +
         "\nmax_current_A " + max_current + "\n";
}
/// The message of the spinaptic::error that parsing `text` throws; any other exception fails.
std::string parse_error(const std::string& text) {
  try {
    (void)io::parse_checkpoint(text, "crafted.ckpt");
  } catch (const error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("checkpoint: a crafted 2^64 + 1 current count is refused, not a heap overflow", "[io][checkpoint]") {
  // 274177 x 67280421310721 = 2^64 + 1, the Fermat number F6 (Landry 1880): the product wraps to 1.
  const std::string text = with_checksum(header("67280421310721", "274177") + "currents\n0\n");
  CHECK_THAT(parse_error(text), Catch::Contains("crafted.ckpt:line 6") &&
                                    Catch::Contains("67280421310721 x 274177 currents cannot be held"));
  testing::temp_dir dir;
  CHECK_THAT(load_error(dir.write("overflow.ckpt", text)), Catch::Contains("overflow.ckpt:line 6"));
}

TEST_CASE("checkpoint: 2^20 x 2^20 extents in a small file are refused before allocating", "[io][checkpoint]") {
  const std::string text = with_checksum(header("1048576", "1048576") + "currents\n0 0\n0 0\n");
  CHECK_THAT(parse_error(text), Catch::Contains("1048576 x 1048576 currents cannot be held by the 8 bytes"));
}

TEST_CASE("checkpoint: extents are plain decimal integers >= 1", "[io][checkpoint]") {
  auto with_inputs = [](const std::string& line) {
    return with_checksum("spinaptic-checkpoint 1\n" + line + "\noutputs 1\nrange bipolar\nmax_current_A 1p-10\n"
                         "currents\n0\n");
  };
  CHECK_THAT(parse_error(with_inputs("inputs abc")),
             Catch::Contains("line 2, column 8") && Catch::Contains("inputs must be a decimal integer >= 1, found 'abc'"));
  CHECK_THAT(parse_error(with_inputs("inputs")), Catch::Contains("line 2") && Catch::Contains("'inputs' takes 1 value, found 0"));
  CHECK_THAT(parse_error(with_inputs("inputs 1e30")), Catch::Contains("found '1e30'"));
  CHECK_THAT(parse_error(with_inputs("inputs -1")), Catch::Contains("found '-1'"));
  CHECK_THAT(parse_error(with_inputs("inputs 2rent_A")), Catch::Contains("found '2rent_A'"));
  CHECK_THAT(parse_error(with_inputs("inputs 0")), Catch::Contains("inputs = 0 is out of range [1, 18446744073709551615]"));
  CHECK_THAT(parse_error(with_inputs("inputs 99999999999999999999999")), Catch::Contains("is out of range"));
  CHECK_THAT(parse_error(with_inputs("inputs 1 2")), Catch::Contains("line 2, column 10") && Catch::Contains("found 2"));
  CHECK(parse_error(with_inputs("inputs 1")) == "no error");
  // the "outputs 2rent_A" (stoul read it as 2)
  CHECK_THAT(parse_error(with_checksum(header("1", "2rent_A") + "currents\n0 0\n")),
             Catch::Contains("line 3, column 9") && Catch::Contains("outputs must be a decimal integer"));
}

TEST_CASE("checkpoint: every header field is required once", "[io][checkpoint]") {
  CHECK_THAT(parse_error(with_checksum("spinaptic-checkpoint 1\ninputs 1\noutputs 1\ncurrents\n0\n")),
             Catch::Contains("currents before the header is complete"));
  CHECK_THAT(parse_error(with_checksum(header("1", "1") + "inputs 1\ncurrents\n0\n")),
             Catch::Contains("line 6") && Catch::Contains("'inputs' given twice"));
  CHECK_THAT(parse_error(with_checksum(header("1", "1"))), Catch::Contains("no 'currents' section"));
  CHECK_THAT(parse_error(with_checksum(header("1", "1") + "config seed\ncurrents\n0\n")),
             Catch::Contains("'config' takes 2 values, found 1"));
  CHECK_THAT(parse_error(with_checksum("")), Catch::Contains("not a spinaptic checkpoint"));
}

TEST_CASE("checkpoint: currents and I_max are checked against the checkpoint's range", "[io][checkpoint]") {
  auto one = [](const std::string& range, const std::string& x) {
    return parse_error(with_checksum(header("1", "2", range) + "currents\n0 " + x + "\n"));
  };
  CHECK_THAT(one("non_negative", "1p+1"), Catch::Contains("line 7, column 3") &&
                                              Catch::Contains("x = 2 is outside [0, 1] of a non_negative checkpoint"));
  CHECK_THAT(one("bipolar", "1p+1"), Catch::Contains("x = 2 is outside [-1, 1] of a bipolar checkpoint"));
  CHECK_THAT(one("non_negative", "nan"), Catch::Contains("x = nan is outside"));
  CHECK_THAT(one("non_negative", "inf"), Catch::Contains("x = inf is outside"));
  CHECK_THAT(one("non_negative", "-1p-1"), Catch::Contains("x = -0.5 is outside [0, 1]"));
  CHECK(one("bipolar", "-1p-1") == "no error");
  CHECK(one("non_negative", "-0p+0") == "no error");  // -0 == 0 lies in [0, 1]
  CHECK(one("non_negative", "1p+0") == "no error");
  CHECK_THAT(one("bipolar", "0x1p-1"), Catch::Contains("expected a hexadecimal number, found '0x1p-1'"));
  for (const char* bad : {"0p+0", "-1p-10", "nan", "inf"})
    CHECK_THAT(parse_error(with_checksum(header("1", "1", "bipolar", bad) + "currents\n0\n")),
               Catch::Contains("line 5, column 15") && Catch::Contains("must be finite and > 0"));
  CHECK_THAT(parse_error(with_checksum(header("2", "1") + "currents\n0000\n")),
             Catch::Contains("expected 2 current rows, found 1"));
  CHECK_THAT(parse_error(with_checksum(header("1", "2") + "currents\n0 0 0\n")),
             Catch::Contains("line 7, column 5") && Catch::Contains("expected 2 currents in a row, found 3"));
}

TEST_CASE("checkpoint: what cannot be loaded is not saved", "[io][checkpoint]") {
  testing::temp_dir dir;
  auto c = io::checkpoint::of(trained_like_layer(), {});
  SECTION("a current outside the range") {
    c.normalized_currents(2, 1) = 1.5;
    CHECK_THROWS_AS(io::save_checkpoint(dir.file("x.ckpt"), c), error);
  }
  SECTION("a NaN I_max") {
    c.max_current_A = std::nan("");
    CHECK_THROWS_AS(io::save_checkpoint(dir.file("x.ckpt"), c), invalid_parameter);
  }
  SECTION("shape differs from the extents") {
    c.outputs = 11;
    CHECK_THROWS_AS(io::save_checkpoint(dir.file("x.ckpt"), c), size_mismatch);
  }
  CHECK_FALSE(std::filesystem::exists(dir.file("x.ckpt")));
}

TEST_CASE("checkpoint: every failed save removes its temporary", "[io][checkpoint]") {
  testing::temp_dir dir;
  const auto c = io::checkpoint::of(trained_like_layer(), {{"seed", "1"}});
  const std::string root = std::filesystem::path(dir.file("x")).parent_path().string();
  SECTION("the target is a directory: the rename fails (root included)") {
    std::filesystem::create_directory(dir.file("taken"));
    CHECK_THAT(testing::file_error_message([&] { io::save_checkpoint(dir.file("taken"), c); }),
               Catch::Contains("cannot rename the temporary file into place"));
    CHECK(testing::entries(root) == 1);
  }
  SECTION("the file size limit is below the checkpoint: the write fails with EFBIG (root included)") {
    // RLIMIT_FSIZE binds root too; SIGXFSZ ignored so that write() returns EFBIG instead.
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 1000;  // bytes; the checkpoint of a 64 x 10 crossbar is ~14 kB
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const std::string message = testing::file_error_message([&] { io::save_checkpoint(dir.file("big.ckpt"), c); });
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    CHECK_THAT(message, Catch::Contains("write failed") && Catch::Contains("temporary is removed"));
    CHECK(testing::entries(root) == 0);
  }
  SECTION("the directory does not exist: nothing is created") {
    CHECK_THAT(testing::file_error_message([&] { io::save_checkpoint(dir.file("absent/x.ckpt"), c); }),
               Catch::Contains("cannot create the temporary file"));
    CHECK(testing::entries(root) == 0);
  }
}

TEST_CASE("checkpoint: two threads saving to one path both succeed with one complete version", "[io][checkpoint]") {
  testing::temp_dir dir;
  const auto path = dir.file("shared.ckpt");
  auto a = io::checkpoint::of(trained_like_layer(), {{"writer", "a"}});
  auto b = a;
  b.configuration = {{"writer", "b"}};
  b.normalized_currents(0, 0) = 0.25;
  std::atomic<int> failures{0};
  auto writer = [&](const io::checkpoint& c) {
    for (int k = 0; k < 40; ++k) {
      try {
        io::save_checkpoint(path, c);
      } catch (const error&) {
        ++failures;
      }
    }
  };
  std::thread ta(writer, std::cref(a)), tb(writer, std::cref(b));
  ta.join();
  tb.join();
  CHECK(failures == 0);
  const auto loaded = io::load_checkpoint(path);  // complete: the checksum holds
  const auto& winner = loaded.value("writer") == "a" ? a : b;
  CHECK(std::memcmp(loaded.normalized_currents.data(), winner.normalized_currents.data(),
                    winner.normalized_currents.size() * sizeof(double)) == 0);
  CHECK(testing::entries(std::filesystem::path(path).parent_path().string()) == 1);  // no temporary left
}

TEST_CASE("checkpoint: unreadable paths give file_error, not a std:: exception", "[io][checkpoint]") {
  testing::temp_dir dir;
  std::filesystem::create_directory(dir.file("sub"));
  CHECK_THAT(load_error(dir.file("sub")), Catch::Contains("is a directory"));
  CHECK_THAT(load_error(dir.file("absent.ckpt")), Catch::Contains("cannot open"));
}
