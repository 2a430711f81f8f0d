// Diehl & Cook (2015) unsupervised STDP network on MNIST with the original protocol (350 ms
// presentations, 150 ms rest, brighter repeats below 5 spikes). Labels are assigned from the
// responses during training: the examples of each block of `block` are classified with the
// assignment made from the previous block (the paper's running training accuracy). Then, weights
// and thresholds frozen, the network answers the first `block` training examples, whose responses
// assign the labels for the test set (the original evaluation); the test accuracy with the
// running assignment of the last training block is printed beside it. As in the published code,
// a neuron silent for all labelling examples is unassigned (out of the vote) in the frozen
// evaluation and in class 0 in the running assignment; the frozen evaluation with silent neurons
// in class 0 is printed too (dc<N>_test_accuracy_silent_in_class0).
//   diehl_cook [--out DIR] [--neurons 400] [--train 60000] [--test 10000] [--block 1000]
//              [--synapse dc|mtj] [--delay-ms 0] [--hold start|mean] [--seed 1] [--lockout-ms T]
// --lockout-ms: the excitatory neurons' lock-out after a spike (diehl_cook_settings::lockout; the
// settings' default when absent). --delay-ms: input delays uniform in [0, T] ms. --hold: the
// conductance held over a step, its start-of-step value or its step mean (charge-conserving).
// With `--synapse mtj` the input synapses are multi-level MTJ synapses (4 junctions of the paper device in
// parallel, read at 150 mW and 3 mA, Querlioz's window rule with p_plus = 0.02, p_minus = 0.01;
// no normalisation).
// writes diehl_cook_accuracy.csv/.png/.svg (accuracy against training examples) and
// diehl_cook_fields.png/.svg (receptive fields, 28 x 28 weights per neuron); prints
// dc<N>_examples_per_second= (training, CPU time of this thread) and the test accuracy.
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/io/data_directory.hpp>
#include <spinaptic/learning/plasticity/mtj_synapse.hpp>
#include <spinaptic/io/idx.hpp>
#include <spinaptic/network/spiking/diehl_cook.hpp>

#include "../common/command_line.hpp"
#include "../common/output.hpp"

using namespace spinaptic;
namespace ss = spinaptic::network::spiking;

namespace {
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}
}  // namespace

/// The MTJ synapse of the `mtj` variant: the paper device read at 150 mW and 3 mA, the gain
/// chosen so that a synapse with all junctions in AP weighs 0.25 nS.
learning::plasticity::mtj_synapse paper_mtj_synapse() {
  using preset = device::presets::hybrid_mgo_800nm;
  const auto response = preset::response();
  const auto resistance = preset::resistance();
  const auto power = units::as<units::power>(0.150);
  const auto current = units::as<units::current>(3e-3);
  learning::plasticity::mtj_synapse_parameters p;
  p.junctions = 4;
  p.parallel_voltage = response.thermovoltage(device::magnetic_state::parallel, power, current);
  p.antiparallel_voltage = response.thermovoltage(device::magnetic_state::antiparallel, power, current);
  p.parallel_resistance = resistance.resistance(device::magnetic_state::parallel, units::as<units::voltage>(0.0));
  p.antiparallel_resistance = resistance.resistance(device::magnetic_state::antiparallel, units::as<units::voltage>(0.0));
  p.gain = 0.25e-9 / units::in_si(p.antiparallel_voltage);
  p.potentiation_probability = 0.02;
  p.depression_probability = 0.01;
  p.window_rule = true;
  return learning::plasticity::mtj_synapse(p);
}

/// The command line (examples/common/command_line.hpp).
struct options {
  std::string out = "out/diehl_cook";
  std::size_t neurons = 400, train = 60000, test = 10000, block = 1000;
  std::string synapse = "dc", hold = "start";
  double delay_ms = 0.0;
  std::uint64_t seed = 1;
  std::optional<double> lockout_ms;
};

template <class Network>
int run(Network& net, const options& o);

int main(int argc, char** argv) {
  return example::guarded_main("diehl_cook", [&] {
    options o;
    example::command_line cli{"Diehl & Cook (2015) unsupervised STDP network on MNIST with the original protocol"};
    cli.add_output_folder(o.out);
    cli.add("--neurons", o.neurons, "excitatory neurons").range(std::size_t{1}, std::size_t{100000}).show_default();
    cli.add("--train", o.train, "training examples (at most the 60000 of MNIST are used)")
        .range(std::size_t{0}, std::size_t{10000000}).show_default();
    cli.add("--test", o.test, "test examples (at most the 10000 of MNIST are used)")
        .range(std::size_t{0}, std::size_t{10000000}).show_default();
    cli.add("--block", o.block, "examples per block of the running label assignment")
        .range(std::size_t{1}, std::size_t{10000000}).show_default();
    cli.add("--synapse", o.synapse, "input synapses: Diehl & Cook's STDP (dc) or MTJ synapses (mtj)")
        .one_of({"dc", "mtj"}).show_default();
    cli.add("--delay-ms", o.delay_ms, "input delays uniform in [0, T] ms (0: none)").range(0.0, 1000.0).show_default();
    cli.add("--hold", o.hold, "conductance held over a step: start-of-step value or step mean")
        .one_of({"start", "mean"}).show_default();
    cli.add("--seed", o.seed, "seed of the initial weights and Poisson streams").show_default();
    cli.add("--lockout-ms", o.lockout_ms, "lock-out after a spike [ms] (default: the settings' default)").range(0.0, 1000.0);
    if (const int code = cli.parse(argc, argv); code >= 0) return code;
    ss::diehl_cook_settings s;
    s.excitatory = o.neurons;
    if (o.hold == "mean") s.conductance_hold = neuron::conductance_hold::step_mean;
    s.seed = o.seed;
    if (o.lockout_ms) s.lockout = units::as<units::time>(*o.lockout_ms * 1e-3);
    s.input_delay = units::as<units::time>(o.delay_ms * 1e-3);
    if (o.synapse == "mtj") {
      ss::basic_diehl_cook_network<learning::plasticity::mtj_synapse> net(s, paper_mtj_synapse());
      return run(net, o);
    }
    ss::diehl_cook_network net(s);
    return run(net, o);
  });
}

template <class Network>
int run(Network& net, const options& o) {
  const std::size_t neurons = o.neurons, n_train = o.train, n_test = o.test, block = o.block;
  const std::string mnist = io::data_directory() + "/mnist/";
  const auto train = io::read_idx(mnist + "train-images-idx3-ubyte", mnist + "train-labels-idx1-ubyte");
  const auto test = io::read_idx(mnist + "t10k-images-idx3-ubyte", mnist + "t10k-labels-idx1-ubyte");
  const std::size_t tr = std::min(n_train, train.size()), te = std::min(n_test, test.size());
  const auto dir = example::make_output_folder(o.out);

  std::ostringstream csv;
  csv << "# examples_seen,training_accuracy_of_block\n";
  // running labels as the original training script: neurons silent in a block go to class 0
  const auto running = ss::silent_neurons::first_class;
  ss::label_assignment previous(neurons, 10, running), current(neurons, 10, running);
  bool have_previous = false;
  std::size_t right = 0, in_block = 0, in_block_last = 0;
  const double t0 = cpu_seconds();
  for (std::size_t k = 0; k < tr; ++k) {
    const auto counts = net.present(train.pixels.data() + k * 784, 255.0);
    if (have_previous) right += previous.classify(counts) == train.labels[k];
    current.add(counts, train.labels[k]);
    if (++in_block == block || k + 1 == tr) {
      current.assign();
      if (have_previous) {
        csv << k + 1 << ',' << double(right) / double(in_block) << '\n';
        std::printf("%zu examples: training accuracy of the last block %.3f\n", k + 1, double(right) / double(in_block));
        std::fflush(stdout);
      }
      previous = current;
      in_block_last = in_block;
      current = ss::label_assignment(neurons, 10, running);
      have_previous = true;
      right = in_block = 0;
    }
  }
  const double train_cpu = cpu_seconds() - t0;
  std::printf("dc%zu_examples_per_second=%.1f (%zu training examples, %llu presentations, %.1f s CPU)\n", neurons,
              double(tr) / train_cpu, tr, static_cast<unsigned long long>(net.presentations()), train_cpu);

  net.set_learning(false);
  // The original evaluation (Diehl & Cook's published code): the trained network, weights and
  // thresholds frozen, answers the first `block` training examples; the labels come from those
  // responses. The running assignment (previous block, during learning) is kept beside it.
  // Neurons silent for all of these examples stay unassigned, as in the original evaluation;
  // `frozen_class0` puts them in class 0 instead (the figures before that was done).
  ss::label_assignment frozen(neurons, 10), frozen_class0(neurons, 10, ss::silent_neurons::first_class);
  const std::size_t n_label = std::min(block, tr);
  for (std::size_t k = 0; k < n_label && te > 0; ++k) {
    const auto counts = net.present(train.pixels.data() + k * 784, 255.0);
    frozen.add(counts, train.labels[k]);
    frozen_class0.add(counts, train.labels[k]);
  }
  frozen.assign();
  frozen_class0.assign();
  std::size_t silent = 0;
  for (std::size_t j = 0; j < neurons; ++j) silent += frozen.label(j) == ss::label_assignment::unassigned;
  std::size_t correct = 0, correct_frozen = 0, correct_class0 = 0;
  for (std::size_t k = 0; k < te; ++k) {
    const auto counts = net.present(test.pixels.data() + k * 784, 255.0);
    correct += previous.classify(counts) == test.labels[k];
    correct_frozen += frozen.classify(counts) == test.labels[k];
    correct_class0 += frozen_class0.classify(counts) == test.labels[k];
  }
  if (te > 0) {
    std::printf("dc%zu_test_accuracy=%.4f (%zu test examples after %zu training examples; labels from the frozen "
                "network's responses to the first %zu training examples, as the original evaluation)\n",
                neurons, double(correct_frozen) / double(te), te, tr, n_label);
    std::printf("dc%zu_test_accuracy_silent_in_class0=%.4f (same labels, but the %zu neurons silent for all of "
                "them in class 0 instead of unassigned)\n", neurons, double(correct_class0) / double(te), silent);
    std::printf("dc%zu_test_accuracy_running_labels=%.4f (labels from the responses to the last %zu training "
                "examples during learning, silent neurons in class 0)\n", neurons, double(correct) / double(te),
                in_block_last);
  }

  example::write_file(dir, "diehl_cook_accuracy.csv", csv.str());
  example::plot(dir, "diehl_cook_accuracy", "set terminal pngcairo size 800,500 font \",12\"\n"
                "set output 'diehl_cook_accuracy.png'\nset datafile separator ','\n"
                "set title 'Diehl and Cook, " + std::to_string(neurons) + " neurons: accuracy on each block of training examples'\n"
                "set xlabel 'training examples'; set ylabel 'accuracy'; set yrange [0:1]; set grid\n"
                "plot 'diehl_cook_accuracy.csv' using 1:2 with linespoints pt 7 ps 0.5 notitle\n");
  // receptive fields: a square grid of 28 x 28 weight images
  const std::size_t side = static_cast<std::size_t>(std::ceil(std::sqrt(double(neurons))));
  std::ostringstream fields;
  const auto& w = net.weights();
  for (std::size_t y = 0; y < side * 28; ++y) {
    for (std::size_t x = 0; x < side * 28; ++x) {
      const std::size_t j = (y / 28) * side + x / 28, pixel = (y % 28) * 28 + x % 28;
      fields << (j < neurons ? w(pixel, j) * 1e9 : 0.0) << (x + 1 < side * 28 ? " " : "\n");
    }
  }
  example::write_file(dir, "diehl_cook_fields.dat", fields.str());
  example::plot(dir, "diehl_cook_fields", "set terminal pngcairo size 800,800 font \",12\"\n"
                "set output 'diehl_cook_fields.png'\nset title 'learned input weights, one 28x28 tile per neuron'\n"
                "unset key; unset xtics; unset ytics; set yrange [*:*] reverse; set size ratio -1\n"
                "set palette grey negative; set cblabel 'weight w (nS)'; set cbtics format '%g'\n"
                "plot 'diehl_cook_fields.dat' matrix with image\n");
  std::cout << "wrote " << (dir / "diehl_cook_accuracy.png").string() << " and diehl_cook_fields.png (and .svg)\n";
  return 0;
}
