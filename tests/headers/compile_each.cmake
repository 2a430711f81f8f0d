# cmake -DCXX=<compiler> -DINCLUDE=<include dir> -P compile_each.cmake
# Compiles every public header alone (a translation unit that includes only it); fails listing
# each header that does not compile, with the compiler's first lines.
file(GLOB_RECURSE headers RELATIVE ${INCLUDE} ${INCLUDE}/spinaptic/*.hpp)
list(FILTER headers EXCLUDE REGEX "^spinaptic/(detail|calibration|mpi)/")
list(SORT headers)
set(failed "")
set(count 0)
foreach(header IN LISTS headers)
  math(EXPR count "${count} + 1")
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/header_alone.cpp "#include \"${header}\"\nint main() {}\n")
  execute_process(
    COMMAND ${CXX} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -I${INCLUDE}
            ${CMAKE_CURRENT_BINARY_DIR}/header_alone.cpp
    RESULT_VARIABLE result
    ERROR_VARIABLE errors)
  if(NOT result EQUAL 0)
    string(SUBSTRING "${errors}" 0 600 first)
    list(APPEND failed ${header})
    message("${header} does not compile alone:\n${first}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "headers that do not compile alone: ${failed}")
endif()
message("all ${count} public headers compile alone")
