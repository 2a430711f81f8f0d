// Spin-transfer switching probability of a 100 nm x 50 nm x 2 nm CoFeB-like macrospin at 300 K
// versus current-pulse amplitude (in units of I_c0) and duration, from the stochastic LLGS:
// every point is 500 junctions started in AP (thermalised), driven by the pulse, then relaxed
// for 5 ns at zero current and counted.
//   switching_probability [--out DIR]   writes switching_probability.csv and .png/.svg
#include <cstdio>
#include <iostream>
#include <numbers>
#include <sstream>
#include <thread>
#include <vector>

#include <spinaptic/device/macrospin.hpp>
#include <spinaptic/device/presets.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;

static int run(const std::filesystem::path& dir) {
  const device::macrospin_parameters p = device::presets::cofeb_ellipse_100x50x2nm::macrospin();
  const double ic = units::in_si(p.critical_current());
  const std::size_t per_point = 500, amplitudes = 16;
  const double durations_ns[] = {1.0, 2.0, 5.0, 10.0};
  const auto dt = 1.0_ps;
  const unsigned threads = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  std::cout << "I_c0 = " << ic * 1e3 << " mA, Delta(300 K) = " << p.thermal_stability(300.0_K) << "\n";

  std::ostringstream csv;
  csv << "# pulse_ns,current_over_Ic0,current_mA,switching_probability,standard_error\n";
  for (double dur : durations_ns) {
    device::macrospin_ensemble<float> e(p, per_point * amplitudes, /*seed=*/17);
    e.set_magnetization_all(-1.0, 0.0, 0.0);
    e.set_temperature_all(300.0_K);
    e.advance(dt, 1000, threads);  // 1 ns thermalisation in AP at zero current
    auto ratio = [&](std::size_t a) { return 3.0 * double(a) / double(amplitudes - 1); };
    for (std::size_t a = 0; a < amplitudes; ++a)
      for (std::size_t k = 0; k < per_point; ++k)
        e.set_current(a * per_point + k, units::as<units::current>(ratio(a) * ic));
    e.advance(dt, static_cast<std::size_t>(dur * 1000.0 + 0.5), threads);  // the pulse
    e.set_current_all(0.0_mA);
    e.advance(dt, 5000, threads);  // relax
    for (std::size_t a = 0; a < amplitudes; ++a) {
      std::size_t n = 0;
      for (std::size_t k = 0; k < per_point; ++k) n += e.state(a * per_point + k) == device::parallel;
      const double ps = double(n) / double(per_point);
      csv << dur << ',' << ratio(a) << ',' << ratio(a) * ic * 1e3 << ',' << ps << ','
          << std::sqrt(ps * (1.0 - ps) / double(per_point)) << '\n';
    }
    csv << "\n\n";  // gnuplot data blocks, one per duration
    std::cout << "pulse " << dur << " ns done\n";
  }
  example::write_file(dir, "switching_probability.csv", csv.str());
  example::plot(dir, "switching_probability", R"gp(set terminal pngcairo size 800,500 font ",12"
set output 'switching_probability.png'
set datafile separator ','
set title "AP -> P switching probability, macrospin at 300 K (500 junctions per point)"
set xlabel 'pulse amplitude I / I_{c0}'; set ylabel 'P_{sw}'; set yrange [-0.02:1.02]
set key left top
plot for [i=0:3] 'switching_probability.csv' index i using 2:4:5 with yerrorlines pt 7 ps 0.6 \
     title sprintf('%s ns', word('1 2 5 10', i+1))
)gp");
  std::cout << "wrote " << (dir / "switching_probability.csv").string() << " and .png\n";
  return 0;
}

int main(int argc, char** argv) {
  return example::main_with_output_folder(argc, argv, "switching_probability",
                                          "Spin-transfer switching probability of a CoFeB macrospin at 300 K against pulse amplitude and duration (stochastic LLGS)",
                                          "out/switching_probability", run);
}
