// fuzz/measured_response.cpp: libFuzzer harness for the measured-response CSV reader
// (spinaptic/device/measured_response.hpp): an accepted sweep is a full grid whose corners the
// unit-checked API can evaluate.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <spinaptic/device/measured_response.hpp>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace spinaptic;
  fuzz::run_reader([&] {
    const auto table = io::parse_csv(fuzz::as_text(data, size), "fuzz.csv", 16);
    const auto response = device::measured_tms::from_table(table);
    for (auto state : {device::parallel, device::antiparallel}) {
      if (!response.has_state(state)) continue;
      const auto& g = response.grid(state);
      fuzz::require(g.powers.size() >= 2 && g.currents.size() >= 2 &&
                        g.values.size() == g.powers.size() * g.currents.size(),
                    "a full grid of at least 2 x 2 points");
      for (double v : g.values) fuzz::require(std::isfinite(v), "grid values are finite");
      const double p_max = units::in_si(response.max_power()), i_max = units::in_si(response.max_current());
      // the grid corner it was measured at, through the unit-checked API
      (void)response.thermovoltage(state, units::as<units::power>(g.powers.front() * p_max),
                                   units::as<units::current>(g.currents.front() * i_max));
      // the derivatives the trainer reads are finite in SI (a sweep whose dV/dI overflows is refused)
      fuzz::require(std::isfinite(units::in_si(response.dV_dI(state, units::as<units::power>(g.powers.front() * p_max),
                                                              units::as<units::current>(g.currents.front() * i_max)))),
                    "dV/dI is finite");
      (void)response.normalized_dx(state, g.powers.back(), g.currents.back());
      (void)response.normalized_dp(state, g.powers.back(), g.currents.back());
    }
  });
  return 0;
}
