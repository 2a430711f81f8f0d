# Extract the first ```cpp block of README.md and compile it (plus an empty main) with the
# project's include path, so the README's usage example cannot rot.
# Inputs: README, OUT, CXX, INCLUDE.
file(READ ${README} text)
string(FIND "${text}" "```cpp\n" start)
if(start EQUAL -1)
  message(FATAL_ERROR "no ```cpp block in ${README}")
endif()
math(EXPR start "${start} + 7")
string(SUBSTRING "${text}" ${start} -1 rest)
string(FIND "${rest}" "```" stop)
string(SUBSTRING "${rest}" 0 ${stop} snippet)
file(WRITE ${OUT} "${snippet}\nint main() { return 0; }\n")
execute_process(COMMAND ${CXX} -std=c++20 -Wall -Wextra -Werror -I${INCLUDE} -o ${OUT}.bin ${OUT}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the README's usage example does not compile")
endif()
execute_process(COMMAND ${OUT}.bin RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the README's usage example does not run")
endif()
message(STATUS "README usage example compiles and runs")
