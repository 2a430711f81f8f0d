// spinaptic/detail/xtensor.hpp: the one place spinaptic includes xtensor, so the headers compile
// against every supported xtensor: 0.24/0.25 (flat layout, <xtensor/xtensor.hpp>, Debian 12 ships
// 0.24.3) and 0.26 or newer (headers moved into folders, <xtensor/containers/xtensor.hpp>; vcpkg
// and Conan ship these). spinaptic uses only the fixed-rank container xt::xtensor (zeros through
// its constructor from a shape and a value, not the builders of xbuilder.hpp, which cost about
// 0.2 s of CPU in every unit). Not public API: include the spinaptic header you need instead.
#pragma once

#if __has_include(<xtensor/containers/xtensor.hpp>)
#include <xtensor/containers/xtensor.hpp>
#elif __has_include(<xtensor/xtensor.hpp>)
#include <xtensor/xtensor.hpp>
#else
#error "spinaptic needs xtensor 0.24 or newer (https://github.com/xtensor-stack/xtensor); none was found on the include path"
#endif

#if !defined(XTENSOR_VERSION_MAJOR) || (XTENSOR_VERSION_MAJOR == 0 && XTENSOR_VERSION_MINOR < 24)
#error "spinaptic needs xtensor 0.24 or newer"
#endif
