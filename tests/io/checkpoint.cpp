// Tests for spinaptic/io/checkpoint.hpp: bit-exact round trip, atomic write, and refusal of
// truncated, altered and mismatched checkpoints.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/io/checkpoint.hpp>
#include <spinaptic/learning/initialisation.hpp>
#include <spinaptic/network/crossbar.hpp>

#include "../support/temp_dir.hpp"

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
  learning::initialise_currents(layer, engine);
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
    const auto at = altered.find("0x1.", altered.find("currents\n"));
    altered[at + 4] = altered[at + 4] == '0' ? '1' : '0';
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
