# Runs cmake/spinaptic_portability.cmake on a tool chain given on the command line:
#   cmake -DID=GNU -DVERSION=11.4 -DSYSTEM_NAME=Linux -DSYSTEM_UNIX=ON -P portability.cmake
# prints the problems it finds on one line (unwrapped, for the tests to match), then runs the
# check itself, which stops with an error when there is a problem.
set(CMAKE_CXX_COMPILER_ID "${ID}")
set(CMAKE_CXX_COMPILER_VERSION "${VERSION}")
set(CMAKE_SYSTEM_NAME "${SYSTEM_NAME}")
if(SYSTEM_UNIX)
  set(UNIX 1)
else()
  unset(UNIX)
endif()
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/spinaptic_portability.cmake)
spinaptic_portability_problems(problems)
message(STATUS "portability problems: [${problems}]")
spinaptic_check_portability()
message(STATUS "portability: ${ID} ${VERSION} on ${SYSTEM_NAME} accepted")
