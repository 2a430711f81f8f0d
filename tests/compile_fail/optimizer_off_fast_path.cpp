// Mistake: an optimiser meant to be element-wise whose update() is slightly off (no parameter
// index k) but which also has a whole-vector step(): it does not silently run on the slower
// whole-vector path; the trainer refuses it and the diagnostic names the `optimizer` concept.
// expect-error: (optimizer<|does not satisfy 'optimizer'|elementwise_optimizer)
#include <cstddef>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/learning/optimizers.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>

struct momentum_sgd {
  double learning_rate = 0.05;
  void reset(std::size_t) {}
  void begin_step() {}
#ifdef SPINAPTIC_CORRECT_LINE
  [[nodiscard]] double update(double x, double g, std::size_t) const { return x - learning_rate * g; }
#else
  [[nodiscard]] double update(double x, double g) const { return x - learning_rate * g; }
#endif
  void step(double* x, const double* g, std::size_t n) const {
    for (std::size_t k = 0; k < n; ++k) x[k] -= learning_rate * g[k];
  }
};

int main() {
  using preset = spinaptic::device::presets::hybrid_mgo_800nm;
  spinaptic::network::crossbar<4, 2, preset::response_type> net(preset::response());
  spinaptic::learning::trainer<decltype(net), spinaptic::learning::softmax_cross_entropy_loss, momentum_sgd> trainer(
      net, momentum_sgd{}, {});
  (void)trainer;
}
