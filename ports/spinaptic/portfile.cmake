# vcpkg overlay port for spinaptic (header-only), built from this source tree:
#   vcpkg install spinaptic --overlay-ports=<spinaptic>/ports
# The port lives in the repository it packages, so its source is two folders up. A port for a
# registry would fetch a release instead, followed by the same calls:
#   vcpkg_from_github(OUT_SOURCE_PATH SOURCE_PATH REPO <owner>/spinaptic REF "v${VERSION}" SHA512 <sha512>)
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

# Header-only: one release install serves every configuration.
set(VCPKG_BUILD_TYPE release)

# Features: calibration (Eigen) and mpi (MPI, Boost.MPI, nlohmann-json) are optional components of
# the package, installed only with their feature and found only when a consumer asks for them
# (find_package(spinaptic COMPONENTS calibration mpi); see usage).
vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
  FEATURES
    calibration SPINAPTIC_WITH_CALIBRATION
    mpi SPINAPTIC_WITH_MPI
)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    ${FEATURE_OPTIONS}
    -DSPINAPTIC_INSTALL=ON
    -DSPINAPTIC_BUILD_TESTS=OFF
    -DSPINAPTIC_BUILD_BENCHMARKS=OFF
    -DSPINAPTIC_BUILD_EXAMPLES=OFF
)
vcpkg_cmake_install()
# The project installs its CMake package to share/cmake/spinaptic; vcpkg wants share/spinaptic.
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/spinaptic)
# The licence goes to share/spinaptic/copyright, not to the project's share/doc.
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/share/doc")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
