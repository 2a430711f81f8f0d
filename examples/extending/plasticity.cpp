// examples/extending/plasticity.cpp: one's own plasticity rule on a projection (docs/extending.md).
//
// The concept (spinaptic/concepts/spiking.hpp):
//   plasticity_rule<R>: r.prepare(dt, n_pre, n_post)   size the traces, precompute their decay over dt
//                       r.decay()                       advance every trace by one step
//                       r.on_pre(i, row, n_post)        presynaptic spike of i: update w_ij, j < n_post
//                       r.on_post(j, w, n_pre, stride)  postsynaptic spike of j: update w[i stride + j]
// network::spiking::plastic_dense_projection<Rule> calls them every step: decay(), then on_pre for
// this step's presynaptic spikes, then on_post for the postsynaptic ones.
// The rule here: pair STDP with soft bounds (multiplicative weight dependence; van Rossum, Bi &
// Turrigiano, J. Neurosci. 20, 8812 (2000)) with traces x (tau_plus) and y (tau_minus):
//   post spike: w <- w + A_plus (w_max - w) x,     pre spike: w <- w - A_minus w y,
// so one pair with Delta t = t_post - t_pre changes a weight w_0 by
//   +A_plus (w_max - w_0) exp(-Delta t / tau_plus)   (Delta t > 0),
//   -A_minus w_0 exp(Delta t / tau_minus)             (Delta t < 0).
// The program runs the pairing protocol through the library's plastic projection for Delta t from
// -50 to +50 ms and checks the window against these closed forms.
// The last line printed is max_window_error=...
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <spinaptic/network/spiking/dense_projection.hpp>

#include "../common/command_line.hpp"

namespace ss = spinaptic::network::spiking;

/// Soft-bound pair STDP on raw SI weights (siemens or amperes, as the projection's channel).
class soft_bound_stdp {
 public:
  soft_bound_stdp(double a_plus, double a_minus, double tau_plus, double tau_minus, double w_max)
      : a_plus_(a_plus), a_minus_(a_minus), tau_plus_(tau_plus), tau_minus_(tau_minus), w_max_(w_max) {}

  void prepare(double dt, std::size_t n_pre, std::size_t n_post) {
    x_.assign(n_pre, 0.0);
    y_.assign(n_post, 0.0);
    decay_x_ = std::exp(-dt / tau_plus_);
    decay_y_ = std::exp(-dt / tau_minus_);
  }
  void decay() noexcept {
    for (double& x : x_) x *= decay_x_;
    for (double& y : y_) y *= decay_y_;
  }
  void on_pre(std::size_t i, double* row, std::size_t n_post) noexcept {
    for (std::size_t j = 0; j < n_post; ++j) row[j] -= a_minus_ * row[j] * y_[j];
    x_[i] += 1.0;
  }
  void on_post(std::size_t j, double* w, std::size_t n_pre, std::size_t stride) noexcept {
    for (std::size_t i = 0; i < n_pre; ++i) w[i * stride + j] += a_plus_ * (w_max_ - w[i * stride + j]) * x_[i];
    y_[j] += 1.0;
  }

 private:
  double a_plus_, a_minus_, tau_plus_, tau_minus_, w_max_, decay_x_ = 0.0, decay_y_ = 0.0;
  std::vector<double> x_, y_;
};
static_assert(ss::plasticity_rule<soft_bound_stdp>);
static_assert(ss::plastic_projection<ss::plastic_dense_projection<soft_bound_stdp>>);

int main(int argc, char** argv) {
  if (const int code = example::parse_without_options(argc, argv, "one's own plasticity rule on a projection (docs/extending.md)."); code >= 0) return code;
  const double dt = 1e-4, a_plus = 0.01, a_minus = 0.012, tau_plus = 16.8e-3, tau_minus = 33.7e-3;  // Bi & Poo, Annu. Rev. Neurosci. 24, 139 (2001)
  const double w0 = 0.5e-9, w_max = 1e-9;  // siemens
  double worst = 0.0;
  for (int lag = -500; lag <= 500; lag += 50) {  // Delta t = lag dt
    ss::plastic_dense_projection<soft_bound_stdp> synapse(1, 1, 0, w0, soft_bound_stdp(a_plus, a_minus, tau_plus, tau_minus, w_max));
    synapse.prepare(dt);
    const std::uint32_t neuron = 0;
    const std::size_t pre_step = lag >= 0 ? 0 : std::size_t(-lag), post_step = lag >= 0 ? std::size_t(lag) : 0;
    for (std::size_t step = 0; step <= std::max(pre_step, post_step); ++step)
      synapse.learn({&neuron, step == pre_step ? 1u : 0u}, {&neuron, step == post_step ? 1u : 0u}, step);
    const double change = synapse.weights()(0, 0) - w0, t = lag * dt;
    // Delta t = 0: pre is handled before post in the same step, so the post spike sees x = 1.
    const double expected = t >= 0 ? a_plus * (w_max - w0) * std::exp(-t / tau_plus) : -a_minus * w0 * std::exp(t / tau_minus);
    worst = std::max(worst, std::abs(change - expected) / (a_plus * w_max));
    std::printf("Delta t = %+6.1f ms: Delta w / w_0 = %+.5f (closed form %+.5f)\n", t * 1e3, change / w0, expected / w0);
  }
  std::printf("max_window_error=%.1e\n", worst);
  return worst < 1e-12 ? 0 : 1;
}
