// The optically spiking MTJ crossbar on the 8x8 digits (Alpaydin & Kaynak 1998): a 64 x 10
// crossbar of the paper's junctions (presets::hybrid_mgo_800nm), trained with gradients as an
// analog crossbar (softmax cross-entropy on the column thermovoltages, the bias currents as the
// controls), then converted to a spiking network by rate coding: each pixel sets the mean power
// P = P_max x / x_max of its row laser, which fires Poisson pulses of fixed energy at the rate
// f_max P / P_max (network/spiking/optical_rate_group.hpp), and each column's thermovoltage
// drives a current-based LIF neuron; the class is the neuron with most spikes in 100 ms.
//   optical_spiking [--out DIR] [--epochs N=30]
// prints the analog and spiking test accuracies and the energy per classification, and writes
// optical_spiking_raster.csv/.png (row pulses and output spikes for one test digit).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/network/spiking/optical_crossbar.hpp>
#include <spinaptic/network/spiking/optical_rate_group.hpp>
#include <spinaptic/network/spiking/simulation.hpp>
#include <spinaptic/neuron/lif_current.hpp>
#include <spinaptic/neuron/literals.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using namespace spinaptic::literals;
namespace ss = spinaptic::network::spiking;
using preset = device::presets::hybrid_mgo_800nm;

static int run(const std::filesystem::path& dir, std::size_t epochs) {
  const auto digits = io::read_digits_csv(io::data_directory() + "/digits/digits.csv");
  std::vector<std::size_t> train, test;
  for (std::size_t k = 0; k < digits.size(); ++k) (k % 4 == 3 ? test : train).push_back(k);
  const std::size_t rows = 64, cols = 10;
  const auto response = preset::response();
  const double i_max = units::in_si(response.max_current()), v_max = units::in_si(response.max_voltage());
  auto drive = [&](std::size_t k, std::size_t i) { return digits.pixels(k, i) / digits.max_pixel; };

  // ---- 1. gradient training of the analog crossbar: z_j = s sum_i p_i G(x_ij), G = V_AP(P_max, x I_max) / V_max
  std::vector<double> x(rows * cols, 0.0), g(rows * cols), dg(rows * cols);
  for (std::size_t q = 0; q < x.size(); ++q) x[q] = 0.02 * (double((q * 2654435761u) % 1000) / 1000.0 - 0.5);
  auto refresh = [&] {
    for (std::size_t q = 0; q < x.size(); ++q) {
      const auto i = units::as<units::current>(x[q] * i_max);
      g[q] = units::in_si(response.thermovoltage(device::magnetic_state::antiparallel, response.max_power(), i)) / v_max;
      dg[q] = units::in_si(response.dV_dI(device::magnetic_state::antiparallel, response.max_power(), i)) * i_max / v_max;
    }
  };
  const double scale = 3.0, rate = 0.05;
  auto logits = [&](std::size_t k, std::vector<double>& z) {
    std::fill(z.begin(), z.end(), 0.0);
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j) z[j] += scale * drive(k, i) * g[i * cols + j];
  };
  std::vector<double> z(cols);
  for (std::size_t e = 0; e < epochs; ++e) {
    for (std::size_t n = 0; n < train.size(); ++n) {
      const std::size_t k = train[(n * 7919 + e * 104729) % train.size()];
      refresh();
      logits(k, z);
      const double top = *std::max_element(z.begin(), z.end());
      double sum = 0.0;
      for (auto& v : z) sum += (v = std::exp(v - top));
      for (std::size_t j = 0; j < cols; ++j) z[j] = z[j] / sum - (j == digits.labels[k] ? 1.0 : 0.0);
      for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) {
          double& w = x[i * cols + j];
          w = std::clamp(w - rate * z[j] * scale * drive(k, i) * dg[i * cols + j], -1.0, 1.0);
        }
    }
  }
  refresh();
  std::size_t analog_right = 0;
  for (auto k : test) {
    logits(k, z);
    analog_right += std::size_t(std::max_element(z.begin(), z.end()) - z.begin()) == digits.labels[k];
  }
  const double analog = double(analog_right) / double(test.size());
  std::printf("analog crossbar (gradient-trained, %zu epochs): test accuracy %.4f on %zu digits\n", epochs, analog, test.size());

  // ---- 2. conversion: rate-coded laser pulses, column thermovoltages into LIF neurons
  const double max_rate = 200.0, tau_p = 5e-6, tau_syn = 5e-3;
  // read resistance: the mean over training digits of the largest column charge rate,
  // sum_i nu_i V_ij tau_p, becomes 2 nA (ten times the neurons' rheobase, 20 mV / 100 MOhm)
  double typical = 0.0;
  for (auto k : train) {
    double best = -1e300;
    for (std::size_t j = 0; j < cols; ++j) {
      double s = 0.0;
      for (std::size_t i = 0; i < rows; ++i) s += max_rate * drive(k, i) * v_max * g[i * cols + j] * tau_p;
      best = std::max(best, s);
    }
    typical += best / double(train.size());
  }
  const auto r_in = units::as<units::resistance>(typical / 2.0e-9);
  const ss::optical_spike_parameters optics{response.max_power(), units::as<units::time>(tau_p),
                                            preset::thermal_time_constant(), r_in, units::as<units::time>(tau_syn),
                                            preset::resistance().resistance(device::magnetic_state::antiparallel, 0.0_V)};
  ss::optical_crossbar_projection<preset::response_type> xbar(rows, cols, response, optics);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) xbar.set_bias_current(i, j, units::as<units::current>(x[i * cols + j] * i_max));
  const neuron::lif_parameters lif{20.0_ms, -70.0_mV, -50.0_mV, -70.0_mV, 2.0_ms};
  // row lasers: pulses of 150 mW for 5 us (0.75 uJ) at up to 200 Hz, i.e. P_max = 0.15 mW mean
  const ss::optical_rate_parameters lasers{units::as<units::power>(units::in_si(response.max_power()) * tau_p * max_rate),
                                           units::as<units::frequency>(max_rate)};
  using network = ss::simulation<std::tuple<ss::optical_rate_group, neuron::lif_current_based<>>,
                                 ss::link<0, 1, ss::optical_crossbar_projection<preset::response_type>>>;
  network net({.dt = 0.1_ms, .seed = 3}, std::tuple{ss::optical_rate_group(rows, lasers), neuron::lif_current_based<>(lif, {100.0_MOhm, {units::as<units::time>(tau_syn), 10.0_ms}}, cols)},
              ss::link<0, 1, ss::optical_crossbar_projection<preset::response_type>>{std::move(xbar)});
  const std::uint64_t steps = 1000;  // 100 ms
  std::vector<std::uint32_t> counts(cols);
  std::vector<double> p(rows);
  std::ostringstream raster;
  raster << "# time_ms,index,kind(0 row pulse, 1 output spike)\n";
  std::size_t spiking_right = 0;
  for (std::size_t t = 0; t < test.size(); ++t) {
    const std::size_t k = test[t];
    for (std::size_t i = 0; i < rows; ++i) p[i] = digits.pixels(k, i);
    net.group<0>().set_pixels(p.data(), digits.max_pixel);
    net.group<1>().reset_state(-70.0_mV);
    std::fill(counts.begin(), counts.end(), 0u);
    for (std::uint64_t s = 0; s < steps; ++s) {
      net.step_once();
      for (auto j : net.last_spikes<1>()) ++counts[j];
      if (t == 0) {
        for (auto i : net.last_spikes<0>()) raster << double(s) * 0.1 << ',' << i << ",0\n";
        for (auto j : net.last_spikes<1>()) raster << double(s) * 0.1 << ',' << j << ",1\n";
      }
    }
    spiking_right += std::size_t(std::max_element(counts.begin(), counts.end()) - counts.begin()) == digits.labels[k];
  }
  const double spiking = double(spiking_right) / double(test.size());
  const auto& proj = net.projection<0>();
  const double per_class_laser = units::in_si(proj.laser_energy()) / double(test.size());
  const double per_class_joule = units::in_si(proj.joule_energy()) / double(test.size());
  std::printf("optically spiking crossbar (rate-coded, 100 ms per digit, up to %.0f Hz per row): test accuracy %.4f\n", max_rate, spiking);
  std::printf("energy per classification: laser %.3g J + Joule %.3g J = %.3g J (%.1f pulses per digit)\n", per_class_laser,
              per_class_joule, per_class_laser + per_class_joule, double(proj.pulses()) / double(test.size()));
  std::printf("optical_spiking_accuracy=%.4f analog_accuracy=%.4f energy_per_classification_J=%.3g\n", spiking, analog,
              per_class_laser + per_class_joule);

  example::write_file(dir, "optical_spiking_raster.csv", raster.str());
  example::plot(dir, "optical_spiking_raster", "set terminal pngcairo size 900,600 font \",12\"\n"
                "set output 'optical_spiking_raster.png'\nset datafile separator ','\n"
                "set multiplot layout 2,1 title 'optically spiking MTJ crossbar, one test digit (label " +
                std::to_string(digits.labels[test[0]]) + ")'\n"
                "set ylabel 'row (laser pulses)'; set xrange [0:100]; set yrange [-1:64]\n"
                "plot 'optical_spiking_raster.csv' using 1:($3==0 ? $2 : 1/0) with points pt 7 ps 0.3 lc rgb 'red' notitle\n"
                "set ylabel 'output neuron (class)'; set xlabel 'time (ms)'; set yrange [-0.5:9.5]\n"
                "plot 'optical_spiking_raster.csv' using 1:($3==1 ? $2 : 1/0) with points pt 7 ps 0.6 lc rgb 'black' notitle\n"
                "unset multiplot\n");
  std::cout << "wrote " << (dir / "optical_spiking_raster.png").string() << "\n";
  return 0;
}

int main(int argc, char** argv) {
  return example::guarded_main("optical_spiking", [&] {
    example::command_line cli{"The optically spiking MTJ crossbar on the 8x8 digits: gradient training, then rate-coded spiking inference"};
    std::string out = "out/optical_spiking";
    std::size_t epochs = 30;
    cli.add_output_folder(out);
    cli.add("--epochs", epochs, "training epochs of the analog crossbar").range(std::size_t{1}, std::size_t{100000}).show_default();
    if (const int code = cli.parse(argc, argv); code >= 0) return code;
    return run(example::make_output_folder(out), epochs);
  });
}
