// Mistake: a synaptic current (pA) given where a conductance-based LIF's leak conductance belongs.
// expect-error: could not convert|cannot convert|no matching function|conversion from
// expect-error-clang: no viable conversion from
#include <spinaptic/neuron/lif_conductance.hpp>
#include <spinaptic/neuron/literals.hpp>
using namespace spinaptic::literals;
int main() {
#ifdef SPINAPTIC_CORRECT_LINE
  const spinaptic::neuron::conductance_synapses syn{10.0_nS, {0.0_mV, -80.0_mV}, {5.0_ms, 10.0_ms}};
#else
  const spinaptic::neuron::conductance_synapses syn{10.0_pA, {0.0_mV, -80.0_mV}, {5.0_ms, 10.0_ms}};
#endif
  (void)syn;
}
