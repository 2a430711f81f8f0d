// device_curves: the thermovoltage of the paper's 800 nm CoFeB/MgO junction under hybrid
// opto-electrical drive (Oberbauer et al., Commun. Phys. 2025), written as CSV and PNG plots:
//   vac_vs_current.csv/.png   V_AC against bias current at several laser powers, P and AP states
//   dT_vs_power.csv/.png      temperature difference across the barrier against laser power
//   pulsed_trace.csv/.png     a pulsed-laser voltage trace with its V_AC / V_DC split
//   derived_vs_calibrated.csv/.png  V_AC(I) at 150 mW: the physics-derived response of
//                             physics_mgo_800nm beside the calibrated surface of hybrid_mgo_800nm
// Usage: device_curves [--out DIR]   (default folder: device_curves; --help for the convention of
//        examples/common/command_line.hpp)
#include <cstdio>
#include <sstream>
#include <string>

#include <spinaptic/spinaptic.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using preset = device::presets::hybrid_mgo_800nm;

static int run(const std::filesystem::path& dir) {
  const auto response = preset::response();
  const double powers_mw[] = {30.0, 60.0, 90.0, 120.0, 150.0};

  // 1. V_AC(I) at several laser powers, both states.
  {
    std::ostringstream csv;
    csv << "current_mA";
    for (auto s : {device::parallel, device::antiparallel})
      for (double p : powers_mw) csv << ",V_" << device::to_string(s) << "_" << p << "mW_mV";
    csv << "\n";
    for (int k = -60; k <= 60; ++k) {
      const auto i = static_cast<double>(k) / 60.0 * preset::max_current();
      csv << units::in_si(i) * 1e3;
      for (auto s : {device::parallel, device::antiparallel})
        for (double p : powers_mw)
          csv << "," << units::in_si(response.thermovoltage(s, units::as<units::power>(p * 1e-3), i)) * 1e3;
      csv << "\n";
    }
    example::write_file(dir, "vac_vs_current.csv", csv.str());
  }
  example::plot(dir, "vac_vs_current", R"gp(set terminal pngcairo size 900,600 font ",11"
set output "vac_vs_current.png"
set datafile separator ","
set title "Bias-enhanced TMS thermovoltage, 800 nm CoFeB/MgO MTJ (Oberbauer et al. 2025 scales)"
set xlabel "bias current I (mA)"; set ylabel "V_{AC} (mV)"; set grid; set key top left
powers = "30 60 90 120 150"
plot for [k=2:6] "vac_vs_current.csv" using 1:k with lines dt 2 lw 2 lc k-1 title sprintf("P, %s mW", word(powers, k-1)), \
     for [k=7:11] "vac_vs_current.csv" using 1:k with lines lw 2 lc k-6 title sprintf("AP, %s mW", word(powers, k-6))
)gp");

  // 2. dT against laser power at three bias currents (AP state).
  const auto junction = preset::junction();
  {
    std::ostringstream csv;
    csv << "power_mW,dT_0mA_K,dT_1.5mA_K,dT_3mA_K\n";
    for (int k = 0; k <= 30; ++k) {
      const auto p = static_cast<double>(k) / 30.0 * preset::max_power();
      csv << units::in_si(p) * 1e3;
      for (double i_ma : {0.0, 1.5, 3.0})
        csv << "," << units::in_si(junction.temperature_difference(p, units::as<units::current>(i_ma * 1e-3)));
      csv << "\n";
    }
    example::write_file(dir, "dT_vs_power.csv", csv.str());
  }
  example::plot(dir, "dT_vs_power", R"gp(set terminal pngcairo size 900,600 font ",11"
set output "dT_vs_power.png"
set datafile separator ","
set title "Temperature difference across the MgO barrier: dT = zeta P + R_J I^2 R"
set xlabel "laser power P (mW)"; set ylabel "dT (K)"; set grid; set key top left
currents = "0 1.5 3"
plot for [k=2:4] "dT_vs_power.csv" using 1:k with lines lw 2 title sprintf("I = %s mA (AP)", word(currents, k-1))
)gp");

  // 3. A pulsed-laser trace (20 us pulses at 25 kHz, 2 mA DC bias) and its V_AC / V_DC split.
  const excitation::hybrid drive{excitation::dc_bias(2.0_mA),
                                 excitation::laser_pulse_train<>(150.0_mW, 20.0_us, 25.0_kHz, 5.0_us)};
  const auto trace = junction.simulate(drive, 20.0_ns, 10000);  // 200 us
  const auto parts = excitation::split_ac_dc(trace.voltage, trace.laser_on);
  {
    std::ostringstream csv;
    csv << "time_us,laser_power_mW,dT_K,voltage_mV,laser_on\n";
    for (std::size_t n = 0; n < trace.time.size(); n += 5)
      csv << trace.time(n) * 1e6 << "," << trace.laser_power(n) * 1e3 << "," << trace.temperature_difference(n)
          << "," << trace.voltage(n) * 1e3 << "," << (trace.laser_on(n) ? 1 : 0) << "\n";
    example::write_file(dir, "pulsed_trace.csv", csv.str());
  }
  char labels[512];
  std::snprintf(labels, sizeof labels,
                "set label 1 \"V_{DC} = %.3f mV (mean)\" at graph 0.55, graph 0.62\n"
                "set label 2 \"V_{AC} = %.3f mV (on - off)\" at graph 0.55, graph 0.55\n"
                "set arrow 1 from graph 0, first %.6f to graph 1, first %.6f nohead dt 2 lc rgb \"black\"\n",
                units::in_si(parts.dc) * 1e3, units::in_si(parts.ac) * 1e3, units::in_si(parts.dc) * 1e3,
                units::in_si(parts.dc) * 1e3);
  example::plot(dir, "pulsed_trace", std::string(R"gp(set terminal pngcairo size 900,600 font ",11"
set output "pulsed_trace.png"
set datafile separator ","
set title "Hybrid drive: 2 mA DC + 150 mW, 20 us laser pulses at 25 kHz (tau_{th} = 1 us)"
set xlabel "time (us)"; set ylabel "junction voltage (mV)"; set y2label "laser power (mW)"
set ytics nomirror; set y2tics; set grid; set key bottom right
)gp") + labels + R"gp(plot "pulsed_trace.csv" using 1:4 with lines lw 2 title "V(t) = I R + V_{TMS}", \
     "pulsed_trace.csv" using 1:2 axes x1y2 with lines lc rgb "#cc8800" title "laser power"
)gp");

  // 4. The physics-derived response beside the calibrated surface, V_AC(I) at 150 mW.
  using physics = device::presets::physics_mgo_800nm;
  const auto derived = physics::junction().network_response();  // through the junction's own parts
  {
    std::ostringstream csv;
    csv << "current_mA,derived_P_mV,derived_AP_mV,calibrated_P_mV,calibrated_AP_mV\n";
    for (int k = -60; k <= 60; ++k) {
      const auto i = static_cast<double>(k) / 60.0 * preset::max_current();
      csv << units::in_si(i) * 1e3;
      for (auto s : {device::parallel, device::antiparallel})
        csv << "," << units::in_si(derived.thermovoltage(s, 150.0_mW, i)) * 1e3;
      for (auto s : {device::parallel, device::antiparallel})
        csv << "," << units::in_si(response.thermovoltage(s, 150.0_mW, i)) * 1e3;
      csv << "\n";
    }
    example::write_file(dir, "derived_vs_calibrated.csv", csv.str());
  }
  example::plot(dir, "derived_vs_calibrated", R"gp(set terminal pngcairo size 900,600 font ",11"
set output "derived_vs_calibrated.png"
set datafile separator ","
set title "V_{AC}(I) at 150 mW: derived from the stack vs the calibrated surface"
set xlabel "bias current I (mA)"; set ylabel "V_{AC} (mV)"; set grid; set key top center
plot "derived_vs_calibrated.csv" using 1:3 with lines lw 2 lc rgb "#c00000" title "derived, AP", \
     "derived_vs_calibrated.csv" using 1:2 with lines lw 2 lc rgb "#0060c0" title "derived, P", \
     "derived_vs_calibrated.csv" using 1:5 with lines dt 2 lw 2 lc rgb "#c00000" title "calibrated, AP", \
     "derived_vs_calibrated.csv" using 1:4 with lines dt 2 lw 2 lc rgb "#0060c0" title "calibrated, P"
)gp");
  std::printf("device_curves: derived response V_AC(AP, P_max, I_max) = %.2f mV, V_AC(AP, P_max, -I_max) = %.2f mV, "
              "P/AP = %.3f\n",
              units::in_si(derived.thermovoltage(device::antiparallel, physics::max_power(), physics::max_current())) * 1e3,
              units::in_si(derived.thermovoltage(device::antiparallel, physics::max_power(), -physics::max_current())) * 1e3,
              units::in_si(derived.thermovoltage(device::parallel, physics::max_power(), physics::max_current())) /
                  units::in_si(derived.thermovoltage(device::antiparallel, physics::max_power(), physics::max_current())));

  // 5. The same pulsed drive on the physics junction: its own dynamics, the pillar (ns) and the
  //    half-space sink whose rise (2/pi) atan(sqrt(8 D t)/w) has a slow tail (docs/physics.md section 2.3).
  const auto physical = physics::junction();
  const auto physical_trace = physical.simulate(drive, 20.0_ns, 10000);
  const auto physical_parts = excitation::split_ac_dc(physical_trace.voltage, physical_trace.laser_on);
  {
    std::ostringstream csv;
    csv << "time_us,laser_power_mW,voltage_mV\n";
    for (std::size_t n = 0; n < physical_trace.time.size(); n += 5)
      csv << physical_trace.time(n) * 1e6 << "," << physical_trace.laser_power(n) * 1e3 << ","
          << physical_trace.voltage(n) * 1e3 << "\n";
    example::write_file(dir, "physics_pulsed_trace.csv", csv.str());
  }
  example::plot(dir, "physics_pulsed_trace", R"gp(set terminal pngcairo size 900,600 font ",11"
set output "physics_pulsed_trace.png"
set datafile separator ","
set title "physics preset, 2 mA DC + 150 mW, 20 us pulses at 25 kHz: pillar (4 ns) and half-space sink"
set xlabel "time (us)"; set ylabel "junction voltage (mV)"; set y2label "laser power (mW)"
set ytics nomirror; set y2tics; set grid; set key bottom right
plot "physics_pulsed_trace.csv" using 1:3 with lines lw 2 title "V(t) = I R + V_{AC}(t)", \
     "physics_pulsed_trace.csv" using 1:2 axes x1y2 with lines lc rgb "#cc8800" title "laser power"
)gp");
  std::printf("device_curves: physics junction pulsed trace V_AC = %.3f mV (steady-state V_AC = %.3f mV; read pulse "
              "for 99 %% at 150 mW, 2 mA: %.2f us)\n",
              units::in_si(physical_parts.ac) * 1e3, units::in_si(physical.thermovoltage(150.0_mW, 2.0_mA)) * 1e3,
              units::in_si(device::read_pulse_width(physical, 150.0_mW, 2.0_mA, 0.99)) * 1e6);

  std::printf("device_curves: V_AP(P_max, I_max) = %.2f mV, dT(P_max, I_max) = %.3f K\n",
              units::in_si(junction.thermovoltage(preset::max_power(), preset::max_current())) * 1e3,
              units::in_si(junction.temperature_difference(preset::max_power(), preset::max_current())));
  std::printf("device_curves: pulsed trace V_DC = %.3f mV, V_AC = %.3f mV (steady-state V_TMS = %.3f mV)\n",
              units::in_si(parts.dc) * 1e3, units::in_si(parts.ac) * 1e3,
              units::in_si(junction.thermovoltage(150.0_mW, 2.0_mA)) * 1e3);
  std::printf("device_curves: wrote CSV, PNG and SVG files to %s\n", dir.string().c_str());
  return 0;
}

int main(int argc, char** argv) {
  return example::main_with_output_folder(argc, argv, "device_curves",
                                          "Thermovoltage curves of the paper's 800 nm CoFeB/MgO junction under hybrid drive (Oberbauer et al. 2025): CSV, PNG and SVG files",
                                          "device_curves", run);
}
