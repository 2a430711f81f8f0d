# spinaptic_extract_readme_example(README OUT): writes the first ```cpp block of README plus an
# empty main() to OUT (only when it changed, so an unrelated README edit rebuilds nothing), so
# the README's usage example cannot rot.
function(spinaptic_extract_readme_example readme out)
  file(READ ${readme} text)
  string(FIND "${text}" "```cpp\n" start)
  if(start EQUAL -1)
    message(FATAL_ERROR "no ```cpp block in ${readme}")
  endif()
  math(EXPR start "${start} + 7")
  string(SUBSTRING "${text}" ${start} -1 rest)
  string(FIND "${rest}" "```" stop)
  string(SUBSTRING "${rest}" 0 ${stop} snippet)
  file(CONFIGURE OUTPUT ${out} CONTENT "${snippet}\nint main() { return 0; }\n" @ONLY)
endfunction()
