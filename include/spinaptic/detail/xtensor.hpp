// spinaptic/detail/xtensor.hpp: the one place spinaptic includes xtensor, so the headers compile
// against every supported xtensor: 0.24/0.25 (flat layout, <xtensor/xtensor.hpp>, Debian 12 ships
// 0.24.3) and 0.26 or newer (headers moved into folders, <xtensor/containers/xtensor.hpp>; vcpkg
// and Conan ship these). spinaptic uses only the fixed-rank container xt::xtensor and the
// builder xt::zeros. Not public API: include the spinaptic header you need instead.
#pragma once

// The container first, then the builder.
#if __has_include(<xtensor/containers/xtensor.hpp>)
#include <xtensor/containers/xtensor.hpp>
#include <xtensor/generators/xbuilder.hpp>
#elif __has_include(<xtensor/xtensor.hpp>)
#include <xtensor/xtensor.hpp>
#include <xtensor/xbuilder.hpp>
#else
#error "spinaptic needs xtensor 0.24 or newer (https://github.com/xtensor-stack/xtensor); none was found on the include path"
#endif

#if !defined(XTENSOR_VERSION_MAJOR) || (XTENSOR_VERSION_MAJOR == 0 && XTENSOR_VERSION_MINOR < 24)
#error "spinaptic needs xtensor 0.24 or newer"
#endif
