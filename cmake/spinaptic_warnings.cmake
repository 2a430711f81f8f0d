# Warning flags for spinaptic's own targets (tests, benchmarks, examples). The INTERFACE
# target forces no flags on its users.
function(spinaptic_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
endfunction()

# Tests additionally treat warnings as errors.
function(spinaptic_warnings_as_errors target)
  spinaptic_warnings(${target})
  target_compile_options(${target} PRIVATE -Werror)
endfunction()
