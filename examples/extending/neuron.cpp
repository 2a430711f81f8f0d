// examples/extending/neuron.cpp: one's own neuron model in a spiking network (docs/extending.md).
//
// The concept (spinaptic/concepts/spiking.hpp):
//   spike_source<N>: cn.size(); n.prepare(dt, seed); n.update(begin, end, step, fired)
//   neuron_model<N> = spike_source<N> and
//     N::channels (synaptic input channels), N::variable_names (for state monitors),
//     n.input(c) -> double* (projections add their weights here), cn.variable(k) -> const double*.
// The model here: the perfect (non-leaky) integrate-and-fire neuron with a bias current and an
// exponential current synapse (Lapicque 1907; Gerstner & Kistler, Spiking Neuron Models, 2002),
//   C dV/dt = I_bias + I_syn,   tau_s dI_syn/dt = -I_syn,   a spike of weight w: I_syn += w,
//   V >= V_th: spike, V -= V_th.
// Charge is conserved: over a run of length T a neuron fires floor((I_bias T + Q_syn) / (C V_th))
// times, where Q_syn = w tau_s x (input spikes) up to the charge still in the synapse at the end.
// A Poisson group drives 10 neurons of different bias currents through a dense projection; the
// program counts the input spikes and checks every neuron's count against that closed form.
// The last line printed is max_count_error=...
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <vector>

#include <spinaptic/network/spiking/dense_projection.hpp>
#include <spinaptic/network/spiking/poisson_group.hpp>
#include <spinaptic/network/spiking/simulation.hpp>

#include "../common/command_line.hpp"

namespace sp = spinaptic;
namespace ss = spinaptic::network::spiking;
using namespace spinaptic::literals;

/// Perfect integrate-and-fire neurons with an exponential current synapse; raw SI in the arrays.
class perfect_integrator {
 public:
  static constexpr std::size_t channels = 1;  ///< channel 0: synaptic current jumps [A]
  static constexpr std::array<std::string_view, 2> variable_names{"V", "I_syn"};

  perfect_integrator(std::vector<double> bias_A, double capacitance_F, double threshold_V, double tau_s)
      : bias_(std::move(bias_A)), c_(capacitance_F), v_th_(threshold_V), tau_(tau_s),
        v_(bias_.size(), 0.0), i_(bias_.size(), 0.0), in_(bias_.size(), 0.0) {}

  [[nodiscard]] std::size_t size() const noexcept { return bias_.size(); }
  /// Precomputes the synaptic decay a = exp(-dt/tau_s) and the charge of a unit current over a step.
  void prepare(double dt, std::uint64_t /*seed*/) {
    dt_ = dt;
    decay_ = std::exp(-dt / tau_);
    charge_per_ampere_ = tau_ * (1.0 - decay_);  // integral of exp(-t/tau_s) over one step
  }
  /// Exact integration over one step (piecewise-constant bias, exponential synapse).
  void update(std::size_t begin, std::size_t end, std::uint64_t /*step*/, std::uint8_t* fired) noexcept {
    for (std::size_t k = begin; k < end; ++k) {
      i_[k] += in_[k];
      in_[k] = 0.0;
      v_[k] += (bias_[k] * dt_ + i_[k] * charge_per_ampere_) / c_;
      i_[k] *= decay_;
      fired[k] = v_[k] >= v_th_;
      if (fired[k]) v_[k] -= v_th_;
    }
  }
  [[nodiscard]] double* input(std::size_t /*channel*/) noexcept { return in_.data(); }
  [[nodiscard]] const double* variable(std::size_t k) const noexcept { return k == 0 ? v_.data() : i_.data(); }
  /// The synaptic current not yet integrated: I_syn plus the jumps that arrived in the last step [A].
  [[nodiscard]] double pending_current(std::size_t k) const noexcept { return i_[k] + in_[k]; }

 private:
  std::vector<double> bias_;
  double c_, v_th_, tau_, dt_ = 0.0, decay_ = 0.0, charge_per_ampere_ = 0.0;
  std::vector<double> v_, i_, in_;
};
static_assert(ss::neuron_model<perfect_integrator>);

int main(int argc, char** argv) {
  if (const int code = example::parse_without_options(argc, argv, "one's own neuron model in a spiking network (docs/extending.md)."); code >= 0) return code;
  constexpr std::size_t sources = 100, neurons = 10;
  const double c = 200e-12, v_th = 20e-3, tau_s = 5e-3, w = 40e-12, seconds = 2.0;  // C V_th = 4 pC; w tau_s = 0.2 pC
  std::vector<double> bias(neurons);
  for (std::size_t k = 0; k < neurons; ++k) bias[k] = 0.1e-9 * double(k + 1);  // 0.1 .. 1.0 nA: 25 .. 250 Hz alone

  ss::poisson_group input(sources);
  input.set_rate_all(10.0_Hz);
  using network = ss::simulation<std::tuple<ss::poisson_group, perfect_integrator>, ss::link<0, 1, ss::dense_projection>>;
  network net({.dt = 0.1_ms, .seed = 7}, std::tuple{input, perfect_integrator(bias, c, v_th, tau_s)},
              ss::link<0, 1, ss::dense_projection>{ss::dense_projection(sources, neurons, 0, w)});
  auto& in_spikes = net.record_spikes<0>();
  auto& out_spikes = net.record_spikes<1>();
  net.run(seconds * sp::units::second);

  // Every neuron received every input spike: Q_syn = w tau_s n_in, less what is still in the synapse.
  const double n_in = double(in_spikes.size());
  const auto counts = out_spikes.counts();
  double worst = 0.0;
  for (std::size_t k = 0; k < neurons; ++k) {
    const double q = bias[k] * seconds + w * tau_s * n_in - net.group<1>().pending_current(k) * tau_s;
    const double expected = std::floor(q / (c * v_th));
    worst = std::max(worst, std::abs(double(counts[k]) - expected));
    std::printf("I_bias %.1f nA: %zu spikes in %.0f s, charge conservation gives %.0f\n", bias[k] * 1e9, counts[k],
                seconds, expected);
  }
  std::printf("%.0f input spikes (%.2f Hz per source)\n", n_in, n_in / (sources * seconds));
  std::printf("max_count_error=%.0f\n", worst);
  return worst <= 1.0 ? 0 : 1;
}
