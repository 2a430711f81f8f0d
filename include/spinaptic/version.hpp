// spinaptic/version.hpp: the library's version, the one place it is written down.
// CMakeLists.txt reads the project version from these three macros.
#pragma once

/// @file
/// @brief The library's version as macros (for the preprocessor) and as constants.

/// Major version: incremented for changes that break the public API.
#define SPINAPTIC_VERSION_MAJOR 0
/// Minor version: incremented for additions that keep the public API compatible.
#define SPINAPTIC_VERSION_MINOR 1
/// Patch version: incremented for fixes that change no API.
#define SPINAPTIC_VERSION_PATCH 0

/// Turns the argument into a string literal after macro expansion (helper for
/// SPINAPTIC_VERSION_STRING).
#define SPINAPTIC_VERSION_STRINGIFY(x) SPINAPTIC_VERSION_STRINGIFY_IMPL(x)
/// Turns the argument into a string literal without macro expansion.
#define SPINAPTIC_VERSION_STRINGIFY_IMPL(x) #x

/// The version as a string literal, "MAJOR.MINOR.PATCH" (e.g. "0.1.0").
#define SPINAPTIC_VERSION_STRING                                                       \
  SPINAPTIC_VERSION_STRINGIFY(SPINAPTIC_VERSION_MAJOR)                                 \
  "." SPINAPTIC_VERSION_STRINGIFY(SPINAPTIC_VERSION_MINOR) "." SPINAPTIC_VERSION_STRINGIFY( \
      SPINAPTIC_VERSION_PATCH)

/// The version as one integer, MAJOR * 10000 + MINOR * 100 + PATCH (e.g. 100 for 0.1.0), for
/// comparisons in `#if`.
#define SPINAPTIC_VERSION \
  (SPINAPTIC_VERSION_MAJOR * 10000 + SPINAPTIC_VERSION_MINOR * 100 + SPINAPTIC_VERSION_PATCH)

namespace spinaptic {

/// The version of the headers in use, as constants (the same values as the macros).
struct version_info {
  int major;  ///< SPINAPTIC_VERSION_MAJOR
  int minor;  ///< SPINAPTIC_VERSION_MINOR
  int patch;  ///< SPINAPTIC_VERSION_PATCH
  const char* string;  ///< SPINAPTIC_VERSION_STRING
};

/// The version of the headers this translation unit was compiled with.
inline constexpr version_info version{SPINAPTIC_VERSION_MAJOR, SPINAPTIC_VERSION_MINOR,
                                      SPINAPTIC_VERSION_PATCH, SPINAPTIC_VERSION_STRING};

}  // namespace spinaptic
