// examples/vortex: the paper's 800 nm junction with its free layer as a magnetic vortex
// (device::presets::vortex_800nm; docs/vortex.md). Writes CSV files and gnuplot figures:
//   loop.png       quasi-static <m_x>(H) with annihilation and nucleation (rigid-vortex statics)
//   frequency.png  gyrotropic frequency from the simulated ringdown against (20/9) gamma Ms beta,
//                  over beta, and against laser power (Ms(T) of the laser-heated free layer)
//   spectrum.png   spin-diode voltage from the thermal Thiele dynamics (room temperature, 256
//                  junctions per frequency) against the Lorentzian line shape
//   sweep.png      V_AC and V_DC loops at 150 mW, 3 mA with Barkhausen hops of the pinned core and
//                  reference-layer depinning, and the spike raster against laser power
//   spike_rate.png Barkhausen hop rate against laser power
//   vortex [--out DIR] [--quick]
// --quick: a short run for the CTest (3 beta points, 3 laser powers, 32 junctions per spectrum
// point at 9 frequencies, 4 sweep trials); the printed closed-form checks are the same.
#include <cmath>
#include <filesystem>
#include <string>
#include <cstdio>
#include <iostream>
#include <numbers>
#include <sstream>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/vortex_dynamics.hpp>
#include <spinaptic/device/vortex_junction.hpp>
#include <spinaptic/device/vortex_pinning.hpp>
#include <spinaptic/device/vortex_presets.hpp>
#include <spinaptic/device/vortex_ringdown.hpp>
#include <spinaptic/device/vortex_spin_diode.hpp>
#include <spinaptic/device/vortex_statics.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
using vortex = device::presets::vortex_800nm;
using hybrid = device::presets::hybrid_mgo_800nm;

namespace {
const double oe = spinaptic::detail::constants::oersted;
units::magnetic_field_strength A_per_m(double v) { return units::as<units::magnetic_field_strength>(v); }

// angular frequency of a noise-free ringdown from s = (0.05, 0) over 12 periods, with Ms fixed at
// Ms(T) (the thermal force left out so that the crossings are clean)
double ringdown(device::vortex_parameters p, double kelvin) {
  p.saturation_magnetization = units::as<units::magnetic_field_strength>(p.saturation_magnetization_at(kelvin));
  p.curie_temperature = units::as<units::temperature>(0.0);
  return device::measure_vortex_ringdown(p, 0.05, 12).angular_frequency;
}

int run(const std::filesystem::path& dir, bool quick) {
  const auto disk = vortex::disk();
  const auto t_room = vortex::free_layer_temperature(0.0_mW, 0.0_mA);

  // ---- loop ---------------------------------------------------------------------------
  {
    device::vortex_loop loop(disk, t_room);
    const double h_an = units::in_si(loop.statics().annihilation_field()), h_n = units::in_si(loop.statics().nucleation_field());
    std::ostringstream csv;
    csv << "# field_Oe,mx\n";
    const int n = 400;
    for (int k = 0; k <= 4 * n; ++k) {  // 0 -> +1.5 H_an -> -1.5 H_an -> 0 (triangle)
      const double u = double(k) / n;
      const double h = 1.5 * h_an * (u < 1 ? u : u < 3 ? 2.0 - u : u - 4.0);
      csv << h / oe << ',' << loop.apply(A_per_m(h)) << '\n';
    }
    example::write_file(dir, "loop.csv", csv.str());
    std::printf("loop: chi_0 = %.2f, H_an = %.1f Oe, H_n = %.1f Oe (T = %.1f K)\n", loop.statics().initial_susceptibility(),
                h_an / oe, h_n / oe, units::in_si(t_room));
    example::plot(dir, "loop", R"gp(set terminal pngcairo size 700,450 font ",10"
set output 'loop.png'
set datafile separator ','
set xlabel 'H (Oe)'; set ylabel '<m_x>'; set yrange [-1.1:1.1]; set grid
set title '800 nm vortex junction: rigid-vortex loop (annihilation at H_{an}, nucleation at H_n)'
plot 'loop.csv' using 1:2 with lines lw 2 lc rgb '#1f77b4' notitle
)gp");
  }

  // ---- gyrotropic frequency: beta and laser power ----------------------------------------
  {
    std::ostringstream csv;
    csv << "# beta,f_simulated_MHz,f_closed_form_MHz\n";
    const double ms = disk.saturation_magnetization_at(units::in_si(t_room));
    const std::vector<double> betas = quick ? std::vector<double>{0.01, 0.05, 0.1}
                                            : std::vector<double>{0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1};
    for (double beta : betas) {
      auto p = disk;
      p.thickness = beta * p.radius;
      const double w = ringdown(p, units::in_si(t_room));
      const double closed = 20.0 / 9.0 * p.gamma * detail::constants::vacuum_permeability * ms / (4.0 * std::numbers::pi) * beta;
      csv << beta << ',' << w / (2e6 * std::numbers::pi) << ',' << closed / (2e6 * std::numbers::pi) << '\n';
    }
    example::write_file(dir, "frequency_beta.csv", csv.str());
    std::ostringstream csv2;
    csv2 << "# laser_power_mW,T_K,f_r_MHz,f_ringdown_MHz\n";
    for (int k = 0; k <= 6; k += quick ? 3 : 1) {
      const auto p = units::as<units::power>(0.05 * k);
      const auto t = vortex::free_layer_temperature(p, 3.0_mA);
      const device::vortex_spin_diode sd(disk, t, 0.0_mA);
      csv2 << 50 * k << ',' << units::in_si(t) << ',' << units::in_si(sd.resonance_frequency()) * 1e-6 << ','
           << ringdown(disk, units::in_si(t)) / (2e6 * std::numbers::pi) << '\n';
    }
    example::write_file(dir, "frequency_power.csv", csv2.str());
    example::plot(dir, "frequency", R"gp(set terminal pngcairo size 1000,420 font ",10"
set output 'frequency.png'
set datafile separator ','
set multiplot layout 1,2
set xlabel 'aspect ratio beta = L/R'; set ylabel 'f_0 (MHz)'; set grid; set key top left
set title 'gyrotropic frequency: Thiele ringdown vs (20/9) gamma Ms beta (Ms(295 K))'
plot 'frequency_beta.csv' using 1:3 with lines lw 2 lc rgb 'black' title 'closed form', '' using 1:2 with points pt 7 lc rgb '#d62728' title 'simulated ringdown'
set xlabel 'laser power (mW), I = 3 mA'; set ylabel 'f_0 (MHz)'
set title 'gyrotropic frequency of the laser-heated 800 nm junction'
plot 'frequency_power.csv' using 1:3 with lines lw 2 lc rgb 'black' title 'kappa G/(G^2+D^2), Ms(T)', '' using 1:4 with points pt 7 lc rgb '#d62728' title 'simulated ringdown'
unset multiplot
)gp");
  }

  // ---- spin-diode spectrum at room temperature -------------------------------------------
  {
    const auto irf = 1.0_mA;
    const device::vortex_spin_diode sd(disk, t_room, 0.0_mA);
    const double wr = sd.resonance_angular_frequency(), gm = sd.half_width();
    const std::size_t per = quick ? 32 : 256, points = quick ? 9 : 33;
    device::vortex_ensemble<float> e(disk, per * points, 2026);
    e.set_temperature_all(t_room);
    std::vector<double> om(points);
    for (std::size_t k = 0; k < points; ++k) {
      om[k] = wr + gm * (-4.0 + 8.0 * double(k) / double(points - 1));
      for (std::size_t i = 0; i < per; ++i)
        e.set_rf_current(k * per + i, irf, units::as<units::frequency>(om[k] / (2.0 * std::numbers::pi)));
    }
    const double dt = 2.0 * std::numbers::pi / wr / 200;
    e.advance(units::as<units::time>(dt), std::size_t(10.0 / gm / dt), 2);
    e.reset_averages();
    e.advance(units::as<units::time>(dt), std::size_t(20.0 / gm / dt), 2);
    const auto r_p = hybrid::resistance().parallel_resistance, r_ap = 2.0 * r_p;
    std::ostringstream csv;
    csv << "# f_MHz,v_dynamics_uV,v_dynamics_sem_uV,v_lorentzian_uV\n";
    for (std::size_t k = 0; k < points; ++k) {
      double m = 0.0, s = 0.0;
      for (std::size_t i = 0; i < per; ++i) {
        const double v = units::in_si(device::spin_diode_voltage(r_p, r_ap, e.mean_current_magnetization(k * per + i)));
        m += v / double(per);
        s += v * v / double(per);
      }
      const double sem = std::sqrt(std::max(0.0, s - m * m) / double(per - 1));
      const auto f = units::as<units::frequency>(om[k] / (2.0 * std::numbers::pi));
      csv << om[k] / (2e6 * std::numbers::pi) << ',' << 1e6 * m << ',' << 1e6 * sem << ','
          << 1e6 * units::in_si(device::spin_diode_voltage(r_p, r_ap, sd.lorentzian(irf, f))) << '\n';
    }
    example::write_file(dir, "spectrum.csv", csv.str());
    std::printf("spin diode: f_r = %.2f MHz, half-width %.3f MHz, I_rf = 1 mA, T = %.1f K\n", wr / (2e6 * std::numbers::pi),
                gm / (2e6 * std::numbers::pi), units::in_si(t_room));
    example::plot(dir, "spectrum", R"gp(set terminal pngcairo size 700,450 font ",10"
set output 'spectrum.png'
set datafile separator ','
set xlabel 'f (MHz)'; set ylabel 'V_{dc} (uV)'; set grid
set title 'spin-diode spectrum, 800 nm vortex junction, I_{rf} = 1 mA, room temperature'
plot 'spectrum.csv' using 1:4 with lines lw 2 lc rgb 'black' title 'Lorentzian (symmetric + antisymmetric)', '' using 1:2:3 with yerrorbars pt 7 lc rgb '#d62728' title 'thermal Thiele dynamics'
)gp");
  }

  // ---- field sweep with Barkhausen hops; spike rate against laser power -------------------
  {
    using analog = device::mtj<hybrid::response_type, device::tmr_resistance, device::laser_heating, device::analog_fixed_state>;
    analog junction{hybrid::response(), hybrid::resistance(), hybrid::heating(), hybrid::thermal(), {0.0}};
    const double h_max = 2000.0 * oe, rate = 2000.0 * oe, dt = 0.5e-3;  // +-2 kOe at 2 kOe/s
    const auto steps = std::size_t(4.0 * h_max / rate / dt);
    auto field_at = [&](std::size_t n) {  // -h_max -> +h_max -> -h_max
      const double t = double(n) * dt, half = 2.0 * h_max / rate;
      return t < half ? -h_max + rate * t : h_max - rate * (t - half);
    };
    std::ostringstream loop, raster, rates;
    loop << "# field_Oe,v_ac_mV,v_dc_mV,hops\n";
    raster << "# laser_power_mW,trial,field_Oe\n";
    rates << "# laser_power_mW,T_K,hops_per_s,sem\n";
    const std::size_t trials = quick ? 4 : 16;
    for (int k = 0; k <= 6; k += quick ? 3 : 1) {
      const auto power = units::as<units::power>(0.05 * k);
      const auto t = vortex::free_layer_temperature(power, 3.0_mA);
      device::vortex_pinning_ensemble e(disk, vortex::pinning(), vortex::reference(), trials, 100 + std::uint64_t(k));
      e.set_temperature_all(t);
      e.set_field_all(A_per_m(field_at(0)));
      e.advance(units::as<units::time>(1.0), 1);  // settle at -h_max
      std::vector<long> last(trials);
      for (std::size_t j = 0; j < trials; ++j) last[j] = e.hops(j);
      std::vector<double> count(trials, 0.0);
      for (std::size_t n = 1; n <= steps; ++n) {
        const double h = field_at(n);
        e.set_field_all(A_per_m(h));
        e.advance(units::as<units::time>(dt), 1);
        for (std::size_t j = 0; j < trials; ++j) {
          if (e.hops(j) != last[j]) {
            count[j] += double(e.hops(j) - last[j]);
            raster << 50 * k << ',' << j << ',' << h / oe << '\n';
            last[j] = e.hops(j);
          }
        }
        if (k == 3) {  // 150 mW: the loops of junction 0
          junction.magnetization.value = e.relative_magnetization(0);
          loop << h / oe << ',' << 1e3 * units::in_si(device::analog_thermovoltage(junction, power, 3.0_mA)) << ','
               << 1e3 * units::in_si(3.0_mA * device::analog_resistance(junction, 3.0_mA)) << ',' << e.hops(0) << '\n';
        }
      }
      double m = 0.0, s = 0.0;
      const double duration = double(steps) * dt;
      for (double c : count) m += c / duration / double(trials);
      for (double c : count) s += (c / duration - m) * (c / duration - m) / double(trials - 1);
      rates << 50 * k << ',' << units::in_si(t) << ',' << m << ',' << std::sqrt(s / double(trials)) << '\n';
      std::printf("sweep at %3d mW (T = %.1f K): %.1f +- %.1f hops/s\n", 50 * k, units::in_si(t), m, std::sqrt(s / double(trials)));
    }
    example::write_file(dir, "sweep.csv", loop.str());
    example::write_file(dir, "raster.csv", raster.str());
    example::write_file(dir, "spike_rate.csv", rates.str());
    example::plot(dir, "sweep", R"gp(set terminal pngcairo size 900,900 font ",10"
set output 'sweep.png'
set datafile separator ','
set multiplot layout 3,1 title "800 nm vortex MTJ, 150 mW, 3 mA: field sweep (spinaptic, vortex model)"
set xlabel 'H (Oe)'; set xrange [-2000:2000]
set ylabel 'V_{AC} (mV)'
plot 'sweep.csv' using 1:2 with lines lw 1.5 lc rgb '#1f77b4' notitle
set ylabel 'V_{DC} (mV)'
plot 'sweep.csv' using 1:3 with lines lw 1.5 lc rgb '#d62728' notitle
set ylabel 'laser power (mW) + trial'; set yrange [-10:330]
plot 'raster.csv' using 3:($1 + $2) with points pt 7 ps 0.3 lc rgb 'black' notitle
unset multiplot
)gp");
    example::plot(dir, "spike_rate", R"gp(set terminal pngcairo size 700,450 font ",10"
set output 'spike_rate.png'
set datafile separator ','
set xlabel 'laser power (mW), I = 3 mA'; set ylabel 'Barkhausen hops per second'; set grid
set title 'spike rate of the pinned vortex core in a +-2 kOe sweep'
plot 'spike_rate.csv' using 1:3:4 with yerrorlines pt 7 lw 2 lc rgb '#1f77b4' notitle
)gp");
  }
  std::cout << "wrote " << dir.string() << "/{loop,frequency,spectrum,sweep,spike_rate}.png and their CSV files\n";
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  return example::guarded_main("vortex", [&] {
    example::command_line cli{"The 800 nm junction with a vortex free layer: loop, gyrotropic frequency, spin-diode spectrum, field sweep with spikes"};
    std::string out = "out/vortex";
    bool quick = false;
    cli.add_output_folder(out);
    cli.flag("--quick", quick, "short run (fewer points, junctions and trials) for the CTest");
    if (const int code = cli.parse(argc, argv); code >= 0) return code;
    return run(example::make_output_folder(out), quick);
  });
}
