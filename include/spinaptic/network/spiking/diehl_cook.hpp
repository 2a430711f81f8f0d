// spinaptic/network/spiking/diehl_cook.hpp: the unsupervised digit-recognition network of
// Diehl & Cook, Front. Comput. Neurosci. 9:99 (2015), with its training protocol.
//
// Poisson inputs (one per pixel, rates set by the protocol below) project all-to-all onto N_e excitatory adaptive-threshold LIF neurons through plastic
// conductances (learning/plasticity/diehl_cook.hpp); each excitatory neuron excites one
// inhibitory neuron (one-to-one), which inhibits every other excitatory neuron (lateral
// inhibition): a soft winner-take-all. Parameters (paper, methods, and its published code):
//   excitatory: tau_m = 100 ms, E_L = V_reset = -65 mV, V_th = -72 mV + theta (theta starts at
//     20 mV, theta_plus = 0.05 mV, tau_theta = 1e7 ms), t_ref = 5 ms, g_L = 1 nS, E_exc = 0 mV,
//     E_inh = -100 mV, tau_exc = 1 ms, tau_inh = 2 ms;
//   inhibitory: tau_m = 10 ms, E_L = -60 mV, V_reset = -45 mV, V_th = -40 mV, t_ref = 2 ms,
//     E_inh = -85 mV, same synaptic time constants;
//   input -> excitatory weights uniform in [0, 0.3 nS), w_max = 1 nS, normalised before each
//     presentation to sum to 78 nS for 784 pixels (the published code's weight['ee_input'] = 78;
//     78/784 nS per input for other input counts); exc -> inh 10.4 nS;
//     inh -> exc 17 nS; dt = 0.5 ms.
// Protocol: each image is shown for 350 ms at rates pixel/pixel_max * 63.75 Hz * k/2 (k = 2 at
// first), then 150 ms of silence; if the excitatory layer fired fewer than 5 spikes, k grows by 1
// and the image is shown again. The input delays of the original code (0-10 ms) are an option
// (diehl_cook_settings::input_delay), off by default.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <tuple>
#include <vector>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/detail/random.hpp"
#include "spinaptic/detail/steps.hpp"
#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/learning/plasticity/diehl_cook.hpp"
#include "spinaptic/network/spiking/dense_projection.hpp"
#include "spinaptic/network/spiking/poisson_group.hpp"
#include "spinaptic/network/spiking/simulation.hpp"
#include "spinaptic/neuron/lif_conductance.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::network::spiking {

/// Size, protocol and seed of a Diehl & Cook network (defaults: the paper's).
struct diehl_cook_settings {
  std::size_t inputs = 784;       ///< pixels
  std::size_t excitatory = 400;   ///< N_e (= N_i)
  units::time presentation = units::as<units::time>(0.350);  ///< per image [s]
  units::time rest = units::as<units::time>(0.150);          ///< silence after each image [s]
  units::frequency max_rate = units::as<units::frequency>(63.75);  ///< rate of a full-scale pixel at k = 2
  std::size_t min_spikes = 5;     ///< fewer excitatory spikes: show again, brighter
  std::size_t max_repeats = 10;   ///< at most this many intensity increases per image
  units::time dt = units::as<units::time>(0.5e-3);  ///< time step [s]
  std::uint64_t seed = 1;         ///< initial weights and Poisson streams
  learning::plasticity::diehl_cook_parameters<> rule{};  ///< learning rates, w_max, trace time constants
  /// Input -> excitatory delays uniform in [0, input_delay] (the original code: 10 ms; 0 here by
  /// default, the configuration of the results in docs/spiking.md).
  units::time input_delay = units::as<units::time>(0.0);
  /// Conductance held over a step by both populations (neuron/lif_conductance.hpp):
  /// start_of_step (default, the configuration of the results in docs/spiking.md) delivers 1.27
  /// times w tau_c per spike through the 1 ms synapses at dt = 0.5 ms; step_mean delivers w tau_c,
  /// as the continuous model (it learned worse here: docs/spiking.md).
  neuron::conductance_hold conductance_hold = neuron::conductance_hold::start_of_step;
  /// Lock-out of each excitatory neuron after its spike (neuron::adaptive_threshold_parameters::
  /// lockout): 0 as the Brian 1 code read in SI; the Brian2 ports' timer gives 50 ms.
  units::time lockout = units::as<units::time>(0.0);
};

/// The Diehl & Cook network and its presentation protocol (see the file comment), with the
/// plasticity rule Rule on the input weights. A rule that offers `normalise(weights, total)` is
/// normalised before each presentation while learning; one that offers `initialise(weights, seed)`
/// sets the initial weights itself (e.g. junction states), otherwise they are uniform in
/// [0, 0.3 nS).
template <plasticity_rule Rule>
class basic_diehl_cook_network {
 public:
  /// The excitatory population type (adaptive threshold).
  using excitatory_group = neuron::lif_conductance_based<neuron::adaptive_threshold>;
  /// The inhibitory population type.
  using inhibitory_group = neuron::lif_conductance_based<>;
  /// The learning input projection.
  using input_projection = plastic_dense_projection<Rule>;
  /// The simulation type: groups (input, excitatory, inhibitory) and three links.
  using simulation_type =
      simulation<std::tuple<poisson_group, excitatory_group, inhibitory_group>, link<0, 1, input_projection>,
                 link<1, 2, one_to_one_projection>, link<2, 1, lateral_inhibition>>;

  /// Builds the network with random initial weights and the rule `rule`.
  basic_diehl_cook_network(const diehl_cook_settings& s, Rule rule)
      : s_(s), sim_(make(s, std::move(rule))), counts_(s.excitatory, 0), rates_(s.inputs, 0.0) {
    if (s.min_spikes == 0) throw invalid_parameter("Diehl & Cook minimum spike count", 0.0, ">= 1");
    present_steps_ = steps("presentation time [s]", s.presentation);
    rest_steps_ = steps("rest time [s]", s.rest);
    if constexpr (requires(Rule& r, double* w) { r.initialise(w, s.seed); })
      sim_.template projection<0>().rule().initialise(weights().data(), s.seed);
  }

  /// The settings.
  [[nodiscard]] const diehl_cook_settings& settings() const noexcept { return s_; }
  /// The driver (groups, projections, monitors).
  [[nodiscard]] simulation_type& driver() noexcept { return sim_; }
  /// Input -> excitatory weights (inputs x excitatory, siemens).
  [[nodiscard]] xt::xtensor<double, 2>& weights() noexcept { return sim_.template projection<0>().weights(); }

  /// Training (weights and thresholds adapt) or testing (both frozen).
  void set_learning(bool on) noexcept {
    sim_.template projection<0>().set_learning(on);
    sim_.template group<1>().threshold_rule().set_learning(on);
    learning_ = on;
  }

  /// Shows one image (n_inputs raw pixels, full scale `max_pixel`) with the protocol: normalise
  /// (when learning), present, rest, and repeat brighter while the excitatory layer fires fewer
  /// than min_spikes. Returns the excitatory spike counts of the last presentation.
  std::span<const std::uint32_t> present(const double* pixels, double max_pixel) {
    detail::require_positive("full-scale pixel value", max_pixel);
    for (std::size_t k = 2; k < 2 + s_.max_repeats + 1; ++k) {
      if constexpr (requires(Rule& r, xt::xtensor<double, 2>& w) { r.normalise(w, 1.0); })
        if (learning_)
          sim_.template projection<0>().rule().normalise(weights(), 78e-9 / 784.0 * static_cast<double>(s_.inputs));
      const double scale = units::in_si(s_.max_rate) * static_cast<double>(k) / 2.0 / max_pixel;
      for (std::size_t i = 0; i < s_.inputs; ++i) rates_[i] = pixels[i];
      sim_.template group<0>().set_rates_scaled(rates_.data(), scale);
      std::fill(counts_.begin(), counts_.end(), 0u);
      std::size_t total = 0;
      for (std::uint64_t n = 0; n < present_steps_; ++n) {
        sim_.step_once();
        for (const auto j : sim_.template last_spikes<1>()) ++counts_[j];
        total += sim_.template last_spikes<1>().size();
      }
      sim_.template group<0>().set_rate_all(units::as<units::frequency>(0.0));
      sim_.run_steps(rest_steps_);
      ++presentations_;
      if (total >= s_.min_spikes) break;
    }
    return counts_;
  }

  /// Presentations so far, repeats included.
  [[nodiscard]] std::uint64_t presentations() const noexcept { return presentations_; }

 private:
  [[nodiscard]] std::uint64_t steps(const char* name, units::time t) const {
    return detail::duration_to_steps(name, units::in_si(t), units::in_si(s_.dt), detail::max_exact_steps);
  }
  static simulation_type make(const diehl_cook_settings& s, Rule rule) {
    using namespace spinaptic::units;
    if (s.inputs == 0) throw invalid_parameter("Diehl & Cook input count", 0.0, ">= 1");
    if (s.excitatory == 0) throw invalid_parameter("Diehl & Cook excitatory count", 0.0, ">= 1");
    const neuron::lif_parameters exc{as<time>(100e-3), as<voltage>(-65e-3), as<voltage>(-72e-3), as<voltage>(-65e-3),
                                     as<time>(5e-3)};
    const neuron::conductance_synapses exc_syn{as<conductance>(1e-9), {as<voltage>(0.0), as<voltage>(-100e-3)},
                                               {as<time>(1e-3), as<time>(2e-3)}, s.conductance_hold};
    const neuron::lif_parameters inh{as<time>(10e-3), as<voltage>(-60e-3), as<voltage>(-40e-3), as<voltage>(-45e-3),
                                     as<time>(2e-3)};
    const neuron::conductance_synapses inh_syn{as<conductance>(1e-9), {as<voltage>(0.0), as<voltage>(-85e-3)},
                                               {as<time>(1e-3), as<time>(2e-3)}, s.conductance_hold};
    neuron::adaptive_threshold_parameters threshold;
    threshold.lockout = s.lockout;
    excitatory_group e(exc, exc_syn, s.excitatory, neuron::adaptive_threshold(threshold));
    e.threshold_rule().set_offset_all(as<voltage>(20e-3));
    inhibitory_group i(inh, inh_syn, s.excitatory);
    input_projection in(s.inputs, s.excitatory, 0, 0.0, std::move(rule));
    for (std::size_t r = 0; r < s.inputs; ++r) {
      spinaptic::detail::counter_rng g(spinaptic::detail::stream_key(s.seed, r, 0xDC));
      for (std::size_t c = 0; c < s.excitatory; ++c) in.weights()(r, c) = 0.3e-9 * g.uniform();
    }
    if (units::in_si(s.input_delay) > 0.0) in.set_delays_uniform(as<time>(0.0), s.input_delay, s.seed);
    return simulation_type({.dt = s.dt, .seed = s.seed, .threads = 1, .block = 1u << 20},
                           std::tuple{poisson_group(s.inputs), std::move(e), std::move(i)},
                           link<0, 1, input_projection>{std::move(in)},
                           link<1, 2, one_to_one_projection>{one_to_one_projection(s.excitatory, 0, 10.4e-9)},
                           link<2, 1, lateral_inhibition>{lateral_inhibition(s.excitatory, 1, 17e-9)});
  }

  diehl_cook_settings s_;
  simulation_type sim_;
  std::vector<std::uint32_t> counts_;
  std::vector<double> rates_;
  std::uint64_t present_steps_ = 0, rest_steps_ = 0, presentations_ = 0;
  bool learning_ = true;
};

/// The network of the paper: the Diehl & Cook rule with the settings' parameters.
class diehl_cook_network : public basic_diehl_cook_network<learning::plasticity::diehl_cook_stdp<>> {
 public:
  /// Builds it with random initial weights in [0, 0.3 nS).
  explicit diehl_cook_network(const diehl_cook_settings& s = {})
      : basic_diehl_cook_network(s, learning::plasticity::diehl_cook_stdp<>(s.rule)) {}
};

/// What label_assignment does with a neuron that never answered any labelled example (mean
/// response 0 for every class). The published code does both: its evaluation
/// (`Diehl&Cook_MNIST_evaluation.py` of github.com/peter-u-diehl/stdp-mnist, assignments initialised to -1, a class taken only for a
/// mean rate above 0) leaves such neurons unassigned, out of every class's vote; its training
/// script's running assignment (initialised to zeros) puts them in class 0.
enum class silent_neurons {
  unassigned,  ///< no class, no vote (the original evaluation; default)
  first_class  ///< class 0, diluting its mean (the original training script's running labels)
};

/// Labels of the excitatory neurons from their responses to labelled examples (Diehl & Cook
/// 2015): neuron j takes the class c with the highest mean spike count over the examples of c
/// (the first such class on a tie); a neuron silent for every class is treated as `silent` says.
class label_assignment {
 public:
  /// The label of an unassigned neuron.
  static constexpr std::size_t unassigned = static_cast<std::size_t>(-1);

  /// For n neurons and `classes` classes.
  label_assignment(std::size_t neurons, std::size_t classes, silent_neurons silent = silent_neurons::unassigned)
      : n_(neurons), classes_(classes), silent_(silent), sum_(neurons * classes, 0.0), seen_(classes, 0),
        label_(neurons, 0) {}
  /// Adds one example's spike counts with its label.
  void add(std::span<const std::uint32_t> counts, std::size_t label) {
    if (counts.size() != n_) throw size_mismatch("label_assignment counts", n_, counts.size());
    if (label >= classes_) throw invalid_parameter("label", static_cast<double>(label), "< classes");
    for (std::size_t j = 0; j < n_; ++j) sum_[label * n_ + j] += counts[j];
    ++seen_[label];
  }
  /// Assigns every neuron its class (call after the last add).
  void assign() {
    for (std::size_t j = 0; j < n_; ++j) {
      double best = 0.0;
      label_[j] = silent_ == silent_neurons::unassigned ? unassigned : 0;
      for (std::size_t c = 0; c < classes_; ++c) {
        const double mean = seen_[c] ? sum_[c * n_ + j] / static_cast<double>(seen_[c]) : 0.0;
        if (mean > best) {
          best = mean;
          label_[j] = c;
        }
      }
    }
  }
  /// The class of neuron j (`unassigned` for a silent neuron under silent_neurons::unassigned).
  [[nodiscard]] std::size_t label(std::size_t j) const { return label_.at(j); }
  /// The class whose assigned neurons have the highest mean spike count in `counts` (Diehl &
  /// Cook's "all" vote); classes without neurons never win. When no neuron is assigned at all
  /// (every neuron silent under silent_neurons::unassigned) there is no vote and the answer is
  /// class 0, which a test of chance level then counts as a guess.
  [[nodiscard]] std::size_t classify(std::span<const std::uint32_t> counts) const {
    std::vector<double> sum(classes_, 0.0);
    std::vector<std::size_t> members(classes_, 0);
    for (std::size_t j = 0; j < n_; ++j) {
      if (label_[j] == unassigned) continue;
      sum[label_[j]] += counts[j];
      ++members[label_[j]];
    }
    std::size_t best = 0;
    double top = -1.0;
    for (std::size_t c = 0; c < classes_; ++c)
      if (members[c] && sum[c] / static_cast<double>(members[c]) > top) {
        top = sum[c] / static_cast<double>(members[c]);
        best = c;
      }
    return best;
  }

 private:
  std::size_t n_, classes_;
  silent_neurons silent_;
  std::vector<double> sum_;
  std::vector<std::size_t> seen_, label_;
};

}  // namespace spinaptic::network::spiking
