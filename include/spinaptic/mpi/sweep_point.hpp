// spinaptic/mpi/sweep_point.hpp: one point of a design-space sweep (the settings of one
// training of the 64 x 10 digits crossbar) and its evaluation: test accuracy and energy per
// classification. No MPI here: the sweep driver (sweep_scheduler.hpp) distributes these calls.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>
#include <utility>

#include "spinaptic/detail/xtensor.hpp"

#include "spinaptic/device/presets.hpp"
#include "spinaptic/encoding/optical_intensity.hpp"
#include "spinaptic/energy/ledger.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/io/data_directory.hpp"
#include "spinaptic/io/digits_csv.hpp"
#include "spinaptic/io/idx.hpp"
#include "spinaptic/io/image_set.hpp"
#include "spinaptic/learning/data_set.hpp"
#include "spinaptic/learning/initialization.hpp"
#include "spinaptic/learning/optimizers.hpp"
#include "spinaptic/learning/softmax_cross_entropy.hpp"
#include "spinaptic/learning/split.hpp"
#include "spinaptic/learning/trainer.hpp"
#include "spinaptic/network/crossbar.hpp"
#include "spinaptic/nonideal/hardware.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::mpi {

/// The settings of one sweep point: the training of tools/digits and the chip it runs on.
/// Plain numbers in the units their names carry (the sweep file's keys, docs/scaling.md);
/// `chip_response` / `chip_hardware` convert them to unit-typed objects once.
struct point_settings {
  // ---- training ---------------------------------------------------------------------------
  std::size_t epochs = 20;              ///< passes over the training set
  double learning_rate = 0.05;          ///< eta of the optimiser
  std::size_t batch = 32;               ///< mini-batch size B
  double output_scale = 200.0;          ///< beta: logits z_l = beta U_l / (N_in V_max)
  std::string optimizer = "sgd";        ///< "sgd" or "adam"
  std::string range = "bipolar";        ///< current range: "bipolar" [-I_max, I_max] or "non_negative" [0, I_max]
  std::uint64_t seed = 1;               ///< the one engine of the point (split, initialisation, shuffles, chip)
  double test_fraction = 0.3;           ///< stratified test share of the 8x8 digits
  // ---- drive ranges -------------------------------------------------------------------------
  double max_current_mA = 3.0;          ///< I_max, full-scale bias current [mA] (paper: 3 mA)
  double laser_power_mW = 150.0;        ///< P_max, full-scale laser power per row [mW] (paper: 150 mW)
  double laser_pulse_us = 5.0;          ///< t_pulse of one read [us] (energy/ledger.hpp)
  // ---- non-idealities (nonideal/) ---------------------------------------------------------
  unsigned current_bits = 0;            ///< current DAC bits (0: ideal)
  unsigned power_bits = 0;              ///< laser DAC bits (0: ideal)
  double spread = 0.0;                  ///< device-to-device relative sigma of c_mk
  double stuck = 0.0;                   ///< stuck-device fraction in [0, 1]
  std::string stuck_mode = "parallel";  ///< "parallel" or "zero"
  double read_noise_uV = 0.0;           ///< amplifier floor sigma_amp [uV rms]
  double bandwidth_Hz = 0.0;            ///< read bandwidth df for Johnson noise [Hz]
  double crosstalk = 0.0;               ///< laser neighbour crosstalk alpha
  // ---- device parameters (device/presets.hpp) -------------------------------------------
  double area_resistance_ohm_um2 = 10.0;  ///< RA [ohm um^2]
  double diameter_nm = 800.0;             ///< pillar diameter [nm]
  double tmr = 1.0;                       ///< zero-bias TMR ratio (1 = 100 %)
  double parallel_ratio = device::paper_default::parallel_to_antiparallel_ratio;  ///< V_P / V_AP
};

/// What a point measures.
struct point_result {
  double test_accuracy = 0.0;      ///< on the held-out test set, on the non-ideal chip
  double train_accuracy = 0.0;     ///< on the training set, on the same chip
  double energy_J = 0.0;           ///< E_laser + E_Joule per classification [J]
  double laser_energy_J = 0.0;     ///< E_laser = t_pulse sum_j P_j [J]
  double joule_energy_J = 0.0;     ///< E_Joule = t_pulse R_AP sum_jl I_jl^2 [J]
};

/// The data a point trains on, loaded once per process: the 8x8 digits (split per seed) or MNIST
/// area-averaged to 8x8 (fixed 60k/10k split).
struct point_data {
  std::string name;              ///< "digits" or "mnist8"
  io::image_set all;             ///< the whole set (digits; split per point)
  io::image_set train;           ///< the training set (mnist8)
  io::image_set test;            ///< the test set (mnist8)

  /// Reads the cache of scripts/fetch-data (io::data_directory()); throws file_error when missing.
  static point_data load(const std::string& name) {
    point_data d;
    d.name = name;
    const std::string root = io::data_directory();
    if (name == "digits") {
      d.all = io::read_digits_csv(root + "/digits/digits.csv");
    } else if (name == "mnist8") {
      d.train = encoding::area_average(
          io::read_idx(root + "/mnist/train-images-idx3-ubyte", root + "/mnist/train-labels-idx1-ubyte"), 8, 8);
      d.test = encoding::area_average(
          io::read_idx(root + "/mnist/t10k-images-idx3-ubyte", root + "/mnist/t10k-labels-idx1-ubyte"), 8, 8);
    } else {
      throw file_error("sweep", "", "data set '" + name + "' is not one of: digits, mnist8");
    }
    return d;
  }
};

namespace detail_point {
/// Throws spinaptic::error when `value` is not one of `choices` (the message names the key).
inline void require_choice(const char* key, const std::string& value, std::initializer_list<const char*> choices) {
  std::string allowed;
  for (const char* c : choices) {
    if (value == c) return;
    allowed += std::string(allowed.empty() ? "" : ", ") + c;
  }
  throw error("spinaptic: parameter '" + std::string(key) + "' = '" + value + "' is invalid; allowed: " + allowed);
}
}  // namespace detail_point

/// The paper's response (device/presets.hpp) re-scaled to other full-scale drives. The preset's
/// surface V(P, I) = V_0 (P/P_0) sum_k c_k (I/I_0)^k (P_0 = 150 mW, I_0 = 3 mA, V_0 = 23.35 mV,
/// linear in P) is the same physical function on the new scales P_max, I_max:
///   V_max' = V_0 P_max / P_0,   c_k' = c_k (I_max / I_0)^k,
/// so a brighter laser gives a larger signal against the read noise and a wider current range a
/// stronger cubic term (beyond 3 mA the cubic is extrapolated). P-state rows: parallel_ratio x AP.
[[nodiscard]] inline device::presets::hybrid_mgo_800nm::response_type chip_response(const point_settings& s) {
  using preset = device::presets::hybrid_mgo_800nm;
  const double i0 = units::in_si(preset::max_current()), p0 = units::in_si(preset::max_power());
  const double i_max = detail::require_positive("max_current_mA", s.max_current_mA) * 1e-3;
  const double p_max = detail::require_positive("laser_power_mW", s.laser_power_mW) * 1e-3;
  detail::require_non_negative("parallel_ratio", s.parallel_ratio);
  const double r = i_max / i0;
  std::array<double, 4> ap = device::paper_default::antiparallel_row, pp{};
  for (std::size_t k = 0; k < 4; ++k) {
    ap[k] *= std::pow(r, double(k));
    pp[k] = s.parallel_ratio * ap[k];
  }
  return {device::response_scale(preset::max_voltage() * (p_max / p0), units::as<units::current>(i_max),
                                 units::as<units::power>(p_max)),
          {{pp}}, {{ap}}};
}

/// R_AP at zero bias of the point's junction: R_P = RA / (pi d^2 / 4), R_AP = R_P (1 + TMR).
[[nodiscard]] inline units::resistance antiparallel_resistance(const point_settings& s) {
  const auto geometry = device::pillar_geometry::circular(
      units::as<units::length>(detail::require_positive("diameter_nm", s.diameter_nm) * 1e-9));
  const device::tmr_resistance r(
      device::resistance_from_area_product(
          units::as<units::area_resistance>(detail::require_positive("area_resistance_ohm_um2", s.area_resistance_ohm_um2) * 1e-12),
          geometry.area()),
      detail::require_non_negative("tmr", s.tmr), device::presets::hybrid_mgo_800nm::half_tmr_bias());
  return r.resistance(device::antiparallel, units::as<units::voltage>(0.0));
}

/// The chip's non-idealities (nonideal/hardware.hpp) from the point's numbers.
[[nodiscard]] inline nonideal::hardware chip_hardware(const point_settings& s) {
  nonideal::hardware h;
  h.spread.relative_sigma = s.spread;
  h.stuck.fraction = s.stuck;
  detail_point::require_choice("stuck_mode", s.stuck_mode, {"parallel", "zero"});
  h.stuck.mode = s.stuck_mode == "zero" ? nonideal::stuck_mode::zero_current : nonideal::stuck_mode::parallel;
  h.noise.amplifier_floor = units::as<units::voltage>(detail::require_non_negative("read_noise_uV", s.read_noise_uV) * 1e-6);
  h.noise.bandwidth = units::as<units::frequency>(detail::require_non_negative("bandwidth_Hz", s.bandwidth_Hz));
  h.dac.current_bits = s.current_bits;
  h.dac.power_bits = s.power_bits;
  h.crosstalk.neighbour_fraction = s.crosstalk;
  return h;
}

/// Checks every setting of a point without training it (cheap; the sweep reader runs it on every
/// point before a sweep starts). Throws spinaptic::error naming the parameter, its value and the
/// allowed range.
inline void validate_point(const point_settings& s) {
  detail_point::require_choice("optimizer", s.optimizer, {"sgd", "adam"});
  detail_point::require_choice("range", s.range, {"bipolar", "non_negative"});
  if (s.epochs == 0) throw invalid_parameter("epochs", 0.0, ">= 1");
  if (s.batch == 0) throw invalid_parameter("batch", 0.0, ">= 1");
  detail::require_positive("learning_rate", s.learning_rate);
  detail::require_positive("output_scale", s.output_scale);
  detail::require_in_range("test_fraction", s.test_fraction, 0.0, 1.0);
  detail::require_in_range("spread", s.spread, 0.0, 1.0);
  detail::require_in_range("stuck", s.stuck, 0.0, 1.0);
  detail::require_non_negative("crosstalk", s.crosstalk);
  detail::require_positive("laser_pulse_us", s.laser_pulse_us);
  (void)chip_response(s);
  (void)antiparallel_resistance(s);
  chip_hardware(s).dac.validate();
}

/// Trains and evaluates one point, as tools/digits does with hardware-aware training:
///   split (digits) -> initialize currents -> realize the chip (spread, stuck, DACs) -> encode and
///   apply crosstalk/laser DAC -> `epochs` epochs of the trainer with read noise -> test accuracy
///   on the same chip -> energy per classification over the test set (energy::ledger).
/// Everything random comes from one std::mt19937_64 seeded with `s.seed`, threads = 1: the result
/// is a function of (s, data) alone, bit for bit, on one build. This is the ONE function that
/// assembles a training; adapt it when the trainer's API changes.
[[nodiscard]] inline point_result evaluate_point(const point_settings& s, const point_data& data) {
  using preset = device::presets::hybrid_mgo_800nm;
  using layer_type = network::crossbar<64, 10, preset::response_type>;
  validate_point(s);
  std::mt19937_64 engine(s.seed);  // the one engine of this point

  io::image_set train_set, test_set;
  if (data.name == "digits") {
    auto [train, test] = learning::stratified_split(data.all.labels, 10, s.test_fraction, engine);
    train_set = data.all.subset(train);
    test_set = data.all.subset(test);
  }
  const io::image_set& train_images = data.name == "digits" ? train_set : data.train;
  const io::image_set& test_images = data.name == "digits" ? test_set : data.test;

  const auto range = s.range == "bipolar" ? network::current_range::bipolar : network::current_range::non_negative;
  layer_type layer(chip_response(s), device::antiparallel, range);
  learning::initialize_currents(layer, engine);
  const nonideal::hardware chip = chip_hardware(s);
  chip.realize(layer, engine);
  auto prepared = [&](const io::image_set& images) {  // encoded, as the chip's lasers deliver them
    auto drives = encoding::encode<typename layer_type::encoding_type>(images);
    chip.apply_to_drives(drives);
    return learning::data_set(std::move(drives), images.labels);
  };
  const learning::data_set train_data = prepared(train_images), test_data = prepared(test_images);
  const units::resistance r_ap = antiparallel_resistance(s);
  auto noise = chip.noise;
  noise.column_resistance = 64.0 * r_ap;

  const learning::softmax_cross_entropy_loss loss{s.output_scale / 64.0};  // s = beta / N_in
  auto train_and_test = [&](auto optimizer) {
    learning::trainer trainer(layer, loss, optimizer, {.batch_size = s.batch, .threads = 1}, noise);
    for (std::size_t epoch = 0; epoch < s.epochs; ++epoch) trainer.train_epoch(train_data, engine);
    point_result r;
    r.test_accuracy = learning::evaluate(layer, test_data, loss, noise, engine).accuracy;
    r.train_accuracy = learning::evaluate(layer, train_data, loss, noise, engine).accuracy;
    return r;
  };
  point_result r = s.optimizer == "adam" ? train_and_test(learning::adam{.learning_rate = s.learning_rate})
                                         : train_and_test(learning::sgd{.learning_rate = s.learning_rate});

  energy::ledger ledger(layer.response().max_power(), r_ap, energy::ledger::sum_squared_current(layer),
                        {.laser_pulse = units::as<units::time>(detail::require_positive("laser_pulse_us", s.laser_pulse_us) * 1e-6)});
  for (std::size_t i = 0; i < test_data.size(); ++i) ledger.add(test_data.drives().data() + i * 64, 64);
  const auto cost = ledger.mean();
  r.energy_J = units::in_si(cost.total());
  r.laser_energy_J = units::in_si(cost.laser);
  r.joule_energy_J = units::in_si(cost.joule);
  return r;
}

}  // namespace spinaptic::mpi
