// tools/digits: the network of Oberbauer et al. 2025 (Commun. Phys., Fig. 4): a 64 x 10 crossbar
// of 800 nm MTJs, each pixel setting the laser power of its row, each junction's bias current a
// trainable weight, column thermovoltage sums, argmax readout; and, with --hidden H, the two-layer
// opto-electronic network N x H -> transfer stage -> H x 10 (docs/network.md). Trains on
// handwritten digits (or the user's own IDX or CSV files) and writes CSV files and gnuplot PNG
// plots (Fig. 4f accuracy, Fig. 4g current maps, confusion matrix, response surface).
//
//   digits --help        every flag, its type, default and allowed range
// Non-idealities are off by default; with any of them the chip is trained with them
// (hardware-aware training) unless --deploy-only trains the ideal model and evaluates it on them.
// The data come from scripts/fetch-data (cache: $SPINAPTIC_DATA or ~/.cache/spinaptic), or from
// --train-images/--train-labels/--test-images/--test-labels (IDX) or --csv (pixels, then label).
// The last line printed is machine-readable: test_accuracy=0.xxxx
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <unistd.h>

#include "../../examples/common/command_line.hpp"

#include <spinaptic/device/presets.hpp>
#include <spinaptic/encoding/optical_intensity.hpp>
#include <spinaptic/energy/ledger.hpp>
#include <spinaptic/io/checkpoint.hpp>
#include <spinaptic/io/csv.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/io/digits_csv.hpp>
#include <spinaptic/io/idx.hpp>
#include <spinaptic/learning/data_set.hpp>
#include <spinaptic/learning/initialization.hpp>
#include <spinaptic/learning/learning_rate_schedule.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/split.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/learning/weight_decay.hpp>
#include <spinaptic/network/crossbar.hpp>
#include <spinaptic/network/opto_electronic.hpp>
#include <spinaptic/nonideal/hardware.hpp>

using namespace spinaptic;
using preset = device::presets::hybrid_mgo_800nm;

namespace {

struct settings {
  std::string data = "digits";
  std::string train_images, train_labels, test_images, test_labels, csv;
  double max_pixel = 0.0;  ///< CSV full scale (0: the largest pixel of the file)
  std::size_t epochs = 0, batch = 32, threads = 1, eval_every = 1, hidden = 0;
  double beta = 0.0, lr = -1.0, lr_decay = 0.0, lr_final = -1.0, weight_decay = -1.0, test_fraction = 0.3;
  std::string lr_schedule;
  double transfer_gain = 0.0, transfer_offset_mV = 0.0;
  std::string optimizer, range = "bipolar", out, export_dir;
  std::uint64_t seed = 1;
  bool plots = true;
  bool hardware_aware = true;  ///< train on the non-ideal chip (else: train ideal, deploy on it)
  nonideal::hardware hardware{};
  [[nodiscard]] bool user_idx() const { return !train_images.empty(); }
  [[nodiscard]] bool user_data() const { return user_idx() || !csv.empty(); }
};

/// The command line (CLI11 through examples/common/command_line.hpp): typed, range-checked
/// values; unknown flags are refused.
int parse(int argc, char** argv, settings& s) {
  example::command_line cli{"Train the optically driven MTJ crossbar of Oberbauer et al. 2025 (one layer, or two with --hidden) "
                            "on handwritten digits. The last line printed is test_accuracy=0.xxxx"};
  cli.add("--data", s.data, "built-in data set (fetched by scripts/fetch-data)").one_of({"digits", "mnist8", "mnist28"}).show_default();
  auto ti = cli.add("--train-images", s.train_images, "your training images (IDX, e.g. MNIST layout)").existing_file();
  auto tl = cli.add("--train-labels", s.train_labels, "your training labels (IDX)").existing_file();
  auto vi = cli.add("--test-images", s.test_images, "your test images (IDX)").existing_file();
  auto vl = cli.add("--test-labels", s.test_labels, "your test labels (IDX)").existing_file();
  ti.needs(tl).needs(vi).needs(vl);
  tl.needs(ti);
  vi.needs(ti);
  vl.needs(ti);
  auto csv = cli.add("--csv", s.csv,
                     "your data as CSV: one image per line, its pixels (row-major) then its label in [0, 9]; "
                     "split by --test-fraction")
                 .existing_file().excludes(ti);
  cli.add("--max-pixel", s.max_pixel, "full-scale pixel value of --csv (default: the largest pixel in the file)")
      .positive().needs(csv);
  cli.add("--hidden", s.hidden, "hidden width H: two layers N x H -> transfer stage -> H x 10 (0: the paper's one layer)")
      .range(std::size_t{0}, std::size_t{4096}).show_default();
  cli.add("--epochs", s.epochs, "training epochs (default: 300 for digits, 10 for MNIST; with --hidden 100 for digits, 30 for MNIST)")
      .range(std::size_t{1}, std::size_t{100000});
  cli.add("--batch", s.batch, "mini-batch size").range(std::size_t{1}, std::size_t{65536}).show_default();
  cli.add("--threads", s.threads, "threads per batch (results do not depend on it)")
      .range(std::size_t{1}, std::size_t{256}).show_default();
  cli.add("--eval-every", s.eval_every, "evaluate every N epochs (0: only at the end)")
      .range(std::size_t{0}, std::size_t{100000}).show_default();
  cli.add("--beta", s.beta, "output scale beta: logits beta U / (N_in V_max) (default: 200 digits, 400 mnist8, 1500 mnist28; with --hidden, N_in = H: 60 digits, 200 MNIST)")
      .positive();
  cli.add("--lr", s.lr, "learning rate on x = I/I_max (default: 0.05 sgd, 1e-3 adam; with --hidden adam 1e-2 digits, 3e-3 MNIST)").non_negative();
  cli.add("--lr-decay", s.lr_decay, "factor on the learning rate after every epoch, --lr-schedule exponential (default: 1)")
      .range(0.0, 1.0, "in (0, 1]")
      .check([](const std::string& v) { return std::stod(v) > 0.0 ? std::string{} : std::string("must be > 0"); });
  cli.add("--lr-schedule", s.lr_schedule,
          "learning rate per epoch: exponential (--lr times --lr-decay^epoch) or cosine (from --lr down to "
          "--lr-final over the epochs) (default: cosine with --hidden on MNIST unless --lr-decay is given, "
          "else exponential)")
      .one_of({"exponential", "cosine"});
  cli.add("--lr-final", s.lr_final, "final learning rate of --lr-schedule cosine (default: 0)").non_negative();
  cli.add("--weight-decay", s.weight_decay,
          "decoupled weight decay lambda: every step shrinks each current toward 0 by the fraction lr lambda "
          "(default: 0.01 with --hidden on MNIST, else 0)")
      .non_negative();
  cli.add("--optimizer", s.optimizer, "update rule (default: sgd for one layer, adam for two)").one_of({"sgd", "adam"});
  cli.add("--range", s.range, "bias current range").one_of({"bipolar", "non_negative"}).show_default();
  cli.add("--seed", s.seed, "seed of the one random engine").show_default();
  cli.add("--test-fraction", s.test_fraction, "test share of the stratified split (digits, --csv)")
      .range(0.0, 1.0, "in (0, 1)")
      .check([](const std::string& v) { return std::stod(v) > 0.0 && std::stod(v) < 1.0 ? std::string{} : std::string("must lie in (0, 1): a split needs test and training images"); })
      .show_default();
  cli.add("--transfer-gain", s.transfer_gain, "laser driver gain G = dP/dU at U_0 [W/V] (--hidden; default 4 P_max / (V_max sqrt(N)))")
      .positive();
  std::optional<double> transfer_offset_mV;  // not given: the default below (NaN is refused, not "not given")
  cli.add("--transfer-offset-mV", transfer_offset_mV, "laser driver offset U_0 [mV] (--hidden; default 0 for digits, 2 V_max = 46.7 mV for MNIST)")
      .range(-1e6, 1e6);
  cli.add("--out", s.out, "output folder (default: out/<data>); a file of that name is refused").output_folder();
  cli.add("--export", s.export_dir, "also write the data, initial currents and batch order for scripts/compare_torch.py");
  cli.flag("!--no-plots", s.plots, "write CSV files only");
  cli.flag("!--deploy-only", s.hardware_aware, "train the ideal chip, evaluate on the non-ideal one");
  double spread = 0.0, stuck = 0.0, noise_uV = 0.0, bandwidth = 0.0, crosstalk = 0.0;
  unsigned current_bits = 0, power_bits = 0;
  std::string stuck_mode = "parallel";
  cli.add("--spread", spread, "device-to-device spread sigma of the response coefficients").range(0.0, 1.0);
  cli.add("--stuck", stuck, "fraction of stuck junctions").range(0.0, 1.0);
  cli.add("--stuck-mode", stuck_mode, "how stuck junctions fail").one_of({"parallel", "zero"}).show_default();
  cli.add("--noise-uV", noise_uV, "amplifier read-noise floor [uV rms]").non_negative();
  cli.add("--bandwidth-Hz", bandwidth, "read bandwidth for the column's Johnson noise [Hz]").non_negative();
  cli.add("--current-bits", current_bits, "current DAC bits (0: ideal)").range(0u, nonideal::dac_quantization::max_bits);
  cli.add("--power-bits", power_bits, "laser DAC bits (0: ideal)").range(0u, nonideal::dac_quantization::max_bits);
  cli.add("--crosstalk", crosstalk, "laser crosstalk fraction alpha to each neighbouring row").range(0.0, 1.0);
  // every floating-point option must be finite (CLI11 reads "nan" and "inf", and its range checks
  // let NaN through): command_line::parse adds the finite-number check
  if (const int code = cli.parse(argc, argv); code >= 0) return code;
  if (s.user_idx()) s.data = "user-idx";
  if (!s.csv.empty()) s.data = "user-csv";
  const bool two = s.hidden > 0;
  if (s.optimizer.empty()) s.optimizer = two ? "adam" : "sgd";
  const bool small = s.data == "digits" || s.data == "user-csv";
  if (!s.epochs) s.epochs = two ? (small ? 100 : 30) : small ? 300 : 10;
  // two-layer defaults, tuned on seeds 1-2 (docs/network.md): digits beta 60, Adam 1e-2, no decay,
  // U_0 = 0; MNIST beta 200, Adam 3e-3 on a cosine schedule to 0 over 30 epochs with decoupled
  // weight decay lambda = 0.01, U_0 = 2 V_max (the hidden lasers' half-power point above zero:
  // most hidden rows stay dim)
  if (!(s.beta > 0.0)) s.beta = two ? (small ? 60.0 : 200.0) : small ? 200.0 : s.data == "mnist8" ? 400.0 : 1500.0;
  if (s.lr < 0.0) s.lr = s.optimizer == "adam" ? (two ? (small ? 1e-2 : 3e-3) : 1e-3) : 0.05;
  if (s.lr_schedule.empty()) s.lr_schedule = two && !small && !(s.lr_decay > 0.0) ? "cosine" : "exponential";
  if (s.lr_schedule == "cosine" && s.lr_decay > 0.0)  // a flag that would be ignored is refused
    throw invalid_parameter("--lr-decay", s.lr_decay, "only with --lr-schedule exponential (cosine falls from --lr to --lr-final)");
  if (s.lr_schedule == "exponential" && s.lr_final >= 0.0)
    throw invalid_parameter("--lr-final", s.lr_final, "only with --lr-schedule cosine (exponential multiplies by --lr-decay)");
  if (!(s.lr_decay > 0.0)) s.lr_decay = 1.0;
  if (s.lr_final < 0.0) s.lr_final = 0.0;
  if (s.weight_decay < 0.0) s.weight_decay = two && !small ? 0.01 : 0.0;
  if (s.lr_schedule == "cosine" && s.lr_final > s.lr)
    throw invalid_parameter("--lr-final", s.lr_final, "[0, --lr] (the cosine schedule falls from --lr to --lr-final)");
  s.transfer_offset_mV = transfer_offset_mV ? *transfer_offset_mV : two && !small ? 2.0 * units::in_si(preset::max_voltage()) * 1e3 : 0.0;
  if (s.out.empty()) s.out = "out/" + s.data + (two ? "-h" + std::to_string(s.hidden) : "");
  s.hardware.spread.relative_sigma = spread;
  s.hardware.stuck.fraction = stuck;
  s.hardware.stuck.mode = stuck_mode == "zero" ? nonideal::stuck_mode::zero_current : nonideal::stuck_mode::parallel;
  s.hardware.noise.amplifier_floor = units::as<units::voltage>(noise_uV * 1e-6);
  s.hardware.noise.bandwidth = units::as<units::frequency>(bandwidth);  // Johnson noise of the column
  s.hardware.dac.current_bits = current_bits;
  s.hardware.dac.power_bits = power_bits;
  s.hardware.crosstalk.neighbour_fraction = crosstalk;
  return -1;
}

/// The learning-rate schedule and weight decay in words, for the run's description.
std::string schedule_text(const settings& s) {
  std::ostringstream t;
  if (s.lr_schedule == "cosine") t << "cosine to " << s.lr_final;
  else if (s.lr_decay == 1.0) t << "constant";
  else t << "x" << s.lr_decay << " per epoch";
  if (s.weight_decay > 0.0) t << ", weight decay " << s.weight_decay;
  return t.str();
}

struct data_split {
  io::image_set train, test;
  std::string description;
};

/// A CSV of images: every line the pixels of one image (row-major; a square count is read as a
/// square image, else as one row) followed by its label in [0, 9]. Malformed lines throw
/// file_error with the line and column.
io::image_set read_pixel_csv(const std::string& path, double max_pixel) {
  const io::csv_table table = io::read_csv(path);
  if (table.rows.empty()) throw file_error(path, "", "empty file: expected one image per line");
  const std::size_t fields = table.rows.front().size();
  if (fields < 2) table.fail(table.rows.front().back(), "expected the pixels and then the label");
  const std::size_t n = fields - 1, side = std::size_t(std::llround(std::sqrt(double(n))));
  io::image_set set{side * side == n ? side : 1, side * side == n ? side : n, 0.0, 10,
                    xt::xtensor<double, 2>::from_shape({table.rows.size(), n}), {}};
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.size() != fields)
      table.fail(row.back(), "expected " + std::to_string(fields) + " fields (as the first line), found " + std::to_string(row.size()));
    for (std::size_t j = 0; j < n; ++j) {
      const double x = table.number(row[j]);
      if (x < 0.0) table.fail(row[j], "a pixel must be >= 0, found '" + row[j].text + "'");
      set.pixels(r, j) = x;
      set.max_pixel = std::max(set.max_pixel, x);
    }
    const double y = table.number(row[n]);
    if (y != std::floor(y) || y < 0.0 || y > 9.0) table.fail(row[n], "a label must be an integer in [0, 9], found '" + row[n].text + "'");
    set.labels.push_back(static_cast<std::uint8_t>(y));
  }
  if (max_pixel > 0.0) {
    if (set.max_pixel > max_pixel) throw invalid_parameter("--max-pixel", max_pixel, ">= the largest pixel of the file");
    set.max_pixel = max_pixel;
  }
  if (!(set.max_pixel > 0.0)) throw file_error(path, "", "every pixel is 0: nothing to learn");
  return set;
}

data_split split(const io::image_set& all, const settings& s, const std::string& what) {
  std::mt19937_64 split_engine(s.seed);
  auto [train, test] = learning::stratified_split(all.labels, 10, s.test_fraction, split_engine);
  if (train.empty() || test.empty())
    throw invalid_parameter("--test-fraction", s.test_fraction, "a value that leaves images in both the training and the test set");
  return {all.subset(train), all.subset(test),
          what + ", stratified split " + std::to_string(int(100 * (1 - s.test_fraction) + 0.5)) + "/" +
              std::to_string(int(100 * s.test_fraction + 0.5)) + ", seed " + std::to_string(s.seed)};
}

data_split load(const settings& s) {
  if (s.user_idx()) {
    auto train = io::read_idx(s.train_images, s.train_labels), test = io::read_idx(s.test_images, s.test_labels);
    if (train.pixel_count() != test.pixel_count())
      throw size_mismatch("pixels per test image (as the training images)", train.pixel_count(), test.pixel_count());
    return {std::move(train), std::move(test), "IDX files " + s.train_images + " / " + s.test_images};
  }
  if (!s.csv.empty()) return split(read_pixel_csv(s.csv, s.max_pixel), s, "CSV file " + s.csv);
  const std::string root = io::data_directory();
  if (s.data == "digits")
    return split(io::read_digits_csv(root + "/digits/digits.csv"), s, "8x8 digits (UCI optdigits test set, 1797 images)");
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

void write_plots(const std::string& out, bool current_maps) {
  std::ostringstream gp;
  gp << "set terminal pngcairo size 800,560 noenhanced\n"
        "set datafile separator ','\n"
        "set output '" << out << "/accuracy.png'\n"
        "set title 'Training and test accuracy (cf. Oberbauer et al. 2025, Fig. 4f)'\n"
        "set xlabel 'epoch'; set ylabel 'accuracy'; set key bottom right; set grid\n"
        "plot '" << out << "/history.csv' skip 1 using 1:3 with lines lw 2 title 'train', "
        "'' skip 1 using 1:4 with lines lw 2 title 'test'\n"
        "reset\nset datafile separator ','\n";
  if (current_maps) {
    gp << "set terminal pngcairo size 1000,480 noenhanced\n"
        "set output '" << out << "/currents.png'\n"
          "set multiplot layout 2,5 title 'Learned change I - I_initial per pixel and class (cf. Fig. 4g): "
          "blue -2 mA, red +2 mA; grey: dark in every image' margins 0.02, 0.9, 0.04, 0.86 spacing 0.02, 0.1\n"
          "set object 1 rectangle from graph 0,0 to graph 1,1 behind fillcolor rgb 'gray60' fillstyle solid noborder\n"
          "set palette defined (-2 'blue', 0 'white', 2 'red'); set cbrange [-2:2]; unset colorbox\n"
          "unset xtics; unset ytics; set size ratio 1; set yrange [*:*] reverse\n";
    for (int l = 0; l < 10; ++l) {
      if (l == 9)  // one colour bar for the ten maps, right of the last one
        gp << "set colorbox user origin screen 0.94, screen 0.12 size screen 0.012, screen 0.7; "
              "set cblabel 'I - I_initial (mA)'; set cbtics 1\n";
      gp << "set title 'class " << l << "'; plot '" << out << "/currents.csv' skip 1 using 1:2:" << 13 + l
         << " with image notitle\n";
    }
    gp << "unset multiplot\nreset\nset datafile separator ','\n";
  }
  gp << ""
        "set terminal pngcairo size 640,560 noenhanced\n"
        "set output '" << out << "/confusion.png'\n"
        "set title 'Confusion matrix (test set)'; set xlabel 'predicted'; set ylabel 'true'\n"
        "set size ratio 1; set yrange [9.5:-0.5]; set xrange [-0.5:9.5]; set xtics 1; set ytics 1\n"
        "set palette defined (0 'white', 1 'dark-blue'); set cblabel 'test images'\n"
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
  // the script (PNG) is kept to redraw; it runs as given and again for SVG files beside the PNGs
  // (terminal svg, same sizes and fonts), piped to gnuplot: no shell sees the folder name
  const std::string png = gp.str();
  std::ofstream(out + "/plots.gp") << png;
  std::string svg = png;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"set terminal pngcairo", "set terminal svg dynamic background rgb 'white'"},
                                 {".png'", ".svg'"}})
    for (std::size_t at = svg.find(from); at != std::string::npos; at = svg.find(from, at + to.size()))
      svg.replace(at, from.size(), to);
  const std::string* const scripts[] = {&png, &svg};
  for (const std::string* script : scripts) {
    FILE* gnuplot = ::popen("gnuplot 2>/dev/null", "w");
    const bool written = gnuplot && std::fwrite(script->data(), 1, script->size(), gnuplot) == script->size();
    if (!gnuplot || ::pclose(gnuplot) != 0 || !written) {
      std::cerr << "digits: gnuplot failed or is missing (CSV files are written; " << out << "/plots.gp draws them)\n";
      return;
    }
  }
}

/// The images as a data set of row drives through Encoding, with the drive-side non-idealities
/// of `hw` (DAC, crosstalk) applied; the one-time preparation that the training loop reads.
template <class Encoding>
learning::data_set encoded_data(const io::image_set& images, const nonideal::hardware& hw) {
  auto drives = encoding::encode<Encoding>(images);
  hw.apply_to_drives(drives);
  return learning::data_set(std::move(drives), images.labels);
}

/// Whether pixel j is lit (> 0) in at least one training image: the junctions of a pixel that is
/// dark in every image never see light, carry no gradient and keep their initial currents.
std::vector<bool> ever_lit(const io::image_set& images) {
  std::vector<bool> lit(images.pixel_count(), false);
  for (std::size_t i = 0; i < images.size(); ++i)
    for (std::size_t j = 0; j < images.pixel_count(); ++j) lit[j] = lit[j] || images.pixels(i, j) > 0.0;
  return lit;
}

/// The training loop common to both topologies; returns the trained network's test evaluation.
template <class Network, class Rule, class Loss>
struct trained {
  learning::evaluation train, test;
  double index_seconds = 0.0, train_seconds = 0.0;
};

template <class Layer, class Optimizer, class Loss>
trained<Layer, Optimizer, Loss> train(const settings& s, Layer& net, Optimizer optimizer, Loss loss, learning::data_set& train_set,
                                       learning::data_set& test_set, const nonideal::read_noise& noise, std::mt19937_64& engine,
                                       double index_seconds, std::ofstream& orders) {
  trained<Layer, Optimizer, Loss> t;
  t.index_seconds = index_seconds;
  learning::trainer trainer(net, loss, optimizer, {.batch_size = s.batch, .threads = s.threads}, noise);
  const auto rate = [&](std::size_t epoch) {  // the learning rate of epoch 0, 1, ...
    if (s.lr_schedule == "cosine") return learning::cosine_schedule(s.lr, s.lr_final, s.epochs).rate(epoch);
    return learning::exponential_schedule(s.lr, s.lr_decay).rate(epoch);
  };
  std::ofstream history(s.out + "/history.csv");
  history << "epoch,loss,train_accuracy,test_accuracy\n";
  for (std::size_t epoch = 1; epoch <= s.epochs; ++epoch) {
    trainer.optimizer_state().rule.learning_rate = rate(epoch - 1);  // lr lambda <= 1 checked each step
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = trainer.train_epoch(train_set, engine);
    t.train_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
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
  return t;
}

void report(const settings& s, const learning::evaluation& train, const learning::evaluation& test, double index_seconds,
            double train_seconds, const energy::classification_cost& cost, const std::string& files) {
  {
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
  }  // files closed: now plot them
  if (s.plots) write_plots(s.out, s.hidden == 0);
  std::printf("train accuracy %.4f, test accuracy %.4f (%zu test images)\n", train.accuracy, test.accuracy, test.samples);
  std::printf("training time %.3f s (%zu epochs, %zu threads)\n", train_seconds, s.epochs, s.threads);
  std::printf("per classification: laser %.3g J (%.3g J per row pulse), Joule %.3g J, total %.3g J, latency %.3g s\n",
              units::in_si(cost.laser), units::in_si(cost.laser_per_row_pulse), units::in_si(cost.joule),
              units::in_si(cost.total()), units::in_si(cost.latency));
  std::printf("outputs in %s (history.csv, %sconfusion.csv, response.csv, %s%s)\n", s.out.c_str(),
              s.hidden == 0 ? "currents.csv, " : "", files.c_str(), s.plots ? ", *.png" : "");
  std::printf("index_seconds=%.6f\n", index_seconds);
  std::printf("train_seconds=%.6f\n", train_seconds);
  std::printf("test_accuracy=%.4f\n", test.accuracy);
}

std::vector<std::pair<std::string, std::string>> run_config(const settings& s) {
  return {{"data", s.data},   {"beta", std::to_string(s.beta)},      {"optimizer", s.optimizer},
          {"learning_rate", std::to_string(s.lr)}, {"batch", std::to_string(s.batch)},
          {"epochs", std::to_string(s.epochs)},    {"seed", std::to_string(s.seed)},
          {"learning_rate_schedule", s.lr_schedule}, {"final_learning_rate", std::to_string(s.lr_final)},
          {"learning_rate_decay", std::to_string(s.lr_decay)}, {"weight_decay", std::to_string(s.weight_decay)},
          {"hidden", std::to_string(s.hidden)}};
}

void export_data(const settings& s, const learning::data_set& train_set, const learning::data_set& test_set,
                 std::size_t inputs, const std::vector<const xt::xtensor<double, 2>*>& initial, double transfer_slope,
                 double transfer_offset) {
  std::filesystem::create_directories(s.export_dir);
  auto dump = [&](const std::string& name, const void* p, std::size_t bytes) {
    std::ofstream(s.export_dir + "/" + name, std::ios::binary).write(static_cast<const char*>(p), std::streamsize(bytes));
  };
  dump("train_x.f64", train_set.drives().data(), train_set.drives().size() * 8);
  dump("test_x.f64", test_set.drives().data(), test_set.drives().size() * 8);
  dump("train_y.u8", train_set.labels().data(), train_set.labels().size());
  dump("test_y.u8", test_set.labels().data(), test_set.labels().size());
  dump("init_x.f64", initial[0]->data(), initial[0]->size() * 8);
  if (initial.size() > 1) dump("init_x2.f64", initial[1]->data(), initial[1]->size() * 8);
  std::ofstream(s.export_dir + "/meta.txt") << inputs << ' ' << train_set.size() << ' ' << test_set.size() << ' '
                                             << s.epochs << ' ' << s.batch << ' ' << s.beta << ' ' << s.lr << ' '
                                             << s.range << ' ' << s.optimizer << ' ' << s.hidden << ' '
                                             << transfer_slope << ' ' << transfer_offset << ' ' << s.lr_decay << ' '
                                             << s.lr_schedule << ' ' << s.lr_final << ' ' << s.weight_decay << '\n';
  std::ofstream coefficients(s.export_dir + "/coefficients.txt");  // c_1k of V_AP = V_max p sum_k c_1k x^k
  coefficients.precision(17);
  const auto response = preset::response();
  for (double c : response.coefficients(device::antiparallel)[0]) coefficients << c << '\n';
}

template <std::size_t Inputs, class Optimizer>
int run_single(const settings& s, data_split& data, Optimizer optimizer) {
  using layer_type = network::crossbar<Inputs, 10, preset::response_type>;
  const auto range = s.range == "bipolar" ? network::current_range::bipolar : network::current_range::non_negative;
  const std::size_t inputs = data.train.pixel_count();
  layer_type layer = [&] {
    if constexpr (layer_type::is_dynamic) return layer_type(preset::response(), inputs, 10, device::antiparallel, range);
    else return layer_type(preset::response(), device::antiparallel, range);
  }();
  std::mt19937_64 engine(s.seed);  // the one engine of this simulation
  learning::initialize_currents(layer, engine);
  const xt::xtensor<double, 2> initial_currents = layer.normalized_currents();
  // Hardware-aware training trains on the non-ideal chip; --deploy-only trains the ideal model and
  // moves the currents onto the non-ideal chip for the final evaluation.
  const nonideal::hardware ideal{};
  const nonideal::hardware& trained_on = s.hardware_aware ? s.hardware : ideal;
  trained_on.realize(layer, engine);
  // One-time data preparation (checks and the lit-row index) stays outside the timed loop, as
  // PyTorch's tensor construction does in scripts/compare_torch.py.
  const auto index_start = std::chrono::steady_clock::now();
  auto train_set = encoded_data<typename layer_type::encoding_type>(data.train, trained_on);
  const double index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - index_start).count();
  auto test_set = encoded_data<typename layer_type::encoding_type>(data.test, trained_on);
  const auto column_resistance =
      double(inputs) * preset::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0));
  auto noise = trained_on.noise;
  noise.column_resistance = column_resistance;
  std::filesystem::create_directories(s.out);
  if (!s.export_dir.empty()) export_data(s, train_set, test_set, inputs, {&layer.normalized_currents()}, 0.0, 0.0);
  std::ofstream orders;
  if (!s.export_dir.empty()) orders.open(s.export_dir + "/order.u32", std::ios::binary);
  std::cerr << "data: " << data.description << "\ncrossbar: " << inputs << " x 10 junctions, " << s.range
            << " currents, beta " << s.beta << ", " << s.optimizer << " lr " << s.lr << " (" << schedule_text(s) << "), batch " << s.batch << ", "
            << s.epochs << " epochs, seed " << s.seed << "\n";
  const learning::softmax_cross_entropy_loss loss{.logit_scale = s.beta / double(inputs)};
  const auto t = train(s, layer, optimizer, loss, train_set, test_set, noise, engine, index_seconds, orders);
  if (!s.hardware_aware) {  // deploy the ideal training result on the non-ideal chip
    s.hardware.realize(layer, engine);
    train_set = encoded_data<typename layer_type::encoding_type>(data.train, s.hardware);
    test_set = encoded_data<typename layer_type::encoding_type>(data.test, s.hardware);
  }
  auto chip_noise = s.hardware.noise;
  chip_noise.column_resistance = column_resistance;
  const auto test = learning::evaluate(layer, test_set, loss, chip_noise, engine);
  const auto train_eval = learning::evaluate(layer, train_set, loss, chip_noise, engine);
  // Energy and latency per classification over the test set.
  energy::ledger ledger(preset::max_power(), preset::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0)),
                        energy::ledger::sum_squared_current(layer));
  for (std::size_t i = 0; i < test_set.size(); ++i) ledger.add(test_set.drives().data() + i * inputs, inputs);
  {
    // Trained current maps (cf. Fig. 4g) and what training changed, I - I_initial (the random
    // initial currents, |I| ~ U(0.3, 1) I_max, would otherwise hide the learned digit shapes);
    // pixels dark in every training image are written as NaN (their junctions never learn) and
    // drawn grey.
    const auto lit = ever_lit(data.train);
    const std::size_t side = data.train.width;
    std::ofstream currents(s.out + "/currents.csv");
    currents << "column,row";
    for (int l = 0; l < 10; ++l) currents << ",class" << l << "_mA";
    for (int l = 0; l < 10; ++l) currents << ",class" << l << "_change_mA";
    currents << ",ever_lit\n";
    for (std::size_t j = 0; j < inputs; ++j) {
      currents << j % side << ',' << j / side;
      for (std::size_t l = 0; l < 10; ++l) {
        if (lit[j]) currents << ',' << units::in_si(layer.current(j, l)) * 1e3;
        else currents << ",NaN";
      }
      const double i_max_mA = units::in_si(preset::max_current()) * 1e3;
      for (std::size_t l = 0; l < 10; ++l) {
        if (lit[j]) currents << ',' << (layer.normalized_currents()(j, l) - initial_currents(j, l)) * i_max_mA;
        else currents << ",NaN";
      }
      currents << ',' << (lit[j] ? 1 : 0) << '\n';
    }
    io::save_checkpoint(s.out + "/currents.ckpt", io::checkpoint::of(layer, run_config(s)));
  }
  report(s, train_eval, test, t.index_seconds, t.train_seconds, ledger.mean(), "currents.ckpt");
  return 0;
}

template <std::size_t Inputs, class Optimizer>
int run_two_layer(const settings& s, data_split& data, Optimizer optimizer) {
  using net_type = network::opto_electronic_network<Inputs, network::dynamic_extent, 10, preset::response_type>;
  const auto range = s.range == "bipolar" ? network::current_range::bipolar : network::current_range::non_negative;
  const std::size_t inputs = data.train.pixel_count(), H = s.hidden;
  // default gain: k = 4 G V_max / P_max = 16 / sqrt(N), so that the first layer's column sums
  // (sums of ~N random terms of order 1) span the driver's soft range
  const double gain = s.transfer_gain > 0.0 ? s.transfer_gain
                                            : 4.0 * units::in_si(preset::max_power()) /
                                                  (units::in_si(preset::max_voltage()) * std::sqrt(double(inputs)));
  net_type net = [&] {
    auto first = [&] {
      using first_t = std::remove_cvref_t<decltype(std::declval<net_type&>().template layer<0>())>;
      if constexpr (first_t::is_dynamic) return first_t(preset::response(), inputs, H, device::antiparallel, range);
      else return first_t(preset::response(), device::antiparallel, range);
    }();
    using second_t = std::remove_cvref_t<decltype(std::declval<net_type&>().template layer<2>())>;
    return net_type(std::move(first),
                    network::transfer_stage(H, units::as<network::laser_driver_gain>(gain),
                                            units::as<units::voltage>(s.transfer_offset_mV * 1e-3), preset::max_voltage(),
                                            preset::max_power()),
                    second_t(preset::response(), H, 10, device::antiparallel, range));
  }();
  auto& first = net.template layer<0>();
  auto& stage = net.template layer<1>();
  auto& second = net.template layer<2>();
  std::mt19937_64 engine(s.seed);
  learning::initialize_currents(first, engine);
  learning::initialize_currents(second, engine);
  const nonideal::hardware ideal{};
  const nonideal::hardware& trained_on = s.hardware_aware ? s.hardware : ideal;
  const auto r_ap = preset::resistance().resistance(device::antiparallel, units::as<units::voltage>(0.0));
  auto realize = [&](const nonideal::hardware& hw) {  // both layers' junctions, lasers and readouts
    hw.realize(first, engine);
    hw.realize(second, engine);
    stage.dac().power_bits = hw.dac.power_bits;
    stage.crosstalk() = hw.crosstalk;
    stage.noise() = hw.noise;  // on the hidden columns: N junctions in series
    stage.noise().column_resistance = double(inputs) * r_ap;
    if (stage.noise().enabled()) stage.noise_seed() = engine();
  };
  realize(trained_on);
  const auto index_start = std::chrono::steady_clock::now();
  auto train_set = encoded_data<encoding::optical_intensity>(data.train, trained_on);
  const double index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - index_start).count();
  auto test_set = encoded_data<encoding::optical_intensity>(data.test, trained_on);
  auto noise = trained_on.noise;  // on the output columns (H junctions in series)
  noise.column_resistance = double(H) * r_ap;
  std::filesystem::create_directories(s.out);
  if (!s.export_dir.empty())
    export_data(s, train_set, test_set, inputs, {&first.normalized_currents(), &second.normalized_currents()},
                stage.normalized_slope(), stage.normalized_offset());
  std::ofstream orders;
  if (!s.export_dir.empty()) orders.open(s.export_dir + "/order.u32", std::ios::binary);
  std::cerr << "data: " << data.description << "\nnetwork: " << inputs << " x " << H << " crossbar -> transfer stage (G "
            << gain << " W/V, U_0 " << s.transfer_offset_mV << " mV) -> " << H << " x 10 crossbar, " << s.range
            << " currents, beta " << s.beta << ", " << s.optimizer << " lr " << s.lr << " (" << schedule_text(s) << "), batch " << s.batch << ", "
            << s.epochs << " epochs, seed " << s.seed << "\n";
  const learning::softmax_cross_entropy_loss loss{.logit_scale = s.beta / double(H)};
  const auto t = train(s, net, optimizer, loss, train_set, test_set, noise, engine, index_seconds, orders);
  if (!s.hardware_aware) {
    realize(s.hardware);
    train_set = encoded_data<encoding::optical_intensity>(data.train, s.hardware);
    test_set = encoded_data<encoding::optical_intensity>(data.test, s.hardware);
  }
  auto chip_noise = s.hardware.noise;
  chip_noise.column_resistance = double(H) * r_ap;
  const auto test = learning::evaluate(net, test_set, loss, chip_noise, engine);
  const auto train_eval = learning::evaluate(net, train_set, loss, chip_noise, engine);
  // Energy: layer 1's lasers are the pixels, layer 2's the transfer stage's outputs.
  energy::ledger first_ledger(preset::max_power(), r_ap, energy::ledger::sum_squared_current(first)),
      second_ledger(preset::max_power(), r_ap, energy::ledger::sum_squared_current(second));
  {
    typename std::remove_cvref_t<decltype(first)>::kernels_type k1;
    network::transfer_stage::kernels_type k2;
    k1.prepare(first);
    k2.prepare(stage);
    std::vector<double> u(H), p(H), ws(H);
    for (std::size_t i = 0; i < test_set.size(); ++i) {
      first_ledger.add(test_set.drives().data() + i * inputs, inputs);
      k1.forward(test_set.dense(i), u.data());
      k2.forward(network::dense_drives{u.data(), H}, p.data(), ws.data());
      second_ledger.add(p.data(), H);
    }
  }
  io::save_checkpoint(s.out + "/layer1.ckpt", io::checkpoint::of(first, run_config(s)));
  io::save_checkpoint(s.out + "/layer2.ckpt", io::checkpoint::of(second, run_config(s)));
  report(s, train_eval, test, t.index_seconds, t.train_seconds, first_ledger.mean() + second_ledger.mean(),
         "layer1.ckpt, layer2.ckpt");
  return 0;
}

template <std::size_t Inputs>
int run_with_optimizer(const settings& s, data_split& data) {
  auto go = [&](auto rule) { return s.hidden ? run_two_layer<Inputs>(s, data, rule) : run_single<Inputs>(s, data, rule); };
  if (s.optimizer == "adam")
    return go(learning::decoupled_weight_decay<learning::adam>{.rule = {.learning_rate = s.lr}, .lambda = s.weight_decay});
  return go(learning::decoupled_weight_decay<learning::sgd>{.rule = {.learning_rate = s.lr}, .lambda = s.weight_decay});
}

}  // namespace

int main(int argc, char** argv) try {
  settings s;
  if (const int code = parse(argc, argv, s); code >= 0) return code;
  data_split data = load(s);
  const std::size_t n = data.train.pixel_count();
  if (n == 64) return run_with_optimizer<64>(s, data);
  if (n == 784) return run_with_optimizer<784>(s, data);
  return run_with_optimizer<network::dynamic_extent>(s, data);
} catch (const std::exception& e) {  // spinaptic::error included
  std::cerr << "digits: " << e.what() << '\n';
  return 1;
} catch (...) {
  std::cerr << "digits: unknown error\n";
  return 1;
}
