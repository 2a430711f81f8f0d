// spinaptic/learning/learning_rate_schedule.hpp: the learning rate eta_e of epoch e.
#pragma once

#include <cmath>
#include <cstddef>
#include <numbers>
#include <sstream>

#include "spinaptic/error.hpp"

namespace spinaptic::learning {

/// Exponential decay: eta_e = eta_0 d^e for epoch e = 0, 1, ... (d = 1: a constant rate).
/// The constructor refuses a NaN, infinite or negative eta_0 and d outside (0, 1].
class exponential_schedule {
 public:
  /// eta_0 >= 0 (the rate of the first epoch), d in (0, 1] (the factor per epoch).
  exponential_schedule(double initial_rate, double factor) : initial_(initial_rate), factor_(factor) {
    detail::require_non_negative("initial learning rate eta_0", initial_rate);
    if (!(factor > 0.0 && factor <= 1.0)) throw invalid_parameter("learning-rate decay factor d", factor, "(0, 1]");
  }
  /// eta_e = eta_0 d^e.
  [[nodiscard]] double rate(std::size_t epoch) const noexcept { return initial_ * std::pow(factor_, double(epoch)); }

 private:
  double initial_, factor_;
};

/// Cosine annealing without restarts (Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent
/// with Warm Restarts", ICLR 2017, Eq. 5) over E epochs, one rate per epoch e = 0 .. E-1:
///   eta_e = eta_min + (eta_max - eta_min) (1 + cos(pi e / E)) / 2,
/// eta_max in the first epoch, (eta_max + eta_min)/2 at e = E/2, falling toward eta_min (reached
/// at e = E, one past the last epoch). The constructor refuses NaN, infinite or negative rates,
/// eta_min > eta_max and E = 0; rate() refuses e > E.
class cosine_schedule {
 public:
  /// eta_max >= eta_min >= 0 [per unit loss gradient on x = I/I_max], E >= 1 epochs.
  cosine_schedule(double peak_rate, double final_rate, std::size_t epochs)
      : peak_(peak_rate), final_(final_rate), epochs_(epochs) {
    detail::require_non_negative("peak learning rate eta_max", peak_rate);
    detail::require_non_negative("final learning rate eta_min", final_rate);
    if (final_rate > peak_rate) {
      std::ostringstream allowed;
      allowed.precision(17);
      allowed << "[0, eta_max] with eta_max = " << peak_rate << " (at most the peak rate)";
      throw invalid_parameter("final learning rate eta_min", final_rate, allowed.str());
    }
    if (epochs == 0) throw invalid_parameter("cosine schedule epochs E", 0.0, ">= 1");
  }
  /// eta_e for 0 <= e <= E.
  [[nodiscard]] double rate(std::size_t epoch) const {
    if (epoch > epochs_) throw index_out_of_range("cosine schedule epoch", epoch, epochs_ + 1);
    return final_ + (peak_ - final_) * 0.5 * (1.0 + std::cos(std::numbers::pi * double(epoch) / double(epochs_)));
  }

 private:
  double peak_, final_;
  std::size_t epochs_;
};

}  // namespace spinaptic::learning
