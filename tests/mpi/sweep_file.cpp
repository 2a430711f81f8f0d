// Tests of mpi/sweep_file.hpp, mpi/result_journal.hpp and mpi/sweep_analysis.hpp (no second
// rank needed): expansion order, errors that name key and line, resume after a partial write,
// the Pareto front and the yield of hand-checked small sets.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <set>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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

// ---- regression tests of issue 19 (items 1-5): the exact inputs of the audit ------------------
TEST_CASE("sweep files: invalid JSON, deep nesting and huge numbers are refused quickly") {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  CHECK_THAT(error_of("[}"), Catch::Contains("s.json: not valid JSON"));  // looped forever before
  // the location index alone terminates on any text (it only ever sees valid JSON)
  CHECK(mpi::detail_sweep::json_locations("[}").at("/0") == "line 1, column 1");
  // 20000 and 60000 deep: refused by the depth limit before the parser and the index run
  for (const std::size_t depth : {20000, 60000}) {
    const std::string nested = std::string(depth, '[') + std::string(depth, ']');
    CHECK_THAT(error_of(nested), Catch::Contains("s.json:line 1, column 17: arrays and objects nested 17 deep; a sweep file allows at most 16"));
  }
  std::string objects;  // {"a":{"a":...}} 20000 deep, 40 KB as in the audit
  for (int i = 0; i < 20000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(20000, '}');
  CHECK_THAT(error_of(objects), Catch::Contains("nested 17 deep"));
  CHECK_THAT(error_of("{\"x\": \"[[[[[[[[[[[[[[[[[[[[\", \"base\": {}}"), Catch::Contains("unknown key 'x'"));  // brackets in strings do not count
  CHECK_THAT(error_of(std::string(mpi::max_sweep_file_bytes + 1, ' ')), Catch::Contains("at most 1048576 bytes"));
  CHECK(std::chrono::duration<double>(clock::now() - t0).count() < 5.0);
  // 1e400 overflows a double: a spinaptic error, not nlohmann's out_of_range
  CHECK_THAT(error_of("{\"base\": {\"learning_rate\": 1e400}}"), Catch::Contains("a number is out of range"));
  CHECK_THROWS_AS(mpi::parse_sweep("{\"base\": {\"learning_rate\": -1e400}}"), file_error);
}

TEST_CASE("sweep files: seeds and counts out of range are refused, not expanded or wrapped") {
  // 10^12 seeds: refused before a single point is built (was 4.2 GB, then std::bad_alloc)
  CHECK_THAT(error_of("{\"seeds\": {\"first\": 1, \"count\": 1000000000000}}"),
             Catch::Contains("line 1, column 24: key 'count' = 1000000000000 is outside [1, 1000000]"));
  // a grid of 1001 x 1001 values is 1002001 points: refused at the second key
  std::string values = "[1";
  for (int i = 0; i < 1000; ++i) values += ",1";
  values += "]";
  CHECK_THAT(error_of("{\"grid\": {\"epochs\": " + values + ", \"batch\": " + values + "}}"),
             Catch::Contains("the sweep would have more than 1000000 points"));
  // seeds from 2^64 - 1: the last seed is 2^64 - 1 itself; one more would wrap to 0
  const auto last = mpi::parse_sweep("{\"seeds\": {\"first\": 18446744073709551614, \"count\": 2}}");
  REQUIRE(last.points.size() == 2);
  CHECK(last.points[1].seed == 18446744073709551615ull);
  CHECK_THAT(error_of("{\"seeds\": {\"first\": 18446744073709551615, \"count\": 2}}"),
             Catch::Contains("line 1, column 12: seeds 18446744073709551615 ... 18446744073709551615 + 1 pass 2^64 - 1"));
  // current_bits 4294967297 = 2^32 + 1 narrowed to 1 before; the limit is the DAC's (as digits --current-bits)
  CHECK_THAT(error_of("{\"base\": {\"current_bits\": 4294967297}}"),
             Catch::Contains("line 1, column 11: key 'current_bits' = 4294967297 is outside [0, 52]"));
  CHECK_THAT(error_of("{\"grid\": {\"power_bits\": [8, 53]}}"), Catch::Contains("key 'power_bits' = 53 is outside [0, 52]"));
  CHECK(mpi::parse_sweep("{\"base\": {\"current_bits\": 52}}").points[0].current_bits == 52);
}

TEST_CASE("sweep files: a path that is not a regular file is refused before it is read") {
  CHECK_THROWS_WITH(mpi::read_sweep_file("/dev/zero"), Catch::Contains("/dev/zero: the sweep file is not a regular file"));
  CHECK_THROWS_WITH(mpi::read_sweep_file(std::filesystem::temp_directory_path().string()),
                    Catch::Contains("not a regular file"));
  CHECK_THROWS_WITH(mpi::read_sweep_file("/nonexistent/sweep.json"), Catch::Contains("no such file"));
}

// ---- issue 19 items 6-8: the journal is locked, recognises foreign files, sorts safely ---------
namespace {
std::string journal_path(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("spinaptic_journal_") + name + "_" +
                                                    std::to_string(::getpid()) + ".csv")).string();
}
std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
const auto prefix = [](std::size_t i) { return std::to_string(i) + ",x"; };
}  // namespace

TEST_CASE("journal: a second job on the same CSV is refused, naming the file and the holder") {
  const std::string path = journal_path("lock");
  std::filesystem::remove(path);
  {
    mpi::result_journal first(path, "index,a,b", false, 4, prefix);
    first.append(1, "1,x,0.5");
    CHECK_THROWS_WITH(mpi::result_journal(path, "index,a,b", true, 4, prefix),
                      Catch::Contains(path + ": is locked by pid " + std::to_string(::getpid())));
    first.sort_by_index();  // the sorted file, renamed into place, is locked too
    CHECK_THROWS_WITH(mpi::result_journal(path, "index,a,b", true, 4, prefix), Catch::Contains("is locked by"));
  }
  mpi::result_journal again(path, "index,a,b", true, 4, prefix);  // released with the first job
  CHECK(again.finished() == std::set<std::size_t>{1});
  std::filesystem::remove(path);
}

TEST_CASE("journal: a foreign file is refused before a byte of it changes") {
  const std::string path = journal_path("foreign");
  for (const std::string& text : {std::string("my notes\nno newline at the end"), std::string("{\"grid\": {\"spread\": [0.1]}}"),
                                 std::string("index,a"), std::string("index,a,b,c\n0,x,1\n")}) {
    std::ofstream(path, std::ios::binary) << text;
    for (const bool resume : {false, true})
      CHECK_THROWS_WITH(mpi::result_journal(path, "index,a,b", resume, 4, prefix),
                        Catch::Contains("line 1, column 1: header differs") && Catch::Contains("left untouched"));
    CHECK(contents(path) == text);
  }
  CHECK_THROWS_WITH(mpi::result_journal("/dev/null", "index,a,b", false, 4, prefix), Catch::Contains("is not a regular file"));
  std::filesystem::remove(path);
}

TEST_CASE("journal: a failed write during the final sort leaves the journal as it was") {
  const std::string path = journal_path("full");
  std::filesystem::remove(path);
  mpi::result_journal j(path, "index,a,b", false, 4, prefix);
  for (std::size_t i : {3, 1, 2, 0}) j.append(i, std::to_string(i) + ",x,0." + std::to_string(i));
  const std::string before = contents(path);
  // a full disk, as RLIMIT_FSIZE makes it: write(2) fails with EFBIG past 16 bytes
  struct rlimit old{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
  struct rlimit small = old;
  small.rlim_cur = 16;
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  std::string message;
  try {
    j.sort_by_index();
  } catch (const file_error& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, old_handler);
  CHECK_THAT(message, Catch::Contains(".sorting-") && Catch::Contains("write failed: File too large"));
  CHECK(contents(path) == before);
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path()))
    CHECK(entry.path().string().rfind(path + ".sorting", 0) == std::string::npos);  // no stray temporary file
  j.sort_by_index();  // with room again
  CHECK(contents(path) == "index,a,b\n0,x,0.0\n1,x,0.1\n2,x,0.2\n3,x,0.3\n");
  std::filesystem::remove(path);
}

TEST_CASE("journal: once its launcher has exited, a watching journal appends nothing") {
  const std::string path = journal_path("orphan");
  std::filesystem::remove(path);
  int written[2], verdict_pipe[2];
  REQUIRE(::pipe(written) == 0);
  REQUIRE(::pipe(verdict_pipe) == 0);
  const pid_t launcher = ::fork();  // stands in for mpirun
  REQUIRE(launcher >= 0);
  if (launcher == 0) {
    if (::fork() == 0) {  // the rank
      char verdict = 'e';
      try {
        mpi::result_journal j(path, "index,a,b", false, 4, prefix, true);
        const pid_t parent = ::getppid();
        j.append(0, "0,x,1");  // the launcher lives: written
        (void)!::write(written[1], "w", 1);
        verdict = 't';
        for (int i = 0; i < 1000 && ::getppid() == parent; ++i) ::usleep(5000);  // until the launcher is gone
        if (::getppid() != parent) {
          try {
            j.append(1, "1,x,1");
            verdict = 'a';
          } catch (const file_error& e) {
            verdict = std::string(e.what()).find("has exited: row of point 1 not written") != std::string::npos ? 'r' : 'm';
          }
        }
      } catch (...) {
      }
      (void)!::write(verdict_pipe[1], &verdict, 1);
      ::_exit(0);
    }
    char w = 0;
    (void)!::read(written[0], &w, 1);  // the first row is in
    ::_exit(0);                        // the launcher dies (as mpirun under kill -9)
  }
  ::close(written[1]);
  ::close(verdict_pipe[1]);
  int status = 0;
  ::waitpid(launcher, &status, 0);
  char verdict = 0;
  REQUIRE(::read(verdict_pipe[0], &verdict, 1) == 1);
  ::close(written[0]);
  ::close(verdict_pipe[0]);
  CHECK(verdict == 'r');
  CHECK(contents(path) == "index,a,b\n0,x,1\n");
  std::filesystem::remove(path);
}

TEST_CASE("fuzz seeds of the sweep file and the journal: accepted unless named refused-*") {
  // SPINAPTIC_FUZZ_CORPUS is <source>/fuzz/corpus (tests/mpi/CMakeLists.txt); the journal harness
  // uses header "index,a,b", 16 points and the prefix "<i>,p<i mod 3>" (fuzz/result_journal.cpp)
  auto journal_prefix = [](std::size_t i) { return std::to_string(i) + ",p" + std::to_string(i % 3); };
  for (const char* harness : {"sweep_file", "result_journal"}) {
    std::size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(SPINAPTIC_FUZZ_CORPUS) / harness)) {
      const std::string path = entry.path().string(), text = contents(path);
      INFO(path);
      auto read = [&] {
        if (std::string(harness) == "sweep_file") (void)mpi::parse_sweep(text, path);
        else (void)mpi::parse_journal(text, path, "index,a,b", true, 16, journal_prefix);
      };
      if (entry.path().filename().string().rfind("refused-", 0) == 0) CHECK_THROWS_AS(read(), error);
      else CHECK_NOTHROW(read());
      ++seen;
    }
    CHECK(seen >= 3);
  }
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
