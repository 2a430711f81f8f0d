// fuzz/sweep_file.cpp: libFuzzer harness for the sweep-file reader (spinaptic/mpi/sweep_file.hpp):
// any text is refused with a spinaptic::error or expands to 1 ... max_sweep_points points, each of
// which passes validate_point and prints as a CSV row with one field per header column.
#include <cstddef>
#include <cstdint>
#include <string>

#include <spinaptic/mpi/sweep_file.hpp>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace spinaptic;
  mpi::sweep s;
  bool parsed = false;
  fuzz::run_reader([&] {
    s = mpi::parse_sweep(std::string(fuzz::as_text(data, size)), "fuzz.json");
    parsed = true;
  });
  if (!parsed) return 0;
  fuzz::require(size <= mpi::max_sweep_file_bytes, "files over the size limit are refused");
  fuzz::require(!s.points.empty() && s.points.size() <= mpi::max_sweep_points, "1 to max_sweep_points points");
  fuzz::require(s.data == "digits" || s.data == "mnist8", "a known data set");
  const std::string header = mpi::csv_header();
  std::size_t header_commas = 0;
  for (char c : header) header_commas += c == ',';
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    try {
      mpi::validate_point(s.points[i]);
    } catch (const error&) {
      fuzz::require(false, "every accepted point passes validate_point");
    }
    if (i < 64 || i + 1 == s.points.size()) {  // the row: the settings columns of the header (5 measured columns follow)
      const std::string row = mpi::csv_settings(i, s.points[i]);
      std::size_t commas = 0;
      for (char c : row) commas += c == ',';
      fuzz::require(commas + 5 == header_commas, "one CSV field per settings column");
    }
  }
  return 0;
}
