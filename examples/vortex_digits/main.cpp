// examples/vortex_digits: the two network modes of the vortex-junction crossbar (Oberbauer et al.,
// arXiv:2603.02734 (2026), as described; assumptions in docs/vortex.md) on the 8x8 digits, side by
// side, same split, seeds and optimiser:
//   thermovoltage mode: 64 x 10 crossbar, optical inputs, DC-bias weights (device::presets::
//     hybrid_mgo_800nm's calibrated surface, network::crossbar);
//   spin-diode mode: 64 x 10 crossbar, RF inputs at the gyrotropic resonance, resonance-shift
//     weights of the FM/AFM storage layer (network::spin_diode_crossbar, device::presets::vortex_800nm).
// Both are trained by the library's learning::trainer (softmax cross-entropy, SGD).
//
//   vortex_digits [--seeds N] [--epochs E] [--beta B] [--lr ETA] [--rf-power W] [--max-shift HZ] [--out DIR]
//
// Prints per-seed and mean accuracies, the energy and latency per classification of both modes,
// writes accuracy.csv (spin-diode test accuracy per epoch, seed 1) and its plot; the last line is
// machine-readable: spin_diode_test_accuracy=.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/device/vortex_presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/network/spin_diode_crossbar.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
using hybrid = device::presets::hybrid_mgo_800nm;
using vortex = device::presets::vortex_800nm;

namespace {
struct run_result {
  double train_accuracy = 0.0, test_accuracy = 0.0;
  std::vector<double> curve;  // test accuracy per epoch
};

template <class Layer>
run_result train(Layer& layer, const learning::data_set& train_data, const learning::data_set& test_data,
                 std::size_t epochs, double beta, double lr, std::mt19937_64& engine, bool curve) {
  learning::trainer trainer(layer, learning::sgd{.learning_rate = lr}, {.output_scale = beta, .batch_size = 32});
  run_result r;
  for (std::size_t e = 1; e <= epochs; ++e) {
    (void)trainer.train_epoch(train_data, engine);
    if (curve) r.curve.push_back(trainer.evaluate(test_data, engine).accuracy);
  }
  r.train_accuracy = trainer.evaluate(train_data, engine).accuracy;
  r.test_accuracy = trainer.evaluate(test_data, engine).accuracy;
  return r;
}

int run(const std::filesystem::path& dir, std::size_t seeds, std::size_t epochs, double beta, double lr, double rf_power,
        double max_shift) {
  const auto all = io::read_digits_csv(io::data_directory() + "/digits/digits.csv");
  const auto r_p = hybrid::resistance().parallel_resistance;
  const network::spin_diode_crossbar_parameters sd{vortex::disk(), vortex::free_layer_temperature(units::as<units::power>(0.0), units::as<units::current>(0.0)),
                                                   r_p, 2.0 * r_p, units::as<units::power>(rf_power),
                                                   units::as<units::frequency>(0.0), units::as<units::frequency>(max_shift)};
  std::vector<double> thermo_acc, diode_acc;
  std::vector<double> curve;
  const network::spin_diode_weight w(sd);
  const double t_read = 5.0 / w.response().half_width();  // the gyration settles to e^-5 of its transient
  energy::classification_cost thermo_cost, diode_cost;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    std::mt19937_64 split_engine(seed);
    const auto [train_index, test_index] = learning::stratified_split(all.labels, 10, 0.3, split_engine);
    const auto train_set = all.subset(train_index), test_set = all.subset(test_index);
    const learning::data_set train_data(encoding::encode(train_set), train_set.labels);
    const learning::data_set test_data(encoding::encode(test_set), test_set.labels);

    network::crossbar<64, 10, hybrid::response_type> thermo(hybrid::response(), device::antiparallel,
                                                            network::current_range::bipolar);
    std::mt19937_64 e1(seed);
    learning::initialize_currents(thermo, e1);
    const auto t = train(thermo, train_data, test_data, epochs, beta, lr, e1, false);

    network::spin_diode_crossbar diode(64, 10, sd);
    std::mt19937_64 e2(seed);
    diode.initialize(e2);
    const auto d = train(diode, train_data, test_data, epochs, beta, lr, e2, seed == 1);
    if (seed == 1) {
      curve = d.curve;
      // energy ledger (test images of seed 1): thermovoltage mode with its defaults (5 us laser
      // pulse, 1 us conversion, R_AP at zero bias, the trained currents); spin-diode mode with the
      // RF power of a row (10 junctions x p_j P_rf,max) in the ledger's source slot for t_read, no
      // DC bias (no Joule term), the same 1 us conversion.
      const auto r_ap = hybrid::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0));
      energy::ledger lt(hybrid::max_power(), r_ap, energy::ledger::sum_squared_current(thermo));
      energy::read_timing rf_timing;
      rf_timing.laser_pulse = units::as<units::time>(t_read);
      energy::ledger ld(units::as<units::power>(10.0 * rf_power), units::as<units::resistance>(0.0), 0.0, rf_timing);
      for (std::size_t i = 0; i < test_data.size(); ++i) {
        lt.add(test_data.drives().data() + i * 64, 64);
        ld.add(test_data.drives().data() + i * 64, 64);
      }
      thermo_cost = lt.mean();
      diode_cost = ld.mean();
    }
    thermo_acc.push_back(t.test_accuracy);
    diode_acc.push_back(d.test_accuracy);
    std::printf("seed %llu: thermovoltage test %.4f (train %.4f) | spin-diode test %.4f (train %.4f)\n",
                static_cast<unsigned long long>(seed), t.test_accuracy, t.train_accuracy, d.test_accuracy,
                d.train_accuracy);
  }
  auto mean_sd = [](const std::vector<double>& v) {
    double m = 0.0, s = 0.0;
    for (double x : v) m += x / double(v.size());
    for (double x : v) s += (x - m) * (x - m) / double(v.size() > 1 ? v.size() - 1 : 1);
    return std::pair{m, std::sqrt(s)};
  };
  const auto [tm, ts] = mean_sd(thermo_acc);
  const auto [dm, ds] = mean_sd(diode_acc);

  std::printf("spin-diode junction: f_r = %.2f MHz, Gamma/2pi = %.3f MHz, V_max = %.3g uV at P_rf,max = %.3g W; read time 5/Gamma = %.0f ns\n",
              units::in_si(w.response().resonance_frequency()) * 1e-6, w.response().half_width() / (2 * M_PI) * 1e-6,
              units::in_si(w.full_scale()) * 1e6, rf_power, t_read * 1e9);
  for (const auto& [name, c] : {std::pair{"thermovoltage", thermo_cost}, std::pair{"spin-diode", diode_cost}})
    std::printf("energy per classification, %s mode (ledger, seed 1): source %.3g J, Joule %.3g J, total %.3g J; latency %.3g us\n",
                name, units::in_si(c.laser), units::in_si(c.joule), units::in_si(c.total()), units::in_si(c.latency) * 1e6);
  std::ostringstream csv;
  csv << "# epoch,spin_diode_test_accuracy (seed 1)\n";
  for (std::size_t e = 0; e < curve.size(); ++e) csv << e + 1 << ',' << curve[e] << '\n';
  example::write_file(dir, "accuracy.csv", csv.str());
  example::plot(dir, "accuracy", R"gp(set terminal pngcairo size 700,420 font ",10"
set output 'accuracy.png'
set datafile separator ','
set xlabel 'epoch'; set ylabel 'test accuracy'; set yrange [0.5:1]
set title 'spin-diode crossbar, 64 x 10, 8x8 digits (seed 1)'
plot 'accuracy.csv' using 1:2 with lines lw 2 lc rgb '#1f77b4' notitle
)gp");
  std::printf("8x8 digits, %zu seeds, 70/30 stratified split, SGD lr %g, beta %g, %zu epochs\n", seeds, lr, beta, epochs);
  std::printf("thermovoltage crossbar: mean test accuracy %.4f +- %.4f\n", tm, ts);
  std::printf("spin-diode crossbar:    mean test accuracy %.4f +- %.4f\n", dm, ds);
  std::printf("spin_diode_test_accuracy=%.4f\n", dm);
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  return example::guarded_main("vortex_digits", [&] {
    example::command_line cli{"The vortex-junction crossbar's two modes (thermovoltage, spin-diode) on the 8x8 digits"};
    std::string out = "out/vortex_digits";
    std::size_t seeds = 5, epochs = 300;
    double beta = 200.0, lr = 0.05;
    double rf_power = 10e-6;  // P_rf,max per junction [W], -20 dBm [D]
    // resonance shifts within +-3 MHz of the drive: inside the half-width, where v(delta) is monotonic
    // (the storage layer offers ~15 MHz in all; docs/vortex.md)
    double max_shift = 3e6;
    cli.add_output_folder(out);
    cli.add("--seeds", seeds, "seeds (splits and initial weights)").range(std::size_t{1}, std::size_t{100}).show_default();
    cli.add("--epochs", epochs, "training epochs").range(std::size_t{1}, std::size_t{100000}).show_default();
    cli.add("--beta", beta, "softmax output scale").positive().show_default();
    cli.add("--lr", lr, "SGD learning rate").positive().show_default();
    cli.add("--rf-power", rf_power, "largest RF power per junction [W]").positive().show_default();
    cli.add("--max-shift", max_shift, "largest resonance shift of a weight [Hz]").positive().show_default();
    if (const int code = cli.parse(argc, argv); code >= 0) return code;
    return run(example::make_output_folder(out), seeds, epochs, beta, lr, rf_power, max_shift);
  });
}
