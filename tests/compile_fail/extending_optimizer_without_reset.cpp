// Mistake (docs/extending.md): an update rule without reset(n) (nothing checks its
// hyper-parameters or sizes its state); the trainer refuses it, naming the `optimizer` concept.
// expect-error: (satisfaction of [^ a-z]+optimizer<Rule>|does not satisfy 'optimizer')
#include <cstddef>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>
struct sign_descent {
  static constexpr bool whole_vector_update = true;  // a whole-vector rule, said so (concepts/learning.hpp)
  double learning_rate = 1e-3;
#ifdef SPINAPTIC_CORRECT_LINE
  void reset(std::size_t) {}
#endif
  void step(double* x, const double* g, std::size_t n) const noexcept {
    for (std::size_t k = 0; k < n; ++k) x[k] -= learning_rate * (g[k] > 0.0 ? 1.0 : g[k] < 0.0 ? -1.0 : 0.0);
  }
};
int main() {
  using preset = spinaptic::device::presets::hybrid_mgo_800nm;
  using layer = spinaptic::network::crossbar<4, 2, preset::response_type>;
  layer net(preset::response());
  spinaptic::learning::trainer<layer, spinaptic::learning::softmax_cross_entropy_loss, sign_descent> trainer(
      net, sign_descent{}, {});
  (void)trainer;
}
