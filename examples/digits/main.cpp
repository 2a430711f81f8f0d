// examples/digits: the network of Oberbauer et al. 2025 (Commun. Phys., Fig. 4): a 64 x 10 crossbar
// of 800 nm MTJs, each pixel setting the laser power of its row, each junction's bias current a
// trainable weight, column thermovoltage sums, argmax readout. Trains it on handwritten digits
// and writes CSV files and gnuplot PNG plots (Fig. 4f accuracy, Fig. 4g current maps, confusion
// matrix, response surface).
//
//   digits [--data digits|mnist8|mnist28] [--epochs N] [--beta B] [--lr ETA] [--batch B]
//          [--optimizer sgd|adam] [--range bipolar|non_negative] [--seed S] [--test-fraction F]
//          [--threads T] [--eval-every N] [--out DIR] [--no-plots] [--export DIR]
//          [--spread SIGMA] [--stuck FRACTION] [--stuck-mode parallel|zero] [--noise-uV SIGMA] [--bandwidth-Hz DF]
//          [--current-bits B] [--power-bits B] [--crosstalk ALPHA] [--deploy-only]
// Non-idealities are off by default; with any of them the chip is trained with them
// (hardware-aware training) unless --deploy-only trains the ideal model and evaluates it on them.
// The data come from scripts/fetch-data (cache: $SPINAPTIC_DATA or ~/.cache/spinaptic).
// The last line printed is machine-readable: test_accuracy=0.xxxx
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <unistd.h>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/io/checkpoint.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/io/idx.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialisation.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/nonideal/hardware.hpp>

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;

namespace {

struct settings {
  std::string data = "digits";
  std::size_t epochs = 300, batch = 32, threads = 1, eval_every = 1;
  double beta = 200.0, lr = -1.0, test_fraction = 0.3;
  std::string optimizer = "sgd", range = "bipolar", out = "out/digits", export_dir;
  std::uint64_t seed = 1;
  bool plots = true;
  bool hardware_aware = true;  ///< train on the non-ideal chip (else: train ideal, deploy on it)
  nonideal::hardware hardware{};
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "digits: " << why << "\n(see the header of examples/digits/main.cpp for the flags)\n";
  std::exit(2);
}

settings parse(int argc, char** argv) {
  settings s;
  std::map<std::string, std::string> kv;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--no-plots") { s.plots = false; continue; }
    if (a == "--deploy-only") { s.hardware_aware = false; continue; }
    if (a.rfind("--", 0) != 0 || i + 1 >= argc) usage("bad argument '" + a + "'");
    kv[a.substr(2)] = argv[++i];
  }
  auto num = [&](const char* k, double def) { return kv.count(k) ? std::stod(kv[k]) : def; };
  auto count = [&](const char* k, std::size_t def) { return kv.count(k) ? std::stoul(kv[k]) : def; };
  s.data = kv.count("data") ? kv["data"] : s.data;
  if (s.data != "digits" && s.data != "mnist8" && s.data != "mnist28") usage("--data digits|mnist8|mnist28");
  s.epochs = count("epochs", s.data == "digits" ? 300 : 10);
  s.batch = count("batch", 32);
  s.threads = count("threads", 1);
  s.eval_every = count("eval-every", 1);
  // output scale beta: logits are beta U / (N_in V_max), so larger images want a larger beta
  s.beta = num("beta", s.data == "digits" ? 200.0 : s.data == "mnist8" ? 400.0 : 1500.0);
  s.optimizer = kv.count("optimizer") ? kv["optimizer"] : "sgd";
  s.lr = num("lr", s.optimizer == "adam" ? 1e-3 : 0.05);
  s.range = kv.count("range") ? kv["range"] : "bipolar";
  if (s.range != "bipolar" && s.range != "non_negative") usage("--range bipolar|non_negative");
  s.seed = count("seed", 1);
  s.test_fraction = num("test-fraction", 0.3);
  s.out = kv.count("out") ? kv["out"] : "out/" + s.data;
  s.export_dir = kv.count("export") ? kv["export"] : "";
  s.hardware.spread.relative_sigma = num("spread", 0.0);
  s.hardware.stuck.fraction = num("stuck", 0.0);
  if (kv.count("stuck-mode"))
    s.hardware.stuck.mode = kv["stuck-mode"] == "zero" ? nonideal::stuck_mode::zero_current : nonideal::stuck_mode::parallel;
  s.hardware.noise.amplifier_floor = units::as<units::voltage>(num("noise-uV", 0.0) * 1e-6);
  s.hardware.noise.bandwidth = units::as<units::frequency>(num("bandwidth-Hz", 0.0));  // Johnson noise of the column
  s.hardware.dac.current_bits = unsigned(count("current-bits", 0));
  s.hardware.dac.power_bits = unsigned(count("power-bits", 0));
  s.hardware.crosstalk.neighbour_fraction = num("crosstalk", 0.0);
  return s;
}

struct data_split {
  io::image_set train, test;
  std::string description;
};

data_split load(const settings& s) {
  const std::string root = io::data_directory();
  if (s.data == "digits") {
    const auto all = io::read_digits_csv(root + "/digits/digits.csv");
    std::mt19937_64 split_engine(s.seed);
    auto [train, test] = learning::stratified_split(all.labels, 10, s.test_fraction, split_engine);
    return {all.subset(train), all.subset(test),
            "8x8 digits (UCI optdigits test set, 1797 images), stratified split " +
                std::to_string(int(100 * (1 - s.test_fraction) + 0.5)) + "/" +
                std::to_string(int(100 * s.test_fraction + 0.5)) + ", seed " + std::to_string(s.seed)};
  }
  auto train = io::read_idx(root + "/mnist/train-images-idx3-ubyte", root + "/mnist/train-labels-idx1-ubyte");
  auto test = io::read_idx(root + "/mnist/t10k-images-idx3-ubyte", root + "/mnist/t10k-labels-idx1-ubyte");
  if (s.data == "mnist8")
    return {encoding::area_average(train, 8, 8), encoding::area_average(test, 8, 8),
            "MNIST 60k/10k, area-averaged to 8x8"};
  return {std::move(train), std::move(test), "MNIST 60k/10k, 28x28"};
}

void progress(std::size_t epoch, std::size_t epochs, double loss, double train, double test, bool evaluated) {
  static const bool tty = isatty(2);
  const std::size_t width = 30, filled = width * epoch / epochs;
  if (!tty && epoch != epochs && epoch % std::max<std::size_t>(1, epochs / 10) != 0) return;
  std::fprintf(stderr, "%sepoch %4zu/%zu [%s%s] loss %.4f", tty ? "\r" : "", epoch, epochs,
               std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), loss);
  if (evaluated) std::fprintf(stderr, "  train %.4f  test %.4f", train, test);
  if (!tty || epoch == epochs) std::fprintf(stderr, "\n");
}

void write_plots(const std::string& out) {
  const std::string script = out + "/plots.gp";
  std::ofstream gp(script);
  gp << "set terminal pngcairo size 800,560 noenhanced\n"
        "set datafile separator ','\n"
        "set output '" << out << "/accuracy.png'\n"
        "set title 'Training and test accuracy (cf. Oberbauer et al. 2025, Fig. 4f)'\n"
        "set xlabel 'epoch'; set ylabel 'accuracy'; set key bottom right; set grid\n"
        "plot '" << out << "/history.csv' skip 1 using 1:3 with lines lw 2 title 'train', "
        "'' skip 1 using 1:4 with lines lw 2 title 'test'\n"
        "reset\nset datafile separator ','\n"
        "set terminal pngcairo size 1000,480 noenhanced\n"
        "set output '" << out << "/currents.png'\n"
        "set multiplot layout 2,5 title 'Trained bias current per pixel and class (cf. Fig. 4g): blue -3 mA, white 0, red +3 mA'\n"
        "set palette defined (-3 'blue', 0 'white', 3 'red'); set cbrange [-3:3]; unset colorbox\n"
        "unset xtics; unset ytics; set size ratio 1; set yrange [*:*] reverse\n";
  for (int l = 0; l < 10; ++l)
    gp << "set title 'class " << l << "'; plot '" << out << "/currents.csv' skip 1 using 1:2:" << 3 + l
       << " with image notitle\n";
  gp << "unset multiplot\nreset\nset datafile separator ','\n"
        "set terminal pngcairo size 640,560 noenhanced\n"
        "set output '" << out << "/confusion.png'\n"
        "set title 'Confusion matrix (test set)'; set xlabel 'predicted'; set ylabel 'true'\n"
        "set size ratio 1; set yrange [9.5:-0.5]; set xrange [-0.5:9.5]; set xtics 1; set ytics 1\n"
        "set palette defined (0 'white', 1 'dark-blue')\n"
        "plot '" << out << "/confusion.csv' skip 1 using 2:1:3 with image notitle, "
        "'' skip 1 using 2:1:(sprintf('%d',$3)) with labels font ',8' notitle\n"
        "reset\nset datafile separator ','\n"
        "set terminal pngcairo size 800,560 noenhanced\n"
        "set output '" << out << "/response.png'\n"
        "set title 'AP-state response V(P, I) of the 800 nm junction (cf. Fig. 4d)'\n"
        "set xlabel 'P (mW)'; set ylabel 'I (mA)'; set cblabel 'V (mV)'; set view map\n"
        "set palette defined (-1 'blue', 0 'white', 1 'red'); set cbrange [-25:25]\n"
        "set xrange [0:150]; set yrange [-3:3]\n"
        "plot '" << out << "/response.csv' skip 1 using 1:2:3 with image notitle\n";
  gp.close();
  if (std::system(("gnuplot '" + script + "' 2>" + out + "/gnuplot.log").c_str()) != 0)
    std::cerr << "digits: gnuplot failed, see " << out << "/gnuplot.log (CSV files are written)\n";
}

template <std::size_t Inputs, class Optimizer>
int run(const settings& s, data_split& data, Optimizer optimizer) {
  using layer_type = network::crossbar<Inputs, 10, preset::response_type>;
  const auto range = s.range == "bipolar" ? network::current_range::bipolar : network::current_range::non_negative;
  layer_type layer(preset::response(), device::antiparallel, range);
  std::mt19937_64 engine(s.seed);  // the one engine of this simulation
  learning::initialise_currents(layer, engine);
  // Hardware-aware training trains on the non-ideal chip; --deploy-only trains the ideal model and
  // moves the currents onto the non-ideal chip for the final evaluation.
  const nonideal::hardware ideal{};
  const nonideal::hardware& trained_on = s.hardware_aware ? s.hardware : ideal;
  trained_on.realise(layer, engine);

  auto train_drives = encoding::encode<typename layer_type::encoding_type>(data.train);
  auto test_drives = encoding::encode<typename layer_type::encoding_type>(data.test);
  trained_on.apply_to_drives(train_drives);
  trained_on.apply_to_drives(test_drives);
  // One-time data preparation (checks and the lit-row index) stays outside the timed loop, as
  // PyTorch's tensor construction does in scripts/compare_torch.py.
  const auto index_start = std::chrono::steady_clock::now();
  learning::data_set train_set(std::move(train_drives), data.train.labels);
  const double index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - index_start).count();
  learning::data_set test_set(std::move(test_drives), data.test.labels);
  const auto column_resistance =
      double(Inputs) * preset::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0));
  auto noise = trained_on.noise;
  noise.column_resistance = column_resistance;

  learning::trainer trainer(layer, optimizer, {.output_scale = s.beta, .batch_size = s.batch, .threads = s.threads}, noise);
  std::filesystem::create_directories(s.out);
  if (!s.export_dir.empty()) {
    std::filesystem::create_directories(s.export_dir);
    auto dump = [&](const std::string& name, const void* p, std::size_t bytes) {
      std::ofstream(s.export_dir + "/" + name, std::ios::binary).write(static_cast<const char*>(p), std::streamsize(bytes));
    };
    dump("train_x.f64", train_set.drives().data(), train_set.drives().size() * 8);
    dump("test_x.f64", test_set.drives().data(), test_set.drives().size() * 8);
    dump("train_y.u8", data.train.labels.data(), data.train.labels.size());
    dump("test_y.u8", data.test.labels.data(), data.test.labels.size());
    dump("init_x.f64", layer.normalized_currents().data(), layer.normalized_currents().size() * 8);
    std::ofstream(s.export_dir + "/meta.txt") << Inputs << ' ' << data.train.size() << ' ' << data.test.size() << ' '
                                               << s.epochs << ' ' << s.batch << ' ' << s.beta << ' ' << s.lr << ' '
                                               << s.range << ' ' << s.optimizer << '\n';
    std::ofstream coefficients(s.export_dir + "/coefficients.txt");  // c_1k of V_AP = V_max p sum_k c_1k x^k
    coefficients.precision(17);
    for (double c : layer.response().coefficients(device::antiparallel)[0]) coefficients << c << '\n';
  }
  std::ofstream orders;
  if (!s.export_dir.empty()) orders.open(s.export_dir + "/order.u32", std::ios::binary);

  std::cerr << "data: " << data.description << "\ncrossbar: " << Inputs << " x 10 junctions, "
            << s.range << " currents, beta " << s.beta << ", " << s.optimizer << " lr " << s.lr << ", batch " << s.batch
            << ", " << s.epochs << " epochs, seed " << s.seed << "\n";
  std::ofstream history(s.out + "/history.csv");
  history << "epoch,loss,train_accuracy,test_accuracy\n";
  double train_seconds = 0.0;
  for (std::size_t epoch = 1; epoch <= s.epochs; ++epoch) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = trainer.train_epoch(train_set, engine);
    train_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (orders.is_open())
      for (auto i : trainer.last_order()) {
        const auto v = std::uint32_t(i);
        orders.write(reinterpret_cast<const char*>(&v), 4);
      }
    const bool evaluate = s.eval_every && (epoch % s.eval_every == 0 || epoch == s.epochs);
    double train_acc = r.accuracy, test_acc = 0.0;
    if (evaluate) {
      train_acc = trainer.evaluate(train_set, engine).accuracy;
      test_acc = trainer.evaluate(test_set, engine).accuracy;
      history << epoch << ',' << r.mean_loss << ',' << train_acc << ',' << test_acc << '\n';
    }
    progress(epoch, s.epochs, r.mean_loss, train_acc, test_acc, evaluate);
  }
  if (!s.hardware_aware) {  // deploy the ideal training result on the non-ideal chip
    s.hardware.realise(layer, engine);
    auto train_chip = encoding::encode<typename layer_type::encoding_type>(data.train);
    auto test_chip = encoding::encode<typename layer_type::encoding_type>(data.test);
    s.hardware.apply_to_drives(train_chip);
    s.hardware.apply_to_drives(test_chip);
    train_set = learning::data_set(std::move(train_chip), data.train.labels);
    test_set = learning::data_set(std::move(test_chip), data.test.labels);
  }
  auto chip_noise = s.hardware.noise;
  chip_noise.column_resistance = column_resistance;
  history.close();  // complete before it is plotted
  const auto test = learning::evaluate(layer, test_set, trainer.loss_function(), chip_noise, engine);
  const auto train = learning::evaluate(layer, train_set, trainer.loss_function(), chip_noise, engine);

  // Energy and latency per classification over the test set.
  energy::ledger ledger(preset::max_power(), preset::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0)),
                        energy::ledger::sum_squared_current(layer));
  for (std::size_t i = 0; i < data.test.size(); ++i) ledger.add(test_set.drives().data() + i * Inputs, Inputs);
  const auto cost = ledger.mean();

  // CSV outputs and plots.
  {
    const std::size_t side = data.train.width;
    std::ofstream currents(s.out + "/currents.csv");
    currents << "column,row";
    for (int l = 0; l < 10; ++l) currents << ",class" << l << "_mA";
    currents << '\n';
    for (std::size_t j = 0; j < Inputs; ++j) {
      currents << j % side << ',' << j / side;
      for (std::size_t l = 0; l < 10; ++l) currents << ',' << units::in_si(layer.current(j, l)) * 1e3;
      currents << '\n';
    }
    std::ofstream confusion(s.out + "/confusion.csv");
    confusion << "true,predicted,count\n";
    for (std::size_t a = 0; a < 10; ++a)
      for (std::size_t b = 0; b < 10; ++b) confusion << a << ',' << b << ',' << test.confusion(a, b) << '\n';
    std::ofstream response(s.out + "/response.csv");
    response << "P_mW,I_mA,V_mV\n";
    const auto r = preset::response();
    for (int i = 0; i <= 60; ++i)
      for (int k = -60; k <= 60; ++k) {
        const auto P = (i / 60.0) * preset::max_power();
        const auto I = (k / 60.0) * preset::max_current();
        response << units::in_si(P) * 1e3 << ',' << units::in_si(I) * 1e3 << ','
                 << units::in_si(r.thermovoltage(device::antiparallel, P, I)) * 1e3 << '\n';
      }
    io::save_checkpoint(s.out + "/currents.ckpt",
                        io::checkpoint::of(layer, {{"data", s.data}, {"beta", std::to_string(s.beta)},
                                                   {"optimizer", s.optimizer}, {"learning_rate", std::to_string(s.lr)},
                                                   {"batch", std::to_string(s.batch)}, {"epochs", std::to_string(s.epochs)},
                                                   {"seed", std::to_string(s.seed)}}));
  }  // files closed: now plot them
  if (s.plots) write_plots(s.out);

  std::printf("train accuracy %.4f, test accuracy %.4f (%zu test images)\n", train.accuracy, test.accuracy, test.samples);
  std::printf("training time %.3f s (%zu epochs, %zu threads)\n", train_seconds, s.epochs, s.threads);
  std::printf("per classification: laser %.3g J (%.3g J per row pulse), Joule %.3g J, total %.3g J, latency %.3g s\n",
              units::in_si(cost.laser), units::in_si(cost.laser_per_row_pulse), units::in_si(cost.joule),
              units::in_si(cost.total()), units::in_si(cost.latency));
  std::printf("outputs in %s (history.csv, currents.csv, confusion.csv, response.csv, currents.ckpt%s)\n",
              s.out.c_str(), s.plots ? ", *.png" : "");
  std::printf("index_seconds=%.6f\n", index_seconds);
  std::printf("train_seconds=%.6f\n", train_seconds);
  std::printf("test_accuracy=%.4f\n", test.accuracy);
  return 0;
}

template <std::size_t Inputs>
int run_with_optimizer(const settings& s, data_split& data) {
  if (s.optimizer == "adam") return run<Inputs>(s, data, learning::adam{.learning_rate = s.lr});
  if (s.optimizer == "sgd") return run<Inputs>(s, data, learning::sgd{.learning_rate = s.lr});
  usage("--optimizer sgd|adam");
}

}  // namespace

int main(int argc, char** argv) try {
  const settings s = parse(argc, argv);
  data_split data = load(s);
  return s.data == "mnist28" ? run_with_optimizer<784>(s, data) : run_with_optimizer<64>(s, data);
} catch (const std::exception& e) {
  std::cerr << "digits: " << e.what() << '\n';
  return 1;
}
