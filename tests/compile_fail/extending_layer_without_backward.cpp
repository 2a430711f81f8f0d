// Mistake (docs/extending.md): a layer whose kernels have no backward pass (nothing to train
// with); the trainer refuses it, naming the `layer` concept (and `layer_kernels`).
// expect-error: (satisfaction of [^ a-z]+layer<Network>|does not satisfy 'layer')
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include <spinaptic/learning/trainer.hpp>
namespace net = spinaptic::network;
struct scaled_identity {
  static constexpr std::size_t parameter_blocks = 1;
  std::vector<double> gain = std::vector<double>(1, 1.0);
  struct kernels {
    double g = 1.0;
    void prepare(const scaled_identity& l) { g = l.gain[0]; }
    [[nodiscard]] std::size_t workspace_size() const { return 0; }
    [[nodiscard]] std::size_t accumulator_size() const { return 1; }
    void forward(net::dense_drives in, double* out, double*) const {
      for (std::size_t j = 0; j < in.rows; ++j) out[j] = g * in.drive[j];
    }
#ifdef SPINAPTIC_CORRECT_LINE
    void backward(net::dense_drives in, const double*, const double* delta, double* delta_in, double* acc) const {
      for (std::size_t j = 0; j < in.rows; ++j) {
        acc[0] += in.drive[j] * delta[j];
        if (delta_in) delta_in[j] = g * delta[j];
      }
    }
#endif
    template <std::size_t I>
    [[nodiscard]] double gradient_and_clear(double* acc, std::size_t d) const {
      return std::exchange(acc[d], 0.0);
    }
  };
  using kernels_type = kernels;
  [[nodiscard]] std::size_t inputs() const { return 2; }
  [[nodiscard]] std::size_t outputs() const { return 2; }
  template <std::size_t I>
  [[nodiscard]] net::parameter_view parameters() {
    return {std::span<double>(gain), 0.0, 10.0};
  }
};
int main() {
  scaled_identity layer;
  spinaptic::learning::trainer<scaled_identity, spinaptic::learning::softmax_cross_entropy_loss, spinaptic::learning::sgd>
      trainer(layer, spinaptic::learning::sgd{}, {});
  (void)trainer;
}
