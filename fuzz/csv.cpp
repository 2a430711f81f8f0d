// fuzz/csv.cpp: libFuzzer harness for the generic CSV reader (spinaptic/io/csv.hpp): every row of
// an accepted text respects the field limit, every field is trimmed and has a position, and
// every field either parses as a finite number or is refused with a spinaptic::error.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <spinaptic/io/csv.hpp>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace spinaptic;
  constexpr std::size_t max_fields = 16;
  io::csv_table table;
  bool parsed = false;
  fuzz::run_reader([&] {
    table = io::parse_csv(fuzz::as_text(data, size), "fuzz.csv", max_fields);
    parsed = true;
  });
  if (!parsed) return 0;
  for (const auto& row : table.rows) {
    fuzz::require(!row.empty() && row.size() <= max_fields, "1 to max_fields fields per row");
    for (const auto& f : row) {
      fuzz::require(f.line >= 1 && f.column >= 1, "positions are 1-based");
      fuzz::require(f.text.find(',') == std::string::npos && f.text.find('\n') == std::string::npos,
                    "a field holds no separator");
      fuzz::require(f.text.empty() || (f.text.front() != ' ' && f.text.back() != ' '), "fields are trimmed");
      fuzz::run_reader([&] { fuzz::require(std::isfinite(table.number(f)), "numbers are finite"); });
    }
  }
  return 0;
}
