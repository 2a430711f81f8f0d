// spinaptic/spinaptic.hpp: umbrella header; includes the public headers, nothing else.
#pragma once

#include "spinaptic/concepts.hpp"
#include "spinaptic/device/magnetic_state.hpp"
#include "spinaptic/device/measured_response.hpp"
#include "spinaptic/device/mtj.hpp"
#include "spinaptic/device/presets.hpp"
#include "spinaptic/device/resistance.hpp"
#include "spinaptic/device/response_surface.hpp"
#include "spinaptic/device/stack.hpp"
#include "spinaptic/device/thermal.hpp"
#include "spinaptic/device/thermoelectric.hpp"
#include "spinaptic/error.hpp"
#include "spinaptic/excitation/electrical.hpp"
#include "spinaptic/excitation/hybrid.hpp"
#include "spinaptic/excitation/optical.hpp"
#include "spinaptic/io/csv.hpp"
#include "spinaptic/units.hpp"
