// The Vogels-Abbott COBA network (Brette et al. 2007, benchmark 1): 4000 conductance-based LIF
// neurons, 80 % excitatory, 2 % random connectivity, 1 s at dt = 0.1 ms on one thread.
//   coba [--out DIR] [--cuba]  writes coba_raster.csv, coba_rate.csv and coba.png/.svg (raster of
//                              the first 400 neurons above the population rate in 5 ms bins);
//                              --cuba: the current-based variant (files cuba_*)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <spinaptic/network/spiking/vogels_abbott.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace ss = spinaptic::network::spiking;

template <class Network>
int run(Network net, const std::filesystem::path& dir, const std::string& name) {
  auto& spikes = net.template record_spikes<0>();
  const auto t0 = std::chrono::steady_clock::now();
  net.run(1.0_s);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double rate = units::in_si(spikes.mean_rate(0.0_s, 1.0_s));
  std::printf("%s: %zu spikes, mean rate %.2f Hz, mean ISI CV %.3f, simulated 1 s in %.3f s\n", name.c_str(),
              spikes.size(), rate, spikes.mean_isi_cv(), wall);

  std::ostringstream raster, hist;
  raster << "# time_ms,neuron\n";
  std::vector<double> bins(200, 0.0);  // 5 ms bins
  for (std::size_t k = 0; k < spikes.size(); ++k) {
    const double t_ms = units::in_si(spikes.time(k)) * 1e3;
    if (spikes.indices()[k] < 400) raster << t_ms << ',' << spikes.indices()[k] << '\n';
    bins[std::min<std::size_t>(199, static_cast<std::size_t>(t_ms / 5.0))] += 1.0;
  }
  hist << "# bin_start_ms,population_rate_hz\n";
  for (std::size_t b = 0; b < bins.size(); ++b) hist << 5.0 * double(b) << ',' << bins[b] / (4000.0 * 5e-3) << '\n';
  example::write_file(dir, name + "_raster.csv", raster.str());
  example::write_file(dir, name + "_rate.csv", hist.str());
  std::ostringstream gp;
  gp << "set terminal pngcairo size 900,650 font \",12\"\nset output '" << name << ".png'\n"
     << "set datafile separator ','\nset multiplot layout 2,1 title \"" << (name == "coba" ? "COBA" : "CUBA")
     << " network, 4000 LIF neurons (Brette et al. 2007), mean rate " << std::round(rate * 10.0) / 10.0 << " Hz\"\n"
     << "set ylabel 'neuron'; set xrange [0:1000]; unset xlabel; set yrange [0:400]\n"
     << "plot '" << name << "_raster.csv' using 1:2 with dots lc rgb 'black' notitle\n"
     << "set ylabel 'population rate (Hz)'; set xlabel 'time (ms)'; set autoscale y\n"
     << "plot '" << name << "_rate.csv' using 1:2 with steps lc rgb 'blue' notitle\nunset multiplot\n";
  example::plot(dir, name, gp.str());
  std::cout << "wrote " << (dir / (name + ".png")).string() << "\n";
  return 0;
}

int main(int argc, char** argv) {
  return example::guarded_main("coba", [&] {
    example::command_line cli{"The Vogels-Abbott COBA network (Brette et al. 2007, benchmark 1): 4000 LIF neurons for 1 s"};
    std::string out = "out/coba";
    bool cuba = false;
    cli.add_output_folder(out);
    cli.flag("--cuba", cuba, "the current-based variant (CUBA) instead of COBA");
    if (const int code = cli.parse(argc, argv); code >= 0) return code;
    const auto dir = example::make_output_folder(out);
    ss::vogels_abbott_settings s;
    s.run.block = s.neurons;
    return cuba ? run(ss::make_cuba(s), dir, "cuba") : run(ss::make_coba(s), dir, "coba");
  });
}
