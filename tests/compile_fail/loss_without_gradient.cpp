// Mistake: a loss that gives its value but no gradient (no delta output); a trainer refuses it,
// naming the `loss` concept.
// expect-error: (loss<Loss>|does not satisfy 'loss')
#include <cstddef>

#include <spinaptic/device/presets.hpp>
#include <spinaptic/learning/mean_squared_error.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>

struct value_only_loss {
  using sum_type = spinaptic::learning::plain_sum;
  double value(const double* u, std::size_t label) const { return -u[label]; }
#ifdef SPINAPTIC_CORRECT_LINE
  bool sample(const double* u, std::size_t label, std::size_t outputs, double* delta, sum_type& sum) const {
    for (std::size_t l = 0; l < outputs; ++l) delta[l] = l == label ? -1.0 : 0.0;
    sum.add(value(u, label));
    return true;
  }
#endif
};

int main() {
  using preset = spinaptic::device::presets::hybrid_mgo_800nm;
  spinaptic::network::crossbar<4, 2, preset::response_type> net(preset::response());
  spinaptic::learning::trainer<decltype(net), value_only_loss, spinaptic::learning::sgd> trainer(
      net, value_only_loss{}, spinaptic::learning::sgd{}, {});
  (void)trainer;
}
