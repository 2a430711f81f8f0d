// fuzz/result_journal.cpp: libFuzzer harness for the sweep journal (spinaptic/mpi/result_journal.hpp).
// The input is the text of an existing journal file. parse_journal either refuses it with a
// spinaptic::error or finds complete rows of distinct indices < points, one per newline after the
// header; a result_journal opened on the same bytes in a file agrees with it, and when it refuses
// the file is left byte for byte as it was. An accepted journal then takes one more row and sorts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include <spinaptic/mpi/result_journal.hpp>

#include "harness.hpp"

namespace {
constexpr std::size_t points = 16;
const std::string header = "index,a,b";
std::string prefix(std::size_t i) { return std::to_string(i) + ",p" + std::to_string(i % 3); }

/// One scratch file per process, on tmpfs where there is one (fsync is cheap there); removed at exit.
struct scratch_file {
  std::string path;
  scratch_file() {
    const std::filesystem::path dir = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    path = (dir / ("spinaptic-fuzz-journal-" + std::to_string(::getpid()) + ".csv")).string();
  }
  ~scratch_file() { std::remove(path.c_str()); }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace spinaptic;
  static const scratch_file file;
  const std::string text(fuzz::as_text(data, size));
  const bool resume = size == 0 || data[0] != 'X';  // inputs starting with X exercise the no-resume path
  mpi::journal_contents c;
  bool parsed = false;
  fuzz::run_reader([&] {
    c = mpi::parse_journal(text, file.path, header, resume, points, prefix);
    parsed = true;
  });
  if (parsed) {
    fuzz::require(c.complete_bytes <= text.size(), "complete rows lie within the text");
    fuzz::require(c.has_header == !text.empty(), "a non-empty journal has its header");
    std::size_t lines = 0;
    for (std::size_t i = 0; i < c.complete_bytes; ++i) lines += text[i] == '\n';
    fuzz::require(c.complete_bytes == 0 || text[c.complete_bytes - 1] == '\n', "complete rows end in a newline");
    fuzz::require(lines == (c.has_header ? 1 + c.finished.size() : 0), "one finished point per complete row");
    fuzz::require(text.find('\n', c.complete_bytes) == std::string::npos, "only a partial line follows");
    for (std::size_t i : c.finished) fuzz::require(i < points, "indices in the sweep");
    fuzz::require(resume || c.finished.empty(), "without resume no rows are accepted");
  }

  {
    std::ofstream(file.path, std::ios::binary | std::ios::trunc) << text;
  }
  bool opened = false;
  fuzz::run_reader([&] {
    mpi::result_journal j(file.path, header, resume, points, prefix);
    opened = true;
    fuzz::require(parsed && j.finished() == c.finished, "the journal finds what parse_journal finds");
    std::size_t next = 0;
    while (next < points && j.finished().count(next)) ++next;
    if (next < points) j.append(next, prefix(next) + ",0.5");
    j.sort_by_index();
    const std::string sorted = read(file.path);
    fuzz::require(sorted.rfind(header + "\n", 0) == 0, "the sorted journal keeps its header");
    std::size_t last = 0, rows = 0;
    for (std::size_t pos = header.size() + 1; pos < sorted.size(); ++rows) {
      const std::size_t index = std::stoul(sorted.substr(pos, sorted.find(',', pos) - pos));
      fuzz::require(rows == 0 || index > last, "rows sorted by index, each once");
      last = index;
      pos = sorted.find('\n', pos) + 1;
    }
    fuzz::require(rows == c.finished.size() + (next < points ? 1 : 0), "every row kept, one added");
  });
  if (!opened) fuzz::require(!parsed && read(file.path) == text, "a refused file is left untouched");
  return 0;
}
