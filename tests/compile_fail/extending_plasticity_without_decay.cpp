// Mistake (docs/extending.md): a plasticity rule without decay() (its traces would never fade);
// the plastic projection refuses it, naming the `plasticity_rule` concept.
// expect-error: satisfaction of [^ a-z]+plasticity_rule<
// expect-error-clang: does not satisfy 'plasticity_rule'
#include <cstddef>

#include <spinaptic/network/spiking/dense_projection.hpp>
namespace ss = spinaptic::network::spiking;
struct hebbian {
  void prepare(double, std::size_t, std::size_t) {}
#ifdef SPINAPTIC_CORRECT_LINE
  void decay() noexcept {}
#endif
  void on_pre(std::size_t, double*, std::size_t) noexcept {}
  void on_post(std::size_t j, double* w, std::size_t n_pre, std::size_t stride) noexcept {
    for (std::size_t i = 0; i < n_pre; ++i) w[i * stride + j] += 1e-12;
  }
};
int main() {
  ss::plastic_dense_projection<hebbian> synapses(2, 2, 0, 1e-9, hebbian{});
  synapses.prepare(1e-4);
}
