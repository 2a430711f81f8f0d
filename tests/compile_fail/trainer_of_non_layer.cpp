// Mistake: a trainer of a type that is not a layer (a plain array of currents); the diagnostic
// names the `layer` concept.
// expect-error: (layer<Network>|does not satisfy 'layer')
#include <spinaptic/device/presets.hpp>
#include <spinaptic/learning/trainer.hpp>
#include <spinaptic/network/crossbar.hpp>

struct not_a_layer {
  double currents[16];
};

int main() {
  using preset = spinaptic::device::presets::hybrid_mgo_800nm;
#ifdef SPINAPTIC_CORRECT_LINE
  spinaptic::network::crossbar<4, 2, preset::response_type> net(preset::response());
#else
  not_a_layer net{};
#endif
  spinaptic::learning::trainer<decltype(net), spinaptic::learning::softmax_cross_entropy_loss, spinaptic::learning::sgd>
      trainer(net, spinaptic::learning::sgd{}, {});
  (void)trainer;
}
