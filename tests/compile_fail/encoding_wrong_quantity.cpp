// Mistake: an input encoding that returns a laser power (a quantity in W) where the crossbar needs
// the normalised drive p = P/P_max (a double); the diagnostic names the `input_encoding` concept.
// expect-error: (input_encoding<Encoding>|does not satisfy 'input_encoding')
#include <spinaptic/device/presets.hpp>
#include <spinaptic/network/crossbar.hpp>

struct power_encoding {
#ifdef SPINAPTIC_CORRECT_LINE
  static double normalized_drive(double x, double x_max) { return x / x_max; }
#else
  static spinaptic::units::power normalized_drive(double x, double x_max) {
    return spinaptic::units::as<spinaptic::units::power>(0.15 * x / x_max);
  }
#endif
};

int main() {
  using preset = spinaptic::device::presets::hybrid_mgo_800nm;
  spinaptic::network::crossbar<4, 2, preset::response_type, power_encoding> layer(preset::response());
  (void)layer;
}
