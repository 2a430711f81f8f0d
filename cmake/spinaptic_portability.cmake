# spinaptic's portability contract, checked where the library is configured (CMakeLists.txt) and
# where it is found (spinapticConfig.cmake), so an unsupported tool chain stops with a message
# instead of a page of template errors:
#   * C++20 with GCC >= 12 or Clang (LLVM) >= 14: the SIMD rows (detail/simd.hpp) use the GCC
#     vector extensions (__attribute__((vector_size))), which both implement and MSVC does not;
#   * a POSIX system: checkpoints (io/checkpoint.hpp) use <unistd.h> (fsync, getpid).
# Set SPINAPTIC_ALLOW_UNSUPPORTED_TOOLCHAIN=ON to turn the stop into a warning at your own risk.

# spinaptic_portability_problems(OUT): OUT = what breaks the contract here, in words ("" if nothing).
function(spinaptic_portability_problems out)
  set(problems "")
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 12)
      string(APPEND problems "g++ ${CMAKE_CXX_COMPILER_VERSION} is older than the supported g++ 12 and ")
    endif()
  elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 14)
      string(APPEND problems "clang ${CMAKE_CXX_COMPILER_VERSION} is older than the supported clang 14 and ")
    endif()
  elseif(CMAKE_CXX_COMPILER_ID)
    string(APPEND problems "the C++ compiler ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION} "
                           "lacks the GCC vector extensions of the SIMD rows and ")
  endif()
  if(NOT UNIX)
    string(APPEND problems "${CMAKE_SYSTEM_NAME} is not a POSIX system (checkpoints need <unistd.h>) and ")
  endif()
  string(REGEX REPLACE " and $" "" problems "${problems}")
  set(${out} "${problems}" PARENT_SCOPE)
endfunction()

# spinaptic_check_portability(): stops configuring (or warns, see above) when the contract breaks.
function(spinaptic_check_portability)
  spinaptic_portability_problems(problems)
  if(problems)
    set(text "spinaptic supports g++ >= 12 or clang >= 14 (C++20 with GCC vector extensions) on a "
             "POSIX system, but here ${problems}. Set SPINAPTIC_ALLOW_UNSUPPORTED_TOOLCHAIN=ON to "
             "try anyway.")
    string(CONCAT text ${text})
    if(SPINAPTIC_ALLOW_UNSUPPORTED_TOOLCHAIN)
      message(WARNING "${text}")
    else()
      message(FATAL_ERROR "${text}")
    endif()
  endif()
endfunction()
