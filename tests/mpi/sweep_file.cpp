// Tests of mpi/sweep_file.hpp, mpi/result_journal.hpp and mpi/sweep_analysis.hpp (no second
// rank needed): expansion order, errors that name key and line, resume after a partial write,
// the Pareto front and the yield of hand-checked small sets.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <spinaptic/mpi/result_journal.hpp>
#include <spinaptic/mpi/sweep_analysis.hpp>
#include <spinaptic/mpi/sweep_file.hpp>

using namespace spinaptic;

namespace {
std::string error_of(const std::string& text) {
  try {
    (void)mpi::parse_sweep(text, "s.json");
  } catch (const file_error& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("a grid crossed with seeds: last grid key fastest, seeds innermost") {
  const auto s = mpi::parse_sweep(R"({
    "base": {"epochs": 7},
    "grid": {"laser_power_mW": [50, 150], "stuck": [0.0, 0.1]},
    "seeds": [3, 4]})");
  REQUIRE(s.points.size() == 2 * 2 * 2);
  CHECK(s.data == "digits");
  for (const auto& p : s.points) CHECK(p.epochs == 7);
  // index = ((power * 2) + stuck) * 2 + seed
  CHECK(s.points[0].laser_power_mW == 50.0);
  CHECK(s.points[0].stuck == 0.0);
  CHECK(s.points[0].seed == 3);
  CHECK(s.points[1].seed == 4);
  CHECK(s.points[2].stuck == 0.1);
  CHECK(s.points[4].laser_power_mW == 150.0);
  CHECK(s.points[7].laser_power_mW == 150.0);
  CHECK(s.points[7].stuck == 0.1);
  CHECK(s.points[7].seed == 4);
}

TEST_CASE("seeds as a range: first, count") {
  const auto s = mpi::parse_sweep(R"({"grid": {"spread": [0.1, 0.2]}, "seeds": {"first": 10, "count": 3}})");
  REQUIRE(s.points.size() == 6);
  CHECK(s.points[0].seed == 10);
  CHECK(s.points[2].seed == 12);
  CHECK(s.points[3].spread == 0.2);
  CHECK(s.points[5].seed == 12);
  CHECK_THROWS_WITH(mpi::parse_sweep("{\"seeds\": {\"count\": 0}}", "s.json"), Catch::Contains("line 1, column 12: key 'count' = 0"));
  CHECK_THROWS_WITH(mpi::parse_sweep("{\"seeds\": {\"n\": 2}}", "s.json"), Catch::Contains("unknown key 'n'"));
}

TEST_CASE("a list crossed with a grid") {
  const auto s = mpi::parse_sweep(R"({"list": [{"batch": 8}, {"batch": 64, "optimizer": "adam"}],
                                      "grid": {"read_noise_uV": [0, 5, 10]}})");
  REQUIRE(s.points.size() == 6);
  CHECK(s.points[0].batch == 8);
  CHECK(s.points[2].read_noise_uV == 10.0);
  CHECK(s.points[3].batch == 64);
  CHECK(s.points[3].optimizer == "adam");
  CHECK(s.points[3].learning_rate == 0.05);  // the default of point_settings
}

TEST_CASE("bad sweep files name the key, the line and the column") {
  CHECK_THAT(error_of("{\n  \"base\": {\n    \"learning_rat\": 0.1\n  }\n}"),
             Catch::Contains("s.json:line 3, column 5: unknown key 'learning_rat'"));
  CHECK_THAT(error_of("{\n  \"grid\": {\"epochs\": [1, \"ten\"]}\n}"),
             Catch::Contains("s.json:line 2, column 26: key 'epochs' expects a non-negative integer, got string"));
  CHECK_THAT(error_of("{\"base\": {\"batch\": -4}}"), Catch::Contains("key 'batch' expects a non-negative integer"));
  CHECK_THAT(error_of("{\"base\": {\"spread\": \"high\"}}"), Catch::Contains("key 'spread' expects a number"));
  CHECK_THAT(error_of("{\n\n  \"grid\": {\n    \"spread\": []\n  }\n}"),
             Catch::Contains("s.json:line 4, column 5: grid key 'spread' is an empty grid"));
  CHECK_THAT(error_of("{\"grid\": {}}"), Catch::Contains("line 1, column 2: key 'grid' is empty"));
  CHECK_THAT(error_of("{\"seeds\": []}"), Catch::Contains("key 'seeds' is empty"));
  CHECK_THAT(error_of("{\"sweeep\": 1}"), Catch::Contains("line 1, column 2: unknown key 'sweeep'"));
  CHECK_THAT(error_of("{\"base\": {\"epochs\": 3,}}"), Catch::Contains("not valid JSON"));
  // values out of range are caught before any training, naming the point and the parameter
  CHECK_THAT(error_of("{\"grid\": {\"optimizer\": [\"sgd\", \"adagrad\"]}}"),
             Catch::Contains("point 1: spinaptic: parameter 'optimizer' = 'adagrad' is invalid; allowed: sgd, adam"));
  CHECK_THAT(error_of("{\"grid\": {\"stuck\": [0.1, 1.5]}}"), Catch::Contains("point 1: spinaptic: parameter 'stuck' = 1.5"));
  CHECK_THAT(error_of("{\"base\": {\"laser_power_mW\": 0}}"), Catch::Contains("point 0: spinaptic: parameter 'laser_power_mW' = 0"));
}

TEST_CASE("the journal keeps complete rows and drops a partial last line on resume") {
  const std::string path = (std::filesystem::temp_directory_path() / "spinaptic_journal_test.csv").string();
  std::filesystem::remove(path);
  auto prefix = [](std::size_t i) { return std::to_string(i) + ",x"; };
  {
    mpi::result_journal j(path, "index,a,b", false, 4, prefix);
    j.append(2, "2,x,0.5");
    j.append(0, "0,x,0.25");
  }
  std::ofstream(path, std::ios::app) << "3,x,0.1";  // killed mid-write: no newline
  {
    CHECK_THROWS_AS(mpi::result_journal(path, "index,a,b", false, 4, prefix), file_error);  // rows but no resume
    mpi::result_journal j(path, "index,a,b", true, 4, prefix);
    CHECK(j.finished() == std::set<std::size_t>{0, 2});
    j.append(3, "3,x,0.75");
    j.append(1, "1,x,1");
    CHECK_THROWS_AS(j.append(1, "1,x,1"), invalid_parameter);
    j.sort_by_index();
  }
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "index,a,b\n0,x,0.25\n1,x,1\n2,x,0.5\n3,x,0.75\n");
  CHECK_THROWS_WITH(mpi::result_journal(path, "index,a,c", true, 4, prefix), Catch::Contains("header differs"));
  CHECK_THROWS_WITH(mpi::result_journal(path, "index,a,b", true, 3, prefix), Catch::Contains("line 5, column 1: point index 3"));
  std::filesystem::remove(path);
}

TEST_CASE("Pareto front of a hand-checked set: minimum energy, maximum accuracy") {
  //                     0    1    2    3    4    5
  const std::vector<double> energy{1.0, 2.0, 2.0, 3.0, 4.0, 0.5};
  const std::vector<double> accuracy{0.5, 0.4, 0.7, 0.7, 0.9, 0.2};
  // 1 is dominated by 0, 3 by 2 (same accuracy, more energy)
  CHECK(mpi::pareto_front(energy, accuracy) == std::vector<std::size_t>{5, 0, 2, 4});
}

TEST_CASE("yield: fraction of chips at or above the threshold, histogram holds every chip") {
  const auto y = mpi::chip_yield({0.80, 0.92, 0.95, 0.70, 0.91}, 0.9, 5);
  CHECK(y.fraction_above == Approx(3.0 / 5.0));
  std::size_t total = 0;
  for (auto c : y.counts) total += c;
  CHECK(total == 5);
  CHECK(y.counts.front() == 1);  // 0.70 alone in [0.70, 0.75)
  CHECK(y.counts.back() == 3);   // 0.91, 0.92, 0.95 in [0.90, 0.95]
}
