// spinaptic/learning/softmax_cross_entropy.hpp: the classification loss on the column voltages.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace spinaptic::learning {

/// Softmax cross-entropy on the logits z_l = beta U_l / (N_in V_max) = s u_l, s = beta / N_in
/// (shared/research/paper.md section 6.3; beta ~ 100-300, the output scale of the chip):
///   L_b = -log softmax(z_b)_{y_b},   dL_b/du_l = s (softmax(z_b)_l - [l == y_b]).
/// Writes delta[b][l] = dL_b/du_l (per sample, not averaged), returns sum_b L_b; counts the
/// correct argmax predictions into `correct` when given. Max-subtracted, no allocation.
inline double softmax_cross_entropy(const double* u, const std::uint8_t* labels, std::size_t batch,
                                    std::size_t outputs, double logit_scale, double* delta,
                                    std::size_t* correct = nullptr) noexcept {
  double loss = 0.0;
  for (std::size_t b = 0; b < batch; ++b) {
    const double* ub = u + b * outputs;
    double* db = delta + b * outputs;
    std::size_t best = 0;
    for (std::size_t l = 1; l < outputs; ++l)
      if (ub[l] > ub[best]) best = l;
    if (correct && best == labels[b]) ++*correct;
    const double z_max = logit_scale * ub[best];
    double sum = 0.0;
    for (std::size_t l = 0; l < outputs; ++l) {
      db[l] = std::exp(logit_scale * ub[l] - z_max);
      sum += db[l];
    }
    loss += std::log(sum) - (logit_scale * ub[labels[b]] - z_max);
    for (std::size_t l = 0; l < outputs; ++l) db[l] = logit_scale * (db[l] / sum - (l == labels[b] ? 1.0 : 0.0));
  }
  return loss;
}

}  // namespace spinaptic::learning
