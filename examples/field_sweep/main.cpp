// Field-sweep hysteresis of the paper's 800 nm junction under hybrid drive (150 mW, 3 mA):
// V_AC and V_DC loops with double switching (free layer at ~150 Oe, reference-layer depinning at
// ~1 kOe), and a raster of the Barkhausen spikes detected on V_AC over 20 sweeps.
//   field_sweep [--out DIR]     writes loop.csv, raster.csv, field_sweep.png/.svg
#include <cmath>
#include <iostream>
#include <sstream>

#include <spinaptic/device/hysteresis.hpp>
#include <spinaptic/device/presets.hpp>
#include <spinaptic/neuron/spikes.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

static int run(const std::filesystem::path& dir) {
  const auto junction = preset::junction();
  const device::hysteresis_parameters params;  // docs/physics.md section 7 defaults
  const device::field_sweep sweep(params, /*seed=*/2025);
  const device::sweep_protocol protocol;  // +-2 kOe at 2 kOe/s, sampled every 0.5 ms
  const double oe = spinaptic::detail::constants::oersted;

  // Spike detection on the laser-synchronous signal's transient part: half the smallest spike.
  const double dv = std::abs(units::in_si(preset::junction(device::antiparallel).thermovoltage(150.0_mW, 3.0_mA)) -
                             units::in_si(preset::junction(device::parallel).thermovoltage(150.0_mW, 3.0_mA)));
  const neuron::threshold_detector detector{units::as<units::voltage>(0.5 * params.spike_gain * params.min_jump * dv),
                                            2.0_ms};
  std::ostringstream loop, raster;
  loop << "# time_s,field_Oe,v_ac_mV,v_dc_mV,state(0=P;1=AP),spike_mV\n";
  raster << "# trial,time_s,field_Oe\n";
  neuron::spike_raster trains;
  std::size_t switches = 0, jumps = 0;
  for (std::uint64_t trial = 0; trial < 20; ++trial) {
    const auto tr = sweep.run(junction, 150.0_mW, 3.0_mA, protocol, trial);
    if (trial == 0) {
      for (std::size_t i = 0; i < tr.time.size(); ++i)
        loop << tr.time(i) << ',' << tr.field(i) / oe << ',' << 1e3 * tr.v_ac(i) << ',' << 1e3 * tr.v_dc(i) << ','
             << int(tr.state(i)) << ',' << 1e3 * tr.spike_component(i) << '\n';
      for (std::size_t i = 1; i < tr.state.size(); ++i) switches += tr.state(i) != tr.state(i - 1);
    }
    jumps += tr.jump_times.size();
    trains.push_back(detector.detect(tr.time, tr.spike_component));
    for (double t : trains.back().times) {
      // field at the spike time: interpolate on the sampled sweep
      const double x = t / (tr.time(1) - tr.time(0));
      const auto i = std::min<std::size_t>(static_cast<std::size_t>(x), tr.time.size() - 2);
      const double h = tr.field(i) + (x - double(i)) * (tr.field(i + 1) - tr.field(i));
      raster << trial << ',' << t << ',' << h / oe << '\n';
    }
  }
  example::write_file(dir, "loop.csv", loop.str());
  example::write_file(dir, "raster.csv", raster.str());
  std::size_t spikes = 0;
  for (const auto& s : trains) spikes += s.size();
  std::cout << "field_sweep: P/AP transitions in one cycle = " << switches
            << " (double switching: 4); over 20 sweeps " << spikes << " spikes detected for " << jumps
            << " Barkhausen jumps (a jump within the refractory time or on a spike's tail is not"
               " a new crossing)\n";

  example::plot(dir, "field_sweep", R"gp(set terminal pngcairo size 900,900 font ",12"
set output 'field_sweep.png'
set datafile separator ','
set multiplot layout 3,1 title "800 nm MTJ, 150 mW, 3 mA: field sweep (spinaptic)"
set xlabel 'H (Oe)'; set xrange [-2000:2000]
set ylabel 'V_{AC} (mV)'
plot 'loop.csv' using 2:3 with lines lw 1.5 lc rgb '#1f77b4' notitle
set ylabel 'V_{DC} (mV)'
plot 'loop.csv' using 2:4 with lines lw 1.5 lc rgb '#d62728' notitle
set ylabel 'sweep #'; set yrange [-1:20]
plot 'raster.csv' using 3:1 with points pt 7 ps 0.5 lc rgb 'black' notitle
unset multiplot
)gp");
  std::cout << "wrote " << (dir / "loop.csv").string() << ", raster.csv, field_sweep.png\n";
  return 0;
}

int main(int argc, char** argv) {
  return example::main_with_output_folder(argc, argv, "field_sweep",
                                          "Field-sweep hysteresis of the paper's 800 nm junction (150 mW, 3 mA) and a raster of Barkhausen spikes",
                                          "out/field_sweep", run);
}
