// spinaptic/concepts.hpp: the one home of spinaptic's policy vocabulary, one header per family
// under spinaptic/concepts/.
#pragma once

#include "spinaptic/concepts/device.hpp"
#include "spinaptic/concepts/encoding.hpp"
#include "spinaptic/concepts/excitation.hpp"
#include "spinaptic/concepts/layer.hpp"
#include "spinaptic/concepts/learning.hpp"
#include "spinaptic/concepts/loss.hpp"
#include "spinaptic/concepts/spiking.hpp"
#include "spinaptic/concepts/vortex.hpp"
