# spinaptic's portability contract, checked where the library is configured (CMakeLists.txt) and
# where it is found (spinapticConfig.cmake), so an unsupported tool chain stops with a message
# instead of a page of template errors:
#   * C++20 with GCC >= 12 or Clang (LLVM) >= 14: the SIMD rows (detail/simd.hpp) use the GCC
#     vector extensions (__attribute__((vector_size))), which both implement and MSVC does not;
#   * a POSIX system: checkpoints (io/checkpoint.hpp) use <unistd.h> (fsync, getpid).
# Set SPINAPTIC_ALLOW_UNSUPPORTED_TOOLCHAIN=ON to turn the stop into a warning at your own risk.
function(spinaptic_check_portability)
  set(problems "")
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 12)
      list(APPEND problems "g++ ${CMAKE_CXX_COMPILER_VERSION} is older than the supported g++ 12")
    endif()
  elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 14)
      list(APPEND problems "clang ${CMAKE_CXX_COMPILER_VERSION} is older than the supported clang 14")
    endif()
  elseif(CMAKE_CXX_COMPILER_ID)
    list(APPEND problems "the C++ compiler '${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}' "
                         "lacks the GCC vector extensions spinaptic's SIMD rows use")
  endif()
  if(NOT UNIX)
    list(APPEND problems "'${CMAKE_SYSTEM_NAME}' is not a POSIX system (checkpoints need <unistd.h>)")
  endif()
  if(problems)
    list(JOIN problems "; " text)
    set(text "spinaptic supports g++ >= 12 or clang >= 14 (C++20, GCC vector extensions) on a POSIX "
             "system; here ${text}. Set SPINAPTIC_ALLOW_UNSUPPORTED_TOOLCHAIN=ON to try anyway.")
    string(JOIN "" text ${text})
    if(SPINAPTIC_ALLOW_UNSUPPORTED_TOOLCHAIN)
      message(WARNING "${text}")
    else()
      message(FATAL_ERROR "${text}")
    endif()
  endif()
endfunction()
