// spinaptic/learning/evaluate.hpp: loss, accuracy and confusion matrix of a network on a data set.
#pragma once

#include <algorithm>
#include <cstddef>
#include <random>
#include <vector>

#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/concepts/loss.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/learning/data_set.hpp"
#include "spinaptic/learning/training_options.hpp"
#include "spinaptic/nonideal/read_noise.hpp"
#include "spinaptic/units.hpp"

namespace spinaptic::learning {

/// Loss, accuracy and confusion matrix of `net` on `data`, with read noise on its column voltages
/// drawn from `engine` when `noise` is enabled (needs a network with voltage outputs). Needs no
/// optimiser. Allocates its kernels and buffers.
template <layer Network, loss Loss, std::uniform_random_bit_generator Engine>
[[nodiscard]] evaluation evaluate(const Network& net, const data_set& data, const Loss& loss_function,
                                  const nonideal::read_noise& noise, Engine& engine) {
  check_data(net, data);
  typename Network::kernels_type kernels;
  kernels.prepare(net);
  const std::size_t L = net.outputs(), n = data.size(), block = 256;
  std::vector<double> u(block * L), delta(L), workspace(kernels.workspace_size());
  evaluation e;
  e.confusion = xt::xtensor<std::size_t, 2>({L, L}, 0);
  typename Loss::sum_type sum{};
  const bool noisy = noise.enabled();
  for (std::size_t start = 0; start < n; start += block) {
    const std::size_t B = std::min(block, n - start);
    for (std::size_t b = 0; b < B; ++b) kernels.forward(data.dense(start + b), u.data() + b * L, workspace.data());
    if (noisy) {
      if constexpr (voltage_output<Network>)
        noise.apply(u.data(), B * L, net.output_full_scale(), engine);
      else
        throw invalid_parameter("read noise sigma [V]", units::in_si(noise.sigma()),
                                "0 for a network whose outputs are not column voltages");
    }
    for (std::size_t b = 0; b < B; ++b) {
      const double* ub = u.data() + b * L;
      const std::size_t y = data.labels()[start + b];
      e.correct += loss_function.sample(ub, y, L, delta.data(), sum);
      ++e.confusion(y, static_cast<std::size_t>(std::max_element(ub, ub + L) - ub));
    }
  }
  e.mean_loss = sum.value();
  e.samples = n;
  static_cast<pass_result&>(e) = detail_trainer::finish(e);
  return e;
}

/// evaluate() without read noise.
template <layer Network, loss Loss>
[[nodiscard]] evaluation evaluate(const Network& net, const data_set& data, const Loss& loss_function) {
  std::minstd_rand unused;  // no noise is drawn
  return evaluate(net, data, loss_function, nonideal::read_noise{}, unused);
}

}  // namespace spinaptic::learning
