// The spinaptic side of scripts/compare-brian2-coba: the Vogels-Abbott COBA (or CUBA) network of
// Brette et al. (2007), 1 s of simulated time, one thread. Prints the process CPU time and the wall
// time of the run (building the network excluded, as in Brian2's measurement), the mean rate and
// the mean ISI coefficient of variation.
//   compare_brian2_coba_spinaptic coba|cuba <neurons> <seed> <seconds> [spikes.txt]
// With a fifth argument, every spike is written there as a line "neuron time_s".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <time.h>

#include "spinaptic/network/spiking/vogels_abbott.hpp"

int main(int argc, char** argv) {
  namespace ss = spinaptic::network::spiking;
  using spinaptic::units::as;
  using spinaptic::units::time;
  const std::string which = argc > 1 ? argv[1] : "coba";
  ss::vogels_abbott_settings s;
  s.neurons = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 4000;
  s.run.seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  s.run.block = s.neurons;
  const double seconds = argc > 4 ? std::strtod(argv[4], nullptr) : 1.0;
  auto report = [&](auto& net) {
    auto& mon = net.template record_spikes<0>();
    timespec c0{}, c1{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    const auto t0 = std::chrono::steady_clock::now();
    net.run(as<time>(seconds));
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    std::printf("cpu_s %.6f\n", double(c1.tv_sec - c0.tv_sec) + 1e-9 * double(c1.tv_nsec - c0.tv_nsec));
    std::printf("wall_s %.6f\nrate_hz %.6f\ncv %.6f\nspikes %zu\n", wall,
                spinaptic::units::in_si(mon.mean_rate(as<time>(0.0), as<time>(seconds))), mon.mean_isi_cv(), mon.size());
    if (argc > 5) {
      std::ofstream out(argv[5]);
      for (std::size_t k = 0; k < mon.size(); ++k)
        out << mon.indices()[k] << ' ' << spinaptic::units::in_si(mon.time(k)) << '\n';
    }
  };
  if (which == "cuba") {
    auto net = ss::make_cuba(s);
    report(net);
  } else {
    auto net = ss::make_coba(s);
    report(net);
  }
  return 0;
}
