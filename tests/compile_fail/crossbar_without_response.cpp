// A crossbar of something that is not a thermoelectric response is refused, naming the concept.
// expect-error: normalized_response
// expect-error-clang: does not satisfy 'normalized_response'
#include <spinaptic/device/presets.hpp>
#include <spinaptic/network/crossbar.hpp>

struct not_a_response {
  double normalized(double p, double x) const { return p * x; }
};

int main() {
  using preset = spinaptic::device::presets::hybrid_mgo_800nm;
#ifdef SPINAPTIC_CORRECT_LINE
  spinaptic::network::crossbar<4, 2, preset::response_type> layer(preset::response());
#else
  spinaptic::network::crossbar<4, 2, not_a_response> layer(not_a_response{});
#endif
  (void)layer;
}
