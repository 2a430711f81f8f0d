// Mistake (docs/extending.md): a neuron model without its synaptic input array (input(c)) as the
// target of a projection; the simulation refuses it, naming the `neuron_model` concept.
// expect-error: must satisfy spinaptic::neuron_model
#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <vector>

#include <spinaptic/network/spiking/dense_projection.hpp>
#include <spinaptic/network/spiking/poisson_group.hpp>
#include <spinaptic/network/spiking/simulation.hpp>
namespace ss = spinaptic::network::spiking;
struct integrator {
  static constexpr std::size_t channels = 1;
  static constexpr std::array<std::string_view, 1> variable_names{"V"};
  std::vector<double> v = std::vector<double>(4, 0.0), in = std::vector<double>(4, 0.0);
  [[nodiscard]] std::size_t size() const noexcept { return v.size(); }
  void prepare(double, std::uint64_t) {}
  void update(std::size_t begin, std::size_t end, std::uint64_t, std::uint8_t* fired) noexcept {
    for (std::size_t k = begin; k < end; ++k) fired[k] = 0;
  }
#ifdef SPINAPTIC_CORRECT_LINE
  [[nodiscard]] double* input(std::size_t) noexcept { return in.data(); }
#endif
  [[nodiscard]] const double* variable(std::size_t) const noexcept { return v.data(); }
};
int main() {
  ss::simulation<std::tuple<ss::poisson_group, integrator>, ss::link<0, 1, ss::dense_projection>> net(
      {}, std::tuple{ss::poisson_group(2), integrator{}}, ss::link<0, 1, ss::dense_projection>{ss::dense_projection(2, 4, 0, 1e-12)});
  net.run_steps(1);
}
