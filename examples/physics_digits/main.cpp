// examples/physics_digits: the 64 x 10 digits network of Oberbauer et al. 2025 (Fig. 4) trained
// twice with the same data, seed and optimiser: once on the physics-derived bias-enhanced TMS
// response (device::presets::physics_mgo_800nm, the lock-in V_AC(P, I) computed from the stack)
// and once on the calibrated polynomial surface (device::presets::hybrid_mgo_800nm). Prints both
// accuracies and writes both AP response surfaces as CSV (and a PNG with gnuplot) for comparison.
//
//   physics_digits [--epochs N] [--seed S] [--beta B] [--lr ETA] [--out DIR] [--no-plots]
//
// Data: the 8x8 digits CSV from scripts/fetch-data (cache: $SPINAPTIC_DATA or ~/.cache/spinaptic).
// It also prints the read-pulse width that the stack's thermal time constants give and the laser
// energy per classification. The last two lines are machine-readable: derived_test_accuracy=,
// polynomial_test_accuracy=.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;

namespace {

struct result {
  double train_accuracy, test_accuracy, seconds;
  energy::classification_cost cost;  ///< mean over the test images, from the energy ledger
};

/// Trains a 64 x 10 bipolar crossbar on `response` with SGD and returns its accuracies.
/// The cost per classification comes from the energy ledger with the trained currents, the
/// junction resistance R_AP at zero bias and the read pulse `timing` (laser and Joule energy).
template <class Response>
result train(const Response& response, const io::image_set& train_set, const io::image_set& test_set,
             std::size_t epochs, double beta, double lr, std::uint64_t seed, units::resistance junction_resistance,
             energy::read_timing timing) {
  network::crossbar<64, 10, Response> layer(response, device::antiparallel, network::current_range::bipolar);
  std::mt19937_64 engine(seed);
  learning::initialize_currents(layer, engine);
  const learning::data_set train_data(encoding::encode(train_set), train_set.labels);
  const learning::data_set test_data(encoding::encode(test_set), test_set.labels);
  learning::trainer trainer(layer, learning::sgd{.learning_rate = lr}, {.output_scale = beta, .batch_size = 32});
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t epoch = 1; epoch <= epochs; ++epoch) {
    const auto r = trainer.train_epoch(train_data, engine);
    if (epoch % std::max<std::size_t>(1, epochs / 5) == 0 || epoch == epochs)
      std::fprintf(stderr, "  epoch %zu/%zu loss %.4f\n", epoch, epochs, r.mean_loss);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  energy::ledger ledger(response.max_power(), junction_resistance, energy::ledger::sum_squared_current(layer), timing);
  for (std::size_t i = 0; i < test_data.size(); ++i) ledger.add(test_data.drives().data() + i * 64, 64);
  return {trainer.evaluate(train_data, engine).accuracy, trainer.evaluate(test_data, engine).accuracy, seconds,
          ledger.mean()};
}

}  // namespace

int main(int argc, char** argv) try {
  example::command_line cli{"The 64 x 10 digits network trained on the physics-derived and on the calibrated response"};
  bool plots = true;
  std::size_t epochs = 300;
  std::uint64_t seed = 1;
  double beta = 200.0;  // as tools/digits
  double lr = 0.05;     // as tools/digits
  std::string out_arg = "out/physics_digits";
  cli.add_output_folder(out_arg);
  cli.add("--epochs", epochs, "training epochs").range(std::size_t{1}, std::size_t{100000}).show_default();
  cli.add("--seed", seed, "seed of the split, the initial currents and the batch order").show_default();
  cli.add("--beta", beta, "output scale beta (logits beta U / (N_in V_max))").positive().show_default();
  cli.add("--lr", lr, "SGD learning rate on x = I/I_max").positive().show_default();
  cli.flag("!--no-plots", plots, "write CSV files only");
  if (const int code = cli.parse(argc, argv); code >= 0) return code;

  const auto all = io::read_digits_csv(io::data_directory() + "/digits/digits.csv");
  std::mt19937_64 split_engine(seed);
  const auto [train_index, test_index] = learning::stratified_split(all.labels, 10, 0.3, split_engine);
  const auto train_set = all.subset(train_index), test_set = all.subset(test_index);

  using physics = device::presets::physics_mgo_800nm;
  using polynomial = device::presets::hybrid_mgo_800nm;
  const std::string out = example::make_output_folder(out_arg).string();
  {
    std::ofstream csv(out + "/responses.csv");
    csv << "P_mW,I_mA,derived_mV,polynomial_mV\n";
    const auto d = physics::junction().network_response();  // V_AC through the junction's own parts
    const auto c = polynomial::response();
    for (int i = 0; i <= 30; ++i)
      for (int k = -30; k <= 30; ++k) {
        const auto p = (i / 30.0) * polynomial::max_power();
        const auto current = (k / 30.0) * polynomial::max_current();
        csv << units::in_si(p) * 1e3 << ',' << units::in_si(current) * 1e3 << ','
            << units::in_si(d.thermovoltage(device::antiparallel, p, current)) * 1e3 << ','
            << units::in_si(c.thermovoltage(device::antiparallel, p, current)) * 1e3 << '\n';
      }
  }
  if (plots) {
    std::ostringstream gp;
    gp << "set terminal pngcairo size 1100,460 noenhanced\nset datafile separator ','\n"
          "set output '" << out << "/responses.png'\n"
          "set multiplot layout 1,2\nset view map\nset xlabel 'P (mW)'; set ylabel 'I (mA)'; set cblabel 'V_AC (mV)'\n"
          "set palette defined (-1 'blue', 0 'white', 1 'red'); set cbrange [-27:27]\n"
          "set xrange [0:150]; set yrange [-3:3]\n"
          "set title 'derived from the stack (physics_mgo_800nm)'\n"
          "plot '" << out << "/responses.csv' skip 1 using 1:2:3 with image notitle\n"
          "set title 'calibrated polynomial surface (hybrid_mgo_800nm)'\n"
          "plot '" << out << "/responses.csv' skip 1 using 1:2:4 with image notitle\nunset multiplot\n";
    example::plot(out, "responses", gp.str());
  }

  // Read pulse from the junction's own thermal dynamics (pillar lag and half-space sink): the laser
  // stays on until V_AC at (P_max, I_max) reaches 99 % of its steady value; the ledger charges laser
  // and Joule energy for that long (conversion time: the ledger's default column ADC).
  const auto junction = physics::junction();
  const auto dynamics = junction.thermal;
  const auto timing = energy::read_timing::settled(junction, physics::max_power(), physics::max_current(), 0.99);
  const auto width = timing.laser_pulse;
  const auto r_ap = physics::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0));

  std::fprintf(stderr, "derived response (physics_mgo_800nm):\n");
  const result derived = train(junction.network_response(), train_set, test_set, epochs, beta, lr, seed, r_ap, timing);
  std::fprintf(stderr, "calibrated polynomial surface (hybrid_mgo_800nm):\n");
  const result poly = train(polynomial::response(), train_set, test_set, epochs, beta, lr, seed, r_ap, timing);
  std::printf("8x8 digits, 70/30 stratified split (seed %llu), bipolar currents, SGD lr %g, beta %g, %zu epochs\n",
              static_cast<unsigned long long>(seed), lr, beta, epochs);
  std::printf("derived response:   train %.4f  test %.4f  (%.1f s)\n", derived.train_accuracy, derived.test_accuracy,
              derived.seconds);
  std::printf("polynomial surface: train %.4f  test %.4f  (%.1f s)\n", poly.train_accuracy, poly.test_accuracy,
              poly.seconds);
  std::printf("thermal dynamics: tau_fast %.2f ns (pillar), sink 99 %% settled after %.2f us (half-space tail); "
              "read pulse for 99 %% of V_AC: %.2f us; latency %.2f us\n",
              units::in_si(dynamics.fast_time_constant) * 1e9, units::in_si(dynamics.slow_settling_time(0.99)) * 1e6,
              units::in_si(width) * 1e6, units::in_si(timing.latency()) * 1e6);
  for (const auto& [name, r] : {std::pair{"derived response", derived}, std::pair{"polynomial surface", poly}})
    std::printf("energy per classification, %s (ledger, trained currents, R_AP %.1f ohm): laser %.3g J, Joule %.3g J, "
                "total %.3g J\n",
                name, units::in_si(r_ap), units::in_si(r.cost.laser), units::in_si(r.cost.joule),
                units::in_si(r.cost.total()));
  std::printf("derived_test_accuracy=%.4f\n", derived.test_accuracy);
  std::printf("polynomial_test_accuracy=%.4f\n", poly.test_accuracy);
  return 0;
} catch (const std::exception& e) {  // spinaptic::error included (examples/common/guarded_main.hpp)
  std::cerr << "physics_digits: " << e.what() << '\n';
  return 1;
} catch (...) {
  std::cerr << "physics_digits: unknown error\n";
  return 1;
}
