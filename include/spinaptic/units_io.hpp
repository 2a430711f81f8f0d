// spinaptic/units_io.hpp: printing quantities with their SI unit (`std::cout << 2.0_K` writes
// "2 K"), Boost.Units' io.hpp. A header of its own, included by what prints quantities: the
// stream machinery costs every unit that includes units.hpp about 0.2 s of CPU, and spinaptic
// itself prints only plain SI doubles (in_si). Not included by spinaptic.hpp.
#pragma once

#include <boost/units/io.hpp>

#include "spinaptic/units.hpp"
